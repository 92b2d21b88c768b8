"""Reading the event store: filters of the situation picture, monthly counts per area, yearly views.
Every function is a constant number of aggregate queries. The aggregates read the monthly rollup
(MonthlyCount) when the filters are areas, violence and whole months, and the events otherwise (an
actor or conflict filter, a period starting or ending mid-month): the same figures either way."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet, Subquery, Sum
from django.http import Http404

from concord.core.actors import Someone

from . import permissions
from .models import Alert, Event, MonthlyCount, Region, SituationReport, YearlyRecord
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

    def whole_months(self) -> bool:
        """Whether the monthly rollup answers these filters: no actor or conflict, and a period (if
        any) from the first of a month to the last day of a month."""
        if self.actor or self.conflict:
            return False
        if self.start and self.start.day != 1:
            return False
        return not (self.end and (self.end + dt.timedelta(days=1)).day != 1)

    def rollup_q(self) -> Q:
        """The filters on MonthlyCount (only when `whole_months`)."""
        q = Q()
        if self.region is not None:
            q &= self.region.area_filter()
        if self.country:
            q &= Q(country=self.country)
        if self.adm_1:
            q &= Q(adm_1=self.adm_1)
        if self.start:
            q &= Q(month__gte=month_of(self.start))
        if self.end:
            q &= Q(month__lte=month_of(self.end))
        if self.violence:
            q &= Q(violence=self.violence)
        return q


def _counted(filters: Filters, *keys: str) -> QuerySet[Any]:
    """Events and deaths grouped by `keys` for the filters, from the rollup when it can answer."""
    if filters.whole_months():
        return (
            MonthlyCount.objects.filter(filters.rollup_q())
            .values(*keys)
            .annotate(events=Sum("events"), deaths=Sum("deaths"))
        )
    return events(filters).values(*keys).annotate(events=Count("id"), deaths=Sum("best"))


def events(filters: Filters) -> QuerySet[Event]:
    return Event.objects.filter(filters.q())


Key = tuple[dt.date, int]


def event_page(filters: Filters, after: Key | None, size: int) -> tuple[list[Event], Key | None]:
    """`size` events of the selection, newest first (date, then id), after the key `after`; and
    the key of the last one when more follow. Paged by key on the (date_start, id) index: a page
    reads its rows only, however deep, and nothing is counted."""
    found = events(filters).order_by("-date_start", "-id")
    if after is not None:
        day, pk = after
        # the range on the index's first column, then the ties of that day
        found = found.filter(Q(date_start__lte=day), Q(date_start__lt=day) | Q(id__lt=pk))
    rows = list(found[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    return rows, ((rows[-1].date_start, rows[-1].pk) if more and rows else None)


def coverage() -> dict[str, Any]:
    """The first and last month of the events (from the rollup), and their first and last day."""
    return {
        **MonthlyCount.objects.aggregate(first=Min("month"), last=Max("month")),
        **Event.objects.aggregate(start=Min("date_start"), end=Max("date_start")),
    }


def first_months() -> dict[str, int]:
    """Each country's first month with events (from the rollup)."""
    return dict(
        MonthlyCount.objects.values("country")
        .annotate(first=Min("month"))
        .values_list("country", "first")
    )


def totals(filters: Filters) -> dict[str, int]:
    """Events and deaths for the filters."""
    if filters.whole_months():
        found = MonthlyCount.objects.filter(filters.rollup_q()).aggregate(
            events=Sum("events"), deaths=Sum("deaths")
        )
    else:
        found = events(filters).aggregate(events=Count("id"), deaths=Sum("best"))
    return {k: v or 0 for k, v in found.items()}


def by_area(filters: Filters, level: str) -> list[dict[str, Any]]:
    """Events and deaths per country (with its name as the source spells it, `country_names`) or
    province for the filters, most deaths first."""
    keys = ["country"] if level == Level.COUNTRY else ["country", "adm_1"]
    rows = list(_counted(filters, *keys).order_by("-deaths", *keys))
    if level == Level.COUNTRY:
        names = country_names({row["country"] for row in rows})
        for row in rows:
            row["country_name"] = names.get(row["country"], row["country"])
    return rows


def monthly(filters: Filters) -> list[dict[str, Any]]:
    """Events and deaths per month for the filters."""
    return list(_counted(filters, "month").order_by("month"))


def monthly_by_area(q: Q, first: int, last: int) -> dict[Area, dict[int, tuple[int, int]]]:
    """(events, deaths) per month for every province and every country, months `first`..`last`: one
    grouped query of the monthly rollup (`q` on areas only); countries are the sums of their
    provinces."""
    rows = list(
        MonthlyCount.objects.filter(q, month__gte=first, month__lte=last)
        .values_list("country", "adm_1", "month")
        .annotate(events=Sum("events"), deaths=Sum("deaths"))
        .order_by()
    )
    names = country_names({row[0] for row in rows})
    counts: dict[tuple[str, str], dict[int, tuple[int, int]]] = defaultdict(dict)
    for country, adm_1, month, events, deaths in rows:
        e, d = counts[(country, "")].get(month, (0, 0))
        counts[(country, "")][month] = (e + events, d + (deaths or 0))
        if adm_1:
            counts[(country, adm_1)][month] = (events, deaths or 0)
    return {
        Area(Level.ADM1, country, adm_1)
        if adm_1
        else Area(Level.COUNTRY, country, names.get(country, country)): series
        for (country, adm_1), series in counts.items()
    }


