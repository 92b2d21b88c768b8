#!/usr/bin/env python
"""The calendar of ten years (20,000 entries): a month as the Secretariat sees it, and a year's feed.

Usage: .venv/bin/python bench/relations_calendar.py [ENTRIES]
Runs on a throwaway SQLite file unless DATABASE_URL is set. After the demo (the baseline), ENTRIES
meetings (default 20,000) spread over ten years (2020–2029) are inserted directly (bulk_create) so
that only the reading is timed. Prints, for the baseline and at scale, the median of several runs:
  entries    calendar.entries for a month (every source: meetings, sessions, deadlines, exercises,
             deployments, operation stages, action-plan deadlines, chairmanships)
  page       GET /en/relations/calendar/?date=2024-12-01 (the month grid)
  feed       the personal iCalendar feed of 2024, streamed and read to the end
Requirement: a month under 100 ms with the same number of queries whatever the calendar holds; the
year's feed streams (its first piece is sent before the year is read).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
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
from django.utils import translation  # noqa: E402

from concord.accounts.models import User  # noqa: E402
from concord.organization.models import Body  # noqa: E402
from concord.relations import calendar, feeds  # noqa: E402
from concord.relations.models import Meeting, WorkingGroup  # noqa: E402

MONTH = (dt.date(2024, 12, 1), dt.date(2024, 12, 31))


def build(n: int) -> None:
    """n meetings, public and official, of the working groups and with partners, over ten years."""
    groups = list(WorkingGroup.objects.all())
    secretariat = Body.objects.get(code="secretariat")
    first = dt.date(2020, 1, 1)
    rows = []
    for i in range(n):
        day = first + dt.timedelta(days=(i * 3653) // n)
        group = groups[i % len(groups)] if i % 3 else None
        rows.append(
            Meeting(
                kind="working_group" if group else "partner",
                group=group,
                title_ru=f"Встреча {i}",
                title_en=f"Bench meeting {i}",
                starts_on=day,
                ends_on=day + dt.timedelta(days=i % 3),
                marking="official" if i % 2 else "public",
                owner_body=secretariat,
                status="held",
                demo=True,
            )
        )
    Meeting.objects.bulk_create(rows, batch_size=2000)


def measure(fn: Callable[[], object], runs: int = 7) -> tuple[float, int]:
    fn()
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, len(queries.captured_queries)


def figures(user: User, client: Client, secret: str) -> dict[str, tuple[float, int]]:
    def entries() -> object:
        return calendar.entries(user, *MONTH)

    def page() -> object:
        response = client.get("/en/relations/calendar/?date=2024-12-01")
        assert response.status_code == 200
        return response

    def feed() -> object:
        response = client.get(f"/en/relations/calendar/feed/{secret}.ics?year=2024")
        assert response.status_code == 200 and response.streaming
        return b"".join(response.streaming_content)

    with translation.override("en"):
        return {
            "entries": measure(entries),
            "page": measure(page, runs=5),
            "feed": measure(feed, runs=3),
        }


def first_piece(client: Client, secret: str) -> float:
    start = time.perf_counter()
    response = client.get(f"/en/relations/calendar/feed/{secret}.ics?year=2024")
    next(iter(response.streaming_content))
    return (time.perf_counter() - start) * 1000


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    call_command("migrate", verbosity=0)
    call_command("seed_demo", password="bench-password-1", stdout=io.StringIO())  # noqa: S106
    user = User.objects.get(username="secretariat")
    client = Client()
    client.force_login(user)
    _feed, secret = feeds.create_feed(actor=user)
    base_n = Meeting.objects.count()
    base = figures(user, client, secret)
    start = time.perf_counter()
    build(n)
    built = time.perf_counter() - start
    big = figures(user, client, secret)
    total = Meeting.objects.count()
    in_month = len(calendar.entries(user, *MONTH))
    print(f"calendar as the Secretariat; +{n:,} meetings over ten years inserted in {built:.1f} s")
    print("requirement: a month under 100 ms, constant queries; the year's feed streams")
    print(
        f"  {'':34}{f'baseline ({base_n} meetings)':>26}{f'at scale ({total:,})':>28}{'ratio':>8}"
    )
    for name, label in (
        ("entries", f"a month's entries ({in_month} at scale)"),
        ("page", "the month page"),
        ("feed", "the 2024 feed, read to the end"),
    ):
        (b_ms, b_q), (s_ms, s_q) = base[name], big[name]
        print(
            f"  {label:<34}{b_ms:>14.1f} ms, {b_q:>2} queries{s_ms:>16.1f} ms, {s_q:>3} queries"
            f"{s_ms / b_ms:>7.1f}×"
        )
    same = base["entries"][1] == big["entries"][1] and base["page"][1] == big["page"][1]
    verdict = "met" if big["entries"][0] < 100 else "NOT met"
    print(
        f"  queries {'constant' if same else 'NOT constant'}; a month: {big['entries'][0]:.0f} ms, "
        f"requirement {verdict}; the feed's first piece after {first_piece(client, secret):.0f} ms"
    )


if __name__ == "__main__":
    main()
