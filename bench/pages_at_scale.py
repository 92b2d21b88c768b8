#!/usr/bin/env python
"""Every signed-in page at the demo's size and with ten times its data (issue 23, "work that does
not grow with the data").

Usage: .venv/bin/python bench/pages_at_scale.py [--db DEMO.sqlite3] [--times 10] [--runs 5]

Works on a copy of a seeded demo database (--db; without it a throwaway one is migrated and seeded,
which takes a few minutes). Times each page through the test client, signed in as a persona who
sees it, the median of --runs requests after one warm-up, at the demo's size; then multiplies the
rows behind the pages by --times (agreements with their actions and signature blocks, positions,
consultations, documents, operations, alerts, reports, programmes, partners, meetings, sessions,
audit entries, publications, events, notifications; rows inserted directly, not through the services,
so that only the pages are timed) and times them again. Prints per page the milliseconds before and
after, the slowdown (the target: no page more than about 2x from 10x data) and the queries before
and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from demo_copy import copy_sqlite  # beside this script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--db", help="a seeded demo SQLite database, copied (never changed)")
parser.add_argument("--times", type=int, default=10)
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--only", default="", help="comma-separated page names")
ARGS = parser.parse_args()
WORK = Path(tempfile.mkdtemp()) / "bench.sqlite3"
if ARGS.db:
    copy_sqlite(ARGS.db, WORK)
os.environ["DATABASE_URL"] = f"sqlite:///{WORK}"
os.environ["CONCORD_PAGE_SECONDS"] = "0"  # the work each page does, not the page kept for a reader
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, models, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tests.builders import multiply_agreements, multiply_or_say  # noqa: E402

# name, persona (username), address; "{consultation}" and "{agreement}" are filled in at run time.
PAGES = [
    ("dashboard", "kz_rep", "/en/"),
    ("agreements", "kz_rep", "/en/agreements/"),
    ("agreements (depositary)", "secretariat", "/en/agreements/"),
    ("agreement", "secretariat", "/en/agreements/{agreement}/"),
    ("my state's agreements", "kz_rep", "/en/agreements/mine/"),
    ("consultations", "kz_rep", "/en/consultations/"),
    ("a consultation", "secretariat", "/en/consultations/{consultation}/"),
    ("inbox", "kz_rep", "/en/consultations/inbox/"),
    ("documents", "kz_rep", "/en/documents/"),
    ("operations", "secretariat", "/en/operations/"),
    ("alerts", "analyst", "/en/monitoring/alerts/"),
    ("reports", "analyst", "/en/monitoring/reports/"),
    ("programmes", "secretariat", "/en/programmes/"),
    ("forces", "staff", "/en/forces/"),
    ("partners", "secretariat", "/en/relations/"),
    ("meetings", "secretariat", "/en/relations/meetings/"),
    ("calendar", "secretariat", "/en/relations/calendar/"),
    ("parliament", "mp", "/en/parliament/"),
    ("model laws", "mp", "/en/parliament/model-laws/"),
    ("states", "kz_rep", "/en/organization/states/"),
    ("bodies", "kz_rep", "/en/organization/bodies/"),
    ("audit log", "secretariat", "/en/audit/"),
    ("search", "secretariat", "/en/search/?q=security"),
    ("editor list", "secretariat", "/en/publications/"),
]

# What grows: every row of these models is copied (times - 1) times. Unique text fields get a
# suffix; a model whose unique constraints cannot be kept that way is named in the output as skipped.
GROWN = [
    "consultations.Consultation",
    "consultations.Position",
    "consultations.Session",
    "consultations.Notification",
    "documents.Document",
    "operations.Operation",
    "monitoring.Alert",
    "monitoring.SituationReport",
    "monitoring.Event",
    "programmes.Programme",
    "relations.Partner",
    "relations.Meeting",
    "organization.Body",
    "audit.Entry",
    "publications.Publication",
]


def measure(client: Client, url: str, runs: int) -> tuple[float, int, int]:
    cache.clear()
    first = client.get(url)  # warm-up (and the status to report)
    times, counts = [], []
    for _ in range(runs):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - start)
        counts.append(len(queries.captured_queries))
    return statistics.median(times) * 1000, max(counts), first.status_code


def addresses() -> dict[str, str]:
    Position = apps.get_model("consultations", "Position")
    busiest = (
        Position.objects.values("stage__consultation")
        .annotate(n=models.Count("pk"))
        .order_by("-n")
        .first()
    )
    Agreement = apps.get_model("agreements", "Agreement")
    agreement = Agreement.objects.filter(illustrative=True).first() or Agreement.objects.first()
    return {
        "consultation": str(busiest["stage__consultation"] if busiest else 1),
        "agreement": str(agreement.pk if agreement else 1),
    }


def measure_all(clients: dict[str, Client], where: dict[str, str]) -> dict[str, tuple]:
    chosen = {n.strip() for n in ARGS.only.split(",") if n.strip()}
    return {
        name: measure(clients[persona], url.format(**where), ARGS.runs)
        for name, persona, url in PAGES
        if not chosen or name in chosen
    }


def main() -> None:
    if not ARGS.db:
        call_command("migrate", verbosity=0)
        call_command("seed_demo", password="bench-password-1")  # noqa: S106
    User = apps.get_model("accounts", "User")
    clients = {}
    for _name, persona, _url in PAGES:
        if persona not in clients:
            clients[persona] = Client(raise_request_exception=False)
            clients[persona].force_login(User.objects.get(username=persona))
    where = addresses()
    before = measure_all(clients, where)
    start = time.perf_counter()
    with transaction.atomic():
        grown = [multiply_agreements(ARGS.times)]
        grown += [multiply_or_say(apps.get_model(label), ARGS.times) for label in GROWN]
    print(f"Data multiplied by {ARGS.times} in {time.perf_counter() - start:.0f} s:")
    for line in grown:
        print(f"  {line}")
    after = measure_all(clients, where)
    print(
        f"\n{'page':26} {'status':>6} {'ms before':>10} {'ms after':>10} {'slowdown':>9} "
        f"{'queries':>12}"
    )
    worst = 0.0
    for name, (ms, queries, status) in before.items():
        ms2, queries2, status2 = after[name]
        ratio = ms2 / ms if ms else 0.0
        worst = max(worst, ratio)
        print(
            f"{name:26} {status:>3}/{status2:<3} {ms:10.1f} {ms2:10.1f} {ratio:8.1f}x "
            f"{queries:>5} -> {queries2:<5}"
        )
    print(f"\nWorst slowdown from {ARGS.times}x data: {worst:.1f}x (target: about 2x at most)")


if __name__ == "__main__":
    main()
