"""Reading readiness: the table of the units a user may see in detail (one query), the aggregates per
formation and state every insider sees (one query), the trend per formation over time (one query),
formations with their capability gaps, and a unit's or an assessment's details."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

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
from concord.core.models import in_language

from . import permissions
from .models import Answer, Assessment, Criterion, Formation, Unit
from .readiness_rules import Trend
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


def serving(units: QuerySet[Unit], today: dt.date | None = None) -> QuerySet[Unit]:
    """Units not withdrawn from their formation (as of today)."""
    today = today or dt.date.today()
    return units.filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=today))


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
    latest reviewed scores and how many have one. Every insider sees them; one query."""
    if not permissions.sees_forces(user):
        return []
    certified = Q(certified_on__isnull=False)
    rows = list(
        filters.apply(serving(Unit.objects.all()))
        .values(
            "formation__code",
            "formation__short_ru",
            "formation__short_en",
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
    for row in rows:
        row["formation"] = in_language(row["formation__short_ru"], row["formation__short_en"])
        row["state"] = in_language(row["state__name_ru"], row["state__name_en"])
        row["average"] = None if row["average"] is None else round(row["average"], 1)
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


def formations(user: Someone, *, code: str = "") -> list[dict[str, Any]]:
    """Formations with their published strength, states, requirements, what is pledged and
    certified per kind of unit, and the capability gaps (required minus pledged, minus certified).
    Every insider; four queries whatever the number of units."""
    if not permissions.sees_forces(user):
        return []
    found = Formation.objects.prefetch_related("states", "requirements").order_by("pk")
    if code:
        found = found.filter(code=code)
    certified = Q(certified_on__isnull=False)
    totals: dict[tuple[int, str], dict[str, int]] = {
        (row["formation_id"], row["kind"]): row
        for row in serving(Unit.objects.all())
        .values("formation_id", "kind")
        .annotate(
            pledged_units=Count("pk"),
            pledged_strength=Sum("strength"),
            certified_units=Count("pk", filter=certified),
            certified_strength=Sum("strength", filter=certified, default=0),
        )
        .order_by()
    }
    return [_formation(f, totals) for f in found]


def _formation(f: Formation, totals: dict[tuple[int, str], dict[str, int]]) -> dict[str, Any]:
    kinds = sorted(
        {r.kind for r in f.requirements.all()} | {k for (fid, k) in totals if fid == f.pk}
    )
    required = {r.kind: r for r in f.requirements.all()}
    capabilities = []
    for kind in kinds:
        req = required.get(kind)
        got = totals.get((f.pk, kind), {})
        need_units, need_strength = (req.units, req.strength) if req else (0, 0)
        capabilities.append(
            {
                "kind": kind,
                "capability_ru": req.capability_ru if req else "",
                "capability_en": req.capability_en if req else "",
                "required_units": need_units,
                "required_strength": need_strength,
                "pledged_units": got.get("pledged_units", 0),
                "pledged_strength": got.get("pledged_strength", 0),
                "certified_units": got.get("certified_units", 0),
                "certified_strength": got.get("certified_strength", 0),
                "gap_pledged_units": need_units - got.get("pledged_units", 0),
                "gap_pledged_strength": need_strength - got.get("pledged_strength", 0),
                "gap_certified_units": need_units - got.get("certified_units", 0),
                "gap_certified_strength": need_strength - got.get("certified_strength", 0),
                "demo": bool(req and req.demo),
            }
        )
    return {
        "formation": f,
        "states": [s.iso2 for s in f.states.all()],
        "capabilities": capabilities,
    }
