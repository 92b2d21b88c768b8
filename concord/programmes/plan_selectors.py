"""Reads of action plans, tasks, implementation rates and priorities: what the user may see, in a
constant number of queries; each rate table in one aggregate query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from concord.consultations import selectors as consultations
from concord.core.actors import Someone
from concord.core.models import in_language, viewer_of
from concord.core.rules import speaks_for

from . import permissions, rules
from .models import ActionPlan, ActionTask, Assignment, Indicator, IndicatorValue, Priority
from .states import AssignmentStatus, PlanStatus


def plans(user: Someone) -> QuerySet[ActionPlan]:
    return (
        permissions.plans_visible_to(user)
        .select_related("session__body")
        .annotate(
            n_tasks=Count(
                "tasks",
                filter=Q(tasks__in=permissions.tasks_visible_to(user)),
                distinct=True,
            )
        )
        .order_by("-dated", "-pk")
    )


def plan(user: Someone, pk: int) -> ActionPlan:
    found = (
        permissions.plans_visible_to(user)
        .select_related("session__body", "approved_by")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def tasks(user: Someone, plan: ActionPlan) -> list[ActionTask]:
    """The plan's tasks the user may see, each with the parts they may see and their reports:
    three queries."""
    parts = (
        permissions.assignments_visible_to(user)
        .select_related("state", "body")
        .prefetch_related("reports")
        .order_by("pk")
    )
    return list(
        permissions.tasks_visible_to(user)
        .filter(plan=plan)
        .select_related("decision")
        .prefetch_related(Prefetch("assignments", queryset=parts, to_attr="parts"))
        .order_by("number")
    )


def task(user: Someone, pk: int) -> ActionTask:
    found = permissions.tasks_visible_to(user).select_related("plan__session").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def assignment(user: Someone, pk: int) -> Assignment:
    found = (
        permissions.assignments_visible_to(user)
        .select_related("task__plan__session", "state", "body")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class RateRow:
    key: int
    name: str
    rate: rules.Rate


def _counts(today: dt.date) -> dict[str, Count]:
    return {
        "total": Count("pk"),
        "done": Count("pk", filter=Q(status=AssignmentStatus.DONE)),
        "overdue": Count("pk", filter=Q(status=AssignmentStatus.OPEN, task__deadline__lt=today)),
    }


def _parts(user: Someone, plan: ActionPlan | None) -> QuerySet[Assignment]:
    qs = permissions.assignments_visible_to(user).filter(task__plan__status=PlanStatus.APPROVED)
    return qs.filter(task__plan=plan) if plan is not None else qs


def rates_by_state(
    user: Someone, *, today: dt.date, plan: ActionPlan | None = None
) -> list[RateRow]:
    """One aggregate query over the parts the user may see."""
    rows = (
        _parts(user, plan)
        .filter(state__isnull=False)
        .values("state_id", "state__name_ru", "state__name_en")
        .annotate(**_counts(today))
        .order_by("state__name_ru")
    )
    return [
        RateRow(
            r["state_id"],
            in_language(r["state__name_ru"], r["state__name_en"]),
            rules.rate(r["done"], r["total"], r["overdue"]),
        )
        for r in rows
    ]


def rates_by_body(
    user: Someone, *, today: dt.date, plan: ActionPlan | None = None
) -> list[RateRow]:
    rows = (
        _parts(user, plan)
        .filter(body__isnull=False)
        .values("body_id", "body__name_ru", "body__name_en")
        .annotate(**_counts(today))
        .order_by("body__name_ru")
    )
    return [
        RateRow(
            r["body_id"],
            in_language(r["body__name_ru"], r["body__name_en"]),
            rules.rate(r["done"], r["total"], r["overdue"]),
        )
        for r in rows
    ]


def rates_by_decision(
    user: Someone, *, today: dt.date, plan: ActionPlan | None = None
) -> list[RateRow]:
    rows = (
        _parts(user, plan)
        .values("task__decision_id", "task__decision__title_ru", "task__decision__title_en")
        .annotate(**_counts(today))
        .order_by("task__decision_id")
    )
    return [
        RateRow(
            r["task__decision_id"],
            in_language(r["task__decision__title_ru"], r["task__decision__title_en"]),
            rules.rate(r["done"], r["total"], r["overdue"]),
        )
        for r in rows
    ]


def overdue(user: Someone, *, today: dt.date) -> QuerySet[Assignment]:
    """Open parts past their deadline in approved plans, of those the user answers for (or, for
    the Secretariat, everyone's), the oldest deadline first."""
    return (
        permissions.assignments_visible_to(user)
        .filter(
            status=AssignmentStatus.OPEN,
            task__deadline__lt=today,
            task__plan__status=PlanStatus.APPROVED,
        )
        .select_related("task__plan", "state", "body")
        .order_by("task__deadline", "pk")
    )


def my_parts(user: Someone, *, only_overdue: bool = False, today: dt.date) -> QuerySet[Assignment]:
    qs = permissions.assignments_visible_to(user).filter(task__plan__status=PlanStatus.APPROVED)
    if only_overdue:
        qs = qs.filter(status=AssignmentStatus.OPEN, task__deadline__lt=today)
    return qs.select_related("task__plan", "task__decision", "state", "body").order_by(
        "task__deadline", "pk"
    )


def session_choices(user: Someone) -> QuerySet[Any]:
    """Sessions an action plan may follow."""
    return consultations.sessions().order_by("-date")


def decisions_adopted_at(user: Someone, plan: ActionPlan) -> QuerySet[Any]:
    """Decisions adopted at the plan's session that the user may see: what tasks are drawn from."""
    return (
        consultations.consultations(user, status="adopted")
        .filter(stages__session_id=plan.session_id, stages__outcome="adopted")
        .distinct()
    )


@dataclass(frozen=True)
class Tracked:
    indicator: Indicator
    values: list[IndicatorValue]

    @property
    def latest(self) -> IndicatorValue | None:
        return self.values[-1] if self.values else None

    @property
    def percent(self) -> object:
        latest = self.latest
        return rules.percent(
            rules.indicator_progress(latest.value if latest else None, self.indicator.target)
        )


def priorities(year: int) -> list[tuple[Priority, list[Tracked]]]:
    """The chairmanship's goals of the year, each indicator with its values over the year: three
    queries."""
    found = list(
        Priority.objects.filter(year=year)
        .select_related("state")
        .prefetch_related(
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related(
                    Prefetch("values", queryset=IndicatorValue.objects.order_by("on", "pk"))
                ),
            )
        )
    )
    return [(p, [Tracked(i, list(i.values.all())) for i in p.indicators.all()]) for p in found]


