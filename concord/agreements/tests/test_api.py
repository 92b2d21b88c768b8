"""The engine through the API and the command line: same answers, clear errors, non-zero exits."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

QUESTION = {
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
