"""The API and the pages: what the pages offer, bad input as 4xx with the field named (beside the
field on pages), and lists in a constant number of queries."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.programmes.models import (
    ActionPlan,
    ActionTask,
    Activity,
    Assignment,
    Delivery,
    Funding,
    Programme,
)

from .builders import NOW, a_decision


def post(client, url, body, method="post"):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_the_secretariat_builds_a_programme_through_the_api(client_as, secretariat_officer):
    client = client_as("secretariat_officer")
    created = post(
        client,
        "/api/v1/programmes",
        {
            "code": "api-programme",
            "name_ru": "Программа",
            "name_en": "Programme",
            "coordinator": "KG",
            "currency": "RUB",
            "starts_on": "2026-01-01",
            "ends_on": "2028-12-31",
            "change_route": "budget",
        },
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    stage = post(
        client,
        f"/api/v1/programmes/{pk}/stages",
        {"number": 1, "name_ru": "Этап", "name_en": "Stage", "first_year": 2026, "last_year": 2027},
    )
    assert stage.status_code == 201 and stage.json()["stages"][0]["first_year"] == 2026
    activity = post(
        client,
        f"/api/v1/programmes/{pk}/activities",
        {
            "stage": 1,
            "kind": "construction",
            "name_ru": "Застава",
            "name_en": "Post",
            "recipient_ru": "Погранслужба",
            "planned": 4,
        },
    )
    assert activity.status_code == 201
    shares = [
        {"state": "RU", "share": "60", "amount": "600"},
        {"state": "KG", "share": "30", "amount": "300"},
    ]
    version = Programme.objects.get(pk=pk).version
    body = {"shares": shares, "version": version}
    refused = post(client, f"/api/v1/programmes/{pk}/stages/1/funding", body, "put")
    assert refused.status_code == 400
    assert refused.json()["code"] == "shares_not_100"
    assert refused.json()["errors"] == [{"field": "shares", "message": refused.json()["message"]}]
    shares.append({"state": "KZ", "share": "10", "amount": "100"})
    assert post(client, f"/api/v1/programmes/{pk}/stages/1/funding", body, "put").status_code == 200
    decision = a_decision(secretariat_officer)
    adopted = post(client, f"/api/v1/programmes/{pk}/adopt", {"decision": decision.pk})
    assert adopted.status_code == 200 and adopted.json()["status"] == "adopted"
    assert {f["state"] for f in adopted.json()["stages"][0]["funding"]} == {"RU", "KG", "KZ"}
    delivery = post(
        client,
        f"/api/v1/programmes/{pk}/deliveries",
        {
            "stage": 1,
            "activity": activity.json()["id"],
            "delivered_on": "2026-03-01",
            "quantity": 1,
            "document": "Акт № 1",
        },
    )
    assert delivery.status_code == 201
    report = client.get(f"/api/v1/programmes/{pk}/stages/1/report", HTTP_ACCEPT_LANGUAGE="en")
    assert "1 of 4 planned (25.0%)" in " ".join(report.json()["paragraphs"])
    change = post(client, f"/api/v1/programmes/{pk}/changes", {"summary_ru": "Продлить."})
    assert change.status_code == 201 and change.json()["status"] == "proposed"


def test_bad_input_is_a_4xx_naming_the_field(client_as):
    client = client_as("secretariat_officer")
    programme = Programme.objects.get()
    activity = programme.activities.get(name_en="Armoured vehicles")  # stage 2
    cases = [
        (
            f"/api/v1/programmes/{programme.pk}/deliveries",
            {
                "stage": 3,
                "activity": activity.pk,
                "delivered_on": "2027-03-01",
                "quantity": 1,
                "document": "A",
            },
            400,
            "activity",
        ),
        (
            f"/api/v1/programmes/{programme.pk}/deliveries",
            {
                "stage": 9,
                "activity": activity.pk,
                "delivered_on": "2027-03-01",
                "quantity": 1,
                "document": "A",
            },
            400,
            "stage",
        ),
        (
            "/api/v1/budgets/2024/payments",
            {"state": "KZ", "amount": "10", "currency": "ZZZ", "paid_on": "2024-07-01"},
            400,
            "currency",
        ),
        (
            "/api/v1/budgets/2024/payments",
            {"state": "KZ", "amount": "10", "currency": "RUB", "paid_on": "not a date"},
            422,
            "paid_on",
        ),
        (
            "/api/v1/budgets/2024/payments",
            {"state": "QQ", "amount": "10", "currency": "RUB", "paid_on": "2024-07-01"},
            400,
            "state",
        ),
        (
            f"/api/v1/action-plans/{ActionPlan.objects.get().pk}/tasks",
            {"decision": 1, "text_ru": "x", "deadline": "2027-01-01", "bodies": ["nowhere"]},
            400,
            "bodies",
        ),
    ]
    for url, body, status, field in cases:
        response = post(client, url, body)
        assert response.status_code == status, (url, response.json())
        assert field in [e["field"] for e in response.json()["errors"]], response.json()


def test_a_task_without_a_responsible_body_and_a_deadline_before_the_plan(
    client_as, secretariat_officer
):
    decision = a_decision(secretariat_officer)
    from concord.consultations.models import Session

    session = Session.objects.create(body_id=decision.route.steps.last().body_id, date=NOW.date())
    client = client_as("secretariat_officer")
    plan = post(
        client,
        "/api/v1/action-plans",
        {"session": session.pk, "title_ru": "План", "dated": "2026-12-01"},
    )
    assert plan.status_code == 201
    url = f"/api/v1/action-plans/{plan.json()['id']}/tasks"
    task = {
        "decision": decision.pk,
        "text_ru": "Сделать.",
        "deadline": "2027-01-01",
        "bodies": [],
        "states": ["KZ"],
    }
    assert post(client, url, task).json()["errors"][0]["field"] == "bodies"
    early = post(client, url, {**task, "bodies": ["secretariat"], "deadline": "2026-11-30"})
    assert (early.status_code, early.json()["code"]) == (400, "deadline_before_plan")
    assert post(client, url, {**task, "bodies": ["secretariat"]}).status_code == 201


def test_pages_put_the_services_error_beside_its_field(client_as):
    programme = Programme.objects.get()
    activity = programme.activities.get(name_en="Armoured vehicles")
    response = client_as("secretariat_officer").post(
        f"/en/programmes/{programme.pk}/deliveries/",
        {
            "stage": programme.stages.get(number=3).pk,
            "activity": activity.pk,
            "delivered_on": "2027-03-01",
            "quantity": 1,
            "document": "A",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    activity_field = page.index('for="id_activity"')
    error = page.index("belongs to stage 2, not to stage 3")
    assert activity_field < error < page.index('for="id_contract"')
    assert not Delivery.objects.filter(document="A").exists()


def test_a_state_reports_its_part_through_the_page(client_as):
    part = Assignment.objects.filter(state__iso2="RU", status="open").first()
    client = client_as("russian_representative")
    response = client.post(
        f"/en/programmes/parts/{part.pk}/report/",
        {"text": "Поставлено.", "done": "on", "version": part.version},
    )
    assert response.status_code == 302
    part.refresh_from_db()
    assert part.status == "done"


def bulk_activities(programme, n):
    stage = programme.stages.get(number=3)
    Activity.objects.bulk_create(
        Activity(
            programme=programme,
            stage=stage,
            kind="supply",
            name_ru=f"А{i}",
            name_en=f"A{i}",
            recipient_ru="Р",
            planned=10,
        )
        for i in range(n)
    )
    activities = list(programme.activities.filter(stage=stage))
    Delivery.objects.bulk_create(
        Delivery(
            programme=programme,
            stage=stage,
            activity=a,
            delivered_on=dt.date(2028, 1, 1),
            quantity=1,
            document="D",
        )
        for a in activities
        for _ in range(3)
    )


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        "/en/programmes/{programme}/",
        "/api/v1/programmes/{programme}",
        "/api/v1/programmes/{programme}/activities",
        "/api/v1/programmes/{programme}/deliveries",
        "/en/programmes/",
        "/api/v1/programmes",
    ],
)
@pytest.mark.usefixtures("uncached_pages")
def test_programme_pages_read_in_a_constant_number_of_queries(client_as, url):
    programme = Programme.objects.get()
    client = client_as("kazakh_representative")
    url = url.format(programme=programme.pk)
    bulk_activities(programme, 20)
    few = count(client, url)
    bulk_activities(programme, 200)
    assert count(client, url) == few


def bulk_tasks(plan, n):
    decision_id = plan.tasks.first().decision_id
    start = plan.tasks.count() + 1
    tasks = ActionTask.objects.bulk_create(
        ActionTask(
            plan=plan,
            number=start + i,
            decision_id=decision_id,
            text_ru="Т",
            deadline=dt.date(2026, 1, 1),
        )
        for i in range(n)
    )
    tasks = list(plan.tasks.filter(number__gte=start))
    Assignment.objects.bulk_create(
        Assignment(task=t, state_id=s)
        for t in tasks
        for s in plan.tasks.first()
        .assignments.exclude(state=None)
        .values_list("state_id", flat=True)
    )
    assert len(tasks) == n


@pytest.mark.parametrize(
    ("persona", "url"),
    [
        ("secretariat_officer", "/en/programmes/plans/{plan}/"),
        ("kazakh_representative", "/en/programmes/plans/{plan}/"),
        ("secretariat_officer", "/api/v1/action-plans/{plan}"),
        ("secretariat_officer", "/api/v1/tasks"),
        ("kazakh_representative", "/en/programmes/tasks/"),
        ("secretariat_officer", "/api/v1/tasks/rates"),
        ("secretariat_officer", "/en/"),
        ("secretariat_officer", "/en/programmes/plans/"),
    ],
)
@pytest.mark.usefixtures("uncached_pages")
def test_plan_pages_read_in_a_constant_number_of_queries(client_as, persona, url):
    plan = ActionPlan.objects.get()
    client = client_as(persona)
    url = url.format(plan=plan.pk)
    bulk_tasks(plan, 10)
    few = count(client, url)
    bulk_tasks(plan, 60)
    assert count(client, url) == few


def test_stage_funding_needs_the_programme_version_and_a_second_writer_is_refused(
    client_as, secretariat_officer
):
    """The funding replaces a stage's shares: without the programme's counter 422 naming it; two
    writers on one counter, the second 409 `stale`, its shares not saved."""
    from .builders import a_programme

    programme = a_programme(secretariat_officer)
    client = client_as("secretariat_officer")
    url = f"/api/v1/programmes/{programme.pk}/stages/1/funding"
    shares = [
        {"state": "TJ", "share": "40", "amount": "400"},
        {"state": "RU", "share": "60", "amount": "600"},
    ]
    missing = post(client, url, {"shares": shares}, "put")
    assert missing.status_code == 422
    assert [e["field"] for e in missing.json()["errors"]] == ["version"]
    version = programme.version
    assert post(client, url, {"shares": shares, "version": version}, "put").status_code == 200
    other = [{**shares[0], "amount": "333"}, shares[1]]
    late = post(client, url, {"shares": other, "version": version}, "put")
    assert (late.status_code, late.json()["code"]) == (409, "stale")
    assert not Funding.objects.filter(programme=programme, amount=333).exists()
    assert post(client, url, {"shares": other, "version": version + 1}, "put").status_code == 200
