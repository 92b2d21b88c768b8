"""The monitoring bench's workload: a synthetic UCDP GED 19.1 file (six countries with their
Gleditsch–Ward codes, 40 provinces each, 1989–2024, the three types of violence, written with the csv
module), and DuckDB's work on the same file, the reference of what this hardware allows."""

from __future__ import annotations

import csv
import datetime as dt
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

GED_HEADER = (
    (ROOT / "concord/monitoring/data/ged_syria_2016_2017.csv")
    .open(encoding="utf-8-sig")
    .readline()
    .strip()
    .split(",")
)
PROVINCES = 40
FIRST_DAY, LAST_DAY = dt.date(1989, 1, 1).toordinal(), dt.date(2024, 12, 31).toordinal()
# name as UCDP spells it, Gleditsch–Ward code, UCDP region, share of the events, years of the main
# conflict (a twentieth of a country's events fall anywhere in 1989–2024), centre, provinces as the
# data spells them (padded to PROVINCES), and the word that ends a province's name
COUNTRIES = [
    (
        "Afghanistan",
        700,
        "Asia",
        0.30,
        (1989, 2024),
        (34.5, 66.0),
        "province",
        "Kabul Kandahar Helmand Herat Nangarhar Kunar Kunduz Balkh Ghazni Paktika Paktya Khost Logar Wardak Zabul "
        "Uruzgan Farah Nimruz Badghis Faryab Jawzjan Sar-e_Pul Samangan Baghlan Takhar Badakhshan Nuristan Laghman "
        "Kapisa Parwan Panjshir Bamyan Daykundi Ghor",
    ),
    (
        "Syria",
        652,
        "Middle East",
        0.25,
        (2011, 2024),
        (35.0, 38.5),
        "Governorate",
        "Aleppo Rif_Dimashq Ar_Raqqah Deir_ez_Zor Homs Hamah Idlib Damascus Daraa Quneitra As_Suwayda Latakia "
        "Tartus Al_Hasakah",
    ),
    (
        "Iraq",
        645,
        "Middle East",
        0.20,
        (2003, 2024),
        (33.2, 43.7),
        "governorate",
        "Baghdad Nineveh Anbar Salah_ad_Din Diyala Kirkuk Babil Basra Erbil Duhok Sulaymaniyah Karbala Najaf Wasit "
        "Maysan Dhi_Qar Muthanna Qadisiyyah",
    ),
    (
        "Ukraine",
        369,
        "Europe",
        0.12,
        (2014, 2024),
        (48.5, 34.0),
        "oblast",
        "Donetsk Luhansk Kharkiv Zaporizhzhia Kherson Mykolaiv Dnipropetrovsk Sumy Chernihiv Kyiv Odesa Poltava "
        "Zhytomyr Kirovohrad Vinnytsia Cherkasy Khmelnytskyi Rivne Volyn Lviv Ternopil Ivano-Frankivsk Zakarpattia "
        "Chernivtsi",
    ),
    (
        "Russia (Soviet Union)",
        365,
        "Europe",
        0.08,
        (1994, 2010),
        (43.3, 45.7),
        "Republic",
        "Chechnya Dagestan Ingushetia Kabardino-Balkaria North_Ossetia-Alania Karachay-Cherkessia Adygea Kalmykia",
    ),
    (
        "Tajikistan",
        702,
        "Asia",
        0.05,
        (1992, 1998),
        (38.6, 70.8),
        "region",
        "Dushanbe Sughd Khatlon Gorno-Badakhshan Districts_of_Republican_Subordination",
    ),
]


def country_pools(rnd: random.Random) -> list[dict[str, Any]]:
    """Per country: provinces with their districts, centres and a skewed share of the events, and the
    conflicts of each type of violence with their dyads and sides."""
    pools = []
    next_id = iter(range(10_000, 1_000_000))
    for name, gw, region, share, years, centre, word, known in COUNTRIES:
        short = name.split(" (")[0]
        pools.append(
            {
                "name": name,
                "gw": str(gw),
                "region": region,
                "share": share,
                "span": (
                    dt.date(years[0], 1, 1).toordinal(),
                    dt.date(years[1], 12, 31).toordinal(),
                ),
                "provinces": provinces(rnd, short, centre, word, known),
                "conflicts": conflicts(short, next_id),
            }
        )
    return pools


