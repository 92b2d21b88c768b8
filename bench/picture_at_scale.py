#!/usr/bin/env python
"""The situation picture, its map data and the events API at the demo's size, at ten times it and at
1,000,000 events, each beside a trivial signed-in view measured in the same run.

Usage: .venv/bin/python bench/picture_at_scale.py [--events 1000000] [--seconds 10] [--clients 20]
       [--no-load] [--demo-db seeded.sqlite3]
Builds a fresh SQLite database in a folder under /tmp (removed at the end): `migrate`, `seed_demo`
(20,449 real GED events), then imports GED-shaped events (bench/ged_workload.py: six countries, 40
provinces each, 1989–2024) with `import_events`, as an operator would, up to ten times the demo, then
up to N events. The cache is the file-based one of the settings, in that folder. At each size:
  one request  through the test client, signed in as kz_rep: the first view after the import
               (cold: the figures computed, once per data version and filter) and the median of 20
               more (warm), with the queries each runs;
  under load   (at the demo's size and at N) gunicorn (2 workers × 4 threads, as production) on the
               same database, `--clients` clients on keep-alive connections for `--seconds` per
               page, after one warming request: requests/s, p50, p95, and the ratio of requests/s
               to the trivial view's.
Pages: the trivial view (bench/picture_urls.py: the session and the user, nothing else); the picture
with no filter and with a region and a year; its map data wide (one circle per province) and zoomed
in (the deadliest events in a 3° box); the events API's first page and a page half-way through its
rows (a cursor: paged by key, nothing counted). Requirement (issue 23): the picture under 150 ms p95 at
1,000,000 events; the API's page as fast at 10× and at N as at the demo's size.
The clients send what a browser sends (the session and CSRF cookies), so a signed-in page is kept for
them until the record changes (core.pagecache); `CONCORD_PAGE_SECONDS=0` before the command measures
every page built for every request instead.
"""

from __future__ import annotations

import argparse
import csv
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
WORK = Path(tempfile.mkdtemp(prefix="concord-picture-bench."))
os.environ.update(
    {
        "DATABASE_URL": f"sqlite:///{WORK}/bench.sqlite3",
        "DJANGO_SETTINGS_MODULE": "picture_settings",
        "CONCORD_CACHE_DIR": str(WORK / "cache"),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DEBUG": "0",
    }
)

import django  # noqa: E402

django.setup()

from demo_copy import copy_sqlite  # noqa: E402  (beside this script)
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from ged_workload import GED_HEADER, ged_rows  # noqa: E402  (beside this script)

from concord.accounts.models import User  # noqa: E402
from concord.core.actors import SYSTEM  # noqa: E402
from concord.monitoring import datacache  # noqa: E402
from concord.monitoring.importers import import_events  # noqa: E402
from concord.monitoring.models import Event  # noqa: E402

PAGES = [
    ("trivial view, signed in (baseline)", "/bench/trivial/"),
    ("picture /ru/monitoring/", "/ru/monitoring/"),
    (
        "picture, region + year",
        "/ru/monitoring/?region=middle-east&start=2018-01-01&end=2018-12-31",
    ),
    ("map data, wide (provinces)", "/ru/monitoring/data.json?level=areas"),
    ("map data, zoomed in (3° box)", "/ru/monitoring/data.json?level=events&bbox=65,33,68,36"),
    ("events API, first page", "/api/v1/events"),
    ("events API, half-way page", "/api/v1/events?cursor={middle}"),
]
HEADERS = {"Accept-Encoding": "gzip"}


def write_events(path: Path, n: int, first_id: int, seed: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        out = csv.writer(file)
        out.writerow(GED_HEADER)
        for i, row in enumerate(ged_rows(n, seed=seed)):
            out.writerow((first_id + i, *row[1:]))


def grow(to: int, first_id: int, seed: int) -> float:
    """Imports GED-shaped events until the store holds `to`; returns the import's seconds."""
    n = to - Event.objects.count()
    path = WORK / f"ged-{to}.csv"
    write_events(path, n, first_id, seed)
    start = time.perf_counter()
    import_events(path, "ucdp-ged", actor=SYSTEM, version=f"bench {to}")
    seconds = time.perf_counter() - start
    path.unlink()
    return seconds


def middle_cursor() -> str:
    day, pk = Event.objects.order_by("-date_start", "-id").values_list("date_start", "id")[
        Event.objects.count() // 2
    ]
    return f"{day.isoformat()}.{pk}"


def one_request(client: Client, url: str) -> dict[str, Any]:
    """The first view after the import (cold) and the median of 20 more, with their queries."""
    with CaptureQueriesContext(connection) as cold_queries:
        start = time.perf_counter()
        response = client.get(url, headers=HEADERS)
        cold = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(20):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            client.get(url, headers=HEADERS)
            times.append((time.perf_counter() - start) * 1000)
    return {
        "cold": cold,
        "cold_queries": len(cold_queries),
        "warm": statistics.median(times),
        "queries": len(queries),
        "bytes": len(response.content),
    }


class Server:
    """gunicorn on the bench database, as production runs it (2 workers × 4 threads)."""

    def __init__(self) -> None:
        self.port = 18000 + os.getpid() % 1000
        env = {**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'bench'}"}
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "config.wsgi",
                "--workers=2",
                "--threads=4",
                f"--bind=127.0.0.1:{self.port}",
                "--log-level=warning",
                "--graceful-timeout=5",
            ],
            cwd=ROOT,
            env=env,
        )
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", self.port, timeout=1).request(
                    "GET", "/healthz"
                )
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("gunicorn did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def warm(port: int, url: str, cookie: str) -> None:
    """A few requests first: each worker imports and connects, the page's entry is cached."""
    for _ in range(4):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", url, headers={**HEADERS, "Cookie": cookie})
        conn.getresponse().read()


def load(port: int, url: str, cookie: str, clients: int, seconds: float) -> dict[str, float]:
    """`clients` threads, each on its own keep-alive connection, for `seconds`: requests/s, p50, p95."""
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds
    headers = {**HEADERS, "Cookie": cookie}

    def run() -> None:
        mine, bad = [], 0
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.perf_counter() < stop:
            start = time.perf_counter()
            conn.request("GET", url, headers=headers)
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - start) * 1000)
            bad += response.status != 200
        with lock:
            latencies.extend(mine)
            errors.append(bad)

    started = time.perf_counter()
    threads = [threading.Thread(target=run) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=20)
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p95": cuts[18],
        "errors": sum(errors),
    }


