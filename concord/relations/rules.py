"""Pure rules: a General Assembly vote against the UN's membership, the sequence of a working
group's meetings, and the days a calendar view shows."""

from __future__ import annotations

import calendar as cal
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

COUNTS = ("in_favour", "against", "abstaining", "absent")


@dataclass(frozen=True)
class VoteProblem:
    field: str
    reason: str  # "negative" | "over_membership" | "counts_without_vote" | "no_counts"


def vote_problems(vote: str, counts: dict[str, int | None], membership: int) -> list[VoteProblem]:
    """What is wrong with a recorded vote. A recorded vote needs at least the three counts cast and
    their sum (with the absent) within the membership of the session; a consensus or an unknown
    manner of adoption carries no counts."""
    given = {k: counts.get(k) for k in COUNTS}
    if vote != "recorded":
        return [VoteProblem(k, "counts_without_vote") for k in COUNTS if given[k] is not None]
    problems = [VoteProblem(k, "negative") for k in COUNTS if (given[k] or 0) < 0]
    if problems:
        return problems
    total = sum(v for v in given.values() if v is not None)
    if total > membership:
        return [VoteProblem("in_favour", "over_membership")]
    return []


@dataclass(frozen=True)
class Numbered:
    number: int
    found: bool


def sequence(numbers: Iterable[int]) -> list[Numbered]:
    """Meetings numbered in sequence from the first known to the last: a number between them with
    no record is one the sources did not give ("not found"), never silently skipped."""
    known = set(numbers)
    if not known:
        return []
    return [Numbered(n, n in known) for n in range(min(known), max(known) + 1)]


def next_number(numbers: Iterable[int]) -> int:
    return max(numbers, default=0) + 1


def month_weeks(year: int, month: int) -> list[list[dt.date]]:
    """The weeks (Monday first) covering a month, each of seven days."""
    return cal.Calendar(firstweekday=0).monthdatescalendar(year, month)


def week_of(day: dt.date) -> list[dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return [monday + dt.timedelta(days=i) for i in range(7)]


def window(view: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a view shows around `day`: the weeks of its month, its week, or the
    month itself for the list."""
    if view == "week":
        days = week_of(day)
        return days[0], days[-1]
    if view == "list":
        last = cal.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    weeks = month_weeks(day.year, day.month)
    return weeks[0][0], weeks[-1][-1]


def shift(view: str, day: dt.date, step: int) -> dt.date:
    """The day of the previous (-1) or next (+1) page of a view."""
    if view == "week":
        return day + dt.timedelta(days=7 * step)
    month = day.month - 1 + step
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


def on_day(starts_on: dt.date, ends_on: dt.date, day: dt.date) -> bool:
    return starts_on <= day <= ends_on


def half_year(year: int, half: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a half-year (1: January–June, 2: July–December)."""
    if half == 1:
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    return dt.date(year, 7, 1), dt.date(year, 12, 31)
