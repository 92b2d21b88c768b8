"""`visible_to` on a real table agrees with the pure rule for every persona and every kind of record."""

from __future__ import annotations

import itertools

import pytest

from concord.core.models import viewer_of
from concord.core.rules import Marking, can_see
from concord.organization.models import Body, MemberState
from conftest import PERSONAS
from tests.markedthings.models import Note


@pytest.fixture
def notes(db):
    states = list(MemberState.objects.order_by("iso2"))
    bodies = list(
        Body.objects.filter(code__in=["secretariat", "joint-staff", "parliamentary-assembly"])
    )
    kz, am = (next(s for s in states if s.iso2 == code) for code in ("KZ", "AM"))
    releases = [[], [kz], [am], [kz, am]]
    owners = [(s, None) for s in states] + [(None, b) for b in bodies]
    created = []
    for marking, (state, body), released in itertools.product(Marking, owners, releases):
        note = Note.objects.create(title="n", marking=marking, owner_state=state, owner_body=body)
        note.released_to.set(released)
        created.append(note)
    return created


@pytest.mark.parametrize("persona", PERSONAS)
def test_visible_to_matches_the_rule_for_every_persona(request, notes, persona):
    user = request.getfixturevalue(persona)
    viewer = viewer_of(user)
    visible = list(Note.objects.visible_to(user).values_list("pk", flat=True))
    expected = {
        n.pk
        for n in notes
        if can_see(
            viewer,
            marking=n.marking,
            owner_state_id=n.owner_state_id,
            owner_body_id=n.owner_body_id,
            released_to={s.pk for s in n.released_to.all()},
        )
    }
    assert len(visible) == len(set(visible)), "a record released to several states appears once"
    assert set(visible) == expected


def test_public_visitor_sees_public_notes_only(notes):
    assert set(Note.objects.visible_to(None).values_list("marking", flat=True)) == {"public"}


def test_armenia_sees_its_own_restricted_notes_and_those_released_to_it(
    notes, armenian_representative
):
    visible = Note.objects.visible_to(armenian_representative).filter(marking=Marking.RESTRICTED)
    assert visible.exists()
    for note in visible:
        assert (note.owner_state and note.owner_state.iso2 == "AM") or note.released_to.filter(
            iso2="AM"
        ).exists()


def test_secretariat_sees_every_restricted_note(notes, secretariat_officer):
    restricted = Note.objects.filter(marking=Marking.RESTRICTED)
    assert (
        Note.objects.visible_to(secretariat_officer).filter(marking=Marking.RESTRICTED).count()
        == restricted.count()
    )


def test_a_deactivated_user_sees_only_public(notes, kazakh_representative):
    kazakh_representative.is_active = False
    assert set(
        Note.objects.visible_to(kazakh_representative).values_list("marking", flat=True)
    ) == {"public"}


def test_a_note_must_have_exactly_one_owner(db):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Note.objects.create(title="orphan", marking=Marking.OFFICIAL)
