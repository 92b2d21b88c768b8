"""Reads on formations: what each needs, what the states have pledged and certified, the gaps.
Aggregates only: units in detail are read through `permissions.units_visible_to`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.http import Http404

from concord.core.actors import Someone

from . import permissions
from .models import Assessment, Deployment, Formation, Lesson, Requirement, Unit
from .permissions import is_joint_staff
from .states import AssessmentStatus, DeploymentStatus, LessonStatus

UNDER_WAY = [
    DeploymentStatus.REQUESTED,
    DeploymentStatus.DECIDED,
    DeploymentStatus.DEPLOYED,
    DeploymentStatus.COMPLETING,
]


def serving(units: QuerySet[Unit], today: dt.date | None = None) -> QuerySet[Unit]:
    """Units not withdrawn from their formation (as of today)."""
    today = today or dt.date.today()
    return units.filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=today))


@dataclass
class Line:
    """One kind of unit in a formation: required, pledged and certified, and the gaps."""

    kind: str
    kind_label: str
    requirement: Requirement | None
    pledged_units: int = 0
    pledged_strength: int = 0
    certified_units: int = 0
    certified_strength: int = 0

    # A gap is what is required and missing: none where nothing is required, never below zero.
    @property
    def gap_pledged(self) -> int | None:
        return self._missing("strength", self.pledged_strength)

    @property
    def gap_certified(self) -> int | None:
        return self._missing("strength", self.certified_strength)

    @property
    def gap_pledged_units(self) -> int | None:
        return self._missing("units", self.pledged_units)

    @property
    def gap_certified_units(self) -> int | None:
        return self._missing("units", self.certified_units)

    def _missing(self, required: str, there: int) -> int | None:
        if self.requirement is None:
            return None
        return max(getattr(self.requirement, required) - there, 0)


@dataclass
class Overview:
    formation: Formation
    lines: list[Line] = field(default_factory=list)
    has_demo_units: bool = False

    @property
    def pledged_strength(self) -> int:
        return sum(line.pledged_strength for line in self.lines)

    @property
    def certified_strength(self) -> int:
        return sum(line.certified_strength for line in self.lines)

    @property
    def demo(self) -> bool:
        """Some figure on the line is invented for the demo."""
        return self.has_demo_units or any(
            line.requirement is not None and line.requirement.demo for line in self.lines
        )


def overviews(user: Someone, *, code: str | None = None) -> list[Overview]:
    """Every formation (or the one named) with its lines, in three queries whatever the number of
    units: formations with states and requirements, then the units' sums per formation and kind."""
    if not permissions.sees_forces(user):
        return []
    formations = Formation.objects.prefetch_related(
        "states", Prefetch("requirements", queryset=Requirement.objects.order_by("kind"))
    )
    if code is not None:
        formations = formations.filter(code=code)
    active = serving(Unit.objects.all())
    if code is not None:
        active = active.filter(formation__code=code)
    sums = (
        active.values("formation_id", "kind")
        .annotate(
            n_units=Count("pk"),
            n_personnel=Sum("strength"),
            n_certified=Count("pk", filter=Q(certified_on__isnull=False)),
            n_certified_personnel=Sum("strength", filter=Q(certified_on__isnull=False)),
            n_demo=Count("pk", filter=Q(demo=True)),
        )
        .order_by()
    )
    by_key = {(row["formation_id"], row["kind"]): row for row in sums}
    result = []
    for formation in formations:
        overview = Overview(formation)
        required = {r.kind: r for r in formation.requirements.all()}
        kinds = sorted(set(required) | {k for (f, k) in by_key if f == formation.pk})
        for kind in kinds:
            row = by_key.get((formation.pk, kind), {})
            overview.lines.append(
                Line(
                    kind=kind,
                    kind_label=Unit(kind=kind).get_kind_display(),
                    requirement=required.get(kind),
                    pledged_units=row.get("n_units", 0),
                    pledged_strength=row.get("n_personnel") or 0,
                    certified_units=row.get("n_certified", 0),
                    certified_strength=row.get("n_certified_personnel") or 0,
                )
            )
            overview.has_demo_units |= bool(row.get("n_demo"))
        result.append(overview)
    return result


def overview(user: Someone, code: str) -> Overview:
    found = overviews(user, code=code)
    if not found:
        raise Http404
    return found[0]


@dataclass
class Awaiting:
    """What waits for the user in the collective forces, for the dashboard."""

    assessments: list[Assessment]
    deployments: list[Deployment]
    lessons: list[Lesson]


def awaiting(user: Someone, *, today: dt.date | None = None, most: int = 6) -> Awaiting:
    """A state's delegation: its units' assessments in draft or returned; the Joint Staff: the
    assessments submitted to it and the lessons past their day; everyone who may see them: the
    deployments under way. Three queries."""
    today = today or dt.date.today()
    if is_joint_staff(user):
        waiting = [AssessmentStatus.SUBMITTED]
    else:
        waiting = [AssessmentStatus.DRAFT, AssessmentStatus.RETURNED]
    assessments = (
        permissions.assessments_visible_to(user)
        .filter(status__in=waiting)
        .select_related("unit")
        .order_by("as_of")[:most]
    )
    lessons = (
        Lesson.objects.filter(status=LessonStatus.OPEN, due_on__lt=today)
        .select_related("report__event")
        .order_by("due_on")[:most]
        if permissions.can_plan(user)
        else []
    )
    under_way = permissions.deployments_visible_to(user).filter(status__in=UNDER_WAY)
    return Awaiting(list(assessments), list(under_way.select_related("host")[:most]), list(lessons))


def dated(user: Someone, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """For the calendar: the training events (every insider) and the deployments (by their marking)
    touching `start`..`end`, as plain values. Three queries whatever the window."""
    from django.urls import reverse

    from .models import TrainingEvent

    found: list[dict[str, Any]] = []
    if permissions.sees_forces(user):
        events = (
            TrainingEvent.objects.filter(starts_on__lte=end, ends_on__gte=start)
            .select_related("host")
            .prefetch_related("states")
            .order_by("starts_on", "pk")
        )
        for e in events:
            found.append(
                {
                    "kind": "exercise",
                    "key": f"training-event-{e.pk}",
                    "title_ru": e.name_ru,
                    "title_en": e.name_en,
                    "starts_on": e.starts_on,
                    "ends_on": e.ends_on,
                    "body": "",
                    "states": sorted(
                        {s.iso2 for s in e.states.all()} | ({e.host.iso2} if e.host else set())
                    ),
                    "place": e.area_ru,
                    "url": reverse("forces:event-detail", args=[e.pk]),
                }
            )
    deployments = (
        permissions.deployments_visible_to(user)
        .filter(deployed_at__isnull=False, deployed_at__date__lte=end)
        .filter(Q(withdrawn_at__isnull=True) | Q(withdrawn_at__date__gte=start))
        .select_related("host")
    )
    for d in deployments:
        assert d.deployed_at is not None
        first = d.deployed_at.date()
        last = d.withdrawn_at.date() if d.withdrawn_at else end
        found.append(
            {
                "kind": "deployment",
                "key": f"deployment-{d.pk}",
                "title_ru": d.title_ru,
                "title_en": d.title_en,
                "starts_on": max(first, start),
                "ends_on": min(last, end) if d.withdrawn_at is None else last,
                "body": "",
                "states": [d.host.iso2],
                "place": "",
                "url": reverse("forces:deployment-detail", args=[d.pk]),
            }
        )
    return found
