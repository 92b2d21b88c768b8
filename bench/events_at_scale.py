#!/usr/bin/env python
"""Tens of millions of conflict events on PostgreSQL: the queries the product runs, on the table as it
is today and on three alternatives, each size against a 1,000,000-event baseline of the same run.

Usage: scripts/with-postgres .venv/bin/python bench/events_at_scale.py [--sizes 1000000,10000000,...]
       [--runs 3] [--batch 100000]
Needs a PostgreSQL in DATABASE_URL (scripts/with-postgres gives a throwaway one: fsync off, default
memory settings but work_mem 64MB in the session). The events are made in SQL with generate_series,
shaped like UCDP GED rows and in date order as the GED files and imports are: 100 countries of very
unequal weight (the first ten carry most events), 30 provinces each, 1989–2023 (420 months), deaths
skewed towards 0. The first size is the baseline (1,000,000 unless told); each later size prints its
time and the ratio to the baseline for the same layout and query.

Layouts (one table at a time, dropped before the next size):
  current     the Event table today: primary key, unique (source, source_id), one covering index
              (country, adm_1, month, best)
  +brin       the same plus BRIN indexes on month and date_start (tiny: the rows arrive in date order)
  +date-idx   the same plus a b-tree on (date_start, source_id), the API's order (instead of BRIN)
  rollup      the current table plus a monthly rollup (country, adm_1, month, violence): events,
              deaths, that the import would maintain; the picture's and the detector's aggregates read
              it instead of the events
  partitioned the events partitioned by range of month, one partition per year; the unique key must
              hold the partition key, so it becomes (source, source_id, month); the same covering
              index on every partition
Queries (SQL equivalent of what the code runs):
  detector    selectors.monthly_by_area(Q(), last-47, last): events and deaths per (country, adm_1,
              month) for the last 48 months, every area (services.run_detector)
  region-year the picture filtered by a region of 7 countries and one year: per province (by_area)
  all-time    the picture with no filter: per country over everything (by_area, COUNTRY)
  region-mo   the picture's monthly series for the region, all time (selectors.monthly)
  api-p1      GET /api/v1/events: count(*) and the first 100 rows by -date_start, source_id
  api-deep    the same, page 1,000 (offset 99,900)
  api-country GET /api/v1/events?country=…: count and first page for one big country
Import side (--batch rows appended in the newest month, as an import of a new release does):
  insert time into current, partitioned, and current + the rollup's upsert of the same rows.
"""

# The SQL here is built from this file's constants and integers only, never from input.
# ruff: noqa: S608
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import psycopg

FIRST_MONTH = 1989 * 12  # month index: year × 12 + month − 1, as Event.month
MONTHS = 35 * 12
LAST_MONTH = FIRST_MONTH + MONTHS - 1
REGION = [f"C{n:02d}" for n in (1, 3, 5, 8, 13, 21, 34)]  # seven countries of unequal weight
BIG_COUNTRY = "C00"
YEAR = 2023

COLUMNS = """
    id bigint NOT NULL, source varchar(16) NOT NULL, source_id varchar(40) NOT NULL,
    source_version varchar(20) NOT NULL, import_run varchar(32) NOT NULL,
    date_start date NOT NULL, date_end date NOT NULL, date_precision smallint, month integer NOT NULL,
    country varchar(3) NOT NULL, country_name varchar(100) NOT NULL, adm_1 varchar(120) NOT NULL,
    adm_2 varchar(120) NOT NULL, latitude double precision, longitude double precision,
    where_precision smallint, violence smallint, event_type varchar(60) NOT NULL,
    conflict_id varchar(20) NOT NULL, conflict varchar(200) NOT NULL, dyad_id varchar(20) NOT NULL,
    dyad varchar(200) NOT NULL, side_a varchar(200) NOT NULL, side_b varchar(200) NOT NULL,
    best integer NOT NULL, low integer NOT NULL, high integer NOT NULL, civilians integer NOT NULL
"""


