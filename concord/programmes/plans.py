"""Every write to the implementation of decisions: action plans after a session, their tasks and
who is responsible, reports on the tasks; the chairmanship's priorities and their indicators."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.consultations import selectors as consultations
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import DomainError
from concord.organization.models import Body, MemberState
from concord.organization.selectors import chair_of

from . import permissions
from .checks import adoption_of
from .codes import Code, Verb
from .models import (
    ActionPlan,
    ActionTask,
    Assignment,
    Indicator,
    IndicatorValue,
    Priority,
    TaskReport,
)
from .states import (
    ASSIGNMENT_FLOW,
    PLAN_FLOW,
    TASK_FLOW,
    AssignmentStatus,
    PlanStatus,
    TaskStatus,
)

if TYPE_CHECKING:
    from concord.consultations.models import Session

DRAFTS = _("Only the Secretariat drafts action plans and their tasks.")


def session_of(session_id: int) -> Session:
    try:
        return consultations.session(session_id)
    except Http404:
        raise DomainError(Code.NOT_FROM_SESSION, _("No such session."), field="session") from None


@transaction.atomic
def draft_plan(
    *,
    actor: Actor,
    session_id: int,
    title_ru: str,
    title_en: str = "",
    dated: dt.date,
    demo: bool = False,
) -> ActionPlan:
    """The plan to carry out the decisions of a session, dated on or after the session."""
    require(permissions.can_draft_plan(actor), DRAFTS)
    session = session_of(session_id)
    if dated < session.date:
        raise DomainError(
            Code.BEFORE_SESSION,
            _("The plan is dated before the session it implements (%(day)s).")
            % {"day": f"{session.date:%d.%m.%Y}"},
            field="dated",
        )
    plan = ActionPlan.objects.create(
        session_id=session.pk,
        title_ru=title_ru,
        title_en=title_en,
        dated=dated,
        drafted_by=user_of(actor),
        demo=demo,
    )
    record(Verb.DRAFT_PLAN, actor=actor, target=plan, summary=title_en or title_ru)
    return plan


def _check_decision(plan: ActionPlan, decision_id: int | None) -> None:
    """A task is drawn from a decision adopted at the plan's session (its body, on its day)."""
    adoption = adoption_of(decision_id)
    session = plan.session
    if adoption.body.pk != session.body_id or adoption.on != session.date:
        raise DomainError(
            Code.NOT_FROM_SESSION,
            _("This decision was not adopted at the plan's session."),
            field="decision",
        )


def _check_task(
    plan: ActionPlan, deadline: dt.date, states: Sequence[MemberState], bodies: Sequence[Body]
) -> None:
    if plan.status != PlanStatus.DRAFT:
        raise DomainError(Code.NOT_ADOPTED, _("The plan is approved: its tasks stand as approved."))
    if not bodies:
        raise DomainError(
            Code.NO_RESPONSIBLE, _("Name at least one responsible body."), field="bodies"
        )
    if deadline < plan.dated:
        raise DomainError(
            Code.DEADLINE_BEFORE_PLAN,
            _("The deadline is before the plan's date (%(day)s).")
            % {"day": f"{plan.dated:%d.%m.%Y}"},
            field="deadline",
        )
    if len({s.pk for s in states}) != len(states) or len({b.pk for b in bodies}) != len(bodies):
        raise DomainError(Code.DUPLICATE, _("A state or body is named twice."), field="states")


@transaction.atomic
def add_task(
    plan: ActionPlan,
    *,
    actor: Actor,
    decision_id: int,
    text_ru: str,
    text_en: str = "",
    deadline: dt.date,
    bodies: Sequence[Body],
    states: Sequence[MemberState] = (),
    demo: bool = False,
) -> ActionTask:
    require(permissions.can_draft_plan(actor), DRAFTS)
    plan = lock(plan)
    _check_task(plan, deadline, states, bodies)
    _check_decision(plan, decision_id)
    number = (plan.tasks.aggregate(n=Max("number"))["n"] or 0) + 1
    task = ActionTask.objects.create(
        plan=plan,
        number=number,
        decision_id=decision_id,
        text_ru=text_ru,
        text_en=text_en,
        deadline=deadline,
        demo=demo,
    )
    Assignment.objects.bulk_create(
        [Assignment(task=task, body=b) for b in bodies]
        + [Assignment(task=task, state=s) for s in states]
    )
    record(
        Verb.ADD_TASK,
        actor=actor,
        target=plan,
        summary=f"{number}. {text_en or text_ru}"[:200],
        changes={"responsible": [b.code for b in bodies] + [s.iso2 for s in states]},
    )
    return task


@transaction.atomic
def approve_plan(
    plan: ActionPlan, *, actor: Actor, on: dt.date, version: int | None = None
) -> ActionPlan:
    """The chairman's approval: the tasks are reported on from now."""
    chair = chair_of(plan.session.date.year)
    require(
        permissions.can_approve_plan(actor, plan),
        _("Only the chairman (who speaks for %(state)s) approves the plan.")
        % {"state": chair.state.name if chair else "—"},
    )
    if not plan.tasks.exists():
        raise DomainError(Code.EMPTY_PLAN, _("The plan has no tasks yet."))
    if on < plan.dated:
        raise DomainError(Code.BAD_DATES, _("The plan is approved before it is dated."), field="on")
    return transition(
        plan,
        PlanStatus.APPROVED,
        flow=PLAN_FLOW,
        actor=actor,
        verb=Verb.APPROVE_PLAN,
        version=version,
        approved_on=on,
        approved_by=user_of(actor),
        approved_for=actor.acting_for_label,
    )


