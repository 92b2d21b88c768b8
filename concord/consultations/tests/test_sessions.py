"""Sessions of the right body, agendas the Secretariat orders and publishes, annual lists decided by the
Permanent Council, and one answer everywhere to "whose position is awaited"."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.audit.models import Entry
from concord.consultations import closing, outcomes, selectors, services, sessions
from concord.consultations.models import Consultation, Notification, Session, Stage
from concord.consultations.states import ConsultationStatus, QuestionKind, StageStatus
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.organization.models import Body, MemberState
from tests.builders import a_question, answer

NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
TODAY = NOW.date()
FIVE = dict.fromkeys(("BY", "KZ", "KG", "RU", "TJ"), "join")


def a_session(actor, body="permanent-council", day=TODAY, **kw):
    return sessions.create_session(actor=actor, body=Body.objects.get(code=body), date=day, **kw)


def at_the_council(secretariat_officer):
    """A question open before the Permanent Council (the first tier of the budget route)."""
    return services.open_stage(
        a_question(secretariat_officer, now=NOW), actor=secretariat_officer, now=NOW
    )


def test_a_stage_goes_only_on_a_session_of_its_own_body(secretariat_officer):
    stage = at_the_council(secretariat_officer)
    ministers = a_session(secretariat_officer, body="cdm")
    with pytest.raises(DomainError) as error:
        sessions.put_on_agenda(stage, actor=secretariat_officer, session=ministers)
    assert (error.value.code, error.value.field) == ("wrong_body", "session")
    assert Stage.objects.get(pk=stage.pk).session_id is None


def test_a_session_held_before_the_stage_opened_needs_the_reason_it_is_recorded_after_the_fact(
    secretariat_officer,
):
    stage = at_the_council(secretariat_officer)
    earlier = a_session(secretariat_officer, day=NOW.date() - dt.timedelta(days=3))
    with pytest.raises(DomainError) as error:
        sessions.put_on_agenda(stage, actor=secretariat_officer, session=earlier)
    assert error.value.code == "session_past"
    sessions.put_on_agenda(
        stage, actor=secretariat_officer, session=earlier, note="Minutes received late."
    )
    stage.refresh_from_db()
    assert stage.agenda_note == "Minutes received late."
    assert (
        "Minutes received late."
        in Entry.objects.filter(verb="consultations.put_on_agenda").latest("seq").summary
    )


def test_the_agenda_is_ordered_moved_and_published(secretariat_officer):
    session = a_session(secretariat_officer)
    first, second, third = (at_the_council(secretariat_officer) for _ in range(3))
    for stage in (first, second, third):
        sessions.put_on_agenda(stage, actor=secretariat_officer, session=session)
    sessions.move_agenda_item(Stage.objects.get(pk=third.pk), actor=secretariat_officer, to=1)
    order = list(session.items.order_by("agenda_order").values_list("pk", flat=True))
    assert order == [third.pk, first.pk, second.pk]
    told = Notification.objects.count()
    sessions.publish_agenda(session, actor=secretariat_officer, now=NOW)
    session.refresh_from_db()
    assert session.agenda_published_at == NOW and Notification.objects.count() > told


def test_an_empty_agenda_is_not_published(secretariat_officer):
    with pytest.raises(DomainError):
        sessions.publish_agenda(a_session(secretariat_officer), actor=secretariat_officer, now=NOW)


def test_a_session_changed_since_the_form_was_drawn_is_refused(secretariat_officer):
    session = a_session(secretariat_officer)
    kwargs = {"date": NOW.date(), "kind": "regular", "format": "online"}
    sessions.update_session(session, actor=secretariat_officer, version=1, **kwargs)
    with pytest.raises(Conflict):
        sessions.update_session(session, actor=secretariat_officer, version=1, **kwargs)
    assert Session.objects.get(pk=session.pk).version == 2


def test_only_the_secretariat_schedules_and_sets_agendas(
    kazakh_representative, secretariat_officer
):
    with pytest.raises(NotAllowed):
        a_session(kazakh_representative)
    stage = at_the_council(secretariat_officer)
    with pytest.raises(NotAllowed):
        sessions.put_on_agenda(
            stage, actor=kazakh_representative, session=a_session(secretariat_officer)
        )


# --- The annual list --------------------------------------------------------------------------------


def statement(secretariat_officer, year=2027):
    return a_question(
        secretariat_officer,
        now=NOW,
        route="statement-cfm",
        kind=QuestionKind.JOINT_STATEMENT,
        planned_year=year,
    )


def test_a_statement_not_on_its_years_adopted_list_stays_at_the_working_level(secretariat_officer):
    proposed = statement(secretariat_officer)
    stage = services.open_stage(proposed, actor=secretariat_officer, now=NOW)  # the working level
    answer(stage, FIVE, now=NOW)
    closing.close_stage(stage, actor=secretariat_officer, now=NOW)
    with pytest.raises(Conflict) as error:
        services.open_stage(proposed, actor=secretariat_officer, now=NOW)
    assert error.value.code == "not_listed"
    listing = a_question(
        secretariat_officer,
        now=NOW,
        route="annual-list",
        kind=QuestionKind.ANNUAL_LIST,
        document=None,
        planned_year=2027,
        statements=[proposed],
    )
    stage = services.open_stage(listing, actor=secretariat_officer, now=NOW)
    answer(stage, FIVE, now=NOW)
    closing.close_stage(stage, actor=secretariat_officer, now=NOW)
    assert Consultation.objects.get(pk=listing.pk).status == ConsultationStatus.ADOPTED
    assert services.open_stage(proposed, actor=secretariat_officer, now=NOW).position == 1


@pytest.mark.parametrize("year", [2028, None])
def test_an_annual_list_names_statements_of_its_own_year(secretariat_officer, year):
    proposed = statement(secretariat_officer, year=2027)
    with pytest.raises(DomainError) as error:
        a_question(
            secretariat_officer,
            now=NOW,
            route="annual-list",
            kind=QuestionKind.ANNUAL_LIST,
            planned_year=year,
            statements=[proposed],
        )
    assert error.value.code == "bad_list"


# --- Whose position is awaited ----------------------------------------------------------------------


def test_the_inbox_and_the_question_page_await_the_same_states(secretariat_officer):
    """Every open stage of the demo world and the new ones, for every member state."""
    at_the_council(secretariat_officer)
    now = dt.datetime.now(dt.UTC)
    for stage in Stage.objects.filter(status=StageStatus.OPEN).select_related("consultation"):
        awaited = {
            s.id
            for s in outcomes.outcome(stage, stage.positions.all(), outcomes.members(), now).awaited
        }
        for state in MemberState.objects.all():
            in_inbox = selectors.inbox(secretariat_officer, state.pk).filter(pk=stage.pk).exists()
            assert in_inbox == (state.pk in awaited), (stage, state)
    armenia = MemberState.objects.get(iso2="AM")
    assert not selectors.inbox(secretariat_officer, armenia.pk).exists()  # frozen: awaited nowhere
