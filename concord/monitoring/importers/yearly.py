"""The yearly UCDP tables: armed conflicts (UCDP/PRIO), battle-related deaths, non-state and one-sided
violence, one row per conflict (or dyad, or actor) and year. Which table a file is, its columns tell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from concord.audit import services as audit
from concord.core.actions import require
from concord.core.actors import Actor

from .. import permissions
from ..codes import Verb
from ..models import YearlyRecord
from ..states import Dataset
from .csvfile import NotCsv, open_csv, read_csv, unreadable
from .report import ImportReport, Problem, RowsRejected, audit_changes, failure
from .rows import RowError, read_count, read_country, read_small

BATCH = 1000


class Table(NamedTuple):
    """Which column of a yearly table holds each value; "" where the table has none. Every table has
    `conflict_id` and `year`."""

    marks: list[str]  # the columns that tell this table from the others
    dyad: str
    location: str
    countries: str  # Gleditsch–Ward codes, separated by commas or semicolons
    side_a: str
    side_b: str
    kind: str
    intensity: str = ""
    best: str = ""
    low: str = ""
    high: str = ""


YEARLY = {
    Dataset.ACD: Table(
        marks=["intensity_level"],
        dyad="",
        location="location",
        countries="gwno_loc",
        side_a="side_a",
        side_b="side_b",
        kind="type_of_conflict",
        intensity="intensity_level",
    ),
    Dataset.BRD: Table(
        marks=["bd_best"],
        dyad="dyad_id",
        location="battle_location",
        countries="gwno_battle",
        side_a="side_a",
        side_b="side_b",
        kind="type_of_conflict",
        best="bd_best",
        low="bd_low",
        high="bd_high",
    ),
    Dataset.NONSTATE: Table(
        marks=["side_a_name", "best_fatality_estimate"],
        dyad="dyad_id",
        location="location",
        countries="gwno_location",
        side_a="side_a_name",
        side_b="side_b_name",
        kind="org",
        best="best_fatality_estimate",
        low="low_fatality_estimate",
        high="high_fatality_estimate",
    ),
    Dataset.ONESIDED: Table(
        marks=["actor_name", "best_fatality_estimate"],
        dyad="dyad_id",
        location="location",
        countries="gwno_location",
        side_a="actor_name",
        side_b="",
        kind="is_government_actor",
        best="best_fatality_estimate",
        low="low_fatality_estimate",
        high="high_fatality_estimate",
    ),
}


def import_yearly(
    path: str | Path, *, actor: Actor, on_problem: Callable[[Problem], None] | None = None
) -> tuple[str, ImportReport]:
    """Import one of the yearly UCDP tables (which one is told by its columns), whole or not at all
    (as import_events: ImportFailed after the rollback, the failure audited). Returns the dataset."""
    require(permissions.imports_data(actor), _("Conflict data is imported on the server only."))
    report = ImportReport(on_problem=on_problem)
    dataset = ""
    try:
        with transaction.atomic():
            dataset = _read_and_write(path, report)
            if report.rejected:
                raise RowsRejected(report)
            audit.record(
                Verb.IMPORT_YEARLY,
                actor=actor,
                summary=f"{dataset} {path}: {report.summary()}",
                changes=audit_changes("applied", report),
            )
    except Exception as error:
        failed = failure(error, report)
        audit.record(  # after the rollback, so that it stays
            Verb.IMPORT_YEARLY,
            actor=actor,
            summary=f"{dataset or 'yearly table'} {path}: failed, nothing imported: {failed}",
            changes=audit_changes("failed", report, str(failed)),
        )
        if failed is error:
            raise
        raise failed from error
    return dataset, report


def _read_and_write(path: str | Path, report: ImportReport) -> Dataset:
    """Every row read, checked and written in batches; bad rows counted and reported."""
    with open_csv(path) as stream:
        col, rows = read_csv(stream, [])
        dataset = _which(col)
        known = set(
            YearlyRecord.objects.filter(dataset=dataset).values_list(
                "conflict_id", "dyad_id", "year"
            )
        )
        batch: list[YearlyRecord] = []
        seen: set[tuple[str, str, int]] = set()
        for line, row in rows:
            report.read += 1
            try:
                record = _record(dataset, col, row)
            except RowError as error:
                report.rejected += 1
                report.problem(line, error.column, error.value, error.why)
                continue
            key = (record.conflict_id, record.dyad_id, record.year)
            if key in seen:
                report.rejected += 1
                why = "duplicated conflict, dyad and year"
                report.problem(line, "conflict_id", "/".join(map(str, key)), why)
                continue
            seen.add(key)
            if key in known:
                report.updated += 1
            else:
                report.imported += 1
            batch.append(record)
            if len(batch) >= BATCH:
                _write(batch)
                batch = []
        _write(batch)
    return dataset


def _which(col: dict[str, int]) -> Dataset:
    for dataset, table in YEARLY.items():
        if all(c in col for c in [*table.marks, "conflict_id", "year"]):
            return dataset
    raise NotCsv("not a UCDP yearly table (armed conflicts, battle deaths, non-state or one-sided)")


def _record(dataset: Dataset, col: dict[str, int], row: list[str]) -> YearlyRecord:
    if unreadable(row):
        raise RowError("", "", f"unreadable line: {row[0][1:]}")

    def get(name: str) -> str:
        i = col.get(name) if name else None
        return row[i].strip() if i is not None and i < len(row) else ""

    def small(name: str) -> int | None:
        return read_small(get(name), name, 0, 9) if name else None

    def count(name: str) -> int | None:
        return read_count(get(name), name) if name else None

    table = YEARLY[dataset]
    year = read_small(get("year"), "year", 1900, 2100)
    if year is None or not get("conflict_id"):
        raise RowError("year" if year is None else "conflict_id", "", "required")
    codes = get(table.countries).replace(";", ",").split(",")
    countries = [read_country("", gw=code) for code in codes if code.strip()]
    return YearlyRecord(
        dataset=dataset,
        conflict_id=get("conflict_id")[:20],
        dyad_id=get(table.dyad)[:20],
        year=year,
        location=get(table.location)[:200],
        countries="," + ",".join(dict.fromkeys(countries)) + ",",
        side_a=get(table.side_a)[:300],
        side_b=get(table.side_b)[:300],
        kind=small(table.kind),
        intensity=small(table.intensity),
        best=count(table.best),
        low=count(table.low),
        high=count(table.high),
        version=get("version")[:10],
    )


def _write(batch: list[YearlyRecord]) -> None:
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
