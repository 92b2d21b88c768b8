#!/usr/bin/env python
"""Conflict events at the scale of the full UCDP GED release ten times over: importing 1,000,000
events and monthly counts per province, beside DuckDB doing the same work on the same file.

Usage: .venv/bin/python bench/monitoring_scale.py [--events N] [--postgres] [--shuffled] [--runs R]
Writes, with the csv module, a GED 19.1 CSV of N events (default 1,000,000: six countries with their
Gleditsch–Ward codes, 40 provinces each, 1989–2024, the three types of violence), nearly in date order
as the GED files in concord/monitoring/data are (--shuffled: in random order, the worst case for the
province index), and a baseline file of N/10 events drawn the same way, into a folder under /tmp that
is removed at the end. Every database is a fresh, migrated one: SQLite files in that folder, and with
--postgres also a throwaway PostgreSQL (the bench runs itself under scripts/with-postgres), or the
PostgreSQL of DATABASE_URL if it is one. Each import runs in a fresh process, so that its peak memory
is its own (the importer reads the file in a second process: its peak is printed apart). Takes about
4 minutes for 1,000,000 events on 2 cores; --postgres adds the PostgreSQL imports, about 4 more. Prints:
  import    importers.import_events(path, "ucdp-ged"): events per second, and how much the peak
            resident memory (VmHWM) grew, of which SQLite's own allocations (its page cache, bounded
            by PRAGMA cache_size), for the baseline and for N events, next to the growth when every
            row of the same file is only read into a list; then the same file again, every event an
            update. With --runs R, the N events are imported R times on fresh databases and the best
            counts. Requirement: at least 50,000 events a second on SQLite and 30,000 on PostgreSQL,
            in constant memory. Each import is one transaction (all or nothing); the first import of
            a source inserts plain rows, the second upserts.
  monthly   selectors.monthly_by_area(Q(), first, last) over every month: the best of 3, with its
            two queries timed apart and the grouped one's plan, checked against DuckDB's counts; on PostgreSQL
            also after VACUUM ANALYZE (what autovacuum does soon after an import). Requirement: half a
            second or less on SQLite and PostgreSQL.
  DuckDB    read_csv of the same file into a table, read_csv into a table keyed by id replacing
            every row (the re-import), and GROUP BY country_id, adm_1, month: count(*), sum(best);
            the best of 3 each, on all cores, as the reference of what this hardware allows.
The closing table puts the ratio to DuckDB beside each figure: on a shared machine the absolute figures
move with the load, the ratio much less (DuckDB runs under the same load).
"""

from __future__ import annotations

import argparse
import csv
import ctypes
import ctypes.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(os.environ.get("BENCH_WORK") or tempfile.mkdtemp(prefix="concord-monitoring-bench."))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count, Q, Sum  # noqa: E402
from ged_workload import best_of, duckdb_reference, write_ged  # noqa: E402  (beside this script)

from concord.core.actors import SYSTEM  # noqa: E402
from concord.monitoring import selectors  # noqa: E402
from concord.monitoring.importers import import_events  # noqa: E402
from concord.monitoring.models import Event  # noqa: E402

# Children: one import, one read into a list or the monthly counts, each in a fresh process ---------


def child(what: str, url: str, path: Path | None = None) -> dict[str, Any]:
    """Runs `what` against the database at `url` in a fresh process, so that its peak memory is its own."""
    args = [sys.executable, __file__, "--child", what, str(path or "")]
    env = {**os.environ, "DATABASE_URL": url, "BENCH_WORK": str(WORK)}
    done = subprocess.run(args, capture_output=True, text=True, check=False, env=env)  # noqa: S603
    if done.returncode:
        sys.exit(f"{what} failed:\n{done.stdout}\n{done.stderr}")
    figures: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return figures


def sqlite_memory(reset: bool = False) -> tuple[int, int]:
    """What SQLite itself holds in this process (its page cache included): bytes now, and at the peak
    since the last reset; (0, 0) where the library cannot be asked."""
    try:
        library = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
    except OSError:
        return 0, 0
    now, peak = ctypes.c_int64(), ctypes.c_int64()
    library.sqlite3_status64(0, ctypes.byref(now), ctypes.byref(peak), int(reset))  # MEMORY_USED
    return now.value, peak.value


def peak_kib(reset: bool = False) -> int:
    """The process's peak resident memory (KiB) since the last reset. Linux keeps it per process image in
    /proc/self/status (VmHWM) and lets a process reset it; getrusage's maxrss would also count the
    parent's peak, inherited through fork and exec."""
    try:
        if reset:
            Path("/proc/self/clear_refs").write_text("5")
        status = Path("/proc/self/status").read_text()
        return next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")
        )
    except OSError:  # not Linux: the best there is
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def grouped_queryset(first: int, last: int) -> Any:
    """The first of monthly_by_area's two queries, as it writes it."""
    return (
        Event.objects.filter(Q(), month__gte=first, month__lte=last)
        .values("country", "adm_1", "month")
        .annotate(events=Count("id"), deaths=Sum("best"))
        .order_by()
    )


