import datetime as dt

import pytest

from concord.core.errors import DomainError, NotAllowed
from concord.relations import selectors, services
from concord.relations.codes import Code
from concord.relations.models import AssemblySession, Meeting, Resolution, WorkingGroup


@pytest.fixture
def group(db):
    return WorkingGroup.objects.get(body__code="wg-afghanistan")


def test_the_afghanistan_demo_has_the_meetings_of_the_notes(group, secretariat_officer):
    rows = selectors.group_meetings(secretariat_officer, group)
    numbers = {n.number: (n.found, m) for n, m in rows}
    assert numbers[39] == (False, None)
    assert numbers[41] == (False, None)
    assert numbers[40][1].starts_on == dt.date(2024, 12, 11)
    assert "SCO RATS" in numbers[40][1].guests_en
    assert numbers[36][1].date_approximate
    assert numbers[38][1].place_en == "Moscow"


def test_a_group_meeting_is_numbered_next_in_sequence(group, secretariat_officer):
    meeting = services.create_meeting(
        actor=secretariat_officer, group=group, title_ru="Заседание", starts_on=dt.date(2027, 3, 1)
    )
    assert meeting.number == 44  # 43 is the planned demo meeting
    assert meeting.ends_on == meeting.starts_on


def test_a_meeting_ending_before_it_starts_is_refused(group, secretariat_officer):
    with pytest.raises(DomainError) as caught:
        services.create_meeting(
            actor=secretariat_officer,
            title_ru="Заседание",
            starts_on=dt.date(2027, 3, 2),
            ends_on=dt.date(2027, 3, 1),
        )
    assert caught.value.code == Code.BAD_DATES and caught.value.field == "ends_on"


def test_a_meeting_number_is_not_recorded_twice(group, secretariat_officer):
    with pytest.raises(DomainError) as caught:
        services.create_meeting(
            actor=secretariat_officer,
            group=group,
            number=40,
            title_ru="x",
            starts_on=dt.date(2024, 1, 1),
        )
    assert caught.value.code == Code.DUPLICATE


def test_only_the_secretariat_records_meetings(group, kazakh_representative):
    with pytest.raises(NotAllowed):
        services.create_meeting(
            actor=kazakh_representative, group=group, title_ru="x", starts_on=dt.date(2027, 1, 1)
        )


def test_minutes_are_a_document_with_the_meetings_marking(secretariat_officer):
    meeting = Meeting.objects.get(number=40)
    services.record_outcome(
        meeting,
        actor=secretariat_officer,
        minutes_text="Обсуждена обстановка.\nПринята информация к сведению.",
        decisions_ru="Принять к сведению.",
        version=meeting.version,
    )
    meeting.refresh_from_db()
    assert meeting.minutes is not None
    assert meeting.minutes.kind == "minutes" and meeting.minutes.marking == meeting.marking
    assert meeting.decisions_ru == "Принять к сведению."


def test_a_stale_outcome_is_refused(secretariat_officer):
    meeting = Meeting.objects.get(number=40)
    with pytest.raises(DomainError) as caught:
        services.record_outcome(meeting, actor=secretariat_officer, version=meeting.version - 1)
    assert caught.value.code == "stale"


def test_a_held_meeting_cannot_be_cancelled(secretariat_officer):
    meeting = Meeting.objects.get(number=40)
    with pytest.raises(DomainError) as caught:
        services.cancel_meeting(meeting, actor=secretariat_officer)
    assert caught.value.code == "wrong_status"


def test_the_79th_session_resolution(db):
    r = Resolution.objects.get(session__number=79)
    assert (r.in_favour, r.against, r.abstaining) == (67, 8, 69)
    against = [n.strip() for n in r.against_names_en.split(",")]
    assert sorted(against) == sorted(
        [
            "Estonia",
            "Latvia",
            "Lithuania",
            "Moldova",
            "Papua New Guinea",
            "Poland",
            "Romania",
            "Ukraine",
        ]
    )
    assert len(against) == r.against


def test_a_vote_over_the_membership_of_the_session_is_refused(secretariat_officer):
    session = AssemblySession.objects.get(number=59)  # 191 members then
    with pytest.raises(DomainError) as caught:
        services.record_resolution(
            actor=secretariat_officer,
            session=session,
            title_ru="x",
            vote="recorded",
            in_favour=100,
            against=50,
            abstaining=42,
        )
    assert caught.value.code == Code.BAD_VOTE and caught.value.field == "in_favour"
    assert "191" in str(caught.value.message)


def test_a_decision_on_an_unknown_application_is_refused(secretariat_officer):
    with pytest.raises(DomainError) as caught:
        services.decide_status(
            999_999, actor=secretariat_officer, granted=True, decided_on=dt.date(2025, 1, 1)
        )
    assert caught.value.code == Code.UNKNOWN_APPLICATION


def test_a_status_application_is_decided_once(secretariat_officer):
    application = services.apply_for_status(
        actor=secretariat_officer,
        applicant_ru="Заявитель",
        kind="observer",
        applied_on=dt.date(2025, 1, 1),
    )
    services.decide_status(
        application.pk, actor=secretariat_officer, granted=True, decided_on=dt.date(2025, 2, 1)
    )
    with pytest.raises(DomainError) as caught:
        services.decide_status(
            application.pk, actor=secretariat_officer, granted=False, decided_on=dt.date(2025, 3, 1)
        )
    assert caught.value.code == "wrong_status"
    services.end_status(
        services.application_by_id(application.pk),
        actor=secretariat_officer,
        ended_on=dt.date(2026, 1, 1),
    )


def test_partners_link_the_instruments_of_the_agreements_module(secretariat_officer):
    sco = selectors.partner(secretariat_officer, "sco")
    titles = [a.title_en for a in sco.instruments.all()]
    assert any("SCO Secretariat" in t for t in titles)
    assert {a.signed_on for a in sco.instruments.all()} == {dt.date(2007, 10, 5)}
    with pytest.raises(DomainError):
        services.link_instrument(sco, 999_999, actor=secretariat_officer)
