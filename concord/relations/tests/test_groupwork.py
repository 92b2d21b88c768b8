import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concord.core.errors import DomainError, NotAllowed
from concord.documents.models import Document
from concord.organization.models import Body, MemberState
from concord.relations import groupwork, rules, services
from concord.relations.models import (
    FollowUp,
    Meeting,
    Partner,
    StatusApplication,
    WorkingGroup,
    WorkPlan,
)
from conftest import PERSONAS

JSON = "application/json"
WG = "/api/v1/working-groups/wg-afghanistan"


@pytest.fixture
def group(db):
    return WorkingGroup.objects.get(body__code="wg-afghanistan")


@given(st.integers(1990, 2100), st.sampled_from([1, 2]))
def test_a_half_year_is_six_months_and_the_halves_make_the_year(year, half):
    first, last = rules.half_year(year, half)
    assert first.year == last.year == year
    assert (first.month, last.month) == ((1, 6) if half == 1 else (7, 12))
    assert rules.half_year(year, 2)[0] - rules.half_year(year, 1)[1] == dt.timedelta(days=1)


def test_the_demo_plan_of_the_afghanistan_group(group):
    plan = WorkPlan.objects.get(group=group, year=2026, half=2)
    items = list(plan.items.all())
    assert plan.demo and all(i.demo for i in items) and len(items) == 3
    assert {i.status for i in items} == {"done", "planned"}
    assert any(i.due_on > dt.date(2026, 12, 4) for i in items)
    report = group.reports.get()
    assert report.demo and report.council == group.body.parent
    assert report.document.kind == "report" and report.document.body == group.body.parent


def test_a_plan_item_due_outside_its_half_and_a_second_plan_are_refused(group, secretariat_officer):
    plan = groupwork.create_work_plan(group, actor=secretariat_officer, year=2027, half=1)
    with pytest.raises(DomainError) as caught:
        groupwork.create_work_plan(group, actor=secretariat_officer, year=2027, half=1)
    assert caught.value.field == "half"
    with pytest.raises(DomainError) as caught:
        groupwork.add_plan_item(
            plan, actor=secretariat_officer, text_ru="Пункт", due_on=dt.date(2027, 7, 1)
        )
    assert caught.value.field == "due_on"
    item = groupwork.add_plan_item(
        plan, actor=secretariat_officer, text_ru="Пункт", due_on=dt.date(2027, 6, 30)
    )
    item = groupwork.mark_item(item, actor=secretariat_officer, status="dropped")
    assert item.status == "dropped"
    with pytest.raises(DomainError):
        groupwork.mark_item(item, actor=secretariat_officer, status="done")


def test_a_report_is_a_document_addressed_to_the_council(group, secretariat_officer):
    with pytest.raises(DomainError) as caught:
        groupwork.draft_report(
            group,
            actor=secretariat_officer,
            period_from=dt.date(2027, 1, 1),
            period_to=dt.date(2026, 12, 31),
            text="Текст",
        )
    assert caught.value.field == "period_to"
    report = groupwork.draft_report(
        group,
        actor=secretariat_officer,
        period_from=dt.date(2027, 1, 1),
        period_to=dt.date(2027, 6, 30),
        text="Первый абзац\nВторой абзац",
    )
    assert Document.objects.get(pk=report.document_id).title_ru.startswith("Доклад")


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_keeps_work_plans_reports_partners_and_groups(persona, client_as):
    client = client_as(persona)
    keeper = persona in {"secretariat_officer", "secretariat_administrator"}
    calls = [
        (f"{WG}/work-plans", {"year": 2028, "half": 1}),
        (f"{WG}/reports", {"period_from": "2028-01-01", "period_to": "2028-06-30", "text": "x"}),
        (
            "/api/v1/partners",
            {"code": "test-org", "name_ru": "Организация", "name_en": "Org", "kind": "other"},
        ),
        ("/api/v1/status-applications", {"applicant_ru": "Государство", "kind": "observer"}),
    ]
    for url, data in calls:
        answer = client.post(url, data, content_type=JSON)
        if keeper:
            assert answer.status_code == 201, (url, answer.content)
        else:
            assert answer.status_code in (401, 403, 404), (url, answer.status_code)
    readable = client.get(f"{WG}/work-plans")
    assert readable.status_code == (401 if persona == "public_visitor" else 200)
    page = client.post("/ru/relations/groups/wg-afghanistan/work-plans/", {"year": 2029, "half": 1})
    assert page.status_code == (302 if keeper else 403 if persona != "public_visitor" else 302)
    assert WorkPlan.objects.filter(year=2029).exists() == keeper