def measure(size: str, args: argparse.Namespace, under_load: bool) -> dict[str, dict[str, Any]]:
    user = User.objects.get(username="kz_rep")
    client = Client()
    client.force_login(user)
    pages = [(label, url.format(middle=middle_cursor())) for label, url in PAGES]
    out = {label: one_request(client, url) for label, url in pages}
    if under_load:
        server = Server()
        try:
            # what a browser sends: the session, and the CSRF cookie its first page with a form set
            # (a signed-in page is then kept for it until the record changes, core.pagecache)
            cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
            for _label, url in pages:
                warm(server.port, url, cookie)
            for label, url in pages:
                out[label].update(load(server.port, url, cookie, args.clients, args.seconds))
            # the baseline again at the end: the machine's load drifts; the ratio is to the mean
            again = load(server.port, pages[0][1], cookie, args.clients, args.seconds)
            base = out[pages[0][0]]
            print(
                f"  (trivial view first {base['rps']:,.0f} req/s, p95 {base['p95']:.0f} ms; "
                f"last {again['rps']:,.0f} req/s, p95 {again['p95']:.0f} ms)"
            )
            base["rps"] = (base["rps"] + again["rps"]) / 2
        finally:
            server.stop()
    print_size(size, out)
    return out


def print_size(size: str, out: dict[str, dict[str, Any]]) -> None:
    base = out[PAGES[0][0]]
    print(f"\n{size}: {Event.objects.count():,} events")
    print(
        f"  {'page':<36}{'cold':>9}{'q':>4}{'warm':>9}{'q':>4}{'bytes':>9}"
        f"{'req/s':>9}{'ratio':>7}{'p50':>9}{'p95':>9}"
    )
    for label, r in out.items():
        loaded = (
            f"{r['rps']:>9,.0f}{r['rps'] / base['rps']:>7.2f}{r['p50']:>7.0f}ms{r['p95']:>7.0f}ms"
            + (f"  {r['errors']} errors" if r["errors"] else "")
            if "rps" in r
            else ""
        )
        print(
            f"  {label:<36}{r['cold']:>7.1f}ms{r['cold_queries']:>4}{r['warm']:>7.1f}ms{r['queries']:>4}"
            f"{r['bytes']:>9,}{loaded}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--no-load", action="store_true", help="one request each, no gunicorn")
    parser.add_argument("--demo-db", help="a SQLite file seeded with seed_demo, copied instead")
    args = parser.parse_args()
    results = {}
    try:
        if args.demo_db:  # a copy of a database seeded before (saves seed_demo's minute)
            copy_sqlite(args.demo_db, WORK / "bench.sqlite3")
            call_command("migrate", verbosity=0)
        else:
            call_command("migrate", verbosity=0)
            call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        demo = Event.objects.count()
        results["demo"] = measure("demo", args, not args.no_load)
        seconds = grow(10 * demo, 10_000_000, 19)
        print(f"\nimported {10 * demo - demo:,} events in {seconds:.1f} s")
        results["10×"] = measure("10 × the demo", args, False)
        seconds = grow(args.events, 20_000_000, 23)
        print(f"\nimported {args.events - 10 * demo:,} events in {seconds:.1f} s")
        results["N"] = measure(f"{args.events:,} events", args, not args.no_load)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    print_summary(results, args)


def print_summary(results: dict[str, dict[str, dict[str, Any]]], args: argparse.Namespace) -> None:
    print("\nslowdown of the warm single request from the demo's size (× the demo's time)")
    for label, _url in PAGES:
        d = results["demo"][label]["warm"]
        print(
            f"  {label:<36}"
            + "".join(f"{k:>6} {results[k][label]['warm'] / d:>5.2f}×" for k in ("10×", "N"))
        )
    if args.no_load:
        return
    picture = results["N"][PAGES[1][0]]
    verdict = "meets" if picture["p95"] < 150 else "MISSES"
    print(
        f"\npicture at {args.events:,} events under {args.clients} clients: p95 {picture['p95']:.0f} ms "
        f"(< 150 ms: {verdict}); datacache version {datacache.version()[:8]}"
    )


if __name__ == "__main__":
    main()
