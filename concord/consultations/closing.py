"""How a stage ends: closed with the outcome its rule gives (a written procedure not before its
deadline, unless every state taking part has answered), or extended by the Secretariat; and what an
outcome does to the question, to its text (an adopted text becomes the adopted version) and to the
other apps (an adoption is announced)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import Conflict, DomainError
from concord.core.events import emit
from concord.documents import finality

from . import outcomes, permissions
from .codes import Code, Verb
from .events import ConsultationAdopted
from .models import Consultation, Position, Stage
from .notifications import board_url, tell_members
from .rules import State
from .states import (
    CONSULTATION_FLOW,
    STAGE_FLOW,
    ConsultationStatus,
    QuestionKind,
    StageMode,
    StageStatus,
)

VERBS = {
    ConsultationStatus.OPEN: Verb.REOPEN_CONSULTATION,
    ConsultationStatus.ADOPTED: Verb.ADOPT_CONSULTATION,
    ConsultationStatus.RETURNED: Verb.RETURN_CONSULTATION,
    ConsultationStatus.DROPPED: Verb.DROP_CONSULTATION,
}


def close_stage(
    stage: Stage, *, actor: Actor, now: dt.datetime, drop: bool = False, note: str = ""
) -> Stage:
    """Close a stage with the outcome its rule gives: adopted at the last tier, forwarded to the next,
    or returned for revision with the objections; or dropped, when the Secretariat says so. A written
    procedure closes at its deadline, or earlier only once every state taking part has answered."""
    require(permissions.runs_procedures(actor), _("Only the Secretariat closes a stage."))
    with transaction.atomic():
        stage = lock(stage)
        positions = list(stage.positions.all())
        voices = outcomes.rule_states(outcomes.members())
        if not drop:
            _check_not_early(stage, positions, voices, now)
        is_last = not stage.consultation.route.steps.filter(position__gt=stage.position).exists()
        ending = outcomes.closing(stage, positions, voices, now=now, is_last=is_last, drop=drop)
        stage = transition(
            stage,
            StageStatus.CLOSED,
            flow=STAGE_FLOW,
            actor=actor,
            verb=Verb.CLOSE_STAGE,
            summary=f"{ending.outcome}: {ending.result.explanation_en}",
            changes={"outcome": ending.outcome, "result": ending.result.result},
            closed_by=user_of(actor),
            note=note,
            **ending.stage_fields(now),
        )
        if ending.consultation_status != stage.consultation.status:
            move_consultation(stage.consultation, ending.consultation_status, actor=actor)
        settle_text(stage, actor=actor)
        tell_members(
            board_url(stage.consultation),
            subject_ru=f"Итог: {stage.consultation.title_ru} — {stage.explanation_ru}",
            subject_en=f"Outcome: {stage.consultation.title_en or stage.consultation.title_ru} — {stage.explanation_en}",
        )
    return stage


def _check_not_early(
    stage: Stage, positions: list[Position], voices: list[State], now: dt.datetime
) -> None:
    if stage.mode != StageMode.WRITTEN or stage.deadline is None or now >= stage.deadline:
        return
    waiting = outcomes.decide(stage, positions, voices, closed=False).awaited
    if waiting:
        raise Conflict(
            Code.TOO_EARLY,
            _(
                "The written procedure runs until %(deadline)s UTC; it closes earlier only when every state taking part has answered. Still awaited: %(states)s."
            )
            % {
                "deadline": f"{stage.deadline:%d.%m.%Y %H:%M}",
                "states": _names(waiting),
            },
        )


def _names(states: tuple[State, ...]) -> str:
    english = (get_language() or "ru").startswith("en")
    return ", ".join(sorted(s.name_en if english else s.name_ru for s in states))


def extend_stage(
    stage: Stage, *, actor: Actor, until: dt.datetime, reason: str, now: dt.datetime
) -> Stage:
    """The Secretariat gives a written procedure more time, saying why; the states are told."""
    require(permissions.runs_procedures(actor), _("Only the Secretariat extends a deadline."))
    if not reason.strip():
        raise DomainError(
            Code.REASON_REQUIRED, _("Say why the deadline is extended."), field="reason"
        )
    with transaction.atomic():
        stage = lock(stage)
        if stage.status != StageStatus.OPEN or stage.mode != StageMode.WRITTEN:
            raise Conflict(
                Code.NOT_WRITTEN, _("Only an open written procedure has a deadline to extend.")
            )
        before = stage.deadline
        if until <= max(now, before or now):
            raise DomainError(
                Code.BAD_DEADLINE,
                _("The new deadline must be later than the current one and than now."),
                field="until",
            )
        stage.deadline, stage.reminded = until, False
        stage.save(update_fields=["deadline", "reminded"])
        record(
            Verb.EXTEND_STAGE,
            actor=actor,
            target=stage,
            summary=reason[:300],
            changes={"deadline": [before, until]},
        )
        consultation = stage.consultation
        tell_members(
            board_url(consultation),
            subject_ru=f"Срок опросного порядка продлён до {until:%d.%m.%Y %H:%M} UTC: {consultation.title_ru}",
            subject_en=f"Written procedure extended to {until:%d %b %Y %H:%M} UTC: {consultation.title_en or consultation.title_ru}",
        )
    return stage


def move_consultation(consultation: Consultation, to: str, *, actor: Actor) -> Consultation:
    """The consultation's status, as its stage moved it; adoption is announced to other apps."""
    consultation = transition(
        consultation, to, flow=CONSULTATION_FLOW, actor=actor, verb=VERBS[ConsultationStatus(to)]
    )
    if to == ConsultationStatus.ADOPTED:
        emit(ConsultationAdopted(consultation.pk, consultation.kind))
    return consultation


def settle_text(stage: Stage, *, actor: Actor) -> None:
    """What the outcome does to the question's text: adopted, it becomes the adopted version (with
    the adopting body and day); a correction that ends otherwise leaves the adopted text as it was."""
    consultation = stage.consultation
    document = consultation.document
    if document is None or stage.version is None:
        return
    if consultation.status == ConsultationStatus.ADOPTED:
        day = (stage.closed_at or stage.opened_at).date()
        finality.adopt_text(document, actor=actor, version=stage.version, body=stage.body, on=day)
    elif consultation.status == ConsultationStatus.DROPPED and (
        consultation.kind == QuestionKind.CORRECTION
    ):
        finality.end_correction(document, actor=actor)
