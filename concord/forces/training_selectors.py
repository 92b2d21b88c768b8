"""Reads of the training plan, each in a constant number of queries: the plans with their counts,
a plan's events with everything a table shows, the exercise series over the years, the lessons
tracked to closure. Every insider reads the plan; units are shown only as far as the reader may
see them (a state's delegation its own, the Joint Staff all), the others counted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.dates import MONTHS

from concord.core.actors import Someone

from . import permissions
from .models import ExerciseSeries, Lesson, PlanAmendment, TrainingEvent, TrainingPlan
from .states import EventStatus, LessonStatus


def _readable(user: Someone) -> None:
    if not permissions.sees_forces(user):
        raise Http404


def plans(user: Someone) -> QuerySet[TrainingPlan]:
    """Every plan with its events counted by status and its amendments counted: one query."""
    if not permissions.sees_forces(user):
        return TrainingPlan.objects.none()
    amendments = (
        PlanAmendment.objects.filter(plan=OuterRef("pk"))
        .order_by()
        .values("plan")
        .annotate(n=Count("pk"))
        .values("n")
    )
    by_status = {
        f"{status}_count": Count("events", filter=Q(events__status=status))
        for status in EventStatus.values
    }
    return (
        TrainingPlan.objects.select_related("consultation")
        .annotate(
            event_count=Count("events"),
            exercise_count=Count("events", filter=Q(events__kind="exercise")),
            amendment_count=Coalesce(Subquery(amendments), Value(0)),
            **by_status,
        )
        .order_by("-year")
    )


def plan(user: Someone, year: int) -> TrainingPlan:
    _readable(user)
    found = (
        TrainingPlan.objects.select_related("consultation", "document").filter(year=year).first()
    )
    if found is None:
        raise Http404
    return found


def _detailed(user: Someone, found: QuerySet[TrainingEvent]) -> QuerySet[TrainingEvent]:
    return (
        found.select_related("host", "formation", "series", "plan")
        .prefetch_related(
            "states",
            Prefetch(
                "units",
                queryset=permissions.units_visible_to(user).select_related("state"),
                to_attr="visible_units",
            ),
        )
        .annotate(unit_count=Count("units", distinct=True))
    )


def events(user: Someone, plan: TrainingPlan) -> QuerySet[TrainingEvent]:
    """The plan's events with host, formation, series, states and the units the reader may see
    (`visible_units`), all units counted (`unit_count`): three queries whatever the size."""
    return _detailed(user, TrainingEvent.objects.filter(plan=plan)).order_by("starts_on", "pk")


@dataclass(frozen=True)
class Month:
    number: int
    name: str
    events: list[TrainingEvent]


def by_month(rows: list[TrainingEvent]) -> list[Month]:
    months: dict[int, list[TrainingEvent]] = {}
    for event in rows:
        months.setdefault(event.starts_on.month, []).append(event)
    return [Month(n, str(MONTHS[n]), found) for n, found in sorted(months.items())]


def amendments(plan: TrainingPlan) -> QuerySet[PlanAmendment]:
    return plan.amendments.select_related("event", "recorded_by").order_by("decided_on", "pk")


def event(user: Someone, pk: int) -> TrainingEvent:
    _readable(user)
    found = (
        _detailed(user, TrainingEvent.objects.filter(pk=pk)).select_related("after_action").first()
    )
    if found is None:
        raise Http404
    return found


def lessons_of(event: TrainingEvent, *, today: dt.date) -> QuerySet[Lesson]:
    return _with_overdue(
        Lesson.objects.filter(report__event=event).select_related("responsible"), today
    ).order_by("pk")


def _with_overdue(lessons: QuerySet[Lesson], today: dt.date) -> QuerySet[Lesson]:
    return lessons.annotate(
        overdue=ExpressionWrapper(
            Q(status=LessonStatus.OPEN, due_on__lt=today), output_field=BooleanField()
        )
    )


def lessons(
    user: Someone, *, today: dt.date, status: str = LessonStatus.OPEN, state: str = ""
) -> QuerySet[Lesson]:
    """Lessons (open ones by default) with their event and plan, the overdue first: one query."""
    if not permissions.sees_forces(user):
        return Lesson.objects.none()
    found = Lesson.objects.select_related("report__event__plan", "responsible")
    if status:
        found = found.filter(status=status)
    if state:
        found = found.filter(responsible__iso2=state.upper()[:2])
    return _with_overdue(found, today).order_by(
        F("due_on").asc(nulls_last=True), "report__event__starts_on", "pk"
    )


def series(user: Someone, *, year: int | None = None, code: str = "") -> QuerySet[ExerciseSeries]:
    """The exercise series with their events over the years (or of one year): three queries."""
    if not permissions.sees_forces(user):
        return ExerciseSeries.objects.none()
    held = TrainingEvent.objects.select_related("plan", "host").prefetch_related("states")
    if year:
        held = held.filter(plan__year=year)
    found = ExerciseSeries.objects.select_related("formation").prefetch_related(
        Prefetch("events", queryset=held.order_by("-starts_on"), to_attr="listed")
    )
    return found.filter(code=code) if code else found
