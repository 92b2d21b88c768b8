"""Reads: where agreements stand, as the depositary records them (see `standing.py`), the status table
of one, and what a state still has to do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from concord.core.actors import Someone
from concord.core.models import viewer_of
from concord.organization.models import MemberState
from concord.organization.states import Membership

from . import rules
from .models import Agreement, ProcedureStep, TreatyAction
from .permissions import agreements_visible_to
from .standing import Gap, Standing, check, gaps_of
from .states import CONSENTS, ActionType


def live(actions: Iterable[TreatyAction]) -> list[TreatyAction]:
    """The actions that stand: a correction replaces the action it names, which stays on record."""
    actions = list(actions)
    corrected = {a.corrects_id for a in actions if a.corrects_id}
    return [a for a in actions if a.pk not in corrected]


def signatories_of(agreement: Agreement, actions: Iterable[TreatyAction]) -> list[str]:
    """The signature block and any state whose signature is recorded (a later signature)."""
    block = {s.iso2 for s in agreement.signatories.all()}
    return sorted(block | {a.state.iso2 for a in actions if a.type == ActionType.SIGNATURE})


def engine_input(
    agreement: Agreement, actions: Iterable[TreatyAction], members: Iterable[str] = ()
) -> dict[str, Any]:
    """The question to the engine: the parties are the member states and any state that acted."""
    standing_actions = live(actions)
    signatories = signatories_of(agreement, standing_actions)
    parties = sorted(
        {a.state.iso2 for a in standing_actions} | set(signatories) | set(members or member_codes())
    )
    return {
        "rule": agreement.rule,
        "parties": [{"state": s, "weight": 1.0} for s in parties],
        "signatories": signatories,
        "actions": [
            {"state": a.state.iso2, "type": a.type, "date": a.date.isoformat()}
            for a in standing_actions
            if a.type in rules.ACTION_TYPES
        ],
    }


def member_codes() -> list[str]:
    return list(
        MemberState.objects.filter(membership=Membership.MEMBER).values_list("iso2", flat=True)
    )


def state_names() -> dict[str, str]:
    """ISO code -> the state's name in the active language."""
    return {s.iso2: s.name for s in MemberState.objects.all()}


def standing_of(
    agreement: Agreement, actions: Iterable[TreatyAction], *, today: dt.date, members: Sequence[str]
) -> Standing:
    """Recorded and published facts, and the computed ones when the record is complete enough."""
    standing_actions = live(actions)
    standing = Standing(
        agreement,
        signatories_of(agreement, standing_actions),
        {a.state.iso2 for a in standing_actions if a.type in CONSENTS},
        gaps_of(agreement),
    )
    if not standing.gaps:
        try:
            standing.result = rules.run(engine_input(agreement, actions, members), as_of=today)
        except rules.RuleError as error:
            standing.error = error
    return standing


def _with_actions(agreements: QuerySet[Agreement]) -> QuerySet[Agreement]:
    return agreements.select_related("amends").prefetch_related(
        "signatories",
        Prefetch(
            "actions",
            queryset=TreatyAction.objects.select_related("state", "step").order_by("date", "pk"),
        ),
    )


def standings(agreements: Iterable[Agreement], *, today: dt.date) -> list[Standing]:
    """Each agreement's standing with its consistency flags (a protocol is checked against its parent,
    whoever may see it). `agreements` must come through `_with_actions`."""
    members = member_codes()
    result = [standing_of(a, a.actions.all(), today=today, members=members) for a in agreements]
    by_pk = {s.agreement.pk: s for s in result}
    parents = {s.agreement.amends_id for s in result} - set(by_pk) - {None}
    for parent in _with_actions(Agreement.objects.filter(pk__in=parents)):
        by_pk[parent.pk] = standing_of(parent, parent.actions.all(), today=today, members=members)
    for s in result:
        s.flags = check(s, by_pk.get(s.agreement.amends_id or 0), today)
    return result


def overview(user: Someone, *, today: dt.date) -> list[Standing]:
    return standings(
        _with_actions(agreements_visible_to(user).order_by("signed_on", "pk")), today=today
    )


def agreement(user: Someone, pk: int) -> Agreement:
    found = (
        _with_actions(agreements_visible_to(user).select_related("document")).filter(pk=pk).first()
    )
    if found is None:
        raise Http404
    return found


