"""How good is the early warning? Pure functions, no database: the detector is replayed month by month
over monthly series (each month judged from the data up to it only) and compared with labelled
escalation episodes.

- An **episode** is an area (a province, or a whole country when `area` is empty) and its first and
  last month. It is **caught** when an alert for its area falls between `lead` months before its first
  month and its last month; for a country-level episode an alert for the country or for any of its
  provinces counts.
- **Lead time**: months from the first such alert to the episode's first month (2 = two months
  early, 0 = in its first month, negative = late).
- **Areas evaluated**: every area of the episodes' countries (the country and its provinces) with
  any event in the span; **area-months** are those areas times the months of the span.
- **Quiet**: an area-month where neither events nor deaths are above the area's median over the span.
  The quiet share is the part of the quiet area-months that were alerted.
- **Alert rate**: alerted area-months over area-months evaluated.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import rules
from .rules import Area, Counts, Flag

LEAD = 2  # months before an episode's first month in which an alert still counts


@dataclass(frozen=True)
class Episode:
    index: int  # position in the file, from 0
    country: str
    area: str  # "" for the whole country
    first: int
    last: int
    name: str = ""
    description: str = ""
    source: str = ""
    url: str = ""

    @property
    def label(self) -> str:
        return f"#{self.index} {self.country}/{self.area or '(country)'}"


class EpisodeError(ValueError):
    """A bad entry of an episodes file; the message names it (index and area)."""


def parse_month(text: Any) -> int:
    match = re.fullmatch(r"(\d{4})-(\d{2})", str(text))
    if not match or not 1 <= int(match[2]) <= 12:
        raise ValueError(f"{text!r} is not a month (YYYY-MM)")
    return rules.month_index(int(match[1]), int(match[2]))


def month_text(index: int) -> str:
    year, month = rules.year_month(index)
    return f"{year:04d}-{month:02d}"


def parse_episodes(data: Any) -> list[Episode]:
    """Episodes from the decoded JSON: an object with a list `episodes` (or the list itself) of
    objects with `country`, `area` (empty or absent: the country), `first`, `last`, and `name`,
    `description`, `source`, `url`."""
    entries = data.get("episodes") if isinstance(data, dict) else data
    if not isinstance(entries, list) or not entries:
        raise EpisodeError("the file holds no list of episodes")
    episodes = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise EpisodeError(f"episode #{index}: not an object")
        country, area = str(entry.get("country") or ""), str(entry.get("area") or "")
        label = f"episode #{index} ({country}/{area or '(country)'})"
        if not re.fullmatch(r"[A-Z]{3}", country):
            raise EpisodeError(f"{label}: country must be an ISO3 code")
        try:
            first, last = parse_month(entry.get("first")), parse_month(entry.get("last"))
        except ValueError as error:
            raise EpisodeError(f"{label}: {error}") from error
        if last < first:
            raise EpisodeError(
                f"{label}: last month {month_text(last)} is before first {month_text(first)}"
            )
        text = {k: str(entry.get(k) or "") for k in ("name", "description", "source", "url")}
        episodes.append(Episode(index, country, area, first, last, **text))
    return episodes


def check_episodes(
    episodes: Sequence[Episode], series: Mapping[Area, Counts], start: int, end: int
) -> None:
    """Every episode names an area with events in the store and lies within both the span evaluated
    and its country's data."""
    known = {(a.country, a.name if a.level == "adm1" else "") for a in series}
    spans = country_spans(series)
    for episode in episodes:
        label = f"episode #{episode.index} ({episode.country}/{episode.area or '(country)'})"
        if (episode.country, episode.area) not in known:
            raise EpisodeError(f"{label}: no events were ever recorded for this area")
        data_first, data_last = spans[episode.country]
        low, high = max(start, data_first), min(end, data_last)
        if episode.first < low or episode.last > high:
            raise EpisodeError(
                f"{label}: {month_text(episode.first)}…{month_text(episode.last)} is outside "
                f"the data and span evaluated, {month_text(low)}…{month_text(high)}"
            )


