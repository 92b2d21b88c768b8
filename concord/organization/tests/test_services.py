from __future__ import annotations

import datetime as dt

import pytest

from concord.audit.models import Entry
from concord.core.errors import Conflict, DomainError
from concord.organization import selectors, services
from concord.organization.models import Chairmanship, MemberState
from concord.organization.states import Membership, Participation


def state(iso2: str) -> MemberState:
    return MemberState.objects.get(iso2=iso2)


def test_demo_world_has_the_chairs_of_2016_to_2026_all_following_rotation(db):
    chairs = {c.year: c for c in selectors.chairmanships()}
    assert {y: c.state.iso2 for y, c in chairs.items()} == {
        2016: "AM",
        2017: "BY",
        2018: "KZ",
        2019: "KG",
        2020: "RU",
        2021: "TJ",
        2022: "AM",
        2023: "BY",
        2024: "KZ",
        2025: "KG",
        2026: "RU",
    }
    assert not any(c.departs_from_rotation for c in chairs.values())


def test_armenia_is_a_full_member_with_participation_frozen(db):
    armenia = state("AM")
    assert armenia.membership == Membership.MEMBER
    assert armenia.participation == Participation.FROZEN
    assert armenia.participation_since == dt.date(2024, 2, 22)


def test_rotation_proposes_tajikistan_for_2027(db):
    assert selectors.proposed_chair(2027) == state("TJ")


def test_recording_the_proposed_chair_needs_no_note(db, secretariat_officer):
    chair = services.record_chairmanship(actor=secretariat_officer, year=2027, state=state("TJ"))
    assert chair.proposed_state == state("TJ")
    assert not chair.departs_from_rotation


def test_departing_from_rotation_without_a_reason_is_refused(db, secretariat_officer):
    with pytest.raises(DomainError) as error:
        services.record_chairmanship(actor=secretariat_officer, year=2027, state=state("AM"))
    assert error.value.code == "rotation_departure_needs_reason"
    assert error.value.field == "note_ru"
    assert not Chairmanship.objects.filter(year=2027).exists()


def test_a_state_declining_its_turn_is_an_explicit_recorded_choice(db, secretariat_officer):
    chair = services.record_chairmanship(
        actor=secretariat_officer,
        year=2027,
        state=state("AM"),
        note_en="Tajikistan declined its turn.",
    )
    assert chair.departs_from_rotation and chair.proposed_state == state("TJ")
    entry = Entry.objects.get(verb="organization.record_chairmanship", object_id=str(chair.pk))
    assert entry.actor == secretariat_officer
    assert entry.acting_for == "Secretariat / secretariat_officer"
    assert entry.changes == {"year": 2027, "state": "AM", "proposed": "TJ"}
    # The year after follows on from the state that actually chaired.
    assert selectors.proposed_chair(2028) == state("BY")


def test_a_year_is_recorded_once(db, secretariat_officer):
    with pytest.raises(Conflict):
        services.record_chairmanship(actor=secretariat_officer, year=2024, state=state("KZ"))


def test_the_current_chair_chairs_the_bodies_it_is_meant_to(db):
    outlook = selectors.chair_outlook(dt.date(2024, 6, 1))
    assert outlook.current is not None and outlook.current.state == state("KZ")
    assert outlook.next is not None and outlook.next.state == state("KG")
    codes = set(selectors.chaired_bodies().values_list("code", flat=True))
    assert codes == {"csc", "cfm", "cdm", "cssc", "joint-ministerial", "permanent-council"}


def test_outlook_proposes_when_next_year_is_not_decided(db):
    outlook = selectors.chair_outlook(dt.date(2026, 11, 28))
    assert outlook.current.state == state("RU")
    assert outlook.next is None and outlook.next_proposed == state("TJ")


def test_secretary_general_on_a_day(db):
    assert selectors.secretary_general_on(dt.date(2024, 6, 1)).person_en == "Imangali Tasmagambetov"
    assert selectors.secretary_general_on(dt.date(2026, 11, 28)).person_en == "Taalatbek Masadykov"


def test_overlapping_secretary_general_terms_are_refused(db, secretariat_officer):
    with pytest.raises(Conflict) as error:
        services.add_secretary_general_term(
            actor=secretariat_officer,
            person_ru="Х",
            person_en="X",
            state=state("RU"),
            starts_on=dt.date(2028, 6, 1),
            ends_on=dt.date(2031, 5, 31),
        )
    assert error.value.code == "term_overlaps"


def test_a_term_cannot_end_before_it_starts(db, secretariat_officer):
    with pytest.raises(DomainError) as error:
        services.add_secretary_general_term(
            actor=secretariat_officer,
            person_ru="Х",
            person_en="X",
            state=state("RU"),
            starts_on=dt.date(2032, 1, 1),
            ends_on=dt.date(2031, 1, 1),
        )
    assert error.value.field == "ends_on"


def test_participation_change_is_audited_with_old_and_new_values(db, secretariat_officer):
    services.set_participation(
        state("AM"),
        actor=secretariat_officer,
        participation=Participation.PARTICIPATING,
        since=dt.date(2027, 1, 1),
    )
    entry = Entry.objects.filter(verb="organization.set_participation").order_by("-seq").first()
    assert entry.changes["participation"] == ["frozen", "participating"]
    assert entry.changes["participation_since"] == ["2024-02-22", "2027-01-01"]


def test_a_suspended_state_is_passed_over_by_the_rotation(db, secretariat_officer):
    services.set_membership(
        state("TJ"),
        actor=secretariat_officer,
        membership=Membership.SUSPENDED,
        since=dt.date(2026, 6, 1),
    )
    assert selectors.proposed_chair(2027) == state("AM")


def test_seed_demo_is_idempotent(db):
    from django.core.management import call_command

    before = Entry.objects.count(), MemberState.objects.count(), Chairmanship.objects.count()
    call_command("seed_demo", password="persona-password-1", stdout=__import__("io").StringIO())
    assert (
        Entry.objects.count(),
        MemberState.objects.count(),
        Chairmanship.objects.count(),
    ) == before
