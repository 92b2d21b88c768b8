"""The periodic job: written procedures past their deadline are closed, those ending within a day
are reminded. Run by `manage.py close_due_procedures` as often as wanted; it acts only on what is due."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.db.models import Max

from concord.audit.services import record
from concord.core.actors import Actor
from concord.core.events import emit
from concord.organization.models import MemberState

from . import closing, outcomes
from .codes import Verb
from .events import ConsultationAdopted
from .models import Consultation, Position, RouteStep, Stage
from .notifications import board_url, delegates_of, notify, notify_outcomes
from .outcomes import Closing, members
from .states import CONSULTATION_FLOW, STAGE_FLOW, ConsultationStatus, StageMode, StageStatus

REMINDER_BEFORE = dt.timedelta(days=1)


def close_due_procedures(*, actor: Actor, now: dt.datetime) -> tuple[int, int]:
    """Close every written procedure whose deadline has passed and remind the states of those that
    end within a day. Safe to run at any time, as often as wanted: it only acts on what is due.
    Returns (closed, reminded)."""
    states = members()
    with transaction.atomic():
        due = list(
            Stage.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                status__in=STAGE_FLOW.sources(StageStatus.CLOSED),
                mode=StageMode.WRITTEN,
                deadline__lte=now,
            )
            .select_related("consultation__route", "version")
        )
        if due:
            _close_many(due, states, actor=actor, now=now)
        reminded = _remind(states, now)
    return len(due), reminded


def _close_many(
    due: list[Stage], states: list[MemberState], *, actor: Actor, now: dt.datetime
) -> None:
    """Close many stages in a few statements, by the same tables as `close_stage`, with one audit
    entry for the run; adoptions are announced one by one."""
    by_stage: dict[int, list[Position]] = {s.pk: [] for s in due}
    for p in Position.objects.filter(stage__in=due).only(
        "pk", "stage_id", "state_id", "stance", "fingerprint"
    ):
        by_stage[p.stage_id].append(p)
    last_positions = _last_positions({s.consultation.route_id for s in due})
    closings: dict[int, Closing] = {}
    voices = outcomes.rule_states(states)
    for stage in due:
        is_last = stage.position >= last_positions[stage.consultation.route_id]
        ending = outcomes.closing(stage, by_stage[stage.pk], voices, now=now, is_last=is_last)
        if ending.consultation_status != stage.consultation.status:
            CONSULTATION_FLOW.check(stage.consultation.status, ending.consultation_status)
        closings[stage.pk] = ending
        for name, value in ending.stage_fields(now).items():
            setattr(stage, name, value)
        stage.status = StageStatus.CLOSED
        stage.consultation.status = ending.consultation_status
    _save_closed(due, now)
    record(
        Verb.CLOSE_DUE_PROCEDURES,
        actor=actor,
        summary=f"{len(due)} written procedures closed",
        changes={"stages": {str(s.pk): s.outcome for s in due}},
    )
    notify_outcomes(due, states)
    for stage in due:
        if closings[stage.pk].consultation_status == ConsultationStatus.ADOPTED:
            closing.settle_text(stage, actor=actor)
            emit(ConsultationAdopted(stage.consultation_id, stage.consultation.kind))


def _remind(states: list[MemberState], now: dt.datetime) -> int:
    soon = list(
        Stage.objects.filter(
            status=StageStatus.OPEN,
            mode=StageMode.WRITTEN,
            reminded=False,
            deadline__gt=now,
            deadline__lte=now + REMINDER_BEFORE,
        ).select_related("consultation")
    )
    if not soon:
        return 0
    waiting = _states_without_position(soon, states)
    for stage in soon:
        notify(
            delegates_of(waiting[stage.pk]),
            url=board_url(stage.consultation),
            subject_ru=f"Напоминание: срок опросного порядка истекает {stage.deadline:%d.%m.%Y %H:%M} UTC — {stage.consultation.title_ru}",
            subject_en=f"Reminder: the written procedure ends {stage.deadline:%d %b %Y %H:%M} UTC — {stage.consultation.title_en}",
        )
    Stage.objects.filter(pk__in=[s.pk for s in soon]).update(reminded=True)
    return len(soon)


def _save_closed(stages: list[Stage], now: dt.datetime) -> None:
    """Write closed stages in a few UPDATEs: stages that ended alike share one statement (bulk_update
    would build one huge CASE per field instead)."""
    stage_groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    consultation_groups: dict[str, list[int]] = defaultdict(list)
    for s in stages:
        stage_groups[(s.outcome, s.result, s.explanation_ru, s.explanation_en)].append(s.pk)
        consultation_groups[s.consultation.status].append(s.consultation_id)
    for (outcome_, result, ru, en), ids in stage_groups.items():
        for i in range(0, len(ids), 900):
            Stage.objects.filter(pk__in=ids[i : i + 900]).update(
                status=StageStatus.CLOSED,
                closed_at=now,
                outcome=outcome_,
                result=result,
                explanation_ru=ru,
                explanation_en=en,
            )
    for status, ids in consultation_groups.items():
        for i in range(0, len(ids), 900):
            Consultation.objects.filter(pk__in=ids[i : i + 900]).update(status=status)


def _last_positions(route_ids: set[int]) -> dict[int, int]:
    return dict(
        RouteStep.objects.filter(route_id__in=route_ids)
        .values("route_id")
        .annotate(m=Max("position"))
        .values_list("route_id", "m")
    )


def _states_without_position(
    stages: list[Stage], states: list[MemberState]
) -> dict[int, list[int]]:
    answered: dict[int, set[int]] = {s.pk: set() for s in stages}
    for stage_id, state_id in Position.objects.filter(stage__in=stages).values_list(
        "stage_id", "state_id"
    ):
        answered[stage_id].add(state_id)
    return {s.pk: [st.pk for st in states if st.pk not in answered[s.pk]] for s in stages}
