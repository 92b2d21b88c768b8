"""Every permission rule over the personas: pages, what each sees of contributions and tasks, and who
may act (403 when one may see but not act, 404 / absent for what one may not see)."""

from __future__ import annotations

import pytest

from concord.programmes.models import ActionPlan, Assignment, Indicator, Programme
from conftest import PERSONAS

SIGNED_IN = set(PERSONAS) - {"public_visitor"}
SECRETARIAT = {"secretariat_officer", "secretariat_administrator", "analyst"}


def pages() -> list[str]:
    return [
        "/en/programmes/",
        "/en/programmes/{programme}/",
        "/en/programmes/{programme}/timeline.svg",
        "/en/programmes/{programme}/stages/2/report/",
        "/en/programmes/{programme}/export.xlsx",
        "/en/programmes/budgets/",
        "/en/programmes/budgets/2024/",
        "/en/programmes/budgets/2024/export.xlsx",
        "/en/programmes/plans/",
        "/en/programmes/plans/{plan}/",
        "/en/programmes/plans/{plan}/export.xlsx",
        "/en/programmes/tasks/",
        "/en/programmes/tasks/?overdue=1",
        "/en/programmes/priorities/",
        "/en/programmes/priorities/2024/",
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_insider_reads_the_pages_and_a_visitor_is_sent_to_sign_in(client_as, persona):
    ids = {"programme": Programme.objects.get().pk, "plan": ActionPlan.objects.get().pk}
    client = client_as(persona)
    for url in pages():
        response = client.get(url.format(**ids))
        if persona == "public_visitor":
            assert response.status_code == 302, url
        else:
            assert response.status_code == 200, (url, persona)


CONTRIBUTIONS = {
    "secretariat_officer": {"BY", "KZ", "KG", "RU", "TJ"},
    "secretariat_administrator": {"BY", "KZ", "KG", "RU", "TJ"},
    "analyst": {"BY", "KZ", "KG", "RU", "TJ"},
    "kazakh_representative": {"KZ"},
    "kazakh_coordinator": {"KZ"},
    "russian_representative": {"RU"},
    "armenian_representative": set(),  # not bound: it carries no share
    "staff_officer": set(),
    "member_of_parliament": set(),
}


@pytest.mark.parametrize("persona", sorted(CONTRIBUTIONS))
def test_a_state_sees_its_own_contribution_the_secretariat_all(client_as, persona):
    client = client_as(persona)
    budgets = client.get("/api/v1/budgets").json()
    seen = {c["state"] for c in budgets[0]["contributions"]}
    assert seen == CONTRIBUTIONS[persona]
    page = client.get("/en/programmes/budgets/2024/").content.decode()
    assert {
        iso2 for iso2 in ("AM", "BY", "KZ", "KG", "RU", "TJ") if f"contribution-{iso2}" in page
    } == seen
    payments = {p["state"] for p in client.get("/api/v1/budgets/2024/payments").json()}
    assert payments <= seen
    assert "not-bound" in page  # the limited format is public to every insider


TASKS = {
    "secretariat_officer": {"secretariat", "joint-staff", "BY", "KZ", "KG", "RU", "TJ"},
    "analyst": {"secretariat", "joint-staff", "BY", "KZ", "KG", "RU", "TJ"},
    "kazakh_representative": {"KZ"},
    "russian_representative": {"RU"},
    "armenian_representative": set(),
    "staff_officer": {"joint-staff"},
    "member_of_parliament": set(),
}


@pytest.mark.parametrize("persona", sorted(TASKS))
def test_a_state_sees_its_own_tasks_and_a_body_its_own(client_as, persona):
    parts = client_as(persona).get("/api/v1/tasks?page_size=500").json()["items"]
    assert {p["state"] or p["body"] for p in parts} == TASKS[persona]


def test_a_part_one_may_not_see_does_not_exist_for_one(client_as):
    russian = Assignment.objects.filter(state__iso2="RU").first()
    response = client_as("kazakh_representative").post(
        f"/api/v1/tasks/parts/{russian.pk}/report",
        {"text": "x", "done": True},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert (
        client_as("kazakh_representative")
        .post(f"/en/programmes/parts/{russian.pk}/report/", {"text": "x"})
        .status_code
        == 404
    )


ACTS: list[tuple[str, dict[str, str], set[str]]] = [
    # (url, data, personas who may)
    (
        "/en/programmes/{programme}/deliveries/",
        {},
        {"secretariat_officer", "secretariat_administrator"},
    ),
    (
        "/en/programmes/{programme}/contracts/",
        {},
        {"secretariat_officer", "secretariat_administrator"},
    ),
    (
        "/en/programmes/{programme}/changes/",
        {},
        {
            "secretariat_officer",
            "secretariat_administrator",
            "kazakh_representative",
            "kazakh_coordinator",
            "russian_representative",
            "armenian_representative",
        },
    ),
    (
        "/en/programmes/budgets/2024/payments/",
        {},
        {"secretariat_officer", "secretariat_administrator"},
    ),
    (
        "/en/programmes/plans/{plan}/tasks/",
        {},
        {"secretariat_officer", "secretariat_administrator"},
    ),
    ("/en/programmes/plans/{plan}/approve/", {}, {"kazakh_representative", "kazakh_coordinator"}),
    (
        "/en/programmes/indicators/{indicator}/values/",
        {},
        {
            "secretariat_officer",
            "secretariat_administrator",
            "kazakh_representative",
            "kazakh_coordinator",
        },
    ),
]


@pytest.mark.parametrize("persona", sorted(SIGNED_IN))
@pytest.mark.parametrize(("url", "data", "may"), ACTS)
def test_who_may_act(client_as, persona, url, data, may):
    """Those who may get the form back with its errors (400); the others 403."""
    ids = {
        "programme": Programme.objects.get().pk,
        "plan": ActionPlan.objects.get().pk,
        "indicator": Indicator.objects.first().pk,
    }
    response = client_as(persona).post(url.format(**ids), data)
    assert response.status_code == (400 if persona in may else 403), (url, persona)