def _settle_task(task: ActionTask, *, actor: Actor) -> None:
    """The task is done when every part is; open again when one is returned."""
    done = not task.assignments.exclude(status=AssignmentStatus.DONE).exists()
    to = TaskStatus.DONE if done else TaskStatus.OPEN
    if task.status != to:
        transition(task, to, flow=TASK_FLOW, actor=actor, verb=Verb.TASK_STATUS)


@transaction.atomic
def report_task(
    assignment: Assignment,
    *,
    actor: Actor,
    text: str,
    done: bool,
    now: dt.datetime,
    version: int | None = None,
) -> TaskReport:
    """A state's or body's report on its part; reported done, the part is done."""
    require(
        permissions.can_report(actor, assignment),
        _("Only a delegation of a state can speak for that state; a body reports for itself."),
    )
    assignment = lock(assignment, version=version)
    task = assignment.task
    if task.plan.status != PlanStatus.APPROVED:
        raise DomainError(Code.NOT_ADOPTED, _("The plan is not approved yet."))
    if not text.strip():
        raise DomainError(Code.BAD_AMOUNT, _("Say what was done."), field="text")
    report = TaskReport.objects.create(
        assignment=assignment,
        text=text,
        done=done,
        reported_by=user_of(actor),
        acting_for=actor.acting_for_label,
        at=now,
    )
    if done and assignment.status != AssignmentStatus.DONE:
        transition(
            assignment,
            AssignmentStatus.DONE,
            flow=ASSIGNMENT_FLOW,
            actor=actor,
            verb=Verb.REPORT_TASK,
            done_on=now.date(),
        )
        _settle_task(task, actor=actor)
    else:
        record(Verb.REPORT_TASK, actor=actor, target=assignment, summary=text[:200])
    return report


@transaction.atomic
def return_report(
    assignment: Assignment,
    *,
    actor: Actor,
    reason: str,
    now: dt.datetime,
    version: int | None = None,
) -> Assignment:
    """The Secretariat finds the part not done: open again, with the reason as a report."""
    require(permissions.can_return_report(actor), _("Only the Secretariat returns a task report."))
    if not reason.strip():
        raise DomainError(Code.BAD_AMOUNT, _("Say why the report is returned."), field="reason")
    assignment = transition(
        assignment,
        AssignmentStatus.OPEN,
        flow=ASSIGNMENT_FLOW,
        actor=actor,
        verb=Verb.RETURN_REPORT,
        version=version,
        summary=reason[:200],
        done_on=None,
    )
    TaskReport.objects.create(
        assignment=assignment,
        text=reason,
        returned=True,
        reported_by=user_of(actor),
        acting_for=actor.acting_for_label,
        at=now,
    )
    _settle_task(assignment.task, actor=actor)
    return assignment


def _chair_state(year: int) -> MemberState:
    chair = chair_of(year)
    if chair is None:
        raise DomainError(
            Code.NOT_CHAIRED,
            _("No chairmanship is recorded for %(year)s.") % {"year": year},
            field="year",
        )
    return chair.state


KEEPS_PRIORITIES = _(
    "Only who speaks for the chairing state, or the Secretariat, keeps its priorities."
)


@transaction.atomic
def add_priority(
    *, actor: Actor, year: int, title_ru: str, title_en: str = "", demo: bool = False
) -> Priority:
    state = _chair_state(year)
    require(permissions.can_keep_priorities(actor, state), KEEPS_PRIORITIES)
    position = Priority.objects.filter(year=year).count() + 1
    priority = Priority.objects.create(
        year=year, state=state, position=position, title_ru=title_ru, title_en=title_en, demo=demo
    )
    record(Verb.ADD_PRIORITY, actor=actor, target=priority, summary=title_en or title_ru)
    return priority


@transaction.atomic
def add_indicator(
    priority: Priority,
    *,
    actor: Actor,
    name_ru: str,
    name_en: str = "",
    target: Decimal,
    unit_ru: str = "",
    unit_en: str = "",
) -> Indicator:
    require(permissions.can_keep_priorities(actor, priority.state), KEEPS_PRIORITIES)
    if target <= 0:
        raise DomainError(Code.BAD_AMOUNT, _("The target is above zero."), field="target")
    indicator = Indicator.objects.create(
        priority=priority,
        name_ru=name_ru,
        name_en=name_en,
        target=target,
        unit_ru=unit_ru,
        unit_en=unit_en,
    )
    record(Verb.ADD_INDICATOR, actor=actor, target=priority, summary=name_en or name_ru)
    return indicator


@transaction.atomic
def record_value(
    indicator: Indicator, *, actor: Actor, on: dt.date, value: Decimal, note: str = ""
) -> IndicatorValue:
    """Where the indicator stood on a day of the chairmanship's year."""
    priority = indicator.priority
    require(permissions.can_keep_priorities(actor, priority.state), KEEPS_PRIORITIES)
    if on.year != priority.year:
        raise DomainError(
            Code.OUTSIDE_YEAR,
            _("The chairmanship's year is %(year)s.") % {"year": priority.year},
            field="on",
        )
    if value < 0:
        raise DomainError(Code.BAD_AMOUNT, _("The value is not negative."), field="value")
    row = IndicatorValue.objects.create(
        indicator=indicator, on=on, value=value, note=note, recorded_by=user_of(actor)
    )
    record(Verb.RECORD_VALUE, actor=actor, target=indicator.priority, summary=f"{on} {value}")
    return row