def provinces(
    rnd: random.Random, short: str, centre: tuple[float, float], word: str, known: str
) -> list[tuple[Any, ...]]:
    """A country's provinces, as (share of its events, name, centre, districts)."""
    lat, lon = centre
    names = [f"{p.replace('_', ' ')} {word}" for p in known.split()]
    names += [f"{short} area {k} {word}" for k in range(len(names) + 1, PROVINCES + 1)]
    weighted = []
    for rank, adm_1 in enumerate(rnd.sample(names, len(names))):
        middle = (lat + rnd.uniform(-2, 2), lon + rnd.uniform(-3, 3))
        districts = [f"{adm_1.rsplit(' ', 1)[0]} district {d}" for d in range(1, 9)]
        weighted.append((1 / (rank + 1) ** 0.8, adm_1, middle, districts))
    total = sum(p[0] for p in weighted)
    return [(w / total, *rest) for w, *rest in weighted]


def conflicts(short: str, next_id: Iterator[int]) -> dict[int, list[tuple[str, ...]]]:
    """A country's conflicts by type of violence, each as the GED columns from conflict_new_id to
    side_b: state-based between the government and three rebel groups, non-state among militias,
    one-sided by the government and a militia."""
    government = (next(next_id), f"Government of {short}")
    rebels = [(next(next_id), f"{short} insurgents {k}") for k in "ABC"]
    militias = [(next(next_id), f"{short} militia {k}") for k in "DEF"]
    found: dict[int, list[tuple[Any, ...]]] = {1: [], 2: [], 3: []}
    state_conflict = next(next_id)
    for rebel in rebels:
        found[1].append(
            (state_conflict, f"{short}: Government", next(next_id), *government, *rebel)
        )
    for a, b in zip(militias, [*militias[1:], rebels[0]], strict=True):
        found[2].append((next(next_id), f"{a[1]} - {b[1]}", next(next_id), *a, *b))
    for actor in (government, militias[0]):
        found[3].append(
            (next(next_id), f"{actor[1]} - Civilians", next(next_id), *actor, 1, "Civilians")
        )
    return {
        kind: [tuple(str(v) for v in (*c[:3], f"{c[4]} - {c[6]}", *c[3:])) for c in rows]
        for kind, rows in found.items()
    }


