"""Reading operations: lists, a stage's reports, and consolidated results in a constant number of
queries (one aggregate over the figures, plus the catalogue it refers to)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.http import Http404

from concord.core.actors import Someone
from concord.core.models import viewer_of
from concord.organization.models import MemberState

from . import permissions
from .models import (
    Agency,
    BreakdownItem,
    Figure,
    Indicator,
    NationalReport,
    Operation,
    PressRelease,
    Seizure,
    Stage,
)
from .states import ReportStatus


def operations(user: Someone) -> QuerySet[Operation]:
    return permissions.operations_visible_to(user).annotate(stage_count=Count("stages"))


def operation(user: Someone, pk: int) -> Operation:
    found = permissions.operations_visible_to(user).filter(pk=pk).select_related("council").first()
    if found is None:
        raise Http404
    return found


def stages(user: Someone, operation: Operation) -> QuerySet[Stage]:
    return operation.stages.select_related("host_state").order_by("-starts_on")


def stage(user: Someone, pk: int) -> Stage:
    found = (
        permissions.stages_visible_to(user)
        .filter(pk=pk)
        .select_related("operation", "host_state", "plan")
        .first()
    )
    if found is None:
        raise Http404
    return found


def reports(user: Someone, stage: Stage) -> QuerySet[NationalReport]:
    """The stage's reports the user may see, every revision, newest first per state."""
    return (
        permissions.reports_visible_to(user)
        .filter(stage=stage)
        .select_related("state", "submitted_by", "approved_by", "consolidated_by")
        .annotate(figure_count=Count("figures"))
        .order_by("state__name_ru", "-revision")
    )


def report(user: Someone, pk: int) -> NationalReport:
    found = (
        permissions.reports_visible_to(user)
        .filter(pk=pk)
        .select_related("stage__operation", "state")
        .first()
    )
    if found is None:
        raise Http404
    return found


def awaiting(user: Someone) -> QuerySet[NationalReport]:
    """Reports whose next step is the user's: their state's drafts and submissions; for the
    Secretariat, approved reports to consolidate."""
    viewer = viewer_of(user)
    if permissions.is_secretariat(user):
        status = [ReportStatus.APPROVED]
    elif viewer.state_id:
        status = [ReportStatus.DRAFT, ReportStatus.SUBMITTED]
    else:
        return NationalReport.objects.none()
    reports = permissions.reports_visible_to(user).filter(status__in=status)
    if not permissions.decides_own_submissions(user):
        # what the user submitted waits for another person of the state, not for them
        reports = reports.exclude(status=ReportStatus.SUBMITTED, submitted_by_id=viewer.user_id)
    return reports.select_related("stage__operation", "state").order_by(
        "-stage__ends_on", "state__iso2"
    )


