"""An event as the import writes it (`EventRow`), the formats that make one from a row of their CSV,
and the checks of single cells that say why a row is bad."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from operator import itemgetter
from typing import NamedTuple

from ..countries import codes


class EventRow(NamedTuple):
    """The columns that the import writes to `Event`: the SQL statements are made from these fields and
    the formats fill them by name, so the two cannot fall out of step. Dates are ISO text, which the
    database takes without a conversion per value."""

    source_id: str
    date_start: str
    date_end: str
    date_precision: int | None
    month: int
    country: str
    country_name: str
    adm_1: str
    adm_2: str
    latitude: float | None
    longitude: float | None
    where_precision: int | None
    violence: int | None
    event_type: str
    conflict_id: str
    conflict: str
    dyad_id: str
    dyad: str
    side_a: str
    side_b: str
    best: int
    low: int
    high: int
    civilians: int
    source: str
    source_version: str
    import_run: str


class Format(NamedTuple):
    """How a source's CSV becomes events: `build` takes a row's cells of `texts` and then of `parsed`,
    in their order, with the source version and the import run."""

    source: str  # as `Event.source` names it
    required: list[str]  # columns without which the file is refused
    texts: list[str]  # columns written as they are (or cut to length)
    parsed: list[str]  # columns read into numbers, dates and codes
    build: Callable[[tuple[str, ...], str, str], EventRow]


class RowError(Exception):
    def __init__(self, column: str, value: object, why: str) -> None:
        super().__init__(why)
        self.column, self.value, self.why = column, value, why


class Columns:
    """The cells of a row that a format takes: its text cells, then the ones it parses, each group
    picked in one C-level call; a column the file does not have reads as empty. Equal text cells come
    out as one string object (provinces, conflicts and sides repeat row after row), which a batch then
    holds, and sends to the writing process, once; a cell that is parsed is not worth remembering."""

    SHARED_UP_TO = 100_000  # distinct cells remembered, then forgotten: memory stays bounded

    def __init__(self, col: dict[str, int], texts: list[str], parsed: list[str]) -> None:
        self.width = max(col.values(), default=-1) + 1
        self.texts = itemgetter(*[col.get(n, self.width) for n in texts])
        self.parsed = itemgetter(*[col.get(n, self.width) for n in parsed])
        self.shared: dict[str, str] = {}

    def __call__(self, row: list[str]) -> tuple[str, ...]:
        # the missing columns point just past the header's width: keep that cell empty even when a
        # row has more fields than the header
        if len(row) == self.width:
            row.append("")
        else:
            row = row[: self.width] + [""] * (self.width + 1 - min(len(row), self.width))
        texts: tuple[str, ...] = self.texts(row)
        if len(self.shared) > self.SHARED_UP_TO:
            self.shared.clear()
        return tuple(map(self.shared.setdefault, texts, texts)) + self.parsed(row)


# Each reader tries the common, well-formed value first with one call in C, and only then the
# slower ways (spaces, other spellings) that decide whether the value is bad and why.


def read_date(value: str, column: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    text = value.strip()
    if len(text) >= 10 and text[4] == "-":
        try:
            return dt.date(int(text[:4]), int(text[5:7]), int(text[8:10]))
        except ValueError:
            pass
    for pattern in ("%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise RowError(column, value, "not a date")


def read_count(value: str, column: str) -> int:
    try:
        number = int(value)
    except ValueError:
        text = value.strip()
        if not text:
            return 0
        try:
            number = int(float(text)) if "." in text else int(text)
        except (ValueError, OverflowError) as error:
            raise RowError(column, value, "not a whole number") from error
    if number < 0 or number > 10_000_000:
        raise RowError(column, value, "out of range")
    return number


def read_small(value: str, column: str, low: int, high: int) -> int | None:
    try:
        number = int(value)
    except ValueError:
        text = value.strip()
        if not text:
            return None
        try:
            number = int(float(text))
        except (ValueError, OverflowError) as error:
            raise RowError(column, value, "not a number") from error
    if not low <= number <= high:
        raise RowError(column, value, f"must be between {low} and {high}")
    return number


def read_coordinate(value: str, column: str, limit: float) -> float | None:
    try:
        number = float(value)
    except ValueError:
        if not value.strip():
            return None
        raise RowError(column, value, "not a number") from None
    if not -limit <= number <= limit:
        raise RowError(column, value, f"outside ±{limit:g}")
    return number


def read_country(name: str, gw: str = "", n3: str = "") -> str:
    gw_code = None
    if gw.strip():
        try:
            gw_code = int(float(gw))
        except ValueError as error:
            raise RowError("country_id", gw, "not a Gleditsch–Ward code") from error
    iso3 = codes().iso3(gw=gw_code, name=name, n3=n3.strip())
    if iso3 is None:
        raise RowError("country", name, "unknown country")
    return iso3


@cache
def read_country_cached(name: str, gw: str, n3: str) -> str:
    return read_country(name, gw, n3)


def read_event_id(value: str, column: str) -> str:
    source_id = value.strip()
    if not source_id or len(source_id) > 40:
        raise RowError(column, source_id, "an event id is required (at most 40 characters)")
    return source_id
