#!/usr/bin/env python
"""Consultations at the scale of issue 4.

Usage: .venv/bin/python bench/consultations_scale.py [OPEN] [DUE]
Runs on a throwaway SQLite file unless DATABASE_URL is set. Prints, beside the baseline of the demo
world as seeded: the consensus board with 200 position changes (6 states, 6 tiers); a delegation's
inbox over OPEN (default 5,000) open consultations; close_due_procedures over DUE (default 10,000)
written procedures past their deadline. Bulk rows are inserted directly (not through the services)
so that only the measured operation is timed.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("CONCORD_PAGE_SECONDS", "0")  # measure the pages, not the kept copies
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from concord.accounts.models import User  # noqa: E402
from concord.consultations import closing, services  # noqa: E402
from concord.consultations.deadlines import close_due_procedures  # noqa: E402
from concord.consultations.models import Consultation, Position, Route, RouteStep, Stage  # noqa: E402
from concord.core.actors import SYSTEM  # noqa: E402
from concord.organization.models import Body  # noqa: E402


def measure(client: Client, url: str, runs: int = 3) -> tuple[float, int]:
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            assert client.get(url).status_code == 200
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, len(queries.captured_queries)


def bulk_open(
    editor: User, route: Route, n: int, *, deadline: dt.datetime, title: str
) -> list[Stage]:
    body = route.steps.first().body
    consultations = Consultation.objects.bulk_create(
        [
            Consultation(
                title_ru=f"{title} {i}",
                kind="procedural",
                route=route,
                marking="official",
                owner_body_id=editor.viewer.body_id,
                created_by=editor,
            )
            for i in range(n)
        ],
        batch_size=2000,
    )
    if not consultations[0].pk:  # SQLite before 3.35 returns no ids
        consultations = list(Consultation.objects.filter(title_ru__startswith=title).order_by("pk"))
    return Stage.objects.bulk_create(
        [
            Stage(
                consultation=c,
                position=0,
                body=body,
                mode="written",
                consent="silence",
                rule="consensus",
                opened_at=deadline - dt.timedelta(days=10),
                deadline=deadline,
            )
            for c in consultations
        ],
        batch_size=2000,
    )


def main() -> None:
    n_open = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    n_due = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    call_command("migrate", verbosity=0)
    call_command("seed_demo", password="bench-password-1", stdout=io.StringIO())  # noqa: S106
    editor = User.objects.get(username="secretariat")
    reps = {c: User.objects.get(username=f"{c}_rep") for c in ("am", "by", "kz", "kg", "ru", "tj")}
    now = timezone.now()

    # A six-tier route, and a question that went through all six with 200 position changes.
    route, _ = Route.objects.get_or_create(
        code="bench-six", defaults={"name_ru": "6 уровней", "name_en": "6 tiers"}
    )
    for i, code in enumerate(
        ["wg-afghanistan", "wg-information", "permanent-council", "cfm", "joint-ministerial", "csc"]
    ):
        RouteStep.objects.get_or_create(
            route=route, position=i, defaults={"body": Body.objects.get(code=code)}
        )
    c = services.open_consultation(
        actor=editor, title_ru="Шесть уровней", kind="procedural", route=route, now=now
    )
    changes = 0
    for tier in range(6):
        stage = services.open_stage(c, actor=editor, now=now)
        for i in range(200 // 6 + 1):
            user = list(reps.values())[i % 6]
            services.record_position(
                stage, actor=user, stance="join" if i % 5 else "refrain", version_id=None, now=now
            )
            changes += 1
        if tier < 5:
            closing.close_stage(stage, actor=editor, now=now)

    client = Client()
    client.force_login(editor)
    ru = Client()
    ru.force_login(reps["ru"])
    demo = Consultation.objects.filter(title_en__icontains="budget").first()
    base_board = measure(client, f"/en/consultations/{demo.pk}/")
    board = measure(client, f"/en/consultations/{c.pk}/")
    base_inbox = measure(ru, "/en/consultations/inbox/")
    emergency = Route.objects.get(code="emergency")
    bulk_open(editor, emergency, n_open, deadline=now + dt.timedelta(days=30), title="Открыт")
    inbox = measure(ru, "/en/consultations/inbox/")
    open_total = Stage.objects.filter(status="open").count()

    print(f"{'':44}{'baseline (demo)':>22}{'at scale':>28}")
    print(
        f"  {'consensus board':<42}{base_board[0]:>8.1f} ms, {base_board[1]:>2} queries"
        f"{board[0]:>12.1f} ms, {board[1]:>2} queries  ({changes} positions, 6 tiers)"
    )
    print(
        f"  {'inbox of a delegation':<42}{base_inbox[0]:>8.1f} ms, {base_inbox[1]:>2} queries"
        f"{inbox[0]:>12.1f} ms, {inbox[1]:>2} queries  ({open_total:,} open stages)"
    )

    Stage.objects.filter(status="open", consultation__title_ru__startswith="Открыт").update(
        status="closed"
    )
    due = bulk_open(editor, emergency, n_due, deadline=now - dt.timedelta(minutes=5), title="Истёк")
    Position.objects.bulk_create(
        [
            Position(
                stage=s,
                state_id=reps["kz"].viewer.state_id,
                stance="join" if i % 7 else "object",
                statement="x",
                recorded_by=reps["kz"],
                acting_for="Kazakhstan",
                at=now,
            )
            for i, s in enumerate(due)
        ],
        batch_size=2000,
    )
    start = time.perf_counter()
    closed, _ = close_due_procedures(actor=SYSTEM, now=now)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    again, _ = close_due_procedures(actor=SYSTEM, now=now)
    idle = time.perf_counter() - start
    print(
        f"  close_due_procedures: {closed:,} closed in {seconds:.1f} s ({closed / seconds:,.0f}/s); "
        f"a second run with nothing due: {again} closed in {idle * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
