"""The engine through the API and the command line: same answers, clear errors, non-zero exits."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.management import CommandError, call_command

QUESTION: dict[str, Any] = {
    "rule": {"threshold": {"count": 3, "of": "notification"}, "later": {"delay": {"days": 0}}},
    "parties": [{"state": s, "weight": 1.0} for s in ["AM", "BY", "KZ", "KG", "RU", "TJ"]],
    "actions": [
        {"state": s, "type": "signature", "date": "2021-09-16"}
        for s in ["AM", "BY", "KZ", "KG", "RU", "TJ"]
    ]
    + [
        {"state": "BY", "type": "notification", "date": "2022-02-01"},
        {"state": "RU", "type": "notification", "date": "2022-04-20"},
    ],
}


def test_api_answers_what_if_questions(client_as):
    client = client_as("kazakh_representative")

    def post(body):
        return client.post(
            "/api/v1/agreements/entry-into-force", json.dumps(body), content_type="application/json"
        )

    now = post(QUESTION).json()
    assert now["in_force"] is False and now["missing"] == "needs 1 more notification"
    what_if = {
        **QUESTION,
        "actions": [
            *QUESTION["actions"],
            {"state": "KG", "type": "notification", "date": "2026-12-04"},
        ],
    }
    answer = post(what_if).json()
    assert (
        answer["entry_into_force"] == "2026-12-04"
        and answer["states"]["KG"] == "2026-12-04"
        and answer["states"]["AM"] is None
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**QUESTION, "rule": {"threshold": {"count": 9}}}, "rule.threshold.count"),
        (
            {**QUESTION, "actions": [{"state": "KZ", "type": "fax", "date": "2024-01-01"}]},
            "actions[0].type",
        ),
        (
            {**QUESTION, "actions": [{"state": "KZ", "type": "signature", "date": "2023-02-30"}]},
            "actions[0].date",
        ),
    ],
)
def test_api_names_the_bad_field(client_as, body, field):
    response = client_as("kazakh_representative").post(
        "/api/v1/agreements/entry-into-force", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field


def test_api_needs_sign_in(db):
    from django.test import Client

    assert (
        Client()
        .post("/api/v1/agreements/entry-into-force", "{}", content_type="application/json")
        .status_code
        == 401
    )


def test_command_prints_the_same_answer(tmp_path):
    path = tmp_path / "q.json"
    path.write_text(json.dumps(QUESTION))
    out = io.StringIO()
    call_command("entry_into_force", str(path), stdout=out)
    assert json.loads(out.getvalue())["missing"] == "needs 1 more notification"


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not valid JSON"), (json.dumps({**QUESTION, "rule": {}}), "rule.threshold")],
)
def test_command_exits_non_zero_with_the_message(tmp_path, content, message):
    path = tmp_path / "q.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("entry_into_force", str(path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("entry_into_force", str(tmp_path / "missing.json"), stdout=io.StringIO())


def _with(rule: dict | None = None, *, last: str = "2022-04-20", withdrawal: str = "") -> dict:
    """QUESTION with the rule's terms replaced or added, the third notification on `last`."""
    actions = [*QUESTION["actions"], {"state": "KZ", "type": "notification", "date": last}]
    if withdrawal:
        actions.append({"state": "KZ", "type": "withdrawal", "date": withdrawal})
    return {**QUESTION, "rule": {**QUESTION["rule"], **(rule or {})}, "actions": actions}


# Delays too long for any clause, and far dates whose delay runs past 9999-12-31: each once a 500.
@pytest.mark.parametrize(
    ("body", "field"),
    [
        (_with({"delay": {"days": 10**9}}), "rule.delay.days"),
        (_with({"delay": {"days": 10**4000}}), "rule.delay.days"),
        (_with({"delay": {"months": 120_000}}), "rule.delay.months"),
        (_with({"later": {"kth_month": 10**9}}), "rule.later.kth_month"),
        (_with({"provisional": {"delay": {"days": 3_000_000}}}), "rule.provisional.delay.days"),
        (_with({"withdrawal": {"delay": {"months": 10**9}}}), "rule.withdrawal.delay.months"),
        (_with({"delay": {"days": 1}}, last="9999-12-31"), "actions"),
        (_with({"roll": "first_of_next_month"}, last="9999-12-20"), "actions"),
        (_with({"later": {}, "kth_month": 1}, last="9999-12-31"), "actions"),
        (_with(last="2022-04-20", withdrawal="9999-10-01"), "actions"),
        ({**QUESTION, "parties": [{"state": "KZ", "weight": 10**400}]}, "parties[0].weight"),
    ],
)
def test_api_refuses_dates_beyond_the_calendar_with_the_field(client_as, body, field):
    response = client_as("kazakh_representative").post(
        "/api/v1/agreements/entry-into-force", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "invalid_rule"
    assert response.json()["errors"][0]["field"] == field


def test_the_last_day_of_the_calendar_is_still_an_answer(client_as):
    body = _with({"fixed_date": "9999-12-31"})
    response = client_as("kazakh_representative").post(
        "/api/v1/agreements/entry-into-force", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["entry_into_force"] == "9999-12-31"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{}\n\xff\xfe", r"not UTF-8: byte 3 \(line 2\) is 0xff"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (json.dumps(_with({"delay": {"days": 10**9}})).encode(), "rule.delay.days"),
        (json.dumps(_with({"delay": {"days": 1}}, last="9999-12-31")).encode(), "9999-12-31"),
    ],
)
def test_command_says_what_is_wrong_with_a_file_it_cannot_use(tmp_path, content, message):
    path = tmp_path / "q.json"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("entry_into_force", str(path), stdout=io.StringIO())


def test_command_reads_a_file_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "q.json"
    path.write_bytes("\ufeff".encode() + json.dumps(QUESTION).encode())
    out = io.StringIO()
    call_command("entry_into_force", str(path), stdout=out)
    assert json.loads(out.getvalue())["missing"] == "needs 1 more notification"


@pytest.mark.parametrize(
    "body",
    [
        '{"rule": {"delay": {"days": 1' + "0" * 5000 + "}}}",
        "[" * 100_000 + "]" * 100_000,
        b'{"rule": "\xff"}',
    ],
)
def test_api_refuses_a_body_it_cannot_read(client_as, body):
    response = client_as("kazakh_representative").post(
        "/api/v1/agreements/entry-into-force", body, content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "bad_request"
