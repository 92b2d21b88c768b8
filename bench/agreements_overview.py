#!/usr/bin/env python
"""The agreements overview and a state's pending list over 500 instruments (a constant number of
queries).

Usage: .venv/bin/python bench/agreements_overview.py [AGREEMENTS]
Runs on a throwaway SQLite file unless DATABASE_URL is set; prints the overview's time and queries
for the demo's instruments (baseline) and with AGREEMENTS more, each with signatures and
notifications inserted directly so that only the pages are timed.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("CONCORD_PAGE_SECONDS", "0")  # measure the pages, not the kept copies
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from concord.accounts.models import User  # noqa: E402
from concord.agreements.models import Agreement, TreatyAction  # noqa: E402
from concord.organization.models import MemberState  # noqa: E402


def measure(client: Client, url: str = "/en/agreements/", runs: int = 3) -> tuple[float, int]:
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            assert client.get(url).status_code == 200
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, len(queries.captured_queries)


PENDING = "/en/agreements/mine/"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    call_command("migrate", verbosity=0)
    call_command("seed_demo", password="bench-password-1", stdout=io.StringIO())  # noqa: S106
    editor = User.objects.get(username="secretariat")
    client = Client()
    client.force_login(User.objects.get(username="kz_rep"))
    base, base_pending = measure(client), measure(client, PENDING)
    states = list(MemberState.objects.all())
    agreements = Agreement.objects.bulk_create(
        [
            Agreement(
                kind="agreement",
                title_ru=f"Соглашение {i}",
                title_en=f"Agreement {i}",
                marking="official",
                owner_body_id=editor.viewer.body_id,
                rule={"threshold": {"count": 4}, "delay": {"days": 30}},
                signed_on=dt.date(2020, 1, 1),
            )
            for i in range(n)
        ]
    )
    if not agreements[0].pk:
        agreements = list(
            Agreement.objects.filter(title_en__startswith="Agreement ").order_by("pk")
        )
    actions = []
    for i, a in enumerate(agreements):
        for j, s in enumerate(states):
            actions.append(
                TreatyAction(
                    agreement=a,
                    state=s,
                    type="signature",
                    date=dt.date(2020, 1, 1),
                    recorded_by=editor,
                )
            )
            if (i + j) % 3:
                actions.append(
                    TreatyAction(
                        agreement=a,
                        state=s,
                        type="notification",
                        date=dt.date(2021, 1, 1 + j),
                        recorded_by=editor,
                    )
                )
    TreatyAction.objects.bulk_create(actions, batch_size=2000)
    big, big_pending = measure(client), measure(client, PENDING)
    for page, small, large in (("overview", base, big), ("pending", base_pending, big_pending)):
        print(f"{page}, demo instruments (baseline): {small[0]:8.1f} ms, {small[1]} queries")
        print(
            f"{page}, +{n} agreements, {len(actions):,} actions: {large[0]:8.1f} ms, "
            f"{large[1]} queries (x{large[0] / small[0]:.1f} the time)"
        )


if __name__ == "__main__":
    main()
