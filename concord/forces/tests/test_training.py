"""The training plan's services: events checked against the plan's year and each other, the plan
before the bodies and adopted with its consultation, amendments to the adopted plan, execution,
after-action reports and lessons tracked to closure."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from concord.consultations import closing
from concord.consultations import services as consultations
from concord.consultations.models import Route
from concord.consultations.states import ConsultationStatus, StageMode
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.documents.services import latest_version
from concord.forces import training, training_execution
from concord.forces.codes import Code
from concord.forces.models import PlanAmendment, TrainingEvent, TrainingPlan, Unit
from concord.forces.states import EventKind, EventStatus, LessonStatus, PlanStatus
from concord.organization.models import MemberState

D = dt.date


def states(*codes: str) -> list[MemberState]:
    return list(MemberState.objects.filter(iso2__in=codes))


def unit_of(iso2: str, nth: int = 0) -> Unit:
    return list(Unit.objects.filter(state__iso2=iso2).order_by("pk"))[nth]


def an_event(plan: TrainingPlan, actor, *, amendment=None, **fields) -> TrainingEvent:
    values = {
        "kind": EventKind.EXERCISE,
        "name_ru": "Учение",
        "name_en": "Exercise",
        "starts_on": D(plan.year, 9, 1),
        "ends_on": D(plan.year, 9, 5),
        "host": MemberState.objects.get(iso2="KZ"),
        "states": states("KZ", "RU"),
        "units": [],
    } | fields
    return training.add_event(plan, actor=actor, amendment=amendment, **values)


@pytest.fixture
def plan(staff_officer) -> TrainingPlan:
    return training.create_plan(2030, actor=staff_officer)


def adopted(plan: TrainingPlan) -> TrainingPlan:
    """An adopted plan without going through the bodies (the test is about what follows)."""
    TrainingPlan.objects.filter(pk=plan.pk).update(
        status=PlanStatus.ADOPTED, adopted_on=D(plan.year - 1, 5, 31)
    )
    plan.refresh_from_db()
    return plan


AMENDMENT = training.Amendment("Решение СМО от 1 июня", D(2029, 6, 1), "Перенос учения")


# --- Rules ----------------------------------------------------------------------------------------

days = st.dates(min_value=D(2020, 1, 1), max_value=D(2020, 12, 31))


def span(a: dt.date, b: dt.date) -> tuple[dt.date, dt.date]:
    return (min(a, b), max(a, b))


@given(days, days, days, days)
def test_two_ranges_overlap_exactly_when_they_share_a_day(a, b, c, d):
    first, second = span(a, b), span(c, d)
    shared = {first[0] + dt.timedelta(n) for n in range((first[1] - first[0]).days + 1)} & {
        second[0] + dt.timedelta(n) for n in range((second[1] - second[0]).days + 1)
    }
    assert training.overlaps(first, second) == bool(shared) == training.overlaps(second, first)


@given(st.dates(), st.dates())
def test_dates_fit_the_plan_year_only_when_both_fall_in_it_in_order(start, end):
    problem = training.date_problem(2020, start, end)
    fits = start.year == end.year == 2020 and start <= end
    assert (problem is None) == fits
    if start.year != 2020:
        assert problem == ("starts_on", Code.OUTSIDE_PLAN_YEAR)


# --- Events ---------------------------------------------------------------------------------------


def test_the_joint_staff_starts_a_plan_with_its_text_as_a_draft_decision(plan):
    assert plan.status == PlanStatus.DRAFT
    assert plan.document is not None and plan.document.kind == "draft_decision"
    assert "2030" in plan.document.title_ru


def test_one_plan_per_year(plan, staff_officer):
    with pytest.raises(DomainError) as refused:
        training.create_plan(2030, actor=staff_officer)
    assert (refused.value.code, refused.value.field) == (Code.PLAN_EXISTS, "year")


@pytest.mark.parametrize(
    "persona",
    ["kazakh_representative", "secretariat_officer", "analyst", "member_of_parliament"],
)
def test_only_the_joint_staff_drafts_the_plan(db, persona, request):
    with pytest.raises(NotAllowed):
        training.create_plan(2031, actor=request.getfixturevalue(persona))


@pytest.mark.parametrize(
    ("starts", "ends", "field", "code"),
    [
        (D(2029, 12, 30), D(2030, 1, 2), "starts_on", Code.OUTSIDE_PLAN_YEAR),
        (D(2030, 12, 30), D(2031, 1, 2), "ends_on", Code.OUTSIDE_PLAN_YEAR),
        (D(2030, 5, 5), D(2030, 5, 1), "ends_on", Code.BAD_DATES),
    ],
)
def test_an_event_outside_its_plan_year_is_refused_naming_the_field(
    plan, staff_officer, starts, ends, field, code
):
    with pytest.raises(DomainError) as refused:
        an_event(plan, staff_officer, starts_on=starts, ends_on=ends)
    assert (refused.value.code, refused.value.field) == (code, field)
    assert not plan.events.exists()


def test_a_host_must_take_part_and_someone_must(plan, staff_officer):
    with pytest.raises(DomainError) as refused:
        an_event(plan, staff_officer, host=MemberState.objects.get(iso2="BY"))
    assert refused.value.field == "host"
    with pytest.raises(DomainError) as refused:
        an_event(plan, staff_officer, host=None, states=[])
    assert (refused.value.code, refused.value.field) == (Code.NO_STATES, "states")


def test_a_unit_of_a_state_not_taking_part_is_refused(plan, staff_officer):
    with pytest.raises(DomainError) as refused:
        an_event(plan, staff_officer, units=[unit_of("BY")])
    assert (refused.value.code, refused.value.field) == (Code.NOT_PARTICIPATING, "units")


def test_a_unit_in_two_events_whose_dates_overlap_is_refused_naming_both(plan, staff_officer):
    unit = unit_of("RU")
    first = an_event(plan, staff_officer, name_en="Rubezh-2030", units=[unit])
    with pytest.raises(DomainError) as refused:
        an_event(
            plan,
            staff_officer,
            name_en="Search-2030",
            starts_on=D(2030, 9, 5),
            ends_on=D(2030, 9, 9),
            units=[unit],
        )
    assert (refused.value.code, refused.value.field) == (Code.DOUBLE_BOOKED, "units")
    assert str(unit) in str(refused.value.message) and str(first) in str(refused.value.message)
    # the day after is free; an event cancelled books nobody
    an_event(plan, staff_officer, starts_on=D(2030, 9, 6), ends_on=D(2030, 9, 9), units=[unit])
    TrainingEvent.objects.filter(pk=first.pk).update(status=EventStatus.CANCELLED)
    an_event(plan, staff_officer, starts_on=D(2030, 9, 2), ends_on=D(2030, 9, 3), units=[unit])


def test_a_change_that_would_double_book_is_refused_too(plan, staff_officer):
    unit = unit_of("KZ")
    an_event(plan, staff_officer, units=[unit])
    other = an_event(plan, staff_officer, starts_on=D(2030, 10, 1), ends_on=D(2030, 10, 3))
    with pytest.raises(DomainError) as refused:
        training.change_event(
            other,
            actor=staff_officer,
            version=other.version,
            units=[unit],
            starts_on=D(2030, 9, 3),
        )
    assert refused.value.code == Code.DOUBLE_BOOKED
    other.refresh_from_db()
    assert other.starts_on == D(2030, 10, 1) and not other.units.exists()


def test_a_stale_form_does_not_overwrite_a_change(plan, staff_officer):
    event = an_event(plan, staff_officer)
    seen = event.version
    for act in (training.change_event, training.remove_event):
        with pytest.raises(DomainError) as refused:
            act(event, actor=staff_officer)  # a change without the counter it was made on
        assert (refused.value.code, refused.value.field) == ("version_required", "version")
    training.change_event(event, actor=staff_officer, version=seen, name_en="New")
    with pytest.raises(Conflict):
        training.change_event(event, actor=staff_officer, version=seen, name_en="Old")


# --- The adopted plan changes by amendment only ---------------------------------------------------


def test_an_adopted_plan_refuses_a_change_without_an_amendment(plan, staff_officer):
    event = an_event(plan, staff_officer)
    adopted(plan)
    for act in (
        lambda: training.change_event(
            event, actor=staff_officer, version=event.version, name_en="Moved"
        ),
        lambda: an_event(plan, staff_officer),
        lambda: training.remove_event(event, actor=staff_officer, version=event.version),
    ):
        with pytest.raises(DomainError) as refused:
            act()
        assert (refused.value.code, refused.value.field) == (Code.AMENDMENT_REQUIRED, "basis")
    event.refresh_from_db()
    assert event.name_en == "Exercise"


def test_an_amendment_is_recorded_with_what_it_changed(plan, staff_officer):
    event = an_event(plan, staff_officer)
    adopted(plan)
    training.change_event(
        event,
        actor=staff_officer,
        version=event.version,
        amendment=AMENDMENT,
        starts_on=D(2030, 9, 10),
        ends_on=D(2030, 9, 12),
    )
    amendment = PlanAmendment.objects.get(plan=plan)
    assert amendment.basis == "Решение СМО от 1 июня" and amendment.event == event
    assert amendment.changes["starts_on"] == ["2030-09-01", "2030-09-10"]
    assert amendment.recorded_by == staff_officer
    event.refresh_from_db()
    training.remove_event(event, actor=staff_officer, version=event.version, amendment=AMENDMENT)
    assert plan.amendments.count() == 2 and not plan.events.exists()
    assert plan.amendments.last().changes["removed"] == "Учение"


def test_an_amendment_needs_its_day_after_the_adoption_and_what_it_changes(plan, staff_officer):
    event = an_event(plan, staff_officer)
    adopted(plan)
    for amendment, field in (
        (training.Amendment("СМО", None, "x"), "decided_on"),
        (training.Amendment("СМО", D(2020, 1, 1), "x"), "decided_on"),
        (training.Amendment("СМО", D(2029, 6, 1), " "), "description"),
    ):
        with pytest.raises(DomainError) as refused:
            training.change_event(
                event,
                actor=staff_officer,
                version=event.version,
                amendment=amendment,
                name_en="X",
            )
        assert refused.value.field == field
    assert not plan.amendments.exists()


# --- Before the bodies, and adopted with the consultation -----------------------------------------


def test_an_empty_plan_is_not_put_before_the_bodies(plan, staff_officer):
    with pytest.raises(DomainError) as refused:
        training.put_plan_to_consultation(plan, actor=staff_officer, now=timezone.now())
    assert refused.value.code == Code.EMPTY_PLAN


def test_the_plan_is_adopted_when_its_consultation_is(
    plan, staff_officer, secretariat_officer, django_capture_on_commit_callbacks
):
    an_event(plan, staff_officer, name_ru="Рубеж-2030", name_en="Rubezh-2030")
    now = timezone.now()
    plan = training.put_plan_to_consultation(plan, actor=staff_officer, now=now)
    assert plan.status == PlanStatus.UNDER_CONSULTATION
    consultation = plan.consultation
    assert consultation.route == Route.objects.get(code="training-plan")
    assert consultation.document_id == plan.document_id
    text = latest_version(plan.document).text
    assert any("Рубеж-2030" in u.text_ru and "Rubezh-2030" in u.text_en for u in text)
    with pytest.raises(Conflict) as refused:  # the text before the bodies does not change
        an_event(plan, staff_officer)
    assert refused.value.code == Code.UNDER_CONSULTATION
    with pytest.raises(Conflict):  # nor does it go back to draft while the bodies have it
        training.withdraw_plan(plan, actor=staff_officer)

    with django_capture_on_commit_callbacks(execute=True):
        for step in consultation.route.steps.order_by("position"):
            stage = consultations.open_stage(
                consultation, actor=secretariat_officer, now=now, mode=StageMode.SESSION
            )
            for iso2 in ("BY", "KZ", "KG", "RU", "TJ"):
                consultations.record_position(
                    stage,
                    actor=_rep(iso2),
                    stance="join",
                    statement="",
                    clauses=(),
                    version_id=stage.version_id,
                    now=now,
                )
            closing.close_stage(stage, actor=secretariat_officer, now=now)
            assert stage.body == step.body
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.ADOPTED
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ADOPTED
    assert plan.adopted_on == now.date() and plan.adopted_by_en == "Council of Defence Ministers"


def _rep(iso2: str):
    from concord.accounts.models import User

    return User.objects.get(username=f"{iso2.lower()}_rep")


def test_a_returned_plan_goes_back_to_draft_and_before_the_bodies_again(
    plan, staff_officer, secretariat_officer
):
    an_event(plan, staff_officer)
    plan = training.put_plan_to_consultation(plan, actor=staff_officer, now=timezone.now())
    stage = consultations.open_stage(
        plan.consultation, actor=secretariat_officer, now=timezone.now()
    )
    consultations.record_position(
        stage,
        actor=_rep("BY"),
        stance="object",
        statement="Нет.",
        clauses=(),
        version_id=stage.version_id,
        now=timezone.now(),
    )
    closing.close_stage(stage, actor=secretariat_officer, now=timezone.now())
    plan.consultation.refresh_from_db()
    assert plan.consultation.status == ConsultationStatus.RETURNED
    plan = training.withdraw_plan(plan, actor=staff_officer)
    assert plan.status == PlanStatus.DRAFT
    an_event(
        plan, staff_officer, name_en="Second", starts_on=D(2030, 11, 1), ends_on=D(2030, 11, 2)
    )
    again = training.put_plan_to_consultation(plan, actor=staff_officer, now=timezone.now())
    assert again.consultation_id == plan.consultation_id  # the returned question, not a new one
    assert any("Second" in u.text_en for u in latest_version(again.document).text)


def test_nobody_declares_a_plan_adopted_by_hand(plan, staff_officer, secretariat_officer):
    for actor in (staff_officer, secretariat_officer):
        with pytest.raises(NotAllowed):
            training.record_adoption(plan, actor=actor, on=D(2029, 5, 1), body=None)


# --- Execution, reports, lessons ------------------------------------------------------------------


def test_an_event_is_held_only_from_its_first_day_and_in_the_adopted_plan(plan, staff_officer):
    event = an_event(plan, staff_officer)
    with pytest.raises(Conflict) as refused:
        training_execution.record_event_status(event, EventStatus.HELD, actor=staff_officer)
    assert refused.value.code == Code.PLAN_NOT_ADOPTED
    adopted(plan)
    with pytest.raises(DomainError) as refused:
        training_execution.record_event_status(
            event, EventStatus.HELD, actor=staff_officer, today=D(2030, 8, 31)
        )
    assert (refused.value.code, refused.value.field) == (Code.NOT_STARTED, "status")
    held = training_execution.record_event_status(
        event, EventStatus.HELD, actor=staff_officer, personnel=1500, today=D(2030, 9, 1)
    )
    assert (held.status, held.personnel) == (EventStatus.HELD, 1500)


def test_the_status_follows_its_flow(plan, staff_officer):
    event = an_event(plan, staff_officer)
    adopted(plan)
    late = D(2030, 12, 1)
    event = training_execution.record_event_status(
        event, EventStatus.POSTPONED, actor=staff_officer
    )
    event = training_execution.record_event_status(event, EventStatus.PLANNED, actor=staff_officer)
    event = training_execution.record_event_status(
        event, EventStatus.CANCELLED, actor=staff_officer
    )
    with pytest.raises(Conflict):
        training_execution.record_event_status(
            event, EventStatus.HELD, actor=staff_officer, today=late
        )


def test_lessons_are_drawn_from_the_report_and_closed_with_a_note(plan, staff_officer):
    event = an_event(plan, staff_officer)
    adopted(plan)
    with pytest.raises(Conflict):  # not held yet
        training_execution.save_after_action(event, actor=staff_officer, summary="x")
    event = training_execution.record_event_status(
        event, EventStatus.HELD, actor=staff_officer, today=D(2030, 9, 2)
    )
    with pytest.raises(Conflict) as refused:
        training_execution.add_lesson(event, actor=staff_officer, text="Связь")
    assert refused.value.code == Code.NO_REPORT
    report = training_execution.save_after_action(event, actor=staff_officer, summary="Итоги")
    with pytest.raises(DomainError) as refused:
        training_execution.add_lesson(
            event, actor=staff_officer, text="Связь", due_on=D(2030, 8, 1)
        )
    assert refused.value.field == "due_on"
    lesson = training_execution.add_lesson(
        event,
        actor=staff_officer,
        text="Связь",
        responsible=MemberState.objects.get(iso2="KZ"),
        due_on=D(2031, 3, 1),
    )
    assert lesson.report == report and lesson.status == LessonStatus.OPEN
    with pytest.raises(DomainError) as refused:
        training_execution.close_lesson(lesson, actor=staff_officer, note="  ")
    assert refused.value.field == "closing_note"
    closed = training_execution.close_lesson(lesson, actor=staff_officer, note="Сделано")
    assert (closed.status, closed.closed_on) == (LessonStatus.CLOSED, timezone.localdate())
    with pytest.raises(Conflict):
        training_execution.close_lesson(closed, actor=staff_officer, note="Снова")


def test_a_held_event_stays_in_the_plan(plan, staff_officer):
    event = an_event(plan, staff_officer)
    adopted(plan)
    event = training_execution.record_event_status(
        event, EventStatus.HELD, actor=staff_officer, today=D(2030, 9, 2)
    )
    with pytest.raises(Conflict):
        training.remove_event(
            event, actor=staff_officer, version=event.version, amendment=AMENDMENT
        )