def country_spans(series: Mapping[Area, Counts]) -> dict[str, tuple[int, int]]:
    """Each country's first and last month with events."""
    spans: dict[str, tuple[int, int]] = {}
    for area, counts in series.items():
        months = [m for m, (e, _d) in counts.items() if e]
        if months:
            low, high = spans.get(area.country, (min(months), max(months)))
            spans[area.country] = (min(low, *months), max(high, *months))
    return spans


@dataclass
class EpisodeResult:
    episode: Episode
    caught: bool
    first_alert: int | None
    lead: int | None
    alerts: list[Flag]
    peak_events: int
    peak_deaths: int


@dataclass
class Evaluation:
    start: int
    end: int
    episodes: list[EpisodeResult]
    area_months: int
    alerted: int
    quiet_months: int
    quiet_alerted: int
    areas: int
    rules: dict[str, int] = field(default_factory=dict)

    @property
    def caught(self) -> int:
        return sum(r.caught for r in self.episodes)

    @property
    def recall(self) -> float:
        return self.caught / len(self.episodes) if self.episodes else 0.0

    @property
    def median_lead(self) -> float | None:
        leads = [r.lead for r in self.episodes if r.lead is not None]
        return float(statistics.median(leads)) if leads else None

    @property
    def quiet_share(self) -> float:
        return self.quiet_alerted / self.quiet_months if self.quiet_months else 0.0

    @property
    def alert_rate(self) -> float:
        return self.alerted / self.area_months if self.area_months else 0.0


def replay(
    series: Mapping[Area, Counts],
    start: int,
    end: int,
    firsts: Mapping[str, int],
    thresholds: rules.Thresholds = rules.DEFAULT,
    detector: rules.Detector = rules.evaluate,
) -> dict[Area, dict[int, Flag]]:
    """The detector's flags per area and month of `start`..`end`, each month judged on its own."""
    flags: dict[Area, dict[int, Flag]] = {}
    for month in range(start, end + 1):
        for flag in rules.detect(series, month, firsts, thresholds, detector):
            flags.setdefault(flag.area, {})[month] = flag
    return flags


def evaluate(
    series: Mapping[Area, Counts],
    episodes: Sequence[Episode],
    start: int,
    end: int,
    *,
    thresholds: rules.Thresholds = rules.DEFAULT,
    detector: rules.Detector = rules.evaluate,
    lead: int = LEAD,
    firsts: Mapping[str, int] | None = None,
) -> Evaluation:
    """Replay the detector over the episodes' countries and measure it. `firsts` (ISO3 → the first
    month the data cover) defaults to each country's first month with events."""
    countries = {e.country for e in episodes}
    chosen = {a: c for a, c in series.items() if a.country in countries}
    firsts = (
        firsts if firsts is not None else {c: s for c, (s, _l) in country_spans(chosen).items()}
    )
    flags = replay(chosen, start, end, firsts, thresholds, detector)
    months = range(start, end + 1)
    evaluated = [a for a, c in chosen.items() if any(c.get(m, (0, 0))[0] for m in months)]
    tally = Tally()
    for area in evaluated:
        tally.add(chosen[area], flags.get(area, {}), months)
    return Evaluation(
        start,
        end,
        [_episode_result(e, chosen, flags, lead) for e in episodes],
        len(evaluated) * len(months),
        tally.alerted,
        tally.quiet_months,
        tally.quiet_alerted,
        len(evaluated),
        tally.rules,
    )


@dataclass
class Tally:
    """Alerted and quiet area-months, and the rules that fired, summed over areas."""

    alerted: int = 0
    quiet_months: int = 0
    quiet_alerted: int = 0
    rules: dict[str, int] = field(default_factory=dict)

    def add(self, counts: Counts, flags: Mapping[int, Flag], months: range) -> None:
        rows = [counts.get(m, (0, 0)) for m in months]
        median_events = statistics.median(e for e, _d in rows)
        median_deaths = statistics.median(d for _e, d in rows)
        for month, (events, deaths) in zip(months, rows, strict=True):
            quiet = events <= median_events and deaths <= median_deaths
            self.quiet_months += quiet
            if month in flags:
                self.alerted += 1
                self.quiet_alerted += quiet
                self.rules[flags[month].rule] = self.rules.get(flags[month].rule, 0) + 1


