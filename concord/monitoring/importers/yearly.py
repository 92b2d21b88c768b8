"""The yearly UCDP tables: armed conflicts (UCDP/PRIO), battle-related deaths, non-state and one-sided
violence, one row per conflict (or dyad, or actor) and year. Which table a file is, its columns tell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..models import YearlyRecord
from ..states import Dataset
from .csvfile import NotCsv, open_csv, read_csv
from .report import ImportReport, Problem
from .rows import RowError, read_count, read_country, read_small

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
        col, rows = read_csv(stream, [])
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
                year = read_small(get("year"), "year", 1900, 2100)
                if year is None or not get(conflict):
                    raise RowError("year" if year is None else "conflict_id", "", "required")
                countries = []
                for code in get(gw).replace(";", ",").split(","):
                    if code.strip():
                        countries.append(read_country("", gw=code))
                record = YearlyRecord(
                    dataset=dataset,
                    conflict_id=get(conflict)[:20],
                    dyad_id=get(dyad)[:20],
                    year=year,
                    location=get(location)[:200],
                    countries="," + ",".join(dict.fromkeys(countries)) + ",",
                    side_a=get(side_a)[:300],
                    side_b=get(side_b)[:300],
                    kind=read_small(get(kind), kind, 0, 9) if kind else None,
                    intensity=read_small(get(intensity), intensity, 0, 9) if intensity else None,
                    best=read_count(get(best), best) if best else None,
                    low=read_count(get(low), low) if low else None,
                    high=read_count(get(high), high) if high else None,
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