def rows_sql(first_id: int, count: int, month_from: int, months: int) -> str:
    """SELECT of `count` GED-shaped events with ids from `first_id`, in month order over `months`."""
    return f"""
    SELECT i, 'ucdp-ged', i::text, '23.1', 'bench', d, d, 1, m,
           c, 'Country ' || c, 'Province ' || c || '-' || p, 'District ' || (i % 97),
           random() * 60, random() * 120, 1, 1 + (i % 3), '', (400 + k)::text,
           'Conflict ' || c || ' ' || k, (800 + k)::text, 'Government of ' || c || ' - Group ' || k,
           'Government of ' || c, 'Group ' || k, b, b, b * 2, b / 3
    FROM (
      SELECT i, m, make_date((m / 12)::int, (m % 12 + 1)::int, 1) + (i % 28)::int AS d,
             'C' || lpad(least(99, floor(power(random(), 3) * 100))::int::text, 2, '0') AS c,
             ((i * 7919) % 30)::int AS p, ((i * 31) % 12)::int AS k, floor(power(random(), 4) * 60)::int AS b
      FROM (SELECT i, ({month_from} + ((i - {first_id}) * {months}) / {count})::int AS m
            FROM generate_series({first_id}::bigint, {first_id + count - 1}) AS i) AS s
    ) AS g"""


def build_current(cur: psycopg.Cursor[Any], n: int) -> None:
    cur.execute(f"CREATE TABLE ev ({COLUMNS})")
    cur.execute(f"INSERT INTO ev {rows_sql(1, n, FIRST_MONTH, MONTHS)}")
    cur.execute("ALTER TABLE ev ADD PRIMARY KEY (id)")
    cur.execute("ALTER TABLE ev ADD CONSTRAINT ev_source UNIQUE (source, source_id)")
    cur.execute("CREATE INDEX ev_area_month ON ev (country, adm_1, month, best)")
    cur.execute("VACUUM ANALYZE ev")


def build_brin(cur: psycopg.Cursor[Any]) -> None:
    cur.execute("CREATE INDEX ev_month_brin ON ev USING brin (month)")
    cur.execute("CREATE INDEX ev_date_brin ON ev USING brin (date_start)")
    cur.execute("ANALYZE ev")


def drop_brin(cur: psycopg.Cursor[Any]) -> None:
    cur.execute("DROP INDEX ev_month_brin, ev_date_brin")


def build_date_index(cur: psycopg.Cursor[Any]) -> None:
    cur.execute("CREATE INDEX ev_date_idx ON ev (date_start, source_id)")
    cur.execute("ANALYZE ev")


ROLLUP_UPSERT = """
    INSERT INTO ev_rollup (country, adm_1, month, violence, events, deaths)
    SELECT country, adm_1, month, violence, count(*), sum(best) FROM {source}
    GROUP BY country, adm_1, month, violence
    ON CONFLICT (country, adm_1, month, violence)
    DO UPDATE SET events = ev_rollup.events + excluded.events,
                  deaths = ev_rollup.deaths + excluded.deaths"""


def build_rollup(cur: psycopg.Cursor[Any]) -> None:
    cur.execute(
        """CREATE TABLE ev_rollup (country varchar(3), adm_1 varchar(120), month integer,
           violence smallint, events integer NOT NULL, deaths bigint NOT NULL,
           PRIMARY KEY (country, adm_1, month, violence))"""
    )
    cur.execute(ROLLUP_UPSERT.format(source="ev"))
    cur.execute("VACUUM ANALYZE ev_rollup")


def build_partitioned(cur: psycopg.Cursor[Any]) -> None:
    cur.execute(f"CREATE TABLE ev_part ({COLUMNS}) PARTITION BY RANGE (month)")
    for year in range(1989, 2025):
        cur.execute(
            f"CREATE TABLE ev_part_{year} PARTITION OF ev_part "
            f"FOR VALUES FROM ({year * 12}) TO ({year * 12 + 12})"
        )
    cur.execute("INSERT INTO ev_part SELECT * FROM ev")
    cur.execute("ALTER TABLE ev_part ADD PRIMARY KEY (id, month)")
    cur.execute(
        "ALTER TABLE ev_part ADD CONSTRAINT ev_part_source UNIQUE (source, source_id, month)"
    )
    cur.execute("CREATE INDEX ev_part_area_month ON ev_part (country, adm_1, month, best)")
    cur.execute("VACUUM ANALYZE ev_part")


