"""Reads of the organization's reference data. All of it is public knowledge, so none is hidden."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from . import rules
from .models import Body, Chairmanship, MemberState, SecretaryGeneralTerm
from .states import Membership


def member_states() -> QuerySet[MemberState]:
    return MemberState.objects.all()


def bodies() -> QuerySet[Body]:
    return Body.objects.select_related("parent")


def secretariat() -> Body | None:
    """The organization's seat: its contacts are the organization's."""
    return Body.objects.filter(is_secretariat=True).first()


def chair_of(year: int) -> Chairmanship | None:
    return Chairmanship.objects.select_related("state").filter(year=year).first()


def chairmanships() -> QuerySet[Chairmanship]:
    return Chairmanship.objects.select_related("state", "proposed_state")


def secretary_general_terms() -> QuerySet[SecretaryGeneralTerm]:
    return SecretaryGeneralTerm.objects.select_related("state")


def secretary_general_on(day: dt.date) -> SecretaryGeneralTerm | None:
    return (
        secretary_general_terms()
        .filter(starts_on__lte=day, ends_on__gte=day)
        .order_by("-starts_on")
        .first()
    )


def proposed_chair(year: int) -> MemberState | None:
    """The state the rotation rule proposes for `year`: it counts on from the latest chair recorded
    before that year (the year before, normally)."""
    states = list(member_states())
    previous = (
        Chairmanship.objects.filter(year__lt=year)
        .order_by("-year")
        .values_list("year", "state_id")
        .first()
    )
    chosen = rules.proposal_after(
        [rules.Candidate(s.pk, s.name_ru, s.membership == Membership.MEMBER) for s in states],
        previous[1] if previous else None,
        year - previous[0] if previous else 1,
    )
    return next((s for s in states if s.pk == chosen), None)


@dataclass(frozen=True)
class ChairOutlook:
    year: int
    current: Chairmanship | None
    next_year: int
    next: Chairmanship | None  # already decided
    next_proposed: MemberState | None  # what the rotation proposes when not yet decided


def chair_outlook(today: dt.date) -> ChairOutlook:
    by_year = {c.year: c for c in chairmanships().filter(year__in=[today.year, today.year + 1])}
    decided_next = by_year.get(today.year + 1)
    return ChairOutlook(
        year=today.year,
        current=by_year.get(today.year),
        next_year=today.year + 1,
        next=decided_next,
        next_proposed=None if decided_next else proposed_chair(today.year + 1),
    )


def panel_outlook(today: dt.date, states: list[MemberState]) -> ChairOutlook:
    """`chair_outlook` for the dashboard, with the member states already read: one query (the two
    latest chairmanships up to next year give this year's, next year's, and the one the rotation
    counts on from)."""
    latest = list(
        Chairmanship.objects.filter(year__lte=today.year + 1)
        .select_related("state")
        .order_by("-year")[:2]
    )
    by_year = {c.year: c for c in latest}
    decided_next = by_year.get(today.year + 1)
    proposed = None
    if decided_next is None:
        previous = latest[0] if latest else None
        chosen = rules.proposal_after(
            [rules.Candidate(s.pk, s.name_ru, s.membership == Membership.MEMBER) for s in states],
            previous.state_id if previous else None,
            today.year + 1 - previous.year if previous else 1,
        )
        proposed = next((s for s in states if s.pk == chosen), None)
    return ChairOutlook(
        year=today.year,
        current=by_year.get(today.year),
        next_year=today.year + 1,
        next=decided_next,
        next_proposed=proposed,
    )


def chaired_bodies() -> QuerySet[Body]:
    return bodies().filter(chaired_by_chair_state=True)


def dated(start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """For the calendar: the first day of each chairmanship from `start` to `end` (a chairmanship
    runs for a calendar year), as plain values. Reference data, public. One query."""
    from django.urls import reverse

    url = reverse("organization:chairmanship-list")
    return [
        {
            "kind": "chairmanship",
            "key": f"chairmanship-{c.year}",
            "title_ru": c.state.name_ru,
            "title_en": c.state.name_en,
            "starts_on": dt.date(c.year, 1, 1),
            "ends_on": dt.date(c.year, 1, 1),
            "body": "",
            "states": [c.state.iso2],
            "place": "",
            "url": url,
        }
        for c in Chairmanship.objects.select_related("state").filter(
            year__gte=start.year, year__lte=end.year
        )
        if start <= dt.date(c.year, 1, 1) <= end
    ]


def organ_names_by_english() -> dict[str, str]:
    """Every state's and body's English name -> its name in the active language (records keep the
    English name of the organ a user acted for)."""
    organs = [*MemberState.objects.all(), *Body.objects.all()]
    return {organ.name_en: organ.name for organ in organs if organ.name_en}
