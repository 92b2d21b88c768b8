"""Reading readiness: the table of the units a user may see in detail (one query), the aggregates per
formation and state every insider sees (one query), the trend per formation over time (one query),
formations with their capability gaps, and a unit's or an assessment's details."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from concord.core.actors import Someone
from concord.core.models import in_language, viewer_of

from . import permissions
from .models import Answer, Assessment, Criterion, Unit
from .readiness_rules import Trend
from .selectors import serving
from .states import AssessmentStatus, ReadinessCategory, UnitKind

# `readiness_rules.trend` in SQL (a test holds the two together).
TREND = Case(
    When(Q(score__isnull=True) | Q(previous_score__isnull=True), then=Value(Trend.UNKNOWN.value)),
    When(score__gt=F("previous_score"), then=Value(Trend.UP.value)),
    When(score__lt=F("previous_score"), then=Value(Trend.DOWN.value)),
    default=Value(Trend.SAME.value),
    output_field=CharField(),
)

TREND_LABELS = {
    Trend.UP: _("▲ up"),
    Trend.DOWN: _("▼ down"),
    Trend.SAME: _("= same"),
    Trend.UNKNOWN: _("unknown"),
}

TABLE_VALUES = (
    "pk",
    "name_ru",
    "name_en",
    "formation__code",
    "formation__short_ru",
    "formation__short_en",
    "state__iso2",
    "state__name_ru",
    "state__name_en",
    "kind",
    "strength",
    "readiness",
    "certified_on",
    "score",
    "previous_score",
    "assessed_on",
    "demo",
    "trend",
)


@dataclass(frozen=True)
class Filters:
    """What the table and the aggregates are narrowed to; empty means every one."""

    formation: str = ""  # a formation's code
    state: str = ""  # a member state's ISO code
    kind: str = ""  # UnitKind
    category: str = ""  # ReadinessCategory

    def apply(self, units: QuerySet[Unit]) -> QuerySet[Unit]:
        if self.formation:
            units = units.filter(formation__code=self.formation)
        if self.state:
            units = units.filter(state__iso2=self.state.upper())
        if self.kind:
            units = units.filter(kind=self.kind)
        if self.category:
            units = units.filter(readiness=self.category)
        return units


def readiness_table(user: Someone, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Every serving unit the user may see in detail, with its readiness: one query."""
    kinds = {k: str(v) for k, v in UnitKind.choices}
    categories = {k: str(v) for k, v in ReadinessCategory.choices}
    trends = {k.value: str(v) for k, v in TREND_LABELS.items()}
    rows = list(
        filters.apply(serving(permissions.units_visible_to(user)))
        .annotate(trend=TREND)
        .order_by("formation_id", "state__iso2", "name_en")
        .values(*TABLE_VALUES)
    )
    english = (get_language() or "ru").startswith("en")  # in_language, once for every row
    for row in rows:
        row["name"] = (english and row["name_en"]) or row["name_ru"]
        row["formation"] = (english and row["formation__short_en"]) or row["formation__short_ru"]
        row["state"] = (english and row["state__name_en"]) or row["state__name_ru"]
        row["kind_label"] = kinds.get(row["kind"], row["kind"])
        row["category_label"] = categories.get(row["readiness"], row["readiness"])
        row["certified"] = row["certified_on"] is not None
        row["trend_label"] = trends[row["trend"]]
    return rows


