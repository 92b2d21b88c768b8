"""Importers of conflict events (UCDP GED, ACLED-format CSV) and of the yearly UCDP tables.

They stream: one row is read, checked and queued at a time, and written in batches with one upsert
statement per batch keyed by (source, source's id), so a re-import updates instead of duplicating and
memory does not grow with the file. A bad row is reported with its line and skipped; every good row is
written whole. At the end the report says what was imported, updated and rejected.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import marshal
import multiprocessing
import pickle
import uuid
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from multiprocessing.connection import Connection
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, TypeVar

from django.db import connection, transaction

from .countries import codes
from .models import Event, YearlyRecord
from .states import Dataset

BATCH = 20000
KEEP_PROBLEMS = 1000  # the report keeps the first ones; `on_problem` hears all of them
T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    value: str
    why: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.why}" + (f" ({self.value!r})" if self.value else "")


@dataclass
class ImportReport:
    read: int = 0
    imported: int = 0
    updated: int = 0
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)
    on_problem: Callable[[Problem], None] | None = None

    def problem(self, line: int, column: str, value: object, why: str) -> None:
        self.add(Problem(line, column, str(value)[:80], why))

    def add(self, problem: Problem) -> None:
        if len(self.problems) < KEEP_PROBLEMS:
            self.problems.append(problem)
        if self.on_problem is not None:
            self.on_problem(problem)

    def summary(self) -> str:
        return f"read {self.read}, imported {self.imported}, updated {self.updated}, rejected {self.rejected}"


class NotCsv(Exception):
    """The file as a whole cannot be read: nothing was imported."""


@contextmanager
def open_csv(path: str | Path) -> Iterator[IO[str]]:
    """A text stream of the CSV at `path`, or of the first CSV inside it if it is a zip archive."""
    path = Path(path)
    try:
        with path.open("rb") as raw:
            head = raw.read(4096)
    except OSError as error:
        raise NotCsv(f"cannot read {path}: {error.strerror}") from error
    if head.startswith(b"PK\x03\x04"):
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as error:
            raise NotCsv("damaged zip archive") from error
        with archive:
            names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
            if not names:
                raise NotCsv("the zip archive holds no .csv file")
            with archive.open(names[0]) as member:
                yield io.TextIOWrapper(member, encoding="utf-8-sig", newline="")
        return
    if b"\x00" in head:
        raise NotCsv("not a CSV file (binary content)")
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:
            raise NotCsv("not a CSV file in UTF-8") from error
    with path.open(encoding="utf-8-sig", newline="", errors="replace") as text:
        yield text


def _rows(
    stream: IO[str], required: list[str]
) -> tuple[dict[str, int], Iterator[tuple[int, list[str]]]]:
    reader = csv.reader(stream)
    try:
        header = next(reader)
    except StopIteration as error:
        raise NotCsv("the file is empty") from error
    except csv.Error as error:
        raise NotCsv(f"not a CSV file: {error}") from error
    index = {name.strip().lower(): i for i, name in enumerate(header)}
    missing = [c for c in required if c not in index]
    if missing:
        raise NotCsv("missing columns: " + ", ".join(missing))

    def numbered() -> Iterator[tuple[int, list[str]]]:
        line = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                line = reader.line_num
                yield line, [f"\x00{error}"]
                continue
            line = reader.line_num
            yield line, row

    return index, numbered()


# --- Events -------------------------------------------------------------------------------------

# as a row reader returns them, then what the import adds to every row
EVENT_COLUMNS = [
    "source_id",
    "date_start",
    "date_end",
    "date_precision",
    "month",
    "country",
    "country_name",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "where_precision",
    "violence",
    "event_type",
    "conflict_id",
    "conflict",
    "dyad_id",
    "dyad",
    "side_a",
    "side_b",
    "best",
    "low",
    "high",
    "civilians",
    "source",
    "source_version",
    "import_run",
]
# One statement for new and known events: keyed by (source, source's id), a re-import updates.
ON_CONFLICT = "ON CONFLICT (source, source_id) DO UPDATE SET " + ", ".join(
    f"{c} = excluded.{c}" for c in EVENT_COLUMNS if c not in ("source", "source_id")
)
UPSERT_SQL = f"INSERT INTO {Event._meta.db_table} ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join(['%s'] * len(EVENT_COLUMNS))}) {ON_CONFLICT}"  # noqa: S608 - the model's names
# PostgreSQL takes a batch fastest through COPY into a temporary table, upserted from there in one
# statement (an INSERT per row runs at a tenth of the speed).
INCOMING = "monitoring_event_incoming"
PG_INCOMING_SQL = f"CREATE TEMPORARY TABLE IF NOT EXISTS {INCOMING} AS SELECT {', '.join(EVENT_COLUMNS)} FROM {Event._meta.db_table} WITH NO DATA"  # noqa: S608 - the model's names
PG_UPSERT_SQL = f"INSERT INTO {Event._meta.db_table} ({', '.join(EVENT_COLUMNS)}) SELECT * FROM {INCOMING} {ON_CONFLICT}"  # noqa: S608 - the model's names
GED_REQUIRED = ["id", "date_start", "date_end", "country", "type_of_violence", "best"]
ACLED_REQUIRED = ["event_id_cnty", "event_date", "country", "event_type", "fatalities"]


class RowError(Exception):
    def __init__(self, column: str, value: object, why: str) -> None:
        super().__init__(why)
        self.column, self.value, self.why = column, value, why


# Each reader tries the common, well-formed value first with one call in C, and only then the
# slower ways (spaces, other spellings) that decide whether the value is bad and why.


def _date(value: str, column: str) -> dt.date:
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


def _count(value: str, column: str) -> int:
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


def _small(value: str, column: str, low: int, high: int) -> int | None:
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


def _coordinate(value: str, column: str, limit: float) -> float | None:
    try:
        number = float(value)
    except ValueError:
        if not value.strip():
            return None
        raise RowError(column, value, "not a number") from None
    if not -limit <= number <= limit:
        raise RowError(column, value, f"outside ±{limit:g}")
    return number


def _country(name: str, gw: str = "", n3: str = "") -> str:
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


class Columns:
    """The positions of the named columns in a row, read in one C-level call; a column the file does
    not have reads as empty. Equal cells come out as one string object (provinces, conflicts and sides
    repeat row after row), which a batch then holds, and sends to the writing process, once."""

    SHARED_UP_TO = 100_000  # distinct cells remembered, then forgotten: memory stays bounded

    def __init__(self, col: dict[str, int], names: list[str]) -> None:
        self.width = max(col.values(), default=-1) + 1
        self.get = itemgetter(*[col.get(n, self.width) for n in names])
        self.shared: dict[str, str] = {}

    def __call__(self, row: list[str]) -> tuple[str, ...]:
        # the missing columns point just past the header's width: keep that cell empty even when a
        # row has more fields than the header
        if len(row) == self.width:
            row.append("")
        else:
            row = row[: self.width] + [""] * (self.width + 1 - min(len(row), self.width))
        values: tuple[str, ...] = self.get(row)
        if len(self.shared) > self.SHARED_UP_TO:
            self.shared.clear()
        return tuple(map(self.shared.setdefault, values, values))


GED_COLUMNS = [
    "id",
    "date_start",
    "date_end",
    "date_prec",
    "country",
    "country_id",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "where_prec",
    "type_of_violence",
    "conflict_new_id",
    "conflict_dset_id",
    "conflict_name",
    "dyad_new_id",
    "dyad_dset_id",
    "dyad_name",
    "side_a",
    "side_b",
    "best",
    "low",
    "high",
    "deaths_civilians",
]


@cache
def _country_cached(name: str, gw: str, n3: str) -> str:
    return _country(name, gw, n3)


def _ged_row(values: tuple[str, ...]) -> tuple[Any, ...]:
    (
        source_id,
        date_start,
        date_end,
        date_prec,
        country,
        gw,
        adm_1,
        adm_2,
        latitude,
        longitude,
        where_prec,
        violence,
        conflict_new,
        conflict_dset,
        conflict,
        dyad_new,
        dyad_dset,
        dyad,
        side_a,
        side_b,
        best,
        low,
        high,
        civilians,
    ) = values
    source_id = source_id.strip()
    if not source_id or len(source_id) > 40:
        raise RowError("id", source_id, "an event id is required (at most 40 characters)")
    start, end = _date(date_start, "date_start"), _date(date_end, "date_end")
    if end < start:
        raise RowError("date_end", date_end, "ends before it starts")
    kind = _small(violence, "type_of_violence", 1, 3)
    if kind is None:
        raise RowError("type_of_violence", "", "required (1, 2 or 3)")
    deaths = _count(best, "best")
    # dates go to the database as ISO text, sparing a conversion per value
    return (
        source_id,
        start.isoformat(),
        end.isoformat(),
        _small(date_prec, "date_prec", 1, 5),
        start.year * 12 + start.month - 1,
        _country_cached(country, gw, ""),
        country[:100],
        adm_1[:120],
        adm_2[:120],
        _coordinate(latitude, "latitude", 90),
        _coordinate(longitude, "longitude", 180),
        _small(where_prec, "where_prec", 1, 7),
        kind,
        "",
        conflict_new or conflict_dset,
        conflict[:200],
        dyad_new or dyad_dset,
        dyad[:200],
        side_a[:200],
        side_b[:200],
        deaths,
        _count(low, "low") or deaths,
        max(_count(high, "high"), deaths),
        _count(civilians, "deaths_civilians"),
    )


ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "country",
    "iso",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "geo_precision",
    "event_type",
    "inter1",
    "inter2",
    "interaction",
    "actor1",
    "actor2",
    "fatalities",
    "civilian_targeting",
]
ACLED_VIOLENCE = {
    "battles": None,
    "explosions/remote violence": None,
    "violence against civilians": 3,
}


def _acled_row(values: tuple[str, ...]) -> tuple[Any, ...]:
    (
        source_id,
        event_date,
        time_prec,
        country,
        iso,
        admin1,
        admin2,
        latitude,
        longitude,
        geo_prec,
        event_type,
        inter1,
        inter2,
        interaction,
        actor1,
        actor2,
        fatalities,
        civilian_targeting,
    ) = values
    source_id = source_id.strip()
    if not source_id or len(source_id) > 40:
        raise RowError(
            "event_id_cnty", source_id, "an event id is required (at most 40 characters)"
        )
    day = _date(event_date, "event_date")
    event_type = event_type.strip()
    violence = None
    if event_type.lower() in ACLED_VIOLENCE:
        state_forces = "1" in (inter1.strip(), inter2.strip())
        violence = ACLED_VIOLENCE[event_type.lower()] or (1 if state_forces else 2)
    deaths = _count(fatalities, "fatalities")
    civilians = deaths if civilian_targeting.strip() or violence == 3 else 0
    return (
        source_id,
        day.isoformat(),
        day.isoformat(),
        _small(time_prec, "time_precision", 1, 3),
        day.year * 12 + day.month - 1,
        _country_cached(country, "", iso),
        country[:100],
        admin1[:120],
        admin2[:120],
        _coordinate(latitude, "latitude", 90),
        _coordinate(longitude, "longitude", 180),
        _small(geo_prec, "geo_precision", 1, 3),
        violence,
        event_type[:60],
        "",
        "",
        "",
        interaction[:200],
        actor1[:200],
        actor2[:200],
        deaths,
        deaths,
        deaths,
        civilians,
    )


FORMATS: dict[
    str, tuple[str, list[str], list[str], Callable[[tuple[str, ...]], tuple[Any, ...]]]
] = {
    "ucdp-ged": ("ucdp-ged", GED_REQUIRED, GED_COLUMNS, _ged_row),
    "acled": ("acled", ACLED_REQUIRED, ACLED_COLUMNS, _acled_row),
}


def import_events(
    path: str | Path,
    fmt: str,
    *,
    version: str = "",
    on_problem: Callable[[Problem], None] | None = None,
) -> ImportReport:
    """Import a GED or ACLED-format CSV (or a zip holding one). Raises NotCsv when the file as a whole
    cannot be read; bad rows are reported and skipped. A second process reads and checks the file
    while this one writes to the database: the two halves of the work take about as long."""
    report = ImportReport(on_problem=on_problem)
    run = uuid.uuid4().hex
    with (
        _in_another_process(_checked_batches, path, fmt, version, run) as batches,
        _without_cycle_collection(),
    ):
        for batch, problems, read in batches:
            report.read += read
            report.rejected += len(problems)
            for problem in problems:
                report.add(Problem(*problem))
            _write(batch, FORMATS[fmt][0], run, report)
    if connection.vendor == "postgresql":
        # Now rather than when autovacuum comes by: the planner learns of the new rows, and the old
        # versions of updated rows are cleared (until then every read of the table steps over them:
        # monthly counts after re-importing 1,000,000 events took 2.3 s instead of 0.5 s). VACUUM
        # cannot run inside a transaction; an import inside one only analyses.
        with connection.cursor() as cursor:
            vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            cursor.execute(f"{vacuum} {Event._meta.db_table}")
    return report


# source's id: (line, the row as the database takes it); problems as Problem's fields
Batch = dict[str, tuple[int, tuple[Any, ...]]]
Problems = list[tuple[int, str, str, str]]


def _checked_batches(
    path: str | Path, fmt: str, version: str, run: str
) -> Iterator[tuple[Batch, Problems, int]]:
    """The file's good rows in batches, each with the problems of its bad rows and how many rows it read."""
    source, required, names, parse = FORMATS[fmt]
    with open_csv(path) as stream:
        col, rows = _rows(stream, required)
        columns = Columns(col, names)
        version_at = None if version else col.get("version")
        added = (source, version[:20], run)
        batch: Batch = {}
        problems: Problems = []
        read = 0
        for line, row in rows:
            read += 1
            if row and row[0].startswith("\x00"):
                problems.append((line, "", "", f"unreadable line: {row[0][1:]}"))
                continue
            try:
                values = parse(columns(row))
            except RowError as error:
                problems.append((line, error.column, str(error.value)[:80], error.why))
                continue
            source_id = values[0]
            if source_id in batch:
                problems.append(
                    (line, "id", source_id, f"duplicated id (line {batch[source_id][0]})")
                )
                continue
            if version_at is not None:  # the file's version column, unless the caller said which
                added = (source, row[version_at][:20] if version_at < len(row) else "", run)
            batch[source_id] = (line, values + added)
            if len(batch) >= BATCH:
                yield batch, problems, read
                batch, problems, read = {}, [], 0
        yield batch, problems, read


