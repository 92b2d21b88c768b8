#!/usr/bin/env python
"""The training plans at scale: ten years of plans with 60 events each and 5,000 units, each event
with ten units; the plans list and a plan's page (and their selectors) in a constant number of
queries.

Usage: .venv/bin/python bench/forces_training.py [EVENTS_PER_PLAN]
Runs on a throwaway SQLite file unless DATABASE_URL is set; prints the time and queries of the
plans list and of a plan page for the demo's plans (baseline) and after the ten plans, 5,000 units
and their bookings are inserted directly (only the reads are timed).
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

from concord.accounts.models import User  # noqa: E402
from concord.forces import training_selectors as selectors  # noqa: E402
from concord.forces.models import Formation, TrainingEvent, TrainingPlan, Unit  # noqa: E402
from concord.forces.states import EventKind, EventStatus, ReadinessCategory, UnitKind  # noqa: E402
from concord.organization.models import MemberState  # noqa: E402

YEARS = range(2040, 2050)


def measure(act: Callable[[], object], runs: int = 3) -> tuple[float, int]:
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            act()
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, len(queries.captured_queries)


def page(client: Client, url: str) -> Callable[[], object]:
    def get() -> object:
        response = client.get(url)
        assert response.status_code == 200, url
        return response

    return get


def grow(per_plan: int) -> tuple[int, int]:
    states = list(MemberState.objects.filter(iso2__in=["BY", "KZ", "KG", "RU", "TJ"]))
    formation = Formation.objects.get(code="crrf")
    Unit.objects.bulk_create(
        [
            Unit(
                name_ru=f"Подразделение {i}",
                name_en=f"Unit {i}",
                state=states[i % len(states)],
                formation=formation,
                kind=UnitKind.MILITARY,
                strength=100,
                readiness=ReadinessCategory.HIGH,
                demo=True,
            )
            for i in range(5000)
        ],
        batch_size=1000,
    )
    units = list(Unit.objects.filter(name_en__startswith="Unit ").order_by("pk"))
    events = []
    for year in YEARS:
        plan = TrainingPlan.objects.create(year=year, status="adopted", demo=True)
        for i in range(per_plan):
            day = dt.date(year, 1 + i % 12, 1 + (i // 12) % 25)
            events.append(
                TrainingEvent(
                    plan=plan,
                    kind=EventKind.EXERCISE if i % 8 == 0 else EventKind.STAFF_TALKS,
                    name_ru=f"Мероприятие {year}-{i}",
                    name_en=f"Event {year}-{i}",
                    starts_on=day,
                    ends_on=day + dt.timedelta(days=2),
                    host=states[i % len(states)],
                    status=EventStatus.HELD if i % 3 else EventStatus.PLANNED,
                    demo=True,
                )
            )
    TrainingEvent.objects.bulk_create(events, batch_size=1000)
    events = list(TrainingEvent.objects.filter(plan__year__in=YEARS).order_by("pk"))
    state_links = TrainingEvent.states.through
    unit_links = TrainingEvent.units.through
    state_links.objects.bulk_create(
        [state_links(trainingevent=e, memberstate=s) for e in events for s in states],
        batch_size=2000,
    )
    unit_links.objects.bulk_create(
        [
            unit_links(trainingevent=e, unit=units[(n * 10 + k) % len(units)])
            for n, e in enumerate(events)
            for k in range(10)
        ],
        batch_size=2000,
    )
    return len(events), len(units)


def main() -> None:
    per_plan = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    call_command("migrate", verbosity=0)
    call_command("seed_demo", password="bench-password-1", stdout=io.StringIO())  # noqa: S106
    staff, state = User.objects.get(username="staff"), User.objects.get(username="kz_rep")
    clients = {}
    for who in (staff, state):
        clients[who.username] = Client()
        clients[who.username].force_login(who)

    def figures(year: int) -> dict[str, tuple[float, int]]:
        plan = TrainingPlan.objects.get(year=year)
        return {
            "plans selector": measure(lambda: list(selectors.plans(staff))),
            "plan events selector": measure(lambda: list(selectors.events(staff, plan))),
            "plans list page (Joint Staff)": measure(page(clients["staff"], "/en/forces/plans/")),
            "plan page (Joint Staff)": measure(page(clients["staff"], f"/en/forces/plans/{year}/")),
            "plan page (Kazakhstan)": measure(page(clients["kz_rep"], f"/en/forces/plans/{year}/")),
            "plan CSV": measure(page(clients["staff"], f"/en/forces/plans/{year}/?format=csv")),
            "plan iCalendar": measure(page(clients["staff"], f"/en/forces/plans/{year}.ics")),
        }

    base = figures(2024)
    events, units = grow(per_plan)
    big = figures(2045)
    print(
        f"+{len(YEARS)} plans, {events:,} events, {Unit.objects.count():,} units "
        f"({units:,} added, 10 per event)"
    )
    for name, small in base.items():
        large = big[name]
        print(
            f"{name:32} demo: {small[0]:7.1f} ms {small[1]:3} queries | "
            f"scaled: {large[0]:7.1f} ms {large[1]:3} queries (x{large[0] / small[0]:.1f} the time)"
        )


if __name__ == "__main__":
    main()
