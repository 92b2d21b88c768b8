"""Reading the event store: filters of the situation picture, monthly counts per area, yearly views.
Every function is a constant number of aggregate queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet, Sum
from django.http import Http404

from . import permissions
from .models import Alert, Event, Region, SituationReport, YearlyRecord
from .rules import Area, month_index
from .states import Dataset, Level


@dataclass
class Filters:
    region: Region | None = None
    country: str = ""
    adm_1: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    violence: int | None = None
    actor: str = ""
    conflict: str = ""

    def q(self) -> Q:
        q = Q()
        if self.region is not None:
            q &= self.region.area_filter()
        if self.country:
            q &= Q(country=self.country)
        if self.adm_1:
            q &= Q(adm_1=self.adm_1)
        if self.start:
            q &= Q(date_start__gte=self.start)
        if self.end:
            q &= Q(date_start__lte=self.end)
        if self.violence:
            q &= Q(violence=self.violence)
        if self.actor:
            q &= Q(side_a__icontains=self.actor) | Q(side_b__icontains=self.actor)
        if self.conflict:
            q &= Q(conflict_id=self.conflict)
        return q


def events(filters: Filters) -> QuerySet[Event]:
    return Event.objects.filter(filters.q())


def coverage() -> dict[str, Any]:
    return Event.objects.aggregate(
        first=Min("month"), last=Max("month"), start=Min("date_start"), end=Max("date_start")
    )


def by_area(filters: Filters, level: str) -> list[dict[str, Any]]:
    """Events and deaths per country or province for the filters, most deaths first."""
    keys = ["country", "country_name"] if level == Level.COUNTRY else ["country", "adm_1"]
    return list(
        events(filters)
        .values(*keys)
        .annotate(events=Count("id"), deaths=Sum("best"))
        .order_by("-deaths", *keys)
    )


def monthly(filters: Filters) -> list[dict[str, Any]]:
    """Events and deaths per month for the filters."""
    return list(
        events(filters)
        .values("month")
        .annotate(events=Count("id"), deaths=Sum("best"))
        .order_by("month")
    )


def monthly_by_area(q: Q, first: int, last: int) -> dict[Area, dict[int, tuple[int, int]]]:
    """(events, deaths) per month for every province and every country, months `first`..`last`: one
    grouped query; countries are the sums of their provinces."""
    rows = (
        Event.objects.filter(q, month__gte=first, month__lte=last)
        .values("country", "adm_1", "month").annotate(events=Count("id"), deaths=Sum("best")).order_by()
    )  # fmt: skip
    names = dict(Event.objects.filter(q).values_list("country", "country_name").distinct())
    series: dict[Area, dict[int, tuple[int, int]]] = defaultdict(dict)
    for row in rows:
        counts = (row["events"], row["deaths"] or 0)
        country = Area(Level.COUNTRY, row["country"], names.get(row["country"], row["country"]))
        e, d = series[country].get(row["month"], (0, 0))
        series[country][row["month"]] = (e + counts[0], d + counts[1])
        if row["adm_1"]:
            series[Area(Level.ADM1, row["country"], row["adm_1"])][row["month"]] = counts
    return series


def yearly(country: str) -> dict[str, Any]:
    """The yearly UCDP view of one country: per year, conflicts and their intensity, battle deaths,
    non-state and one-sided deaths."""
    records = YearlyRecord.objects.filter(countries__contains=f",{country},")
    totals = records.values("dataset", "year").annotate(
        best=Sum("best"), rows=Count("id"), intensity=Max("intensity")
    )
    years: dict[int, dict[str, Any]] = defaultdict(lambda: {d.value: None for d in Dataset})
    for row in totals:
        value = row["intensity"] if row["dataset"] == Dataset.ACD else row["best"]
        years[row["year"]][row["dataset"]] = value
    conflicts = list(
        records.filter(dataset=Dataset.ACD).values("conflict_id", "location", "side_a", "side_b")
        .annotate(first=Min("year"), last=Max("year"), peak=Max("intensity")).order_by("-last", "conflict_id")
    )  # fmt: skip
    return {"years": sorted(years.items()), "conflicts": conflicts}


def regions() -> QuerySet[Region]:
    return Region.objects.all()


def region(code: str) -> Region:
    found = Region.objects.filter(code=code).first()
    if found is None:
        raise Http404
    return found


def alerts(user: Any) -> QuerySet[Alert]:
    return permissions.alerts_visible_to(user)


def alert(user: Any, pk: int) -> Alert:
    found = (
        permissions.alerts_visible_to(user)
        .filter(pk=pk)
        .select_related("consultation", "decided_by")
        .first()
    )
    if found is None:
        raise Http404
    return found


def reports(user: Any) -> QuerySet[SituationReport]:
    return permissions.reports_visible_to(user).select_related("region")


def report(user: Any, pk: int) -> SituationReport:
    found = permissions.reports_visible_to(user).filter(pk=pk).select_related("region").first()
    if found is None:
        raise Http404
    return found


def month_of(day: dt.date) -> int:
    return month_index(day.year, day.month)
