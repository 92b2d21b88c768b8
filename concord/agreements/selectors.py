"""Reads: the status of agreements as the depositary keeps it, computed from the recorded actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from concord.core.actors import Someone
from concord.organization.models import MemberState
from concord.organization.states import Membership

from . import rules
from .models import Agreement, ProcedureStep, TreatyAction
from .permissions import agreements_visible_to


def engine_input(
    agreement: Agreement, actions: Iterable[TreatyAction], members: Iterable[str] = ()
) -> dict[str, Any]:
    """The question to the engine: the parties are the member states and any state that acted."""
    corrected = {a.corrects_id for a in actions if a.corrects_id}
    live = [a for a in actions if a.pk not in corrected]
    parties = sorted({a.state.iso2 for a in live} | set(members or member_codes()))
    return {
        "rule": agreement.rule,
        "parties": [{"state": s, "weight": 1.0} for s in parties],
        "actions": [
            {"state": a.state.iso2, "type": a.type, "date": a.date.isoformat()}
            for a in live
            if a.type in rules.ACTION_TYPES
        ],
    }


def member_codes() -> list[str]:
    return list(
        MemberState.objects.filter(membership=Membership.MEMBER).values_list("iso2", flat=True)
    )


@dataclass
class Status:
    agreement: Agreement
    result: rules.Result | None
    error: str = ""
    signed: set[str] = field(default_factory=set)

    @property
    def still_needs(self) -> str:
        if self.error:
            return self.error
        if self.result is None:
            return "no actions recorded"
        return self.result.missing


def status_of(
    agreement: Agreement, actions: Sequence[TreatyAction], *, today: dt.date, members: Sequence[str]
) -> Status:
    if not actions:
        return Status(agreement, None)
    signed = {a.state.iso2 for a in actions if a.type == "signature"}
    try:
        return Status(
            agreement,
            rules.run(engine_input(agreement, actions, members), as_of=today),
            signed=signed,
        )
    except rules.RuleError as error:
        return Status(agreement, None, str(error), signed)


def overview(user: Someone, *, today: dt.date) -> list[Status]:
    agreements = list(
        agreements_visible_to(user).select_related("amends").order_by("signed_on", "pk")
    )
    by_agreement: dict[int, list[TreatyAction]] = {a.pk: [] for a in agreements}
    for action in TreatyAction.objects.filter(agreement__in=agreements).select_related("state"):
        by_agreement[action.agreement_id].append(action)
    members = member_codes()
    return [status_of(a, by_agreement[a.pk], today=today, members=members) for a in agreements]


def agreement(user: Someone, pk: int) -> Agreement:
    found = agreements_visible_to(user).select_related("amends", "document").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@dataclass
class Row:
    state: Any
    signature: TreatyAction | None = None
    steps: dict[int, TreatyAction] = field(default_factory=dict)
    consent: TreatyAction | None = None
    withdrawal: TreatyAction | None = None
    reservations: list[str] = field(default_factory=list)
    in_force_on: dt.date | None = None


def status_table(
    agreement: Agreement, *, today: dt.date
) -> tuple[Status, list[Row], list[ProcedureStep], list[TreatyAction]]:
    actions = list(
        TreatyAction.objects.filter(agreement=agreement)
        .select_related("state", "step", "recorded_by")
        .order_by("date", "pk")
    )
    status = status_of(agreement, actions, today=today, members=member_codes())
    rows = _rows(actions)
    if status.result is not None:
        for row in rows.values():
            row.in_force_on = status.result.states.get(row.state.iso2)
    steps = list(ProcedureStep.objects.filter(state_id__in=rows).select_related("state"))
    return status, sorted(rows.values(), key=lambda r: r.state.name_ru), steps, actions


def _rows(actions: list[TreatyAction]) -> dict[int, Row]:
    """State id -> its row, from the actions in date order, leaving out any that a correction replaced."""
    corrected = {a.corrects_id for a in actions if a.corrects_id}
    rows: dict[int, Row] = {}
    for action in actions:
        if action.pk not in corrected:
            _enter(rows.setdefault(action.state_id, Row(action.state)), action)
    return rows


def _enter(row: Row, action: TreatyAction) -> None:
    """Put an action in its column of the state's row. The first signature and the first consent
    to be bound are the ones that count; a later withdrawal replaces an earlier one."""
    if action.type == "signature":
        row.signature = row.signature or action
    elif action.type == "step" and action.step_id:
        row.steps[action.step_id] = action
    elif action.type == "withdrawal":
        row.withdrawal = action
    elif action.type in rules.COUNTS["consent"]:
        row.consent = row.consent or action
    if action.reservation:
        row.reservations.append(action.reservation)


def still_to_ratify(user: Someone, state_iso2: str, *, today: dt.date) -> list[Status]:
    """The agreements my state has signed but is not yet bound by."""
    return [
        s
        for s in overview(user, today=today)
        if state_iso2 in s.signed and (s.result is None or s.result.states.get(state_iso2) is None)
    ]


def agreements(user: Someone) -> QuerySet[Agreement]:
    return agreements_visible_to(user)


def agreement_by_id(pk: int) -> Agreement:
    """For other apps reacting to the depositary's records, run as the system."""
    return Agreement.objects.get(pk=pk)
