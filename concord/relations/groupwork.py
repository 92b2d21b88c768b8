"""The work of the working groups: half-year work plans and their items, reports to the council a
group reports to (documents of the documents module), and a meeting's follow-up turned into a task
of an action plan in the implementation tracking (through the programmes module's services)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _

from concord.audit.services import record
from concord.core.actions import lock, transition
from concord.core.actors import Actor
from concord.core.errors import DomainError
from concord.documents import services as documents
from concord.organization.models import Body

from . import rules
from .codes import Code, Verb
from .models import FollowUp, GroupReport, WorkingGroup, WorkPlan, WorkPlanItem
from .services import _keeper
from .states import ITEM_FLOW, ItemStatus


@transaction.atomic
def create_work_plan(
    group: WorkingGroup, *, actor: Actor, year: int, half: int, demo: bool = False
) -> WorkPlan:
    """A group's plan for a half-year; one per half-year."""
    _keeper(actor)
    if half not in (1, 2):
        raise DomainError(Code.BAD_DATES, _("A year has two halves."), field="half")
    if group.work_plans.filter(year=year, half=half).exists():
        raise DomainError(
            Code.DUPLICATE,
            _("The group already has a plan for this half-year."),
            field="half",
        )
    plan = WorkPlan.objects.create(group=group, year=year, half=half, demo=demo)
    record(Verb.CREATE_WORK_PLAN, actor=actor, target=plan, summary=f"{group.body.code} {plan}")
    return plan


@transaction.atomic
def add_plan_item(
    plan: WorkPlan,
    *,
    actor: Actor,
    text_ru: str,
    text_en: str = "",
    due_on: dt.date,
    demo: bool = False,
) -> WorkPlanItem:
    """An item of the plan, due within its half-year."""
    _keeper(actor)
    first, last = rules.half_year(plan.year, plan.half)
    if not first <= due_on <= last:
        raise DomainError(
            Code.BAD_DATES,
            _("An item is due within the plan's half-year (%(first)s–%(last)s).")
            % {"first": f"{first:%d.%m.%Y}", "last": f"{last:%d.%m.%Y}"},
            field="due_on",
        )
    if not text_ru.strip():
        raise DomainError(Code.UNKNOWN, _("Write the item in Russian."), field="text_ru")
    item = WorkPlanItem.objects.create(
        plan=plan, text_ru=text_ru, text_en=text_en, due_on=due_on, demo=demo
    )
    record(Verb.ADD_PLAN_ITEM, actor=actor, target=plan, summary=(text_en or text_ru)[:200])
    return item


@transaction.atomic
def mark_item(
    item: WorkPlanItem, *, actor: Actor, status: str, version: int | None = None
) -> WorkPlanItem:
    """Done or dropped: once."""
    _keeper(actor)
    if status not in (ItemStatus.DONE, ItemStatus.DROPPED):
        raise DomainError(Code.UNKNOWN, _("An item is marked done or dropped."), field="status")
    return transition(
        item, status, flow=ITEM_FLOW, actor=actor, verb=Verb.PLAN_ITEM_STATUS, version=version
    )


@transaction.atomic
def draft_report(
    group: WorkingGroup,
    *,
    actor: Actor,
    period_from: dt.date,
    period_to: dt.date,
    text: str,
    demo: bool = False,
) -> GroupReport:
    """The Secretariat drafts the group's report for a period, addressed to the council the group
    reports to, as a document of the documents module."""
    _keeper(actor)
    council = group.body.parent
    if council is None:
        raise DomainError(Code.NO_COUNCIL, _("This group reports to no body."), field="group")
    if period_to < period_from:
        raise DomainError(
            Code.BAD_DATES, _("The period cannot end before it starts."), field="period_to"
        )
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if not paragraphs:
        raise DomainError(Code.UNKNOWN, _("Write the report's text."), field="text")
    with translation.override("ru"):  # the document's title is its Russian text
        title = _("Report: %(group)s to %(council)s, %(first)s–%(last)s") % {
            "group": group.body.name_ru,
            "council": council.name_ru,
            "first": f"{period_from:%d.%m.%Y}",
            "last": f"{period_to:%d.%m.%Y}",
        }
    document = documents.create_document(
        actor=actor,
        kind="report",
        units=[("title", title, ""), *[("paragraph", p, "") for p in paragraphs]],
        marking="official",
        body=council,
    )
    report = GroupReport.objects.create(
        group=group,
        council=council,
        period_from=period_from,
        period_to=period_to,
        document=document,
        demo=demo,
    )
    record(Verb.DRAFT_REPORT, actor=actor, target=report, changes={"document": document.pk})
    return report


@transaction.atomic
def track_follow_up(
    follow_up: FollowUp,
    *,
    actor: Actor,
    plan_id: int,
    decision_id: int,
    bodies: Sequence[Body],
    deadline: dt.date | None = None,
) -> FollowUp:
    """Turn a meeting's follow-up into a task of an action plan the actor may see (a draft plan; the
    task is drawn from a decision adopted at the plan's session). The link is kept on the follow-up."""
    from concord.programmes import plan_selectors, plans

    _keeper(actor)
    follow_up = lock(follow_up)
    if follow_up.task_id is not None:
        raise DomainError(
            Code.ALREADY_TRACKED,
            _("This follow-up is already a task of an action plan."),
            field="follow_up",
        )
    try:
        plan = plan_selectors.plan(actor, plan_id)
    except Http404:
        raise DomainError(Code.UNKNOWN, _("No such action plan."), field="plan") from None
    deadline = deadline or follow_up.due_on
    if deadline is None:
        raise DomainError(Code.BAD_DATES, _("Give the task a deadline."), field="deadline")
    task = plans.add_task(
        plan,
        actor=actor,
        decision_id=decision_id,
        text_ru=follow_up.text_ru,
        text_en=follow_up.text_en,
        deadline=deadline,
        bodies=bodies,
    )
    follow_up.task_id = task.pk
    follow_up.save(update_fields=["task"])
    record(
        Verb.TRACK_FOLLOW_UP,
        actor=actor,
        target=follow_up.meeting,
        changes={"follow_up": follow_up.pk, "task": task.pk},
    )
    return follow_up