def _episode_result(
    episode: Episode,
    series: Mapping[Area, Counts],
    flags: Mapping[Area, Mapping[int, Flag]],
    lead: int,
) -> EpisodeResult:
    def matches(area: Area) -> bool:
        if area.country != episode.country:
            return False
        return not episode.area or (area.level == "adm1" and area.name == episode.area)

    areas = [a for a in series if matches(a)]
    found = sorted(
        (
            f
            for a in areas
            for m, f in flags.get(a, {}).items()
            if episode.first - lead <= m <= episode.last
        ),
        key=lambda f: (f.month, -f.score),
    )
    own = next(
        (a for a in areas if (a.level == "country") == (not episode.area)),
        areas[0] if areas else None,
    )
    rows = (
        [series[own].get(m, (0, 0)) for m in range(episode.first, episode.last + 1)] if own else []
    )
    first_alert = found[0].month if found else None
    return EpisodeResult(
        episode,
        bool(found),
        first_alert,
        episode.first - first_alert if first_alert is not None else None,
        found,
        max((e for e, _d in rows), default=0),
        max((d for _e, d in rows), default=0),
    )


def as_json(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "from": month_text(evaluation.start),
        "to": month_text(evaluation.end),
        "episodes": len(evaluation.episodes),
        "caught": evaluation.caught,
        "recall": round(evaluation.recall, 4),
        "median_lead": evaluation.median_lead,
        "areas": evaluation.areas,
        "area_months": evaluation.area_months,
        "alerted": evaluation.alerted,
        "alert_rate": round(evaluation.alert_rate, 4),
        "quiet_months": evaluation.quiet_months,
        "quiet_alerted": evaluation.quiet_alerted,
        "quiet_share": round(evaluation.quiet_share, 4),
        "alerts_in_quiet_months": round(
            evaluation.quiet_alerted / evaluation.alerted if evaluation.alerted else 0.0, 4
        ),
        "rules": dict(sorted(evaluation.rules.items())),
        "detail": [
            {
                "index": r.episode.index,
                "country": r.episode.country,
                "area": r.episode.area,
                "first": month_text(r.episode.first),
                "last": month_text(r.episode.last),
                "name": r.episode.name,
                "caught": r.caught,
                "first_alert": month_text(r.first_alert) if r.first_alert is not None else None,
                "lead": r.lead,
                "rule": r.alerts[0].rule if r.alerts else None,
                "alerts": len(r.alerts),
                "peak_events": r.peak_events,
                "peak_deaths": r.peak_deaths,
            }
            for r in evaluation.episodes
        ],
    }


def as_text(report: Mapping[str, Any]) -> list[str]:
    """The report of `as_json` for a terminal."""

    def percent(value: float) -> str:
        return f"{100 * value:.1f}%"

    lines = [
        f"{report['from']} … {report['to']}: {report['areas']} areas, {report['area_months']} area-months",
        f"recall       {report['caught']}/{report['episodes']} = {percent(report['recall'])}",
        f"median lead  {report['median_lead']} months",
        f"quiet        {report['quiet_alerted']}/{report['quiet_months']} quiet area-months "
        f"alerted = {percent(report['quiet_share'])}",
        f"alert rate   {report['alerted']}/{report['area_months']} = {percent(report['alert_rate'])}",
        "rules        " + ", ".join(f"{k} {v}" for k, v in report["rules"].items()),
        "",
    ]
    for row in report["detail"]:
        found = (
            f"first alert {row['first_alert']} ({row['rule']}), lead {row['lead']}"
            if row["caught"]
            else "missed"
        )
        lines.append(
            f"{'+' if row['caught'] else '-'} #{row['index']:<2} {row['country']} "
            f"{row['area'] or '(country)'} {row['first']}…{row['last']} {row['name']}: {found}; "
            f"peak {row['peak_events']} events, {row['peak_deaths']} deaths"
        )
    return lines