def queries(table: str, rollup: bool) -> dict[str, str]:
    region = ", ".join(f"'{c}'" for c in REGION)
    year_from, year_to = f"'{YEAR}-01-01'", f"'{YEAR}-12-31'"
    agg = "ev_rollup" if rollup else table
    count, deaths = ("sum(events)", "sum(deaths)") if rollup else ("count(*)", "sum(best)")
    year_filter = (
        f"month BETWEEN {YEAR * 12} AND {YEAR * 12 + 11}"
        if rollup
        else f"date_start BETWEEN {year_from} AND {year_to}"
    )
    page = f"SELECT * FROM {table} {{where}} ORDER BY date_start DESC, source_id LIMIT 100 OFFSET {{offset}}"
    total = f"SELECT count(*) FROM {table} {{where}}"
    return {
        "detector": f"SELECT country, adm_1, month, {count}, {deaths} FROM {agg} "
        f"WHERE month BETWEEN {LAST_MONTH - 47} AND {LAST_MONTH} GROUP BY 1, 2, 3",
        "region-year": f"SELECT country, adm_1, {count} AS e, {deaths} AS d FROM {agg} "
        f"WHERE country IN ({region}) AND {year_filter} GROUP BY 1, 2 ORDER BY d DESC, 1, 2",
        "all-time": f"SELECT country, {count} AS e, {deaths} AS d FROM {agg} GROUP BY 1 ORDER BY d DESC, 1",
        "region-mo": f"SELECT month, {count}, {deaths} FROM {agg} WHERE country IN ({region}) "
        "GROUP BY 1 ORDER BY 1",
        "api-p1": total.format(where="") + ";\n" + page.format(where="", offset=0),
        "api-deep": total.format(where="") + ";\n" + page.format(where="", offset=99_900),
        "api-country": total.format(where=f"WHERE country = '{BIG_COUNTRY}'")
        + ";\n"
        + page.format(where=f"WHERE country = '{BIG_COUNTRY}'", offset=0),
    }


def timed(cur: psycopg.Cursor[Any], sql: str, runs: int) -> float:
    """The median of `runs` executions after one warm-up, in milliseconds."""
    statements = [s for s in sql.split(";\n") if s.strip()]

    def once() -> float:
        start = time.perf_counter()
        for statement in statements:
            cur.execute(statement)
            cur.fetchall()
        return (time.perf_counter() - start) * 1000

    once()
    return statistics.median(once() for _ in range(runs))