def pick(rnd: random.Random, weighted: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    r = rnd.random()
    for item in weighted:
        r -= item[0]
        if r < 0:
            return item
    return weighted[-1]


def ged_rows(n: int, shuffled: bool = False, seed: int = 19) -> Any:
    """N events in the GED 19.1 columns, in the order of GED_HEADER. Nearly in date order, as in the
    GED files in data/ (one in thirty a little late); `shuffled`: the same spread of dates in random
    order. A country's share of the events is twenty times larger in the years of its main conflict."""
    rnd = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    pools = country_pools(rnd)
    by_year = {}
    for year in range(1989, 2025):
        day = dt.date(year, 7, 1).toordinal()
        weights = [p["share"] * (1 if p["span"][0] <= day <= p["span"][1] else 0.05) for p in pools]
        by_year[year] = [(w / sum(weights), p) for w, p in zip(weights, pools, strict=True)]
    for i in range(n):
        start = dt.date.fromordinal(event_day(rnd, i, n, shuffled))
        country = pick(rnd, by_year[start.year])[1]
        date_prec = 1 if rnd.random() < 0.94 else rnd.randint(2, 5)
        end = (
            start
            if date_prec == 1
            else dt.date.fromordinal(min(start.toordinal() + rnd.randint(1, 30), LAST_DAY))
        )
        violence = 1 if (r := rnd.random()) < 0.6 else 2 if r < 0.88 else 3
        conflict_id, conflict, dyad_id, dyad, a_id, side_a, b_id, side_b = rnd.choice(
            country["conflicts"][violence]
        )
        best = int(rnd.expovariate(1 / 7)) if rnd.random() < 0.99 else rnd.randint(100, 2000)
        low, high = best - int(best * rnd.random() * 0.3), best + int(best * rnd.random() * 0.6)
        civilians = best if violence == 3 else int(best * rnd.random() * 0.3)
        deaths_a = (best - civilians) // 2
        where_prec, adm_1, adm_2, lat, lon = place(rnd, country)
        gid = int((lat + 90) * 2) * 720 + int((lon + 180) * 2) + 1
        yield (
            1_000_000 + i,
            start.year,
            1,
            violence,
            conflict_id,
            conflict,
            dyad_id,
            dyad,
            a_id,
            side_a,
            b_id,
            "",
            side_b,
            rnd.randint(1, 4),
            where_prec,
            f"{adm_2 or country['name']} place {i % 997}",
            adm_1,
            adm_2,
            f"{lat:.6f}",
            f"{lon:.6f}",
            gid,
            country["name"],
            country["gw"],
            country["region"],
            1 if rnd.random() < 0.96 else 2,
            date_prec,
            start.isoformat(),
            end.isoformat(),
            deaths_a,
            best - civilians - deaths_a,
            civilians,
            0,
            low,
            best,
            high,
        )


def event_day(rnd: random.Random, i: int, n: int, shuffled: bool) -> int:
    """The ordinal of the i-th of n events' first day."""
    if shuffled:
        return rnd.randint(FIRST_DAY, LAST_DAY)
    day = FIRST_DAY + (LAST_DAY - FIRST_DAY) * i // n
    return max(FIRST_DAY, day - rnd.randint(1, 60)) if rnd.random() < 1 / 30 else day


def place(rnd: random.Random, country: dict[str, Any]) -> tuple[int, str, str, float, float]:
    """Where an event happened: location precision, province, district, latitude and longitude."""
    if rnd.random() < 0.02:  # located no better than the country
        return 6, "", "", *country["provinces"][0][2]
    _w, adm_1, (lat, lon), districts = pick(rnd, country["provinces"])
    where_prec, adm_2 = rnd.choice((1, 1, 1, 2, 2, 3, 4, 5)), rnd.choice(districts)
    return where_prec, adm_1, adm_2, lat + rnd.uniform(-0.5, 0.5), lon + rnd.uniform(-0.5, 0.5)


def write_ged(n: int, big: Path, small: Path, small_n: int, shuffled: bool) -> float:
    """Streams N events into `big` and `small_n` events into `small`; returns seconds."""
    start = time.perf_counter()
    for path, events in ((big, n), (small, small_n)):
        with path.open("w", newline="", encoding="utf-8") as file:
            out = csv.writer(file)
            out.writerow(GED_HEADER)
            for row in ged_rows(events, shuffled):
                out.writerow(row)
    return time.perf_counter() - start


def best_of(fn: Any, runs: int = 3) -> tuple[float, Any]:
    """The best time of `runs` calls (ms), and the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, result


# DuckDB ------------------------------------------------------------------------------------------


def duckdb_reference(work: Path, path: Path) -> dict[str, Any]:
    """The same file read by DuckDB (all cores) into a table on disk, the best of 3 each."""
    import duckdb

    database = work / "bench.duckdb"
    db = duckdb.connect(str(database))
    csv_file = [str(path)]
    load_ms, _ = best_of(
        lambda: db.execute(
            "CREATE OR REPLACE TABLE ged AS SELECT * FROM read_csv(?)", csv_file
        ).fetchall()
    )
    db.execute("CREATE OR REPLACE TABLE keyed AS SELECT * FROM read_csv(?) LIMIT 0", csv_file)
    db.execute("ALTER TABLE keyed ADD PRIMARY KEY (id)")
    db.execute("INSERT INTO keyed SELECT * FROM read_csv(?)", csv_file)
    upsert_ms, _ = best_of(
        lambda: db.execute(
            "INSERT OR REPLACE INTO keyed SELECT * FROM read_csv(?)", csv_file
        ).fetchall()
    )
    monthly = (
        "SELECT country_id, adm_1, year(date_start) * 12 + month(date_start) - 1 AS month, count(*) AS events, "
        "sum(best) AS deaths FROM ged GROUP BY ALL"
    )
    monthly_ms, rows = best_of(lambda: db.execute(monthly).fetchall())
    n, keyed, threads = db.execute(
        "SELECT (SELECT count(*) FROM ged), (SELECT count(*) FROM keyed), current_setting('threads')"
    ).fetchone() or (0, 0, 0)
    db.close()
    database.unlink()
    return {
        "load": n / (load_ms / 1000),
        "upsert": n / (upsert_ms / 1000),
        "ms": monthly_ms,
        "count": n,
        "keyed": keyed,
        "threads": threads,
        "cells": sum(1 for r in rows if r[1] is not None),
        "provinces": len({(r[0], r[1]) for r in rows if r[1] is not None}),
        "events": sum(r[3] for r in rows),
        "deaths": sum(r[4] for r in rows),
    }
