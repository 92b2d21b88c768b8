"""How a stage's decision rule reads the stored positions: which states count, which rule applies,
each state's current stance, and the outcome now or at closing. Reads only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from concord.organization.models import Body, MemberState
from concord.organization.states import Membership, Participation

from . import rules
from .models import DecisionRule, NonWorkingDay, Position, ProcedureTerm, Route, Stage
from .rules import ConsentMode, Stance
from .states import ConsultationStatus, StageOutcome, StageStatus


def holidays() -> set[dt.date]:
    return set(NonWorkingDay.objects.values_list("date", flat=True))


def rule_for(body: Body, kind: str) -> tuple[str, int]:
    """The most specific configured rule: body and kind, then body, then kind, then consensus."""
    rows = DecisionRule.objects.filter(
        Q(body=body) | Q(body__isnull=True), Q(kind=kind) | Q(kind="")
    )
    best = sorted(rows, key=lambda r: (r.body_id is None, r.kind == ""))
    return (best[0].rule, best[0].quorum) if best else (rules.Rule.CONSENSUS.value, 0)


def term_for(route: Route, kind: str) -> tuple[int, rules.TermUnit]:
    """How long a written procedure runs: the most specific configured term (route and kind, then
    route, then kind), else 10 working days."""
    rows = ProcedureTerm.objects.filter(
        Q(route=route) | Q(route__isnull=True), Q(kind=kind) | Q(kind="")
    )
    best = sorted(rows, key=lambda r: (r.route_id is None, r.kind == ""))
    if not best:
        return 10, rules.TermUnit.WORKING_DAYS
    return best[0].amount, rules.TermUnit(best[0].unit)


def is_awaited(state: MemberState) -> bool:
    """Whose position a stage waits for, everywhere (the board, the inbox, the dashboard, the API, an
    early close): a member state taking part. One whose participation is frozen may still speak."""
    return state.membership == Membership.MEMBER and state.participation != Participation.FROZEN


def members() -> list[MemberState]:
    """The states whose voice counts: members, not suspended or withdrawn."""
    return list(MemberState.objects.filter(membership=Membership.MEMBER))


def as_rule_state(state: MemberState) -> rules.State:
    return rules.State(
        state.pk, state.name_ru, state.name_en, frozen=state.participation == Participation.FROZEN
    )


def current_stances(stage: Stage, positions: Iterable[Position]) -> dict[int, Stance]:
    """Each state's latest position that was given on the text now before the stage."""
    latest: dict[int, Position] = {}
    for p in positions:
        if p.state_id not in latest or p.pk > latest[p.state_id].pk:
            latest[p.state_id] = p
    fingerprint = stage.version.fingerprint if stage.version_id and stage.version else ""
    return {sid: Stance(p.stance) for sid, p in latest.items() if p.fingerprint == fingerprint}


def outcome(
    stage: Stage, positions: Iterable[Position], states: Sequence[MemberState], now: dt.datetime
) -> rules.Outcome:
    """What the stage's rule says now; once closed or past its deadline, answers are no longer awaited."""
    closed = stage.status == StageStatus.CLOSED or bool(stage.deadline and now >= stage.deadline)
    return decide(stage, positions, rule_states(states), closed=closed)


def rule_states(states: Iterable[MemberState]) -> list[rules.State]:
    return [as_rule_state(s) for s in states]


def decide(
    stage: Stage, positions: Iterable[Position], states: Sequence[rules.State], *, closed: bool
) -> rules.Outcome:
    return rules.decide(
        rules.Rule(stage.rule),
        states,
        current_stances(stage, positions),
        quorum=stage.quorum,
        consent=ConsentMode(stage.consent),
        closed=closed,
        breakers=rules.Breakers(stage.breakers),
    )


@dataclass(frozen=True)
class Closing:
    """How a stage ends and where that leaves its consultation."""

    outcome: StageOutcome
    result: rules.Outcome
    consultation_status: ConsultationStatus

    def stage_fields(self, now: dt.datetime) -> dict[str, Any]:
        return {
            "closed_at": now,
            "outcome": self.outcome,
            "result": self.result.result,
            "explanation_ru": self.result.explanation_ru,
            "explanation_en": self.result.explanation_en,
        }


def closing(
    stage: Stage,
    positions: list[Position],
    states: Sequence[rules.State],
    *,
    now: dt.datetime,
    is_last: bool,
    drop: bool = False,
) -> Closing:
    result = decide(stage, positions, states, closed=True)
    if drop:
        return Closing(StageOutcome.DROPPED, result, ConsultationStatus.DROPPED)
    if result.adopted and is_last:
        return Closing(StageOutcome.ADOPTED, result, ConsultationStatus.ADOPTED)
    if result.adopted:
        return Closing(StageOutcome.FORWARDED, result, ConsultationStatus.OPEN)
    return Closing(StageOutcome.RETURNED, result, ConsultationStatus.RETURNED)