def step(label: str, action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    print(f"  {label:<44} {seconds:8.1f} s", flush=True)
    return seconds


def table_size(cur: psycopg.Cursor[Any], name: str) -> str:
    cur.execute("SELECT pg_size_pretty(pg_total_relation_size(%s))", (name,))
    return str(cur.fetchone()[0])  # type: ignore[index]


def import_side(cur: psycopg.Cursor[Any], n: int, batch: int) -> dict[str, float]:
    """Append `batch` events of the newest month to each layout, the way an import of a new release
    does, and time it; the rollup's figure is the plain insert plus the upsert of the same rows."""
    new = rows_sql(n + 1, batch, LAST_MONTH, 1)
    cur.execute("CREATE TEMP TABLE batch (LIKE ev)")
    cur.execute(f"INSERT INTO batch {new}")
    out = {}
    for name, sql in {
        "current": "INSERT INTO ev SELECT * FROM batch",
        "rollup": f"INSERT INTO ev SELECT id + {batch}, source, (id + {batch})::text, source_version, import_run, "
        "date_start, date_end, date_precision, month, country, country_name, adm_1, adm_2, latitude, "
        "longitude, where_precision, violence, event_type, conflict_id, conflict, dyad_id, dyad, "
        "side_a, side_b, best, low, high, civilians FROM batch;\n"
        + ROLLUP_UPSERT.format(source="batch"),
        "partitioned": "INSERT INTO ev_part SELECT * FROM batch",
    }.items():
        start = time.perf_counter()
        for statement in sql.split(";\n"):
            cur.execute(statement)
        out[name] = (time.perf_counter() - start) * 1000
    cur.execute("DROP TABLE batch")
    return out


def measure(cur: psycopg.Cursor[Any], n: int, runs: int, batch: int) -> dict[str, dict[str, float]]:
    print(f"\n{n:,} events", flush=True)
    results: dict[str, dict[str, float]] = {}
    step("build current table and its indexes", lambda: build_current(cur, n))
    print(f"  {'size of ev (heap + indexes)':<44} {table_size(cur, 'ev'):>10}")
    results["current"] = {q: timed(cur, s, runs) for q, s in queries("ev", False).items()}
    step("add BRIN on month and date_start", lambda: build_brin(cur))
    results["+brin"] = {q: timed(cur, s, runs) for q, s in queries("ev", False).items()}
    drop_brin(cur)
    step("add a b-tree on (date_start, source_id)", lambda: build_date_index(cur))
    results["+date-idx"] = {q: timed(cur, s, runs) for q, s in queries("ev", False).items()}
    cur.execute("DROP INDEX ev_date_idx")
    step("build the monthly rollup", lambda: build_rollup(cur))
    print(f"  {'size of ev_rollup':<44} {table_size(cur, 'ev_rollup'):>10}")
    results["rollup"] = {q: timed(cur, s, runs) for q, s in queries("ev", True).items()}
    step("copy into the table partitioned by month", lambda: build_partitioned(cur))
    results["partitioned"] = {q: timed(cur, s, runs) for q, s in queries("ev_part", False).items()}
    results["import"] = import_side(cur, n, batch)
    cur.execute("DROP TABLE ev, ev_rollup, ev_part")
    return results


def report(sizes: list[int], all_results: dict[int, dict[str, dict[str, float]]]) -> None:
    base = sizes[0]
    print(f"\nMedian of the runs in ms; ×: ratio to {base:,} events, same layout and query.")
    layouts = list(all_results[base])
    for layout in layouts:
        print(f"\n{layout}")
        header = "".join(f"{n:>22,}" for n in sizes)
        print(f"  {'query':<14}{header}")
        for q in all_results[base][layout]:
            cells = []
            for n in sizes:
                ms = all_results[n][layout][q]
                ratio = ms / all_results[base][layout][q] if n != base else 1.0
                cells.append(f"{ms:>12.1f} ({ratio:>5.1f}×)")
            print(f"  {q:<14}" + "".join(f"{c:>22}" for c in cells))
    print("\nAgainst the current layout at each size (current ms / layout ms; > 1: faster)")
    for n in sizes:
        cur_ms = all_results[n]["current"]
        for layout in ("+brin", "+date-idx", "rollup", "partitioned"):
            ratios = "  ".join(
                f"{q} {cur_ms[q] / ms:.2f}" for q, ms in all_results[n][layout].items()
            )
            print(f"  {n:>12,} {layout:<12} {ratios}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=100_000)
    args = parser.parse_args()
    sizes = [int(float(s)) for s in args.sizes.split(",")]
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("DATABASE_URL must be a PostgreSQL URL (run under scripts/with-postgres)")
    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
        cur.execute("SELECT version()")
        print(cur.fetchone()[0])  # type: ignore[index]
        cur.execute("SET work_mem = '64MB'")
        cur.execute("SELECT setseed(0.42)")
        all_results = {n: measure(cur, n, args.runs, args.batch) for n in sizes}
    report(sizes, all_results)


if __name__ == "__main__":
    main()
