"""Every change to the organization's reference data goes through here and is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from concord.audit.services import diff, record
from concord.core.actions import require, transition
from concord.core.actors import Actor
from concord.core.errors import Conflict, DomainError

from . import permissions, rules
from .codes import Code, Verb
from .models import Chairmanship, MemberState, SecretaryGeneralTerm
from .selectors import proposed_chair
from .states import MEMBERSHIP_FLOW, PARTICIPATION_FLOW, Membership, Participation

RECORDS_ONLY = _("Only Secretariat officers record the organization's acts.")


def set_participation(
    state: MemberState,
    *,
    actor: Actor,
    participation: Participation,
    since: dt.date,
    note_ru: str = "",
    note_en: str = "",
) -> MemberState:
    """Record a state's participation status, e.g. a declared freeze; membership is not touched."""
    require(permissions.can_record_acts(actor), RECORDS_ONLY)
    before = _participation_fields(state)
    after: dict[str, Any] = {
        "participation_since": since,
        "participation_note_ru": note_ru,
        "participation_note_en": note_en,
    }
    return transition(
        state,
        participation,
        flow=PARTICIPATION_FLOW,
        actor=actor,
        verb=Verb.SET_PARTICIPATION,
        summary=f"{state.name_en}: {participation.label}",
        changes=diff(before, after),
        **after,
    )


def _participation_fields(state: MemberState) -> dict[str, Any]:
    return {
        "participation_since": state.participation_since,
        "participation_note_ru": state.participation_note_ru,
        "participation_note_en": state.participation_note_en,
    }


def set_membership(
    state: MemberState, *, actor: Actor, membership: Membership, since: dt.date
) -> MemberState:
    require(permissions.can_record_acts(actor), RECORDS_ONLY)
    return transition(
        state,
        membership,
        flow=MEMBERSHIP_FLOW,
        actor=actor,
        verb=Verb.SET_MEMBERSHIP,
        summary=f"{state.name_en}: {membership.label}",
        changes=diff({"membership_since": state.membership_since}, {"membership_since": since}),
        membership_since=since,
    )


def record_chairmanship(
    *,
    actor: Actor,
    year: int,
    state: MemberState,
    decided_on: dt.date | None = None,
    decided_by: str = "",
    theme_ru: str = "",
    theme_en: str = "",
    note_ru: str = "",
    note_en: str = "",
) -> Chairmanship:
    """Record who chairs in `year`, as the organization decided.

    The rotation's proposal is stored beside the decision. A decision that departs from it (a state
    declining its turn, or keeping the chair) must say why in a note, so the choice is explicit.
    """
    require(permissions.can_record_acts(actor), RECORDS_ONLY)
    with transaction.atomic():
        if Chairmanship.objects.filter(year=year).exists():
            raise Conflict(
                Code.CHAIRMANSHIP_ALREADY_RECORDED,
                _("The chairmanship for %(year)s is already recorded.") % {"year": year},
                field="year",
            )
        proposed = proposed_chair(year)
        if proposed is not None and proposed != state and not (note_ru or note_en):
            raise DomainError(
                Code.ROTATION_DEPARTURE_NEEDS_REASON,
                _(
                    "The rotation proposes %(proposed)s for %(year)s. Recording another state "
                    "needs a note saying why (for example, that %(proposed)s declined its turn)."
                )
                % {"proposed": proposed.name, "year": year},
                field="note_ru",
            )
        chairmanship = Chairmanship(
            year=year,
            state=state,
            proposed_state=proposed,
            decided_on=decided_on,
            decided_by=decided_by,
            theme_ru=theme_ru,
            theme_en=theme_en,
            note_ru=note_ru,
            note_en=note_en,
        )
        chairmanship.full_clean(validate_unique=False)
        try:
            with transaction.atomic():  # someone may have recorded the year a moment ago
                chairmanship.save()
        except IntegrityError as error:
            raise Conflict(
                Code.CHAIRMANSHIP_ALREADY_RECORDED,
                _("The chairmanship for %(year)s is already recorded.") % {"year": year},
                field="year",
            ) from error
        record(
            Verb.RECORD_CHAIRMANSHIP,
            actor=actor,
            target=chairmanship,
            summary=f"{year}: {state.name_en}"
            + (
                f" (rotation proposed {proposed.name_en})"
                if chairmanship.departs_from_rotation and proposed
                else ""
            ),
            changes={
                "year": year,
                "state": state.iso2,
                "proposed": proposed.iso2 if proposed else None,
            },
        )
    return chairmanship


def add_secretary_general_term(
    *,
    actor: Actor,
    person_ru: str,
    person_en: str,
    state: MemberState,
    starts_on: dt.date,
    ends_on: dt.date,
    acting: bool = False,
    appointed_by: str = "",
) -> SecretaryGeneralTerm:
    require(permissions.can_record_acts(actor), RECORDS_ONLY)
    with transaction.atomic():
        term = SecretaryGeneralTerm(
            person_ru=person_ru,
            person_en=person_en,
            state=state,
            starts_on=starts_on,
            ends_on=ends_on,
            acting=acting,
            appointed_by=appointed_by,
        )
        if ends_on < starts_on:
            raise DomainError(
                Code.TERM_ENDS_BEFORE_IT_STARTS,
                _("The term ends before it starts."),
                field="ends_on",
            )
        existing = [
            rules.Term(t.starts_on, t.ends_on)
            for t in SecretaryGeneralTerm.objects.only("starts_on", "ends_on")
        ]
        if rules.overlapping(existing, rules.Term(starts_on, ends_on)):
            raise Conflict(
                Code.TERM_OVERLAPS,
                _("This term overlaps another Secretary General's term."),
                field="starts_on",
            )
        term.full_clean()
        term.save()
        record(
            Verb.ADD_SECRETARY_GENERAL_TERM,
            actor=actor,
            target=term,
            summary=f"{person_en} ({starts_on} – {ends_on})",
            changes={"person_en": person_en, "starts_on": starts_on, "ends_on": ends_on},
        )
    return term