def priority_years() -> list[int]:
    return list(Priority.objects.values_list("year", flat=True).distinct().order_by("-year"))


def reportable(user: Someone) -> QuerySet[Assignment]:
    """The parts the user may report on: their state's (who speaks for it) or their body's."""
    viewer = viewer_of(user)
    if viewer.state_id is not None and speaks_for(viewer, viewer.state_id):
        return Assignment.objects.filter(state_id=viewer.state_id)
    if viewer.body_id is not None:
        return Assignment.objects.filter(body_id=viewer.body_id)
    return Assignment.objects.none()


def indicator(pk: int) -> Indicator | None:
    return Indicator.objects.select_related("priority__state").filter(pk=pk).first()


def priority(pk: int) -> Priority:
    found = Priority.objects.select_related("state").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def dated(user: Someone, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """For the calendar: the deadlines of the action-plan tasks the user may see (a state its own
    tasks, the Secretariat all) in `start`..`end`, as plain values. One query whatever the window."""
    from django.urls import reverse

    tasks = (
        permissions.tasks_visible_to(user)
        .filter(deadline__range=(start, end), plan__in=permissions.plans_visible_to(user))
        .select_related("plan", "plan__session__body")
        .order_by("deadline", "pk")
    )
    return [
        {
            "kind": "programme_task",
            "key": f"action-task-{t.pk}",
            "title_ru": f"{t.plan.title_ru}: {t.number}. {t.text_ru[:200]}",
            "title_en": f"{t.plan.title_en or t.plan.title_ru}: {t.number}. {(t.text_en or t.text_ru)[:200]}",
            "starts_on": t.deadline,
            "ends_on": t.deadline,
            "body": t.plan.session.body.code,
            "states": [],
            "place": "",
            "url": reverse("programmes:plan-detail", args=[t.plan_id]),
        }
        for t in tasks
    ]