def plan(queryset: Any) -> str:
    """The query plan in one line."""
    lines = [line.strip() for line in queryset.explain().splitlines() if line.strip()]
    if connection.vendor == "postgresql":
        lines = [line.split("  (cost")[0].lstrip("-> ") for line in lines if "(cost" in line]
    else:
        lines = [line.split(" ", 3)[-1] for line in lines]  # "id parent notused detail"
    return " / ".join(lines)


def run_child(what: str, path: str) -> None:
    """In the child: warm up (imports, a first query), then print JSON figures on the last line."""
    if what in ("import", "reimport"):
        figures = child_import(what, path)
    elif what == "hold":
        before = peak_kib(reset=True)
        with open(path, encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file))
        figures = {"count": len(rows) - 1, "mib": (peak_kib() - before) / 1024}
    else:  # monthly, or monthly-analyzed: after what autovacuum would do on PostgreSQL
        figures = child_monthly(what)
    print(json.dumps(figures))


def child_import(what: str, path: str) -> dict[str, Any]:
    if what == "import":
        call_command("migrate", verbosity=0)
    Event.objects.exists()
    sqlite_before, _ = sqlite_memory(reset=True)
    before = peak_kib(reset=True)
    start = time.perf_counter()
    report = import_events(path, "ucdp-ged", actor=SYSTEM)
    seconds = time.perf_counter() - start
    mib = (peak_kib() - before) / 1024
    _, sqlite_peak = sqlite_memory()
    cache = 0.0
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            pages = cursor.execute("PRAGMA cache_size").fetchone()[0]
            size = cursor.execute("PRAGMA page_size").fetchone()[0]
        cache = -pages / 1024 if pages < 0 else pages * size / 2**20
    return {
        "seconds": seconds,
        "imported": report.imported,
        "updated": report.updated,
        "rejected": report.rejected,
        "mib": mib,
        "count": Event.objects.count(),
        "sqlite_mib": max(0, sqlite_peak - sqlite_before) / 2**20,
        "cache_mib": cache,
        "reader_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def child_monthly(what: str) -> dict[str, Any]:
    if what == "monthly-analyzed":
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {Event._meta.db_table}")
    coverage = selectors.coverage()
    first, last = coverage["first"], coverage["last"]
    ms, series = best_of(lambda: selectors.monthly_by_area(Q(), first, last))
    query_ms, _rows = best_of(lambda: list(grouped_queryset(first, last)))
    countries = {row["country"] for row in grouped_queryset(first, last)}
    names_ms, _names = best_of(lambda: selectors.country_names(countries))
    provinces = {a: s for a, s in series.items() if a.level == "adm1"}
    totals = [s for a, s in series.items() if a.level == "country"]
    return {
        "ms": ms,
        "query_ms": query_ms,
        "names_ms": names_ms,
        "months": last - first + 1,
        "provinces": len(provinces),
        "cells": sum(len(s) for s in provinces.values()),
        "events": sum(e for s in totals for e, _d in s.values()),
        "deaths": sum(d for s in totals for _e, d in s.values()),
        "plan": plan(grouped_queryset(first, last)),
    }


# The database runs -------------------------------------------------------------------------------


class Databases:
    """Fresh databases by name: SQLite files in WORK, or databases on the PostgreSQL server of `url`."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.made: set[str] = set()
        self.postgres = url.startswith(("postgres://", "postgresql://"))
        self.sqlite = not self.postgres

    def fresh(self, name: str) -> str:
        if not self.postgres:
            for suffix in ("", "-wal", "-shm"):
                (WORK / f"{name}.sqlite3{suffix}").unlink(missing_ok=True)
            return f"sqlite:///{WORK}/{name}.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "concord_bench_{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "concord_bench_{name}"')
        self.made.add(name)
        return urlunsplit(urlsplit(self.url)._replace(path=f"/concord_bench_{name}"))

    def drop(self) -> None:
        for name in self.made:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "concord_bench_{name}" WITH (FORCE)')


def bench_database(
    label: str,
    databases: Databases,
    files: dict[str, Path],
    sizes: dict[str, int],
    held: dict[str, float],
    runs: int,
) -> dict[str, Any]:
    """The imports (baseline once, N events `runs` times on a fresh database, each followed by the
    import of the same file again), then the monthly counts on the last database."""
    print(
        f'{label}: import_events(path, "ucdp-ged"), each in a fresh process on a fresh, migrated database'
    )
    print(
        f"  {'':38}{'events':>10}{'time':>9}{'events/s':>11}{'peak memory grew':>19}"
        f"{'of which SQLite' if databases.sqlite else '':>17}{'reading process':>17}{'rows held in a list':>22}"
    )
    out: dict[str, Any] = {}
    steps = [("small", "import", 0)] + [
        (key, what, run)
        for run in range(runs)
        for key, what in (("big", "import"), ("again", "reimport"))
    ]
    url = ""
    for key, what, run in steps:
        if what == "import":
            url = databases.fresh(key)
        done = checked_import(what, url, files[key], sizes[key])
        title = IMPORT_TITLES[key] + (f", run {run + 1}" if runs > 1 and key != "small" else "")
        print_import(title, sizes[key], done, databases.sqlite, held.get(key))
        best = out.get(key)
        out[key] = {
            **done,
            **{
                k: max(done[k], best[k] if best else 0)
                for k in ("rate", "mib", "sqlite_mib", "reader_mib")
            },
        }
    if databases.sqlite:
        print(
            f"  (SQLite's page cache is bounded by PRAGMA cache_size: {out['big']['cache_mib']:,.0f} MiB a connection)"
        )
    for what in ("monthly", "monthly-analyzed") if databases.postgres else ("monthly",):
        out[what] = bench_monthly(what, url, sizes["big"], databases.postgres)
    return out


IMPORT_TITLES = {"small": "baseline", "big": "at scale", "again": "the same file again (updates)"}


def checked_import(what: str, url: str, path: Path, n: int) -> dict[str, Any]:
    """One import in a child, which must have imported (or updated) every event and rejected none."""
    done = child(what, url, path)
    want = "updated" if what == "reimport" else "imported"
    assert done[want] == n and done["rejected"] == 0 and done["count"] == n, done
    done["rate"] = n / done["seconds"]
    return done


def print_import(
    title: str, n: int, done: dict[str, Any], sqlite: bool, held: float | None
) -> None:
    in_sqlite = f"{done['sqlite_mib']:>13.1f} MiB" if sqlite else f"{'':>17}"
    print(
        f"  {title:<38}{n:>10,}{done['seconds']:>7.1f} s{done['rate']:>11,.0f}{done['mib']:>15.1f} MiB{in_sqlite}"
        f"{done['reader_mib']:>13.1f} MiB" + (f"{held:>18.1f} MiB" if held is not None else "")
    )


def bench_monthly(what: str, url: str, n: int, postgres: bool) -> dict[str, Any]:
    """The monthly counts per area on the database at `url`, in a child; printed and returned."""
    m = child(what, url)
    after = {"monthly": ", right after the import", "monthly-analyzed": ", after VACUUM ANALYZE"}[
        what
    ]
    print(
        f"  selectors.monthly_by_area(Q(), first, last): {m['months']} months, {m['provinces']} provinces, "
        f"{n:,} events{after if postgres else ''}, best of 3:"
    )
    print(
        f"    {m['ms']:,.0f} ms; apart, the grouped query {m['query_ms']:,.0f} ms and the countries' names "
        f"{m['names_ms']:,.0f} ms; {m['cells']:,} province-months, {m['events']:,} events, {m['deaths']:,} deaths"
    )
    print(f"    plan: {m['plan']}")
    return m


def verdict(ok: bool, close: bool = False) -> str:
    return "meets" if ok else "barely" if close else "MISSES"


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        run_child(sys.argv[2], sys.argv[3])
        return
    args = arguments()
    url = os.environ["DATABASE_URL"]
    on_postgres = url.startswith(("postgres://", "postgresql://"))
    if args.postgres and not on_postgres:
        shutil.rmtree(WORK, ignore_errors=True)
        script = str(ROOT / "scripts/with-postgres")
        rest = [a for a in sys.argv[1:] if a != "--postgres"]
        os.execv(script, [script, sys.executable, __file__, *rest])  # noqa: S606
    n = args.events
    sizes = {"small": n // 10, "big": n, "again": n}
    files = {"small": WORK / f"ged-{n // 10}.csv", "big": WORK / f"ged-{n}.csv"}
    files["again"] = files["big"]
    results: dict[str, dict[str, Any]] = {}
    postgres = Databases(url)
    try:
        seconds = write_ged(n, files["big"], files["small"], n // 10, args.shuffled)
        order = "in random order" if args.shuffled else "nearly in date order"
        print(
            f"wrote {n:,} GED 19.1 events {order} ({files['big'].stat().st_size / 2**20:,.0f} MiB) and "
            f"{n // 10:,} more in {seconds:.1f} s into {WORK}"
        )
        duck = duckdb_reference(WORK, files["big"])
        assert duck["count"] == duck["keyed"] == n, duck
        print(
            f"DuckDB ({duck['threads']} threads), best of 3: read_csv into a table {duck['load']:,.0f} events/s; "
            f"into a table keyed by id, replacing every row {duck['upsert']:,.0f} events/s; "
            f"monthly per province {duck['ms']:,.0f} ms"
        )
        held = {key: child("hold", url, files[key])["mib"] for key in ("small", "big")}
        results["SQLite"] = bench_database(
            "SQLite", Databases(f"sqlite:///{WORK}/bench.sqlite3"), files, sizes, held, args.runs
        )
        if on_postgres:
            results["PostgreSQL"] = bench_database(
                "PostgreSQL", postgres, files, sizes, held, args.runs
            )
    finally:
        postgres.drop()
        shutil.rmtree(WORK, ignore_errors=True)

    print_summary(results, duck, held, n, args.runs)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--events", type=int, default=1_000_000, help="events in the file (default 1,000,000)"
    )
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="also on a throwaway PostgreSQL (scripts/with-postgres)",
    )
    parser.add_argument(
        "--shuffled", action="store_true", help="events in random order, not nearly in date order"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="imports of N events on fresh databases; the best counts",
    )
    return parser.parse_args()


def print_summary(
    results: dict[str, dict[str, Any]],
    duck: dict[str, Any],
    held: dict[str, float],
    n: int,
    runs: int,
) -> None:
    """Whether each database's monthly counts are DuckDB's, then the table of figures."""
    for label, r in results.items():
        m = r["monthly"]
        same = all(m[k] == duck[k] for k in ("cells", "provinces", "events", "deaths"))
        print(f"{label}: monthly counts {'match' if same else 'DO NOT MATCH'} DuckDB's")
    table = [row for label, r in results.items() for row in figures(label, r, duck, held, n)]
    best = f" (the best of {runs} runs)" if runs > 1 else ""
    width = max(len(row[0]) for row in table) + 2
    print(
        f"\n{'figure':<{width}}{'Concord':>14}{'DuckDB':>13}{'Concord/DuckDB':>16}   requirement{best}"
    )
    for figure, concord, reference, ratio, requirement in table:
        print(f"{figure:<{width}}{concord:>14}{reference:>13}{ratio:>16}   {requirement}")


REQUIRED_RATE = {"SQLite": 50_000, "PostgreSQL": 30_000}


def figures(
    label: str, r: dict[str, Any], duck: dict[str, Any], held: dict[str, float], n: int
) -> list[tuple[str, str, str, str, str]]:
    """One database's lines of the closing table: figure, Concord's, DuckDB's, the ratio of the two
    (for rates Concord's share of DuckDB's speed, for times how many times DuckDB's), requirement."""
    rate, again = r["big"]["rate"], r["again"]["rate"]
    listed = f"a list of the rows: {held['small']:,.0f} → {held['big']:,.0f} MiB"
    if label == "SQLite":
        listed = f"of which SQLite {r['small']['sqlite_mib']:,.0f} → {r['big']['sqlite_mib']:,.0f} MiB; {listed}"
    required = REQUIRED_RATE[label]
    rows = [
        (
            f"import {n:,} events, {label}",
            f"{rate:,.0f} /s",
            f"{duck['load']:,.0f} /s",
            f"{rate / duck['load']:.2f}",
            f"≥ {required:,} /s: {verdict(rate >= required)}",
        ),
        (
            f"  peak memory growth, {n // 10:,} → {n:,} events",
            f"{r['small']['mib']:,.0f} → {r['big']['mib']:,.0f} MiB",
            "",
            "",
            f"constant ({listed})",
        ),
        (
            f"  reading process's peak memory, {n // 10:,} → {n:,} events",
            f"{r['small']['reader_mib']:,.0f} → {r['big']['reader_mib']:,.0f} MiB",
            "",
            "",
            "constant",
        ),
        (
            f"import again, every event an update, {label}",
            f"{again:,.0f} /s",
            f"{duck['upsert']:,.0f} /s",
            f"{again / duck['upsert']:.2f}",
            "",
        ),
    ]
    for what in ("monthly", "monthly-analyzed"):
        if what in r:
            ms = r[what]["ms"]
            after = ", after VACUUM ANALYZE" if what == "monthly-analyzed" else ""
            rows.append(
                (
                    f"monthly per province, {n:,} events, {label}{after}",
                    f"{ms:,.0f} ms",
                    f"{duck['ms']:,.0f} ms",
                    f"{ms / duck['ms']:.1f}×",
                    f"≤ 500 ms: {verdict(ms <= 500, ms < 1000)}",
                )
            )
    return rows


if __name__ == "__main__":
    main()
