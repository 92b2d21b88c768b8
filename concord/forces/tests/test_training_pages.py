"""The training plan's pages, exports, calendar feed and API: every insider reads, the Joint Staff
writes, visitors see nothing; lists in a constant number of queries; refusals name the field."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar  # type: ignore[import-untyped]
from openpyxl import load_workbook

from concord.forces import training
from concord.forces.models import Lesson, TrainingEvent, TrainingPlan
from concord.forces.states import EventKind, EventStatus, LessonStatus
from concord.organization.models import MemberState

JSON = "application/json"
READERS = [
    "kazakh_representative",
    "kazakh_coordinator",
    "armenian_representative",
    "russian_representative",
    "secretariat_officer",
    "secretariat_administrator",
    "analyst",
    "staff_officer",
    "member_of_parliament",
]
NOT_JOINT_STAFF = [p for p in READERS if p != "staff_officer"]


def rubezh() -> TrainingEvent:
    return TrainingEvent.objects.get(name_en="Rubezh-2024")


def pages() -> list[str]:
    event = rubezh()
    return [
        "/en/forces/plans/",
        "/en/forces/plans/2024/",
        f"/en/forces/events/{event.pk}/",
        "/en/forces/exercises/",
        "/en/forces/lessons/",
        "/en/forces/plans/2024.ics",
        "/en/forces/plans/calendar.ics",
    ]


# --- Who reads, who writes ------------------------------------------------------------------------


@pytest.mark.parametrize("persona", READERS)
def test_every_insider_reads_the_plans(client_as, persona):
    client = client_as(persona)
    for url in pages():
        assert client.get(url).status_code == 200, url
    assert client.get("/api/v1/training-plans").status_code == 200
    assert client.get("/api/v1/exercises").status_code == 200


def test_a_visitor_is_sent_to_sign_in(client_as):
    client = client_as("public_visitor")
    for url in pages():
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url
    assert client.get("/api/v1/training-plans").status_code == 401


@pytest.mark.parametrize("persona", NOT_JOINT_STAFF)
def test_only_the_joint_staff_writes_on_the_pages_and_the_api(client_as, persona):
    client = client_as(persona)
    event = rubezh()
    assert client.post("/en/forces/plans/", {"year": 2040}).status_code == 403
    assert client.get("/en/forces/plans/2027/events/new/").status_code == 403
    assert (
        client.post(f"/en/forces/events/{event.pk}/after-action/", {"summary": "x"}).status_code
        == 403
    )
    assert client.post("/en/forces/plans/2027/consultation/").status_code == 403
    created = client.post("/api/v1/training-plans", {"year": 2040}, content_type=JSON)
    assert created.status_code == 403 and created.json()["code"] == "not_allowed"
    lesson = Lesson.objects.filter(status=LessonStatus.OPEN).first()
    closing = client.post(
        f"/api/v1/lessons/{lesson.pk}/closure", {"closing_note": "x"}, content_type=JSON
    )
    assert closing.status_code == 403
    assert not TrainingPlan.objects.filter(year=2040).exists()


def test_the_joint_staff_sees_its_write_actions(client_as):
    page = client_as("staff_officer").get("/en/forces/plans/2027/").content.decode()
    assert "Put the plan before the bodies" in page and "/forces/plans/2027/events/new/" in page
    other = client_as("kazakh_representative").get("/en/forces/plans/2027/").content.decode()
    assert "Put the plan before the bodies" not in other


# --- Pages ----------------------------------------------------------------------------------------


def test_the_plan_page_shows_events_by_month_status_adoption_and_demo(client_as):
    page = client_as("kazakh_representative").get("/en/forces/plans/2025/").content.decode()
    assert "adopted on May 31, 2024 by the Council of Defence Ministers" in page
    assert "Rubezh-2025" in page and "September" in page and "Held" in page
    assert "/consultations/" in page  # its consultation
    demo = client_as("kazakh_representative").get("/en/forces/plans/2026/").content.decode()
    assert "demo data" in demo and "Amendments" in demo and "Решение СМО (демо)" in demo


def test_the_russian_page_is_in_russian(client_as):
    page = client_as("russian_representative").get("/ru/forces/plans/2024/").content.decode()
    assert "Рубеж-2024" in page and "Проведено" in page
    assert "Held" not in page and "Training area" not in page


def test_a_state_sees_only_its_own_units_in_an_event(client_as):
    event = rubezh()
    assert event.units.count() == 4
    own = client_as("kazakh_representative").get(f"/en/forces/events/{event.pk}/")
    assert own.status_code == 200
    kz = [u for u in event.units.all() if u.state.iso2 == "KZ"]
    ru = [u for u in event.units.all() if u.state.iso2 == "RU"]
    text = own.content.decode()
    assert kz[0].name_en in text and ru[0].name_en not in text
    assert (
        ru[0].name_en
        in client_as("staff_officer").get(f"/en/forces/events/{event.pk}/").content.decode()
    )


def test_adding_an_event_outside_the_year_shows_the_error_beside_the_field(client_as):
    client = client_as("staff_officer")
    response = client.post(
        "/en/forces/plans/2027/events/new/",
        {
            "kind": EventKind.EXERCISE,
            "name_ru": "Учение",
            "name_en": "Exercise",
            "starts_on": "2026-12-30",
            "ends_on": "2027-01-02",
            "states": [MemberState.objects.get(iso2="KZ").pk],
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["starts_on"] == [
        "The event must take place within 2027, the plan's year."
    ]


def test_changing_an_adopted_plan_on_the_page_asks_for_the_amendment(client_as):
    client = client_as("staff_officer")
    event = TrainingEvent.objects.get(name_en="Rubezh-2025")
    form = client.get(f"/en/forces/events/{event.pk}/edit/")
    assert "basis" in form.context["form"].fields
    data = {
        k: v
        for k, v in {
            "kind": event.kind,
            "series": event.series_id,
            "name_ru": event.name_ru,
            "name_en": event.name_en,
            "starts_on": "2025-09-18",
            "ends_on": "2025-09-20",
            "host": event.host_id,
            "formation": event.formation_id,
            "states": [s.pk for s in event.states.all()],
            "units": [u.pk for u in event.units.all()],
            "version": event.version,
        }.items()
        if v is not None
    }
    refused = client.post(f"/en/forces/events/{event.pk}/edit/", data)
    assert refused.status_code == 400 and refused.context["form"].errors["basis"]
    done = client.post(
        f"/en/forces/events/{event.pk}/edit/",
        data | {"basis": "CDM", "decided_on": "2025-06-01", "description": "One day later"},
    )
    assert done.status_code == 302
    assert event.plan.amendments.filter(basis="CDM").exists()


def test_the_lessons_page_lists_open_lessons_with_overdue_ones_flagged(client_as):
    page = client_as("analyst").get("/en/forces/lessons/").content.decode()
    assert "Нормативы развёртывания" in page and "overdue" in page
    assert "Связь между национальными" not in page  # closed


def test_the_exercises_page_lists_each_series_over_the_years(client_as):
    response = client_as("analyst").get("/en/forces/exercises/?year=2025")
    page = response.content.decode()
    assert "Rubezh-2025" in page and "Rubezh-2024" not in page
    everything = client_as("analyst").get("/en/forces/exercises/").content.decode()
    assert "Rubezh-2024" in everything and "Combat Brotherhood-2023" in everything


# --- Exports and the calendar ---------------------------------------------------------------------


def test_the_plan_exports_as_csv_and_xlsx(client_as):
    client = client_as("kazakh_representative")
    response = client.get("/en/forces/plans/2024/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["No.", "Month", "Starts on", "Ends on", "Event"]
    rubezh_row = next(r for r in rows if r[4] == "Rubezh-2024")
    assert rubezh_row[2:4] == ["2024-10-17", "2024-10-21"] and rubezh_row[7] == "Tajikistan"
    assert rubezh_row[11] == "4"  # units in all, though Kazakhstan sees one of them
    assert len(rubezh_row[12].split("; ")) == 1 and rubezh_row[14] == "1500"
    book = load_workbook(io.BytesIO(client.get("/en/forces/plans/2024/?format=xlsx").content))
    sheet = book["2024"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1][4] == "Event" and any(r[4] == "Rubezh-2024" for r in values[2:])
    assert len(values) == 2 + TrainingEvent.objects.filter(plan__year=2024).count()


def test_the_plan_is_a_calendar_feed(client_as):
    response = client_as("kazakh_representative").get("/en/forces/plans/2024.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == TrainingEvent.objects.filter(plan__year=2024).count()
    rubezh_entry = events["Rubezh-2024"]
    assert rubezh_entry.decoded("dtstart") == dt.date(2024, 10, 17)
    assert rubezh_entry.decoded("dtend") == dt.date(2024, 10, 22)  # exclusive
    assert str(rubezh_entry["status"]) == "CONFIRMED" and "Tajikistan" in str(
        rubezh_entry["location"]
    )
    assert f"/forces/events/{rubezh().pk}/" in str(rubezh_entry["url"])
    everything = Calendar.from_ical(
        client_as("analyst").get("/en/forces/plans/calendar.ics").content
    )
    assert len(everything.walk("VEVENT")) == TrainingEvent.objects.count()


# --- Constant queries -----------------------------------------------------------------------------


def _grow(plan: TrainingPlan, staff, n: int) -> None:
    states = list(MemberState.objects.filter(iso2__in=["KZ", "RU"]))
    for i in range(n):
        day = dt.date(plan.year, 1 + i % 12, 1 + i % 27)
        training.add_event(
            plan,
            actor=staff,
            kind=EventKind.STAFF_TALKS,
            name_ru=f"Переговоры {i}",
            name_en=f"Talks {i}",
            starts_on=day,
            ends_on=day,
            states=states,
        )


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/en/forces/plans/",
        "/en/forces/plans/{year}/",
        "/api/v1/training-plans/{year}",
        "/en/forces/exercises/",
        "/en/forces/lessons/",
    ],
)
@pytest.mark.usefixtures("uncached_pages")
def test_lists_take_a_constant_number_of_queries(client_as, staff_officer, url):
    plan = training.create_plan(2035, actor=staff_officer)
    client = client_as("kazakh_representative")
    _grow(plan, staff_officer, 3)
    small = _count(client, url.format(year=2035))
    _grow(plan, staff_officer, 30)
    for year in (2036, 2037):
        _grow(training.create_plan(year, actor=staff_officer), staff_officer, 5)
    assert _count(client, url.format(year=2035)) == small


# --- API ------------------------------------------------------------------------------------------


def test_the_api_reads_plans_events_series_and_lessons(client_as):
    client = client_as("russian_representative")
    plans = {p["year"]: p for p in client.get("/api/v1/training-plans").json()}
    assert plans[2025]["status"] == "adopted" and plans[2025]["adopted_on"] == "2024-05-31"
    assert plans[2024]["held"] == plans[2024]["events"] == 6
    plan = client.get("/api/v1/training-plans/2026").json()
    assert plan["amendments"] == 1 and plan["amendment_list"][0]["basis"] == "Решение СМО (демо)"
    events = client.get("/api/v1/training-plans/2024/events").json()
    rub = next(e for e in events if e["name_en"] == "Rubezh-2024")
    assert rub["states"] == ["KG", "KZ", "RU", "TJ"] and rub["unit_count"] == 4
    assert [u["state"] for u in rub["units"]] == ["RU"]
    series = client.get("/api/v1/exercises?series=rubezh").json()
    assert [e["year"] for e in series[0]["exercises"]] == [2027, 2025, 2024]
    lessons = client.get("/api/v1/lessons").json()
    assert all(lesson["status"] == "open" for lesson in lessons)
    assert any(lesson["overdue"] for lesson in lessons)
    assert client.get("/api/v1/training-plans/1999").status_code == 404


def test_the_api_writes_what_the_pages_write(client_as):
    client = client_as("staff_officer")
    created = client.post("/api/v1/training-plans", {"year": 2041}, content_type=JSON)
    assert created.status_code == 201 and created.json()["status"] == "draft"
    body = {
        "kind": "exercise",
        "series": "rubezh",
        "name_ru": "Рубеж-2041",
        "name_en": "Rubezh-2041",
        "starts_on": "2041-12-30",
        "ends_on": "2042-01-02",
        "host": "KZ",
        "states": ["KZ", "RU"],
    }
    refused = client.post("/api/v1/training-plans/2041/events", body, content_type=JSON)
    assert refused.status_code == 400
    assert refused.json()["code"] == "outside_plan_year"
    assert refused.json()["errors"][0]["field"] == "ends_on"
    added = client.post(
        "/api/v1/training-plans/2041/events", body | {"ends_on": "2041-12-31"}, content_type=JSON
    )
    assert added.status_code == 201
    event = added.json()
    changed = client.patch(
        f"/api/v1/training-events/{event['id']}",
        {"area_en": "Bereg range", "version": event["version"]},
        content_type=JSON,
    )
    assert changed.status_code == 200 and changed.json()["area_en"] == "Bereg range"
    stale = client.patch(
        f"/api/v1/training-events/{event['id']}",
        {"area_en": "Other", "version": event["version"]},
        content_type=JSON,
    )
    assert stale.status_code == 409
    put = client.post("/api/v1/training-plans/2041/consultation", {}, content_type=JSON)
    assert put.status_code == 200 and put.json()["status"] == "consultation"
    assert put.json()["consultation"] is not None
    unversioned = client.delete(f"/api/v1/training-events/{event['id']}", {}, content_type=JSON)
    assert unversioned.status_code == 422
    assert unversioned.json()["errors"][0]["field"] == "version"
    locked = client.delete(
        f"/api/v1/training-events/{event['id']}",
        {"version": changed.json()["version"]},
        content_type=JSON,
    )
    assert locked.status_code == 409 and locked.json()["code"] == "plan_under_consultation"


def test_the_api_records_execution_reports_and_lessons(client_as):
    client = client_as("staff_officer")
    event = TrainingEvent.objects.get(
        name_en="Staff talks on the preparation of the 2026 exercises"
    )
    report = client.put(
        f"/api/v1/training-events/{event.pk}/after-action", {"summary": "Итоги"}, content_type=JSON
    )
    assert report.status_code == 200 and report.json()["after_action"]["summary"] == "Итоги"
    lesson = client.post(
        f"/api/v1/training-events/{event.pk}/lessons",
        {"text": "Урок", "responsible": "KZ", "due_on": "2027-01-31"},
        content_type=JSON,
    )
    assert lesson.status_code == 201 and lesson.json()["responsible"] == "KZ"
    closed = client.post(
        f"/api/v1/lessons/{lesson.json()['id']}/closure",
        {"closing_note": "Сделано"},
        content_type=JSON,
    )
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    planned = TrainingEvent.objects.get(
        name_en__startswith="Planning consultations", plan__year=2026
    )
    early = client.post(
        f"/api/v1/training-events/{planned.pk}/status", {"status": "held"}, content_type=JSON
    )
    assert early.status_code == 400 and early.json()["errors"][0]["field"] == "status"
    postponed = client.post(
        f"/api/v1/training-events/{planned.pk}/status", {"status": "postponed"}, content_type=JSON
    )
    assert postponed.status_code == 200 and postponed.json()["status"] == EventStatus.POSTPONED


def _held_with_report() -> TrainingEvent:
    """An event held whose after-action report is written (the demo's)."""
    event = TrainingEvent.objects.filter(after_action__isnull=False).first()
    assert event is not None
    return event


def test_a_written_after_action_report_is_replaced_only_on_its_version(client_as):
    """Once written, a save without the version is refused (422 naming it), two writers on one
    version: the second 409 `stale`; the refused texts are not saved."""
    event = _held_with_report()
    version = event.after_action.version
    url = f"/api/v1/training-events/{event.pk}/after-action"
    client = client_as("staff_officer")
    missing = client.put(url, {"summary": "Без версии"}, content_type=JSON)
    assert missing.status_code == 422
    assert [e["field"] for e in missing.json()["errors"]] == ["version"]
    one = client.put(url, {"summary": "Первый", "version": version}, content_type=JSON)
    assert one.status_code == 200 and one.json()["after_action"]["version"] == version + 1
    two = client.put(url, {"summary": "Второй", "version": version}, content_type=JSON)
    assert (two.status_code, two.json()["code"]) == (409, "stale")
    event.after_action.refresh_from_db()
    assert event.after_action.summary == "Первый"


def test_the_after_action_page_carries_the_version_and_keeps_a_stale_input(client_as):
    event = _held_with_report()
    version = event.after_action.version
    client = client_as("staff_officer")
    page = f"/en/forces/events/{event.pk}/"
    url = f"/en/forces/events/{event.pk}/after-action/"
    assert f'name="version" value="{version}"' in client.get(page).content.decode()
    missing = client.post(url, {"summary": "No version"})
    assert missing.status_code == 422 and "saved already" in missing.content.decode()
    assert client.post(url, {"summary": "First", "version": version}).status_code == 302
    late = client.post(url, {"summary": "Second writer", "version": version})
    content = late.content.decode()
    assert late.status_code == 409 and "Someone changed this record" in content
    assert "Second writer" in content
    event.after_action.refresh_from_db()
    assert event.after_action.summary == "First"