@dataclass
class Row:
    """A participant's line of the status table, as a depositary's status page has it."""

    state: MemberState
    signatory: bool = False
    signature: TreatyAction | None = None
    steps: list[tuple[ProcedureStep, TreatyAction | None]] = field(default_factory=list)
    consent: TreatyAction | None = None
    withdrawal: TreatyAction | None = None
    statements: list[TreatyAction] = field(default_factory=list)  # reservations and declarations
    in_force_on: dt.date | None = None

    @property
    def open_steps(self) -> list[ProcedureStep]:
        return [step for step, done in self.steps if done is None]


def status_table(agreement: Agreement, *, today: dt.date) -> tuple[Standing, list[Row]]:
    """Every signatory and every state with a recorded act, in the order of their names."""
    standing = standings([agreement], today=today)[0]
    actions = list(agreement.actions.all())
    states = MemberState.objects.filter(
        Q(iso2__in=standing.signatories) | Q(pk__in={a.state_id for a in actions})
    )
    rows = {s.pk: Row(s, signatory=s.iso2 in standing.signatories) for s in states}
    _fill(rows, live(actions), ProcedureStep.objects.filter(state_id__in=rows))
    for row in rows.values():
        row.in_force_on = standing.bound(row.state.iso2)
    return standing, sorted(rows.values(), key=lambda r: r.state.name_ru)


def _fill(
    rows: dict[int, Row], actions: list[TreatyAction], steps: Iterable[ProcedureStep]
) -> None:
    """Put each action in its column of its state's row, and each state's steps in its procedure's order."""
    done: dict[int, TreatyAction] = {}
    for action in actions:
        row = rows[action.state_id]
        if action.type == ActionType.SIGNATURE:
            row.signature = row.signature or action
        elif action.type == ActionType.STEP and action.step_id:
            done[action.step_id] = action
        elif action.type == ActionType.WITHDRAWAL:
            row.withdrawal = action
        elif action.type in CONSENTS:
            row.consent = row.consent or action
        if action.reservation:
            row.statements.append(action)
    for step in steps:
        rows[step.state_id].steps.append((step, done.get(step.pk)))


@dataclass
class Pending:
    """An instrument a state signed and is not bound by: its steps done and still open."""

    standing: Standing
    row: Row

    @property
    def known(self) -> bool:
        """Whether the record can say the state has not consented (its deposits are recorded)."""
        return Gap.DEPOSITS not in self.standing.gaps


def pending(user: Someone, state: MemberState, *, today: dt.date) -> list[Pending]:
    """What `state` still has to do: each instrument it signed without a recorded consent or
    withdrawal. Where the deposits are not recorded, the entry says so (`known` is false)."""
    agreements = [
        s
        for s in overview(user, today=today)
        if state.iso2 in s.signatories and state.iso2 not in s.consented
    ]
    steps = list(ProcedureStep.objects.filter(state=state))
    result = []
    for s in agreements:
        mine = [a for a in s.agreement.actions.all() if a.state_id == state.pk]
        row = Row(state, signatory=True)
        _fill({state.pk: row}, live(mine), steps)
        if row.withdrawal is None:
            result.append(Pending(s, row))
    return result


def chooses_state(user: Someone) -> bool:
    """A delegation follows its own state; anyone else chooses the state to follow."""
    return viewer_of(user).state_id is None


def state_named(iso2: str) -> MemberState | None:
    return MemberState.objects.filter(iso2=iso2.upper()[:2]).first() if iso2 else None


def state_to_follow(user: Someone, asked: str) -> MemberState | None:
    """A delegation's own state; for anyone else, the state they asked for."""
    state_id = viewer_of(user).state_id
    if state_id:
        return MemberState.objects.filter(pk=state_id).first()
    return state_named(asked)


def member_states() -> QuerySet[MemberState]:
    return MemberState.objects.all()


def signatory(agreement: Agreement, iso2: str) -> MemberState | None:
    """A signatory of `agreement` by its code, or None."""
    actions = live(agreement.actions.all())
    if iso2.upper() not in signatories_of(agreement, actions):
        return None
    return MemberState.objects.filter(iso2=iso2.upper()).first()


def agreements(user: Someone) -> QuerySet[Agreement]:
    return agreements_visible_to(user)


def agreement_by_id(pk: int) -> Agreement:
    """For other apps reacting to the depositary's records, run as the system."""
    return Agreement.objects.get(pk=pk)
