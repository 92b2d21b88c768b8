"""Coverage as data: which countries and months each version of a source covers, so that the pages,
reports, map and API tell "no event data" from zero.

- Every event import records the coverage of what it wrote (`record_import`, one grouped query over
  the run's rows): per source version, the countries where it has events over the file's first to last
  month. A country inside with no events in a month is zero for that month; outside, no event data.
- An operator declares coverage where a source recorded nothing (`declare_coverage`, command
  `declare_coverage`): GED covers the whole world, so a neighbour with no events in its period is zero.
- **Overlaps.** When an import's coverage overlaps a stored coverage of the same source with another
  version, the later import wins: an event with the same id takes the new version's values, and the
  events of the older version there that the new file does not contain are **kept** (an import never
  deletes: the file may be an extract or a correction). The import's report says so, with how many
  were kept, and both versions' coverage stays listed with its notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Count, Max, Min
from django.utils.translation import gettext as _

from concord.audit.services import record
from concord.core.actions import require
from concord.core.actors import Actor
from concord.core.errors import DomainError
from concord.core.models import in_language

from . import datacache, permissions, rules
from .codes import Code, Verb
from .countries import unknown_countries
from .models import Coverage, Event

if TYPE_CHECKING:
    from .selectors import Filters


class State(StrEnum):
    COVERED = "covered"  # every country of the selection over every month of it
    PARTIAL = "partial"  # some countries or some months only
    NONE = "none"  # no source covers any of it: no event data (never zero)


@dataclass(frozen=True)
class Span:
    """One stored coverage."""

    source: str
    version: str
    countries: frozenset[str]
    first: int
    last: int
    rows: int
    note_ru: str = ""
    note_en: str = ""

    @property
    def note(self) -> str:
        return in_language(self.note_ru, self.note_en)

    @property
    def period(self) -> str:
        return f"{rules.month_text(self.first)}…{rules.month_text(self.last)}"

    def touches(self, countries: Iterable[str], first: int | None, last: int | None) -> bool:
        inside = first is None or last is None or (self.first <= last and first <= self.last)
        return inside and bool(self.countries.intersection(countries))


def spans() -> list[Span]:
    """Every stored coverage (a small table: one row per source version and period)."""
    return [
        Span(
            c.source,
            c.source_version,
            frozenset(c.countries),
            c.first_month,
            c.last_month,
            c.rows,
            c.note_ru,
            c.note_en,
        )
        for c in Coverage.objects.all()
    ]


@dataclass
class Cover:
    """What the store covers of a selection: each country's state over the period, each month's state
    over the countries, and the coverages that touch it (with their notes)."""

    countries: dict[str, State]
    months: dict[int, State]  # the period's months, or every covered month when no period is given
    spans: list[Span] = field(default_factory=list)
    period: tuple[int, int] | None = None

    @property
    def state(self) -> State:
        states = set(self.countries.values())
        if self.period is not None:
            states |= set(self.months.values())
        if not states or states == {State.NONE}:
            return State.NONE
        return State.COVERED if states == {State.COVERED} else State.PARTIAL

    @property
    def uncovered(self) -> list[str]:
        return [c for c, s in self.countries.items() if s == State.NONE]

    @property
    def partly(self) -> list[str]:
        return [c for c, s in self.countries.items() if s == State.PARTIAL]

    @property
    def notes(self) -> list[Span]:
        return [s for s in self.spans if s.note_ru or s.note_en]

    def as_json(self) -> dict[str, Any]:
        return {
            "state": str(self.state),
            "countries": {c: str(s) for c, s in sorted(self.countries.items())},
            "uncovered_months": [
                rules.month_text(m) for m, s in self.months.items() if s == State.NONE
            ],
            "sources": [
                {
                    "source": s.source,
                    "version": s.version,
                    "period": s.period,
                    "note_ru": s.note_ru,
                    "note_en": s.note_en,
                }
                for s in self.spans
            ],
        }


def cover(
    countries: Sequence[str] | None, first: int | None = None, last: int | None = None
) -> Cover:
    """The coverage of `countries` (every country some source covers, if None) over the months
    `first`..`last` (over all time if either is None)."""
    stored = spans()
    if countries is None:
        countries = sorted({c for s in stored for c in s.countries})
    period = (first, last) if first is not None and last is not None else None
    months_of = {c: _months(stored, c) for c in countries}
    states = {c: _country_state(covered, period) for c, covered in months_of.items()}
    every: set[int] = set().union(*months_of.values())
    span = range(period[0], period[1] + 1) if period is not None else sorted(every)
    months = {m: _month_state(m, months_of) for m in span}
    touching = [s for s in stored if s.touches(countries, first, last)]
    return Cover(states, months, touching, period)


def _country_state(covered: set[int], period: tuple[int, int] | None) -> State:
    if period is None:
        return State.COVERED if covered else State.NONE
    inside = sum(1 for m in range(period[0], period[1] + 1) if m in covered)
    if not inside:
        return State.NONE
    return State.COVERED if inside == period[1] - period[0] + 1 else State.PARTIAL


def _months(stored: list[Span], country: str) -> set[int]:
    return {m for s in stored if country in s.countries for m in range(s.first, s.last + 1)}


def _month_state(month: int, months_of: dict[str, set[int]]) -> State:
    inside = sum(1 for covered in months_of.values() if month in covered)
    if not inside:
        return State.NONE
    return State.COVERED if inside == len(months_of) else State.PARTIAL


def of_filters(filters: Filters) -> Cover:
    """The coverage of a selection of the situation picture: its countries (the region's, with the
    countries of its single provinces, or the one chosen) over its period."""
    countries = _countries(filters)
    first = _month(filters.start)
    last = _month(filters.end)
    if (first is None) != (last is None):  # an open end: up to (or from) the covered extent
        extent = [m for s in spans() for m in (s.first, s.last)]
        first = first if first is not None else min(extent, default=last)
        last = last if last is not None else max(extent, default=first)
    return cover(countries, first, last)


def _countries(filters: Filters) -> list[str] | None:
    """The selection's countries: the one chosen, or the region's with the countries of its single
    provinces; None for all."""
    if filters.country:
        return [filters.country]
    if filters.region is not None:
        provinces = [p.partition("/")[0] for p in filters.region.provinces]
        return list(dict.fromkeys([*filters.region.countries, *provinces]))
    return None


def last_month(filters: Filters) -> int | None:
    """The last month any source covers in the selection's countries (None: none covers them): the
    situation picture opens on the twelve months up to it."""
    countries = _countries(filters)
    return max(
        (s.last for s in spans() if countries is None or s.countries.intersection(countries)),
        default=None,
    )


def _month(day: dt.date | None) -> int | None:
    return rules.month_index(day.year, day.month) if day else None


def series(rows: list[dict[str, Any]], covered: Cover) -> list[dict[str, Any]]:
    """Events and deaths for every month of the selection, one per month from the first to the last
    without a hole (a chart's time axis is even): a covered month without events is zero, a month
    that no source covers is no data (None), never zero; each month says which it is."""
    counted = {r["month"]: r for r in rows}
    known = set(covered.months) | set(counted)
    months = range(min(known), max(known) + 1) if known else range(0)
    out = []
    for month in months:
        row = counted.get(month)
        # a month between two coverages that neither covers is no data; one with events is counted
        state = covered.months.get(month, State.COVERED if row is not None else State.NONE)
        if row is not None:
            events, deaths = row["events"], row["deaths"] or 0
        elif state == State.NONE:
            events = deaths = None
        else:
            events = deaths = 0
        out.append({"month": month, "events": events, "deaths": deaths, "state": str(state)})
    return out


def with_coverage(
    rows: list[dict[str, Any]], covered: Cover, name: Callable[[str], str]
) -> list[dict[str, Any]]:
    """Counts per country with their state: the countries with events, then those covered with
    none (zero), then those of the selection that no source covers (no event data: None)."""
    seen = {r["country"] for r in rows}
    out = [{**r, "state": str(covered.countries.get(r["country"], State.COVERED))} for r in rows]
    for country, state in covered.countries.items():
        if country in seen:
            continue
        zero = 0 if state != State.NONE else None
        out.append(
            {
                "country": country,
                "country_name": name(country),
                "events": zero,
                "deaths": zero,
                "state": str(state),
            }
        )
    return sorted(out, key=lambda r: r["events"] is None)


# --- Writing coverage ------------------------------------------------------------------------------


def record_import(source: str, run: str) -> list[str]:
    """Records the coverage of what the import run `run` wrote, one per source version, and says
    so; an overlap with another version of the source is told with the rule that decides it."""
    found: dict[str, dict[str, Any]] = {}
    for row in (
        Event.objects.filter(source=source, import_run=run)
        .values("source_version", "country")
        .annotate(first=Min("month"), last=Max("month"), n=Count("*"))
        .order_by()
    ):
        seen = found.setdefault(
            row["source_version"], {"countries": set(), "first": row["first"], "last": row["last"]}
        )
        seen["countries"].add(row["country"])
        seen["first"] = min(seen["first"], row["first"])
        seen["last"] = max(seen["last"], row["last"])
    messages: list[str] = []
    for version, seen in sorted(found.items()):
        countries = sorted(seen["countries"])
        messages += overlaps(source, version, countries, seen["first"], seen["last"])
        stored = _store(source, version, countries, seen["first"], seen["last"], declared=False)
        messages.append(
            f"Coverage: {source} {version or '(no version)'} covers {', '.join(stored.countries)} "
            f"{rules.month_text(stored.first_month)}…{rules.month_text(stored.last_month)} ({stored.rows} events)."
        )
    return messages


def overlaps(source: str, version: str, countries: list[str], first: int, last: int) -> list[str]:
    """What the import of `version` does where a stored coverage of another version of the same
    source covers the same countries and months: it wins for the events it holds; the other
    version's events there that it does not hold are kept, and counted."""
    messages = []
    for span in spans():
        if span.source != source or span.version == version:
            continue
        if not span.touches(countries, first, last):
            continue
        shared = sorted(span.countries.intersection(countries))
        start, end = max(first, span.first), min(last, span.last)
        kept = Event.objects.filter(
            source=source,
            source_version=span.version,
            country__in=shared,
            month__gte=start,
            month__lte=end,
        ).count()
        messages.append(
            f"Overlap: {source} {span.version or '(no version)'} also covers {', '.join(shared)} "
            f"{rules.month_text(start)}…{rules.month_text(end)}. This import ({version or 'no version'}) wins: events with "
            f"the same id now hold its values; {kept} events of {span.version or '(no version)'} "
            "there that this file does not contain are kept (an import never deletes)."
        )
        _recount(span)
    return messages


def _recount(span: Span) -> None:
    rows = Event.objects.filter(
        source=span.source,
        source_version=span.version,
        country__in=sorted(span.countries),
        month__gte=span.first,
        month__lte=span.last,
    ).count()
    Coverage.objects.filter(
        source=span.source,
        source_version=span.version,
        first_month=span.first,
        last_month=span.last,
    ).update(rows=rows)


def _store(
    source: str,
    version: str,
    countries: list[str],
    first: int,
    last: int,
    *,
    declared: bool,
    note_ru: str | None = None,
    note_en: str | None = None,
) -> Coverage:
    """One coverage per source version and period: a second import or declaration of the same one
    adds its countries. A period inside a stored one of the same version is that one; stored ones
    inside a wider period become it (so declaring a version's whole period after importing it leaves
    one coverage)."""
    datacache.bump()
    same = Coverage.objects.filter(source=source, source_version=version)
    wider = same.filter(first_month__lte=first, last_month__gte=last).first()
    if wider is not None:
        first, last = wider.first_month, wider.last_month
    inside = same.filter(first_month__gte=first, last_month__lte=last)
    for narrower in inside.exclude(first_month=first, last_month=last):
        countries = [*countries, *narrower.countries]
        declared = declared or narrower.declared
        note_ru = narrower.note_ru if note_ru is None else note_ru
        note_en = narrower.note_en if note_en is None else note_en
        narrower.delete()
    coverage, _created = Coverage.objects.get_or_create(
        source=source, source_version=version, first_month=first, last_month=last
    )
    coverage.countries = sorted(set(coverage.countries) | set(countries))
    coverage.declared = coverage.declared or declared
    coverage.rows = Event.objects.filter(
        source=source,
        source_version=version,
        country__in=coverage.countries,
        month__gte=first,
        month__lte=last,
    ).count()
    if note_ru is not None:
        coverage.note_ru = note_ru
    if note_en is not None:
        coverage.note_en = note_en
    coverage.save()
    return coverage


@transaction.atomic
def declare_coverage(
    source: str,
    version: str,
    countries: list[str],
    first: int,
    last: int,
    *,
    actor: Actor,
    note_ru: str | None = None,
    note_en: str | None = None,
) -> Coverage:
    """The operator says that `version` of `source` covers `countries` over `first`..`last` (month
    indexes), with or without events there; with notes, what a reader must know of that data (e.g.
    candidate events, incomplete)."""
    require(permissions.imports_data(actor), _("Coverage is declared on the server only."))
    unknown = unknown_countries(countries)
    if unknown or not countries:
        raise DomainError(
            Code.UNKNOWN_COUNTRY,
            _("Unknown ISO3 codes: %(codes)s") % {"codes": ", ".join(unknown) or "—"},
            field="countries",
        )
    if last < first:
        raise DomainError(Code.BAD_PERIOD, _("The period ends before it starts."), field="last")
    coverage = _store(
        source[:16],
        version[:20],
        countries,
        first,
        last,
        declared=True,
        note_ru=note_ru,
        note_en=note_en,
    )
    record(
        Verb.DECLARE_COVERAGE,
        actor=actor,
        target=coverage,
        summary=f"{source} {version}: {', '.join(coverage.countries)} {rules.month_text(first)}…{rules.month_text(last)}",
    )
    return coverage
