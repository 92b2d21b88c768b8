"""Procedures people can rely on: a written procedure runs its term and is not cut short, deadlines
in the unit the route sets, extensions said and audited, whose objection breaks silence."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from concord.audit.models import Entry
from concord.consultations import closing, rules, services
from concord.consultations.models import Notification, ProcedureTerm, Route
from concord.consultations.rules import TermUnit
from concord.consultations.states import StageMode, StageOutcome, StageStatus
from concord.core.errors import Conflict, DomainError, NotAllowed
from tests.builders import a_question, answer

NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)  # a Monday
FRIDAY_EVENING = dt.datetime(2026, 12, 4, 19, 0, tzinfo=dt.UTC)
PARTICIPATING = ("BY", "KZ", "KG", "RU", "TJ")  # Armenia's participation is frozen


def written(secretariat_officer, consent="silence", term=(5, TermUnit.WORKING_DAYS), **kw):
    question = a_question(secretariat_officer, now=NOW, **kw)
    return services.open_stage(
        question,
        actor=secretariat_officer,
        now=NOW,
        mode=StageMode.WRITTEN,
        consent=consent,
        term=term,
    )


@pytest.mark.parametrize("consent", ["silence", "explicit"])
def test_a_written_procedure_is_not_closed_before_its_deadline_while_states_are_silent(
    secretariat_officer, consent
):
    stage = written(secretariat_officer, consent=consent)
    answer(stage, {"KZ": "join"}, now=NOW)
    with pytest.raises(Conflict) as error, translation.override("en"):
        closing.close_stage(stage, actor=secretariat_officer, now=NOW + dt.timedelta(hours=1))
    assert error.value.code == "too_early"
    assert "Russia" in str(error.value.message) and "Kazakhstan" not in str(error.value.message)
    stage.refresh_from_db()
    assert stage.status == StageStatus.OPEN and stage.outcome == ""


@pytest.mark.parametrize("consent", ["silence", "explicit"])
def test_it_closes_early_once_every_participating_state_has_answered(secretariat_officer, consent):
    stage = written(secretariat_officer, consent=consent)
    answer(stage, dict.fromkeys(PARTICIPATING, "join"), now=NOW)  # Armenia's silence awaits nothing
    stage = closing.close_stage(stage, actor=secretariat_officer, now=NOW + dt.timedelta(hours=1))
    assert stage.status == StageStatus.CLOSED and stage.outcome == StageOutcome.FORWARDED


def test_at_its_deadline_silence_is_consent(secretariat_officer):
    stage = written(secretariat_officer)
    answer(stage, {"KZ": "join"}, now=NOW)
    stage = closing.close_stage(stage, actor=secretariat_officer, now=stage.deadline)
    assert stage.outcome == StageOutcome.FORWARDED and "silence" not in stage.explanation_en.lower()


def test_the_secretariat_may_drop_a_question_at_any_time(secretariat_officer):
    stage = written(secretariat_officer)
    stage = closing.close_stage(stage, actor=secretariat_officer, now=NOW, drop=True)
    assert stage.outcome == StageOutcome.DROPPED


def test_a_stage_at_a_session_closes_when_the_session_decides(secretariat_officer):
    question = a_question(secretariat_officer, now=NOW)
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    answer(stage, {"KZ": "join"}, now=NOW)
    assert closing.close_stage(stage, actor=secretariat_officer, now=NOW).status == "closed"


# --- Terms ------------------------------------------------------------------------------------------


def test_a_crisis_term_in_hours_runs_around_the_clock(secretariat_officer):
    question = a_question(secretariat_officer, now=FRIDAY_EVENING, route="emergency")
    stage = services.open_stage(
        question, actor=secretariat_officer, now=FRIDAY_EVENING, mode=StageMode.WRITTEN
    )
    assert stage.deadline == FRIDAY_EVENING + dt.timedelta(hours=24)  # Saturday evening


def test_the_most_specific_configured_term_applies(secretariat_officer):
    budget = Route.objects.get(code="budget")
    ProcedureTerm.objects.create(route=budget, kind="draft_decision", amount=3, unit="days")
    ProcedureTerm.objects.create(route=budget, kind="", amount=2, unit="working_days")
    stage = written(secretariat_officer, term=None)
    assert stage.deadline == NOW + dt.timedelta(days=3)
    other = written(secretariat_officer, term=None, kind="procedural")
    assert other.deadline == rules.add_working_days(NOW, 2, set())


def test_without_configuration_a_written_procedure_runs_ten_working_days(secretariat_officer):
    stage = written(secretariat_officer, term=None, route="decision")
    assert stage.deadline == rules.add_working_days(NOW, 10, set())


@given(
    start=st.datetimes(
        min_value=dt.datetime(2020, 1, 1),
        max_value=dt.datetime(2030, 1, 1),
        timezones=st.just(dt.UTC),
    ),
    amount=st.integers(min_value=1, max_value=60),
)
def test_term_ends_count_what_their_unit_says(start, amount):
    assert rules.term_end(start, amount, TermUnit.HOURS, set()) - start == dt.timedelta(
        hours=amount
    )
    assert rules.term_end(start, amount, TermUnit.DAYS, set()) - start == dt.timedelta(days=amount)
    end = rules.term_end(start, amount, TermUnit.WORKING_DAYS, set())
    assert end.time() == start.time() and end.weekday() < 5
    days = (start.date() + dt.timedelta(days=i) for i in range(1, (end - start).days + 1))
    assert sum(d.weekday() < 5 for d in days) == amount


# --- Extensions -------------------------------------------------------------------------------------


def test_an_extension_is_explained_audited_and_told_to_the_states(secretariat_officer):
    stage = written(secretariat_officer)
    before = stage.deadline
    until = before + dt.timedelta(days=7)
    told = Notification.objects.count()
    closing.extend_stage(
        stage, actor=secretariat_officer, until=until, reason="Requested by KG.", now=NOW
    )
    stage.refresh_from_db()
    assert stage.deadline == until and not stage.reminded
    entry = Entry.objects.filter(verb="consultations.extend_stage").latest("seq")
    assert entry.summary == "Requested by KG." and entry.changes["deadline"][1].startswith("2026")
    assert Notification.objects.count() > told


@pytest.mark.parametrize(
    ("until", "reason", "code"),
    [
        (dt.timedelta(days=7), "", "reason_required"),
        (-dt.timedelta(hours=1), "Why", "bad_deadline"),
    ],
)
def test_an_extension_needs_a_reason_and_a_later_deadline(secretariat_officer, until, reason, code):
    stage = written(secretariat_officer)
    with pytest.raises(DomainError) as error:
        closing.extend_stage(
            stage, actor=secretariat_officer, until=stage.deadline + until, reason=reason, now=NOW
        )
    assert error.value.code == code


def test_only_the_secretariat_extends(secretariat_officer, kazakh_representative):
    stage = written(secretariat_officer)
    with pytest.raises(NotAllowed):
        closing.extend_stage(
            stage,
            actor=kazakh_representative,
            until=stage.deadline + dt.timedelta(days=1),
            reason="x",
            now=NOW,
        )


# --- Who breaks silence -----------------------------------------------------------------------------


def test_the_route_says_whether_a_frozen_participant_breaks_silence(
    secretariat_officer, armenian_representative
):
    route = Route.objects.get(code="budget")
    outcomes_by_breakers = {}
    for breakers in ("members", "participating"):
        Route.objects.filter(pk=route.pk).update(silence_breakers=breakers)
        stage = written(secretariat_officer)
        answer(stage, {"AM": "object"}, now=NOW)
        stage = closing.close_stage(stage, actor=secretariat_officer, now=stage.deadline)
        outcomes_by_breakers[breakers] = stage.outcome
    assert outcomes_by_breakers == {
        "members": StageOutcome.RETURNED,
        "participating": StageOutcome.FORWARDED,
    }


def test_in_an_explicit_procedure_every_objection_counts(secretariat_officer):
    Route.objects.filter(code="budget").update(silence_breakers="participating")
    stage = written(secretariat_officer, consent="explicit")
    answer(stage, dict.fromkeys(PARTICIPATING, "join") | {"AM": "object"}, now=NOW)
    stage = closing.close_stage(stage, actor=secretariat_officer, now=stage.deadline)
    assert stage.outcome == StageOutcome.RETURNED