@contextmanager
def _in_another_process(produce: Callable[..., Iterator[T]], *args: Any) -> Iterator[Iterator[T]]:
    """The items of the generator `produce(*args)`, made in a forked process and passed here through a
    pipe, whose small buffer holds the process back when it is ahead (so memory stays bounded). The
    items are plain values (dicts, tuples, strings, numbers), sent with marshal, the fastest
    serialisation for them; an exception there is raised here."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_produce_into, args=(sending, produce, args), daemon=True)
    process.start()
    sending.close()

    def items() -> Iterator[T]:
        while True:
            if not receiving.poll(1):
                if not process.is_alive():
                    raise RuntimeError("the process reading the file stopped")
                continue
            message = receiving.recv_bytes()
            if message[:1] == b"e":
                raise pickle.loads(message[1:])  # noqa: S301 - from our own process
            if message[:1] == b"d":
                return
            yield marshal.loads(message[1:])  # noqa: S302 - from our own process

    try:
        yield items()
    finally:
        receiving.close()
        if process.is_alive():
            process.kill()
        process.join()


def _produce_into(
    sending: Connection, produce: Callable[..., Iterator[Any]], args: tuple[Any, ...]
) -> None:
    try:
        with _without_cycle_collection():
            for item in produce(*args):
                sending.send_bytes(b"i" + marshal.dumps(item))
        sending.send_bytes(b"d")
    except Exception as error:  # noqa: BLE001 - every failure is told to the importing process
        sending.send_bytes(b"e" + pickle.dumps(error))


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The import makes millions of short-lived tuples and no reference cycles: Python's cycle
    collector would keep scanning them for nothing (a fifth of the time, measured)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _write(batch: Batch, source: str, run: str, report: ImportReport) -> None:
    if not batch:
        return
    table = Event._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        known: dict[str, str] = {}
        ids = list(batch)
        for i in range(0, len(ids), 900):  # under every backend's limit of parameters per statement
            chunk = ids[i : i + 900]
            marks = ", ".join(["%s"] * len(chunk))
            known_sql = f"SELECT source_id, import_run FROM {table} WHERE source = %s AND source_id IN ({marks})"  # noqa: S608 - names are the model's, values parameters
            cursor.execute(known_sql, [source, *chunk])
            known.update(cursor.fetchall())
        rows = []
        for source_id, (line, values) in batch.items():
            if known.get(source_id) == run:
                report.rejected += 1
                report.problem(
                    line, "id", source_id, "duplicated id (an earlier line of this file)"
                )
                continue
            if source_id in known:
                report.updated += 1
            else:
                report.imported += 1
            rows.append(values)
        if connection.vendor != "postgresql":
            cursor.executemany(UPSERT_SQL, rows)
            return
        cursor.execute(PG_INCOMING_SQL)
        cursor.execute(f"TRUNCATE {INCOMING}")
        with cursor.cursor.copy(f"COPY {INCOMING} FROM STDIN") as copy:
            for values in rows:
                copy.write_row(values)
        cursor.execute(PG_UPSERT_SQL)


# --- Yearly UCDP tables -------------------------------------------------------------------------

YEARLY = {  # dataset: (columns that identify it, conflict, dyad, location, gw codes, side a, side b, kind, intensity, best, low, high)
    Dataset.ACD: (
        ["intensity_level"],
        "conflict_id",
        "",
        "location",
        "gwno_loc",
        "side_a",
        "side_b",
        "type_of_conflict",
        "intensity_level",
        "",
        "",
        "",
    ),
    Dataset.BRD: (
        ["bd_best"],
        "conflict_id",
        "dyad_id",
        "battle_location",
        "gwno_battle",
        "side_a",
        "side_b",
        "type_of_conflict",
        "",
        "bd_best",
        "bd_low",
        "bd_high",
    ),
    Dataset.NONSTATE: (
        ["side_a_name", "best_fatality_estimate"],
        "conflict_id",
        "dyad_id",
        "location",
        "gwno_location",
        "side_a_name",
        "side_b_name",
        "org",
        "",
        "best_fatality_estimate",
        "low_fatality_estimate",
        "high_fatality_estimate",
    ),
    Dataset.ONESIDED: (
        ["actor_name", "best_fatality_estimate"],
        "conflict_id",
        "dyad_id",
        "location",
        "gwno_location",
        "actor_name",
        "",
        "is_government_actor",
        "",
        "best_fatality_estimate",
        "low_fatality_estimate",
        "high_fatality_estimate",
    ),
}


def import_yearly(
    path: str | Path, *, on_problem: Callable[[Problem], None] | None = None
) -> tuple[str, ImportReport]:
    """Import one of the yearly UCDP tables (which one is told by its columns). Returns the dataset."""
    report = ImportReport(on_problem=on_problem)
    with open_csv(path) as stream:
        col, rows = _rows(stream, [])
        dataset = next(
            (
                d
                for d, spec in YEARLY.items()
                if all(c in col for c in [*spec[0], "conflict_id", "year"])
            ),
            None,
        )
        if dataset is None:
            raise NotCsv(
                "not a UCDP yearly table (armed conflicts, battle deaths, non-state or one-sided)"
            )
        _marker, conflict, dyad, location, gw, side_a, side_b, kind, intensity, best, low, high = (
            YEARLY[dataset]
        )
        keep = set(
            YearlyRecord.objects.filter(dataset=dataset).values_list(
                "conflict_id", "dyad_id", "year"
            )
        )
        batch: list[YearlyRecord] = []
        seen: set[tuple[str, str, int]] = set()
        for line, row in rows:
            report.read += 1

            def get(name: str, row: list[str] = row) -> str:
                i = col.get(name) if name else None
                return row[i].strip() if i is not None and i < len(row) else ""

            try:
                if row and row[0].startswith("\x00"):
                    raise RowError("", "", "unreadable line")
                year = _small(get("year"), "year", 1900, 2100)
                if year is None or not get(conflict):
                    raise RowError("year" if year is None else "conflict_id", "", "required")
                countries = []
                for code in get(gw).replace(";", ",").split(","):
                    if code.strip():
                        countries.append(_country("", gw=code))
                record = YearlyRecord(
                    dataset=dataset,
                    conflict_id=get(conflict)[:20],
                    dyad_id=get(dyad)[:20],
                    year=year,
                    location=get(location)[:200],
                    countries="," + ",".join(dict.fromkeys(countries)) + ",",
                    side_a=get(side_a)[:300],
                    side_b=get(side_b)[:300],
                    kind=_small(get(kind), kind, 0, 9) if kind else None,
                    intensity=_small(get(intensity), intensity, 0, 9) if intensity else None,
                    best=_count(get(best), best) if best else None,
                    low=_count(get(low), low) if low else None,
                    high=_count(get(high), high) if high else None,
                    version=get("version")[:10],
                )
            except RowError as error:
                report.rejected += 1
                report.problem(line, error.column, error.value, error.why)
                continue
            key = (record.conflict_id, record.dyad_id, record.year)
            if key in seen:
                report.rejected += 1
                report.problem(
                    line,
                    "conflict_id",
                    "/".join(map(str, key)),
                    "duplicated conflict, dyad and year",
                )
                continue
            seen.add(key)
            if key in keep:
                report.updated += 1
            else:
                report.imported += 1
            batch.append(record)
            if len(batch) >= 1000:
                _write_yearly(batch)
                batch = []
        _write_yearly(batch)
    return dataset, report


def _write_yearly(batch: list[YearlyRecord]) -> None:
    fields = [
        f.name
        for f in YearlyRecord._meta.concrete_fields
        if f.name not in ("id", "dataset", "conflict_id", "dyad_id", "year")
    ]
    YearlyRecord.objects.bulk_create(
        batch,
        update_conflicts=True,
        unique_fields=["dataset", "conflict_id", "dyad_id", "year"],
        update_fields=fields,
    )