@dataclass
class IndicatorResult:
    indicator: Indicator
    total: Decimal = Decimal(0)
    by_stage: dict[int, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    by_year: dict[int, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    by_state: dict[int, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    by_item: dict[int | None, Decimal] = field(default_factory=lambda: defaultdict(Decimal))


# One line of the consolidated table: stage, state, indicator, breakdown item (if any), total.
Cell = tuple[Stage, MemberState, Indicator, BreakdownItem | None, Decimal]


@dataclass
class Results:
    operation: Operation
    stages: list[Stage]
    states: list[MemberState]
    items: dict[int, BreakdownItem]
    indicators: list[IndicatorResult]
    cells: list[Cell]

    @property
    def years(self) -> list[int]:
        return sorted({s.year for s in self.stages})

    @property
    def reported(self) -> list[IndicatorResult]:
        return [r for r in self.indicators if r.by_stage]

    @property
    def year_table(self) -> list[tuple[IndicatorResult, list[Decimal | None]]]:
        return [(r, [r.by_year.get(y) for y in self.years]) for r in self.reported]

    @property
    def state_table(self) -> list[tuple[IndicatorResult, list[Decimal | None]]]:
        return [(r, [r.by_state.get(s.pk) for s in self.states]) for r in self.reported]


def results(
    user: Someone,
    operation: Operation,
    *,
    stage: Stage | None = None,
    year: int | None = None,
    state: MemberState | None = None,
) -> Results:
    """Consolidated figures of the operation (or one stage, year or state). Five queries whatever the
    number of stages, states, indicators or figures."""
    if not permissions.sees_results(user):
        raise Http404
    stage_list = _stages_shown(operation, stage=stage, year=year)
    stage_by_id = {s.pk: s for s in stage_list}
    indicators = list(operation.indicators.select_related("unit", "breakdown"))
    by_id = {i.pk: IndicatorResult(i) for i in indicators}
    items = _breakdown_items(indicators)
    figures = _consolidated_totals(stage_by_id, state)
    states = {s.pk: s for s in MemberState.objects.all()}
    cells = _add_up(figures, by_id, stage_by_id, states, items)
    reporting = {member.pk for _stage, member, _indicator, _item, _total in cells}
    return Results(
        operation,
        stage_list,
        [s for s in states.values() if s.pk in reporting],
        items,
        [by_id[i.pk] for i in indicators],
        sorted(cells, key=_cell_order),
    )


def _stages_shown(operation: Operation, *, stage: Stage | None, year: int | None) -> list[Stage]:
    """The operation's stages in the view (one stage, those ending in a year, or all), by date."""
    stages = operation.stages.all()
    if stage is not None:
        stages = stages.filter(pk=stage.pk)
    if year is not None:
        # A year the calendar does not hold (0, 10000) matches no stage; the lookup would raise.
        in_calendar = dt.MINYEAR <= year <= dt.MAXYEAR
        stages = stages.filter(ends_on__year=year) if in_calendar else stages.none()
    return list(stages.order_by("starts_on"))


def _breakdown_items(indicators: list[Indicator]) -> dict[int, BreakdownItem]:
    breakdowns = {i.breakdown_id for i in indicators if i.breakdown_id}
    return {i.pk: i for i in BreakdownItem.objects.filter(breakdown__in=breakdowns)}


def _consolidated_totals(
    stage_ids: dict[int, Stage], state: MemberState | None
) -> QuerySet[Figure, dict[str, Any]]:
    """One aggregate over the consolidated reports' figures: a total per stage, state, indicator
    and breakdown item, so that the number of figures does not change the number of queries."""
    figures = (
        Figure.objects.filter(report__status=ReportStatus.CONSOLIDATED, report__stage__in=stage_ids)
        .values("report__stage_id", "report__state_id", "indicator_id", "item_id")
        .annotate(total=Sum("value"))
        .order_by()
    )
    if state is not None:
        figures = figures.filter(report__state=state)
    return figures


def _add_up(
    figures: Iterable[dict[str, Any]],
    by_id: dict[int, IndicatorResult],
    stage_by_id: dict[int, Stage],
    states: dict[int, MemberState],
    items: dict[int, BreakdownItem],
) -> list[Cell]:
    """Adds each total to its indicator's sums, and returns the totals as lines of the table."""
    cells: list[Cell] = []
    for row in figures:
        result = by_id.get(row["indicator_id"])
        if result is None:
            continue
        stage = stage_by_id[row["report__stage_id"]]
        state_id, item_id = row["report__state_id"], row["item_id"]
        total = row["total"] or Decimal(0)
        result.total += total
        result.by_stage[stage.pk] += total
        result.by_year[stage.year] += total
        result.by_state[state_id] += total
        result.by_item[item_id] += total
        cells.append((stage, states[state_id], result.indicator, items.get(item_id), total))
    return cells


def _cell_order(cell: Cell) -> tuple[Any, ...]:
    """Stages by date, states by code, indicators as the catalogue lists them, items likewise
    (a figure without an item first)."""
    stage, state, indicator, item, _total = cell
    return (
        stage.starts_on,
        state.iso2,
        indicator.position,
        indicator.code,
        item.position if item else -1,
    )


def template_rows(stage: Stage, state: MemberState, language: str) -> list[list[Any]]:
    """The report template's lines: each agency of the state in the stage × indicator × breakdown."""

    def name(obj: Any) -> str:
        return (
            "" if obj is None else (obj.name_en or obj.name_ru) if language == "en" else obj.name_ru
        )

    agencies: list[Agency | None] = [*stage.agencies.filter(state=state)] or [None]
    indicators = stage.operation.indicators.select_related("unit").prefetch_related(
        "breakdown__items"
    )
    rows = []
    for agency in agencies:
        for ind in indicators:
            items: list[BreakdownItem | None] = (
                [*ind.breakdown.items.all()] if ind.breakdown else [None]
            )
            for item in items:
                rows.append(
                    [
                        agency.code if agency else "",
                        name(agency),
                        ind.code,
                        name(ind),
                        item.code if item else "",
                        name(item),
                        "",
                        ind.unit.code if ind.unit else "",
                    ]
                )
    return rows


def seizures(states: list[MemberState] | QuerySet[MemberState]) -> dict[str, Any]:
    """UNODC national seizures (kg) for the given states, per country, year and drug group."""
    codes = {s.iso3: s for s in states}
    rows = (
        Seizure.objects.filter(iso3__in=codes)
        .values("iso3", "year", "drug_group")
        .annotate(kg=Sum("kilograms"))
        .order_by("iso3", "drug_group", "year")
    )
    table: dict[tuple[str, str], dict[int, Decimal]] = defaultdict(dict)
    years: set[int] = set()
    for row in rows:
        table[(row["iso3"], row["drug_group"])][row["year"]] = row["kg"] or Decimal(0)
        years.add(row["year"])
    return {
        "years": sorted(years),
        "rows": [
            {"state": codes[iso3], "group": group, "values": [values.get(y) for y in sorted(years)]}
            for (iso3, group), values in sorted(
                table.items(), key=lambda kv: (codes[kv[0][0]].name, kv[0][1])
            )
        ],
    }


def press_release(stage_id: int) -> PressRelease:
    """For other apps reacting to a saved press release, run as the system."""
    return PressRelease.objects.get(stage_id=stage_id)


def dated(user: Someone, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """For the calendar: the stages of the operations the user may see touching `start`..`end`, as
    plain values. One query whatever the window."""
    from django.urls import reverse

    stages = (
        permissions.stages_visible_to(user)
        .filter(starts_on__lte=end, ends_on__gte=start)
        .select_related("operation", "operation__council", "host_state")
        .order_by("starts_on", "pk")
    )
    return [
        {
            "kind": "operation_stage",
            "key": f"operation-stage-{s.pk}",
            "title_ru": f"{s.operation.name_ru}: {s.name_ru}",
            "title_en": f"{s.operation.name_en}: {s.name_en}",
            "starts_on": s.starts_on,
            "ends_on": s.ends_on,
            "body": s.operation.council.code if s.operation.council else "",
            "states": [s.host_state.iso2] if s.host_state else [],
            "place": "",
            "url": reverse("operations:stage-detail", args=[s.pk]),
        }
        for s in stages
    ]
