"""Writes on the execution of the training plan: each event's status, its after-action report, and
the lessons drawn from it, tracked to closure. Every write is audited."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.audit.services import record
from concord.core.actions import lock, require, require_version, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import Conflict, DomainError
from concord.organization.models import MemberState

from . import permissions
from .codes import Code, Verb
from .models import AfterActionReport, Lesson, TrainingEvent, TrainingPlan
from .states import EVENT_FLOW, LESSON_FLOW, EventStatus, LessonStatus, PlanStatus
from .training import PLAN_ONLY


def _required(value: str, field: str) -> str:
    if not value.strip():
        raise DomainError(Code.REQUIRED, _("This field is required."), field=field)
    return value.strip()


@transaction.atomic
def record_event_status(
    event: TrainingEvent,
    status: str,
    *,
    actor: Actor,
    personnel: int | None = None,
    today: dt.date | None = None,
    version: int | None = None,
) -> TrainingEvent:
    """Held (on or after its first day, with how many took part), postponed or cancelled; a
    postponed event may be planned again."""
    require(permissions.can_plan(actor), PLAN_ONLY)
    if status not in EventStatus.values:
        raise DomainError(Code.REQUIRED, _("Choose a status."), field="status")
    plan_status = TrainingPlan.objects.values_list("status", flat=True).get(pk=event.plan_id)
    if plan_status != PlanStatus.ADOPTED:
        raise Conflict(Code.PLAN_NOT_ADOPTED, _("Execution is recorded against the adopted plan."))
    today = today or timezone.localdate()
    if status == EventStatus.HELD and today < event.starts_on:
        raise DomainError(
            Code.NOT_STARTED,
            _("The event starts on %(day)s; it cannot be recorded as held before then.")
            % {"day": f"{event.starts_on:%d.%m.%Y}"},
            field="status",
        )
    if personnel is not None and (status != EventStatus.HELD or personnel <= 0):
        raise DomainError(
            Code.REQUIRED,
            _("Personnel is given, as a positive number, for an event that was held."),
            field="personnel",
        )
    return transition(
        event,
        status,
        flow=EVENT_FLOW,
        actor=actor,
        verb=Verb.EVENT_STATUS,
        version=version,
        summary=f"{event} {status}",
        personnel=personnel if status == EventStatus.HELD else event.personnel,
    )


@transaction.atomic
def save_after_action(
    event: TrainingEvent,
    *,
    actor: Actor,
    summary: str,
    version: int | None = None,
    demo: bool = False,
) -> AfterActionReport:
    """The after-action report of an event that was held (written, then corrected)."""
    require(permissions.can_plan(actor), PLAN_ONLY)
    event = lock(event)
    if event.status != EventStatus.HELD:
        raise Conflict(Code.NOT_HELD, _("An after-action report is written on an event held."))
    summary = _required(summary, "summary")
    report = AfterActionReport.objects.filter(event=event).first()
    if report is None:
        report = AfterActionReport.objects.create(
            event=event, summary=summary, written_by=user_of(actor), demo=demo
        )
    else:
        report = lock(report, version=require_version(version))  # replaced: 422 without it
        report.summary, report.version = summary, report.version + 1
        report.save(update_fields=["summary", "version"])
    record(Verb.SAVE_AFTER_ACTION, actor=actor, target=report, summary=str(event))
    return report


@transaction.atomic
def add_lesson(
    event: TrainingEvent,
    *,
    actor: Actor,
    text: str,
    action: str = "",
    responsible: MemberState | None = None,
    due_on: dt.date | None = None,
    demo: bool = False,
) -> Lesson:
    """A lesson drawn in the after-action report, with who acts on it and by when."""
    require(permissions.can_plan(actor), PLAN_ONLY)
    report = AfterActionReport.objects.filter(event=event).first()
    if report is None:
        raise Conflict(Code.NO_REPORT, _("Write the after-action report first."))
    if due_on is not None and due_on < event.ends_on:
        raise DomainError(
            Code.BAD_DATES, _("A lesson is due after the event it was drawn from."), field="due_on"
        )
    lesson = Lesson.objects.create(
        report=report,
        text=_required(text, "text"),
        action=action.strip(),
        responsible=responsible,
        due_on=due_on,
        demo=demo,
    )
    record(Verb.SAVE_LESSON, actor=actor, target=lesson, summary=lesson.text[:200])
    return lesson


@transaction.atomic
def close_lesson(
    lesson: Lesson,
    *,
    actor: Actor,
    note: str,
    on: dt.date | None = None,
    version: int | None = None,
) -> Lesson:
    """A lesson acted upon: closed with how it was closed."""
    require(permissions.can_plan(actor), PLAN_ONLY)
    note = _required(note, "closing_note")
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise DomainError(
            Code.BAD_DATES, _("A lesson cannot be closed in the future."), field="closed_on"
        )
    return transition(
        lesson,
        LessonStatus.CLOSED,
        flow=LESSON_FLOW,
        actor=actor,
        verb=Verb.CLOSE_LESSON,
        version=version,
        summary=note[:200],
        closed_on=on,
        closing_note=note,
    )