def aggregates(user: Someone, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Per formation and state: units, personnel pledged and certified, the average of the units'
    latest reviewed scores and how many have one. Every insider sees them; one query. An average over
    fewer units than CONCORD_FORCES_SMALLEST_AVERAGE is withheld from who may not see that state's
    units in detail: an average of one unit is that unit's score."""
    if not permissions.sees_forces(user):
        return []
    certified = Q(certified_on__isnull=False)
    rows = list(
        filters.apply(serving(Unit.objects.all()))
        .values(
            "formation__code",
            "formation__short_ru",
            "formation__short_en",
            "state_id",
            "state__iso2",
            "state__name_ru",
            "state__name_en",
        )
        .annotate(
            units=Count("pk"),
            certified_units=Count("pk", filter=certified),
            pledged=Sum("strength"),
            personnel_certified=Sum("strength", filter=certified, default=0),
            average=Avg("score"),
            assessed=Count("score"),
        )
        .order_by("formation__id", "state__iso2")
    )
    smallest = getattr(settings, "CONCORD_FORCES_SMALLEST_AVERAGE", 3)
    everything = permissions.is_joint_staff(user)
    own = viewer_of(user).state_id
    for row in rows:
        row["formation"] = in_language(row["formation__short_ru"], row["formation__short_en"])
        row["state"] = in_language(row["state__name_ru"], row["state__name_en"])
        row["withheld"] = (
            not everything and row["state_id"] != own and 0 < row["assessed"] < smallest
        )
        if row["withheld"] or row["average"] is None:
            row["average"] = None
        else:
            row["average"] = round(row["average"], 1)
    return rows


@dataclass
class FormationTrend:
    """Average reviewed score per formation and period: `periods` are the columns, and each row is a
    formation with one (average, assessments) or None per period."""

    periods: list[str] = field(default_factory=list)
    rows: list[tuple[str, list[tuple[float, int] | None]]] = field(default_factory=list)


def formation_trend(user: Someone, *, by: str = "year") -> FormationTrend:
    """Reviewed assessments' average score per formation and year (or half-year, `by="half"`)."""
    if not permissions.sees_forces(user):
        return FormationTrend()
    half = Case(When(month__lte=6, then=Value(1)), default=Value(2), output_field=IntegerField())
    keys = ["unit__formation_id", "unit__formation__short_ru", "unit__formation__short_en", "year"]
    reviewed = Assessment.objects.filter(status=AssessmentStatus.REVIEWED).annotate(
        year=ExtractYear("as_of"), month=ExtractMonth("as_of")
    )
    if by == "half":
        reviewed, keys = reviewed.annotate(half=half), [*keys, "half"]
    found = list(
        reviewed.values(*keys).annotate(average=Avg("score"), count=Count("pk")).order_by(*keys)
    )
    label = (lambda r: f"{r['year']}/{r['half']}") if by == "half" else (lambda r: f"{r['year']}")
    periods = sorted({label(r) for r in found})
    cells: dict[int, dict[str, tuple[float, int]]] = defaultdict(dict)
    names: dict[int, str] = {}
    for r in found:
        formation = r["unit__formation_id"]
        names[formation] = in_language(
            r["unit__formation__short_ru"], r["unit__formation__short_en"]
        )
        cells[formation][label(r)] = (round(r["average"], 1), r["count"])
    return FormationTrend(
        periods=periods,
        rows=[(names[f], [cells[f].get(p) for p in periods]) for f in sorted(names)],
    )


def unit(user: Someone, pk: int) -> Unit:
    """The unit, if the user may see it in detail; 404 otherwise."""
    found = permissions.units_visible_to(user).filter(pk=pk).select_related("formation", "state")
    first = found.first()
    if first is None:
        raise Http404
    return first


def unit_history(unit: Unit) -> QuerySet[Assessment]:
    """The unit's assessments, newest first."""
    return unit.assessments.select_related("questionnaire", "submitted_by", "reviewed_by").order_by(
        "-as_of"
    )


def units(user: Someone, filters: Filters = Filters()) -> QuerySet[Unit]:
    """Units in detail for the API: every unit the user may see, withdrawn ones too."""
    return (
        filters.apply(permissions.units_visible_to(user))
        .select_related("formation", "state")
        .order_by("formation_id", "state__iso2", "name_en")
    )


def assessments(
    user: Someone, *, unit_id: int | None = None, status: str = ""
) -> QuerySet[Assessment]:
    found = permissions.assessments_visible_to(user).select_related("unit__state", "questionnaire")
    if unit_id is not None:
        found = found.filter(unit_id=unit_id)
    if status:
        found = found.filter(status=status)
    return found.order_by("-as_of", "pk")


def assessment(user: Someone, pk: int) -> Assessment:
    found = (
        permissions.assessments_visible_to(user)
        .filter(pk=pk)
        .select_related(
            "unit__formation", "unit__state", "questionnaire", "submitted_by", "reviewed_by"
        )
        .first()
    )
    if found is None:
        raise Http404
    return found


def sheet(assessment: Assessment) -> list[tuple[Criterion, Answer | None]]:
    """The questionnaire's criteria in order, each with its saved answer if any: two queries."""
    answers = {a.criterion_id: a for a in assessment.answers.all()}
    return [(c, answers.get(c.pk)) for c in assessment.questionnaire.criteria.order_by("number")]