def country_names(countries: set[str]) -> dict[str, str]:
    """Each country's name as the source spells it, always taken from the same event (the first in
    the area index), in one query that reads one row per country."""
    if not countries:
        return {}
    first = Q()
    for code in sorted(countries):
        first |= Q(
            pk=Subquery(
                Event.objects.filter(country=code)
                .order_by("country", "adm_1", "month", "best", "pk")
                .values("pk")[:1]
            )
        )
    return dict(Event.objects.filter(first).values_list("country", "country_name"))


SUMMED = (Dataset.BRD, Dataset.NONSTATE, Dataset.ONESIDED)


def yearly(country: str) -> dict[str, Any]:
    """The yearly UCDP view of one country: per year, conflicts and their intensity, battle deaths,
    non-state and one-sided deaths.

    Deaths are the country's only where the record's own location columns (`gwno_loc`,
    `gwno_battle`, `gwno_location`) name this country alone: UCDP does not split a multi-country
    record (Islamic State's one-sided violence of 2018 is one figure for 19 countries), so such a
    record is listed apart, "in N countries", and never added to one country's total. Intensity is
    the conflict's, in every country where it is located."""
    records = YearlyRecord.objects.filter(countries__contains=f",{country},")
    alone = records.filter(countries=f",{country},")
    totals = alone.values("dataset", "year").annotate(best=Sum("best"))
    years: dict[int, dict[str, Any]] = defaultdict(
        lambda: {**{d.value: None for d in Dataset}, "shared": {d.value: 0 for d in SUMMED}}
    )
    for row in totals:
        if row["dataset"] != Dataset.ACD:
            years[row["year"]][row["dataset"]] = row["best"]
    for row in records.filter(dataset=Dataset.ACD).values("year").annotate(peak=Max("intensity")):
        years[row["year"]][Dataset.ACD] = row["peak"]
    shared = []
    for r in (
        records.exclude(countries=f",{country},")
        .exclude(dataset=Dataset.ACD)
        .order_by("-year", "dataset", "-best")
    ):
        located = [c for c in r.countries.split(",") if c]
        years[r.year]["shared"][r.dataset] += 1
        shared.append(
            {
                "dataset": r.dataset,
                "label": r.get_dataset_display(),
                "year": r.year,
                "sides": " — ".join(s for s in (r.side_a, r.side_b) if s),
                "location": r.location,
                "countries": located,
                "count": len(located),
                "best": r.best,
            }
        )
    conflicts = list(
        records.filter(dataset=Dataset.ACD)
        .values("conflict_id", "location", "side_a", "side_b")
        .annotate(first=Min("year"), last=Max("year"), peak=Max("intensity"))
        .order_by("-last", "conflict_id")
    )
    places: dict[str, int] = defaultdict(int)
    for cid, where in records.filter(dataset=Dataset.ACD).values_list("conflict_id", "countries"):
        places[cid] = max(places[cid], len([x for x in where.split(",") if x]))
    for c in conflicts:
        c["count"] = places[c["conflict_id"]]
    return {"years": sorted(years.items()), "conflicts": conflicts, "shared": shared}


def regions() -> QuerySet[Region]:
    return Region.objects.all()


def region(code: str) -> Region:
    found = Region.objects.filter(code=code).first()
    if found is None:
        raise Http404
    return found


def alerts(user: Someone) -> QuerySet[Alert]:
    return permissions.alerts_visible_to(user)


def alerts_in(alerts: QuerySet[Alert], region: Region) -> QuerySet[Alert]:
    """The alerts of a region: of its countries, and of its single provinces (an alert names its
    province in `area`, not `adm_1`)."""
    q = Q(country__in=region.countries)
    for item in region.provinces:
        country, _sep, adm1 = item.partition("/")
        q |= Q(country=country, level=Level.ADM1, area=adm1)
    return alerts.filter(q)


def alert(user: Someone, pk: int) -> Alert:
    found = (
        permissions.alerts_visible_to(user)
        .filter(pk=pk)
        .select_related("consultation", "decided_by")
        .first()
    )
    if found is None:
        raise Http404
    return found


def reports(user: Someone) -> QuerySet[SituationReport]:
    return permissions.reports_visible_to(user).select_related("region")


def report(user: Someone, pk: int) -> SituationReport:
    found = permissions.reports_visible_to(user).filter(pk=pk).select_related("region").first()
    if found is None:
        raise Http404
    return found


def month_of(day: dt.date) -> int:
    return month_index(day.year, day.month)