def test_the_work_plan_api(client_as):
    client = client_as("secretariat_officer")
    plan = client.post(f"{WG}/work-plans", {"year": 2027, "half": 2}, content_type=JSON).json()
    bad = client.post(
        f"{WG}/work-plans/{plan['id']}/items",
        {"text_ru": "Пункт", "due_on": "2027-01-10"},
        content_type=JSON,
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "due_on"
    plan = client.post(
        f"{WG}/work-plans/{plan['id']}/items",
        {"text_ru": "Пункт", "due_on": "2027-10-10"},
        content_type=JSON,
    ).json()
    item = plan["items"][0]
    done = client.post(
        f"{WG}/work-plan-items/{item['id']}/status",
        {"status": "done", "version": item["version"]},
        content_type=JSON,
    )
    assert done.json()["status"] == "done"
    stale = client.post(
        f"{WG}/work-plan-items/{item['id']}/status",
        {"status": "dropped", "version": item["version"]},
        content_type=JSON,
    )
    assert stale.status_code == 409
    reports = client.get(f"{WG}/reports").json()
    group = WorkingGroup.objects.select_related("body__parent").get(body__code="wg-afghanistan")
    assert [r["council"] for r in reports] == [group.body.parent.code]
    assert Document.objects.get(pk=reports[0]["document"]).kind == "report"


def test_the_group_page_shows_the_plan_and_its_forms(client_as):
    page = client_as("secretariat_officer").get("/ru/relations/groups/wg-afghanistan/")
    text = page.content.decode()
    assert "демонстрационный пункт" in text and 'data-testid="add-work-plan"' in text
    bad = client_as("secretariat_officer").post(
        "/ru/relations/groups/wg-afghanistan/reports/",
        {"period_from": "2027-02-01", "period_to": "2027-01-01", "text": "x"},
    )
    assert bad.status_code == 400


def test_creating_partners_applications_and_groups_from_the_pages(client_as, db):
    client = client_as("secretariat_officer")
    made = client.post(
        "/ru/relations/partners/new/",
        {"code": "osce-test", "name_ru": "ОБСЕ", "name_en": "OSCE", "kind": "regional"},
    )
    assert made.status_code == 302 and Partner.objects.filter(code="osce-test").exists()
    again = client.post(
        "/ru/relations/partners/new/",
        {"code": "osce-test", "name_ru": "ОБСЕ", "name_en": "OSCE", "kind": "regional"},
    )
    assert again.status_code == 400
    partner = Partner.objects.get(code="osce-test")
    applied = client.post(
        "/ru/relations/status-applications/", {"partner": partner.pk, "kind": "partner"}
    )
    assert applied.status_code == 302
    assert StatusApplication.objects.get(partner=partner).applicant_ru == "ОБСЕ"
    body = Body.objects.create(
        code="wg-test",
        name_ru="Рабочая группа",
        name_en="Working group",
        kind="working_group",
        parent=Body.objects.get(code="wg-afghanistan").parent,
    )
    states = list(MemberState.objects.all()[:2])
    created = client.post(
        "/ru/relations/groups/new/",
        {"body": body.pk, "states": [s.pk for s in states], "role_ru": "эксперт"},
    )
    assert created.status_code == 302
    assert WorkingGroup.objects.get(body=body).members.count() == 2
    not_a_group = client.post(
        "/ru/relations/groups/new/", {"body": Body.objects.get(code="wg-afghanistan").pk}
    )
    assert not_a_group.status_code == 400


def test_creating_a_group_through_the_api(client_as, db):
    parent = Body.objects.get(code="wg-afghanistan").parent
    Body.objects.create(code="wg-api", name_ru="Группа", kind="working_group", parent=parent)
    client = client_as("secretariat_officer")
    made = client.post(
        "/api/v1/working-groups",
        {"body": "wg-api", "members": [{"state": "kz", "role_ru": "эксперт"}]},
        content_type=JSON,
    )
    assert made.status_code == 201 and made.json()["members"][0]["state"] == "KZ"
    bad = client.post(
        "/api/v1/working-groups",
        {"body": "wg-api", "members": [{"state": "XX"}]},
        content_type=JSON,
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] in ("body", "members")


def _draft_plan(secretariat):
    from concord.programmes.tests.builders import a_decision, a_plan

    decision = a_decision(secretariat)
    return a_plan(secretariat, decision), decision


def test_a_follow_up_becomes_a_task_of_an_action_plan(secretariat_officer, client_as):
    plan, decision = _draft_plan(secretariat_officer)
    meeting = Meeting.objects.filter(follow_ups__isnull=False).first()
    follow_up = meeting.follow_ups.first()
    client = client_as("secretariat_officer")
    page = client.get(f"/ru/relations/meetings/{meeting.pk}/")
    assert 'data-testid="track-follow-up"' in page.content.decode()
    url = f"/api/v1/meetings/{meeting.pk}/follow-ups/{follow_up.pk}/task"
    unknown = client.post(
        url, {"plan": 999999, "decision": decision.pk, "bodies": ["secretariat"]}, content_type=JSON
    )
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "plan"
    for persona in ("kazakh_representative", "staff_officer"):
        denied = client_as(persona).post(
            url,
            {"plan": plan.pk, "decision": decision.pk, "bodies": ["secretariat"]},
            content_type=JSON,
        )
        assert denied.status_code in (403, 404)
    done = client.post(
        url,
        {"plan": plan.pk, "decision": decision.pk, "bodies": ["secretariat"]},
        content_type=JSON,
    )
    assert done.status_code == 200, done.content
    tracked = FollowUp.objects.get(pk=follow_up.pk)
    assert tracked.task.plan_id == plan.pk and tracked.task.deadline == follow_up.due_on
    assert [f["task"] for f in done.json()["follow_ups"]] == [tracked.task_id]
    with pytest.raises(DomainError) as caught:
        groupwork.track_follow_up(
            tracked,
            actor=secretariat_officer,
            plan_id=plan.pk,
            decision_id=decision.pk,
            bodies=[Body.objects.get(code="secretariat")],
        )
    assert caught.value.field == "follow_up"


def test_only_keepers_create_partners(kazakh_representative, db):
    with pytest.raises(NotAllowed):
        services.create_partner(
            actor=kazakh_representative, code="x", name_ru="x", name_en="x", kind="other"
        )
