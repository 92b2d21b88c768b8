#!/usr/bin/env python
"""Programmes and action plans at the issue's scale: a programme with 2,000 activities and 20,000
deliveries; 50 action plans with 5,000 tasks. Pages in a constant number of queries, each
implementation rate table in one aggregate query.

Usage: .venv/bin/python bench/programmes_scale.py [ACTIVITIES DELIVERIES PLANS TASKS]
Runs on a throwaway SQLite file unless DATABASE_URL is set; prints each page's time and queries for
the demo (baseline) and at scale, in the same process, with the ratio of the times. Rows are inserted
directly so that only the reads are timed.
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
from typing import Any

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
from concord.organization.models import Body, MemberState  # noqa: E402
from concord.programmes import plan_selectors  # noqa: E402
from concord.programmes.models import (  # noqa: E402
    ActionPlan,
    ActionTask,
    Activity,
    Assignment,
    Delivery,
    Programme,
)

TODAY = dt.date(2026, 12, 1)


def timed(call: Callable[[], Any], runs: int = 3) -> tuple[float, int]:
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, len(queries.captured_queries)


def page(client: Client, url: str) -> Callable[[], Any]:
    def get() -> None:
        assert client.get(url).status_code == 200, url

    return get


def grow_programme(programme: Programme, activities: int, deliveries: int) -> None:
    stages = list(programme.stages.order_by("number"))
    Activity.objects.bulk_create(
        (
            Activity(
                programme=programme,
                stage=stages[i % len(stages)],
                kind=("supply", "construction", "training")[i % 3],
                name_ru=f"Мероприятие {i}",
                name_en=f"Activity {i}",
                recipient_ru="Пограничные войска",
                planned=100,
            )
            for i in range(activities)
        ),
        batch_size=2000,
    )
    rows = list(Activity.objects.filter(programme=programme).values_list("pk", "stage_id"))
    years = {s.pk: s.first_year for s in stages}
    Delivery.objects.bulk_create(
        (
            Delivery(
                programme=programme,
                stage_id=rows[i % len(rows)][1],
                activity_id=rows[i % len(rows)][0],
                delivered_on=dt.date(years[rows[i % len(rows)][1]], 1 + i % 12, 1),
                quantity=1 + i % 5,
                document=f"Акт № {i}",
            )
            for i in range(deliveries)
        ),
        batch_size=2000,
    )


def grow_plans(template: ActionPlan, plans: int, tasks: int) -> None:
    decision_id = template.tasks.first().decision_id  # type: ignore[union-attr]
    made = ActionPlan.objects.bulk_create(
        ActionPlan(
            session_id=template.session_id,
            title_ru=f"План {i}",
            dated=template.dated,
            status="approved",
        )
        for i in range(plans)
    )
    if not made[0].pk:
        made = list(ActionPlan.objects.filter(title_ru__startswith="План ").order_by("pk"))
    ActionTask.objects.bulk_create(
        (
            ActionTask(
                plan=made[i % plans],
                number=1000 + i,
                decision_id=decision_id,
                text_ru=f"Задача {i}",
                deadline=dt.date(2025 + i % 3, 1 + i % 12, 1),
                status="open",
            )
            for i in range(tasks)
        ),
        batch_size=2000,
    )
    states = list(MemberState.objects.exclude(iso2="AM").values_list("pk", flat=True))
    bodies = list(Body.objects.filter(code__in=["secretariat", "joint-staff"]))
    new = ActionTask.objects.filter(number__gte=1000).values_list("pk", flat=True)
    parts = []
    for i, pk in enumerate(new):
        parts.append(Assignment(task_id=pk, body=bodies[i % 2], status=("open", "done")[i % 2]))
        parts.append(
            Assignment(task_id=pk, state_id=states[i % 5], status=("open", "done")[i % 3 == 0])
        )
        parts.append(Assignment(task_id=pk, state_id=states[(i + 1) % 5]))
    Assignment.objects.bulk_create(parts, batch_size=2000)


def measures(
    clients: dict[str, Client], programme: Programme, plan: ActionPlan
) -> dict[str, tuple[float, int]]:
    secretariat = User.objects.get(username="secretariat")
    rates = {
        f"rates by {name} (all plans)": (
            lambda f=f: list(f(secretariat, today=TODAY))  # type: ignore[misc]
        )
        for name, f in (
            ("state", plan_selectors.rates_by_state),
            ("body", plan_selectors.rates_by_body),
            ("decision", plan_selectors.rates_by_decision),
        )
    }
    return {
        "programme page": timed(page(clients["kz_rep"], f"/en/programmes/{programme.pk}/")),
        "programme API": timed(page(clients["kz_rep"], f"/api/v1/programmes/{programme.pk}")),
        "activities API (page)": timed(
            page(clients["kz_rep"], f"/api/v1/programmes/{programme.pk}/activities")
        ),
        "stage report": timed(
            page(clients["kz_rep"], f"/en/programmes/{programme.pk}/stages/2/report/")
        ),
        "plan page (Secretariat)": timed(
            page(clients["secretariat"], f"/en/programmes/plans/{plan.pk}/")
        ),
        "plan list": timed(page(clients["secretariat"], "/en/programmes/plans/")),
        "tasks page (Kazakhstan)": timed(page(clients["kz_rep"], "/en/programmes/tasks/")),
        "dashboard (Secretariat)": timed(page(clients["secretariat"], "/en/")),
        **{name: timed(call) for name, call in rates.items()},
    }


def main() -> None:
    args = [int(a) for a in sys.argv[1:5]] or [2000, 20000, 50, 5000]
    activities, deliveries, plans, tasks = args
    call_command("migrate", verbosity=0)
    call_command("seed_demo", password="bench-password-1", stdout=io.StringIO())  # noqa: S106
    clients = {}
    for name in ("kz_rep", "secretariat"):
        clients[name] = Client()
        clients[name].force_login(User.objects.get(username=name))
    programme, plan = Programme.objects.get(), ActionPlan.objects.get()
    base = measures(clients, programme, plan)
    grow_programme(programme, activities, deliveries)
    grow_plans(plan, plans, tasks)
    # The demo plan itself grows to a hundred tasks, as a large real plan would.
    grow_plans_of(plan, 100)
    large = measures(clients, programme, plan)
    print(
        f"scale: {Activity.objects.count():,} activities, {Delivery.objects.count():,} deliveries; "
        f"{ActionPlan.objects.count()} plans, {ActionTask.objects.count():,} tasks, "
        f"{Assignment.objects.count():,} parts"
    )
    for name, (ms, queries) in base.items():
        big_ms, big_queries = large[name]
        print(
            f"{name:32} demo {ms:8.1f} ms {queries:3} queries | scale {big_ms:8.1f} ms "
            f"{big_queries:3} queries (x{big_ms / ms:.1f} the time)"
        )


def grow_plans_of(plan: ActionPlan, tasks: int) -> None:
    decision_id = plan.tasks.first().decision_id  # type: ignore[union-attr]
    states = list(MemberState.objects.exclude(iso2="AM").values_list("pk", flat=True))
    made = ActionTask.objects.bulk_create(
        ActionTask(
            plan=plan,
            number=500 + i,
            decision_id=decision_id,
            text_ru=f"З {i}",
            deadline=dt.date(2026, 6, 1),
        )
        for i in range(tasks)
    )
    made = list(plan.tasks.filter(number__gte=500, number__lt=1000))
    Assignment.objects.bulk_create(
        Assignment(task=t, state_id=states[i % 5]) for i, t in enumerate(made)
    )


if __name__ == "__main__":
    main()
