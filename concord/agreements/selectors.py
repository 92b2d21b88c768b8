"""Reads: where agreements stand, as the depositary records them (see `standing.py`), the status table
of one, and what a state still has to do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from concord.core.actors import Someone
from concord.core.models import viewer_of
from concord.organization.models import MemberState
from concord.organization.states import Membership

from . import rules
from .models import Agreement, ProcedureStep, TreatyAction
from .permissions import agreements_visible_to
from .standing import Gap, Standing, check, gaps_of, stored_standing
from .states import CONSENTS, ActionType


def live(actions: Iterable[TreatyAction]) -> list[TreatyAction]:
    """The actions that stand: a correction replaces the action it names, which stays on record."""
    actions = list(actions)
    corrected = {a.corrects_id for a in actions if a.corrects_id}
    return [a for a in actions if a.pk not in corrected]


def signatories_of(block: Iterable[str], actions: Iterable[TreatyAction]) -> list[str]:
    """The signature block and any state whose signature is recorded (a later signature)."""
    return sorted(set(block) | {a.state.iso2 for a in actions if a.type == ActionType.SIGNATURE})


def engine_input(
    agreement: Agreement,
    standing_actions: Sequence[TreatyAction],
    signatories: Sequence[str],
    members: Iterable[str],
) -> dict[str, Any]:
    """The question to the engine: the parties are the member states and any state that acted."""
    parties = sorted({a.state.iso2 for a in standing_actions} | set(signatories) | set(members))
    return {
        "rule": agreement.rule,
        "parties": [{"state": s, "weight": 1.0} for s in parties],
        "signatories": list(signatories),
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


def block_of(agreement: Agreement) -> set[str]:
    return set(agreement.signatories.values_list("iso2", flat=True))


def standing_of(
    agreement: Agreement,
    actions: Iterable[TreatyAction],
    block: Iterable[str],
    *,
    today: dt.date,
    members: Sequence[str],
) -> Standing:
    """Recorded and published facts, and the computed ones when the record is complete enough."""
    standing_actions = live(actions)
    standing = Standing(
        agreement,
        signatories_of(block, standing_actions),
        {a.state.iso2 for a in standing_actions if a.type in CONSENTS},
        gaps_of(agreement),
        standing_actions,
    )
    if not standing.gaps:
        question = engine_input(agreement, standing_actions, standing.signatories, members)
        try:
            standing.result = rules.run(question, as_of=today)
        except rules.RuleError as error:
            standing.error = error
    return standing


Record = tuple[list[TreatyAction], set[str]]  # an agreement's actions and its signature block


def _records(agreements: Sequence[Agreement]) -> dict[int, Record]:
    """The actions (without their notices' texts) and the signature blocks, in two queries."""
    records: dict[int, Record] = {a.pk: ([], set()) for a in agreements}
    actions = (
        TreatyAction.objects.filter(agreement__in=agreements)
        .select_related("state")
        .defer("notification_ru", "notification_en")
        .order_by("date", "pk")
    )
    for action in actions:
        records[action.agreement_id][0].append(action)
    blocks = Agreement.signatories.through.objects.filter(agreement__in=agreements)
    for pk, iso2 in blocks.values_list("agreement_id", "memberstate__iso2"):
        records[pk][1].add(iso2)
    return records


def standings(
    agreements: Sequence[Agreement], *, today: dt.date, records: dict[int, Record] | None = None
) -> list[Standing]:
    """Each agreement's standing with its consistency flags (a protocol is checked against its parent,
    whoever may see it)."""
    members = member_codes()
    records = records or _records(agreements)
    result = [standing_of(a, *records[a.pk], today=today, members=members) for a in agreements]
    by_pk = {s.agreement.pk: s for s in result}
    parents = list(Agreement.objects.filter(pk__in={a.amends_id for a in agreements} - set(by_pk)))
    parent_records = _records(parents)
    for parent in parents:
        by_pk[parent.pk] = standing_of(
            parent, *parent_records[parent.pk], today=today, members=members
        )
    for s in result:
        s.flags = check(s, by_pk.get(s.agreement.amends_id or 0), today)
    return result


def stored_standings(agreements: Iterable[Agreement], *, today: dt.date) -> list[Standing]:
    """Each agreement's standing as stored when its record last changed (`stored.py`), with its
    consistency flags against its parent's stored standing: no action is read, the engine does not
    run. Load the agreements with `select_related("amends")` for no query at all."""
    result = []
    for agreement in agreements:
        standing = stored_standing(agreement, today=today)
        parent = agreement.amends
        standing.flags = check(
            standing, stored_standing(parent, today=today) if parent else None, today
        )
        result.append(standing)
    return result


def overview_agreements(user: Someone) -> QuerySet[Agreement]:
    """The instruments of the overview, in the order of their signature, with what a row shows."""
    return (
        agreements_visible_to(user)
        .select_related("amends")
        .defer("note_ru", "note_en", "amends__note_ru", "amends__note_en")
        .order_by("signed_on", "pk")
    )


def overview(user: Someone, *, today: dt.date) -> list[Standing]:
    return stored_standings(overview_agreements(user), today=today)


def agreement(user: Someone, pk: int) -> Agreement:
    found = agreements_visible_to(user).select_related("amends", "document").filter(pk=pk).first()
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


def status_table(
    agreement: Agreement, *, today: dt.date
) -> tuple[Standing, list[Row], list[TreatyAction]]:
    """Every signatory and every state with a recorded act, in the order of their names, and every
    action recorded (corrected ones included), in the order of their dates."""
    actions = list(
        agreement.actions.select_related("state", "step", "corrects").order_by("date", "pk")
    )
    standing = standings(
        [agreement], today=today, records={agreement.pk: (actions, block_of(agreement))}
    )[0]
    states = MemberState.objects.filter(
        Q(iso2__in=standing.signatories) | Q(pk__in={a.state_id for a in actions})
    )
    rows = {s.pk: Row(s, signatory=s.iso2 in standing.signatories) for s in states}
    _fill(rows, standing.live, ProcedureStep.objects.filter(state_id__in=rows))
    for row in rows.values():
        row.in_force_on = standing.bound(row.state.iso2)
    return standing, sorted(rows.values(), key=lambda r: r.state.name_ru), actions


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
    mine: dict[int, list[TreatyAction]] = {s.agreement.pk: [] for s in agreements}
    # A correction is an action of the same state: the state's own actions say which stand.
    for action in live(
        TreatyAction.objects.filter(agreement_id__in=mine, state=state)
        .select_related("state")
        .defer("notification_ru", "notification_en")
        .order_by("date", "pk")
    ):
        mine[action.agreement_id].append(action)
    steps = list(ProcedureStep.objects.filter(state=state))
    result = []
    for s in agreements:
        row = Row(state, signatory=True)
        _fill({state.pk: row}, mine[s.agreement.pk], steps)
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
    actions = live(agreement.actions.select_related("state"))
    if iso2.upper() not in signatories_of(block_of(agreement), actions):
        return None
    return MemberState.objects.filter(iso2=iso2.upper()).first()


def agreements(user: Someone) -> QuerySet[Agreement]:
    return agreements_visible_to(user)


def agreement_by_id(pk: int) -> Agreement:
    """For other apps reacting to the depositary's records, run as the system."""
    return Agreement.objects.get(pk=pk)
