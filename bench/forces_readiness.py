#!/usr/bin/env python
"""The readiness table of 5,000 units, as the Joint Staff sees it (every unit).

Usage: .venv/bin/python bench/forces_readiness.py [UNITS]
Runs on a throwaway SQLite file unless DATABASE_URL is set. After the demo (25 units: the baseline),
UNITS more units (default 5,000) with reviewed scores are inserted directly (bulk_create) so that
only the reading is timed. Prints, for the baseline and at scale, the median of several runs:
  selector   readiness_selectors.readiness_table for the Joint Staff: milliseconds and queries
  rendered   the same rows made into the page's table (readiness_html.rows_html in the template
             forces/readiness_rows.html)
  page       GET /en/forces/readiness/ through the test client (aggregates and trend included)
  csv        GET ?format=csv, the streamed export read to the end
Requirement: the table for all units under 200 ms on SQLite (selector + rendering), and the same
number of queries whatever the number of units.
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
from django.template.loader import render_to_string  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from concord.accounts.models import User  # noqa: E402
from concord.forces import readiness_selectors as selectors  # noqa: E402
from concord.forces.models import Assessment, Formation, Questionnaire, Unit  # noqa: E402
from concord.forces.readiness_html import rows_html  # noqa: E402
from concord.forces.states import AssessmentStatus, ReadinessCategory, UnitKind  # noqa: E402

KINDS = {
    "crrf": [UnitKind.MILITARY, UnitKind.POLICE, UnitKind.SECURITY, UnitKind.EMERGENCY],
    "crdf-ca": [UnitKind.MILITARY],
    "peacekeeping": [UnitKind.PEACEKEEPING],
    "aviation": [UnitKind.AVIATION],
}


def build(n: int) -> None:
    """n units spread over the formations and their states, each with two reviewed assessments."""
    formations = list(Formation.objects.prefetch_related("states"))
    categories = list(ReadinessCategory)
    units = []
    for i in range(n):
        f = formations[i % len(formations)]
        states = list(f.states.all())
        state = states[(i // len(formations)) % len(states)]
        kinds = KINDS[f.code]
        units.append(
            Unit(
                name_ru=f"Подразделение {i}",
                name_en=f"Bench unit {i}",
                state=state,
                formation=f,
                kind=kinds[i % len(kinds)],
                strength=50 + (i * 37) % 950,
                readiness=categories[i % len(categories)],
                certified_on=dt.date(2024, 5, 31) if i % 4 else None,
                score=(i * 13) % 101,
                previous_score=(i * 29) % 101,
                assessed_on=dt.date(2024, 11, 15),
                demo=True,
            )
        )
    Unit.objects.bulk_create(units, batch_size=2000)
    questionnaires = {q.kind: q for q in Questionnaire.objects.filter(active=True)}
    created = Unit.objects.filter(name_en__startswith="Bench unit ").values_list(
        "pk", "kind", "score", "previous_score"
    )
    Assessment.objects.bulk_create(
        [
            Assessment(
                unit_id=pk,
                questionnaire=questionnaires[kind],
                as_of=day,
                status=AssessmentStatus.REVIEWED,
                score=value,
                demo=True,
            )
            for pk, kind, score, previous in created
            for day, value in ((dt.date(2023, 11, 15), previous), (dt.date(2024, 11, 15), score))
        ],
        batch_size=2000,
    )


def measure(fn: Callable[[], object], runs: int = 7) -> tuple[float, int]:
    fn()  # warm up: templates compiled, translations loaded
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, len(queries.captured_queries)


def figures(staff: User, client: Client) -> dict[str, tuple[float, int]]:
    def table() -> object:
        return selectors.readiness_table(staff, selectors.Filters())

    def rendered() -> object:
        rows = selectors.readiness_table(staff, selectors.Filters())
        return render_to_string(
            "forces/readiness_rows.html", {"rows": rows, "rows_html": rows_html(rows)}
        )

    def page() -> object:
        response = client.get("/en/forces/readiness/")
        assert response.status_code == 200
        return response

    def csv() -> object:
        response = client.get("/en/forces/readiness/?format=csv")
        assert response.status_code == 200
        return b"".join(response.streaming_content)

    with translation.override("en"):
        return {
            "selector": measure(table),
            "rendered": measure(rendered),
            "page": measure(page, runs=5),
            "csv": measure(csv, runs=5),
        }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    call_command("migrate", verbosity=0)
    call_command("seed_demo", password="bench-password-1", stdout=io.StringIO())  # noqa: S106
    staff = User.objects.get(username="staff")
    client = Client()
    client.force_login(staff)
    base_units = Unit.objects.count()
    base = figures(staff, client)
    start = time.perf_counter()
    build(n)
    built = time.perf_counter() - start
    big = figures(staff, client)
    total = Unit.objects.count()
    print(
        f"readiness table as the Joint Staff (every unit); +{n:,} units and {2 * n:,} reviewed "
        f"assessments inserted in {built:.1f} s"
    )
    print("requirement: the table for all units under 200 ms on SQLite, constant queries")
    print(
        f"  {'':32}{f'baseline ({base_units} units)':>26}{f'at scale ({total:,} units)':>30}{'ratio':>8}"
    )
    for name, label in (
        ("selector", "readiness_table (selector)"),
        ("rendered", "selector + the table's HTML"),
        ("page", "the page (with aggregates, trend)"),
        ("csv", "CSV export, read to the end"),
    ):
        (b_ms, b_q), (s_ms, s_q) = base[name], big[name]
        print(
            f"  {label:<32}{b_ms:>14.1f} ms, {b_q:>2} queries{s_ms:>18.1f} ms, {s_q:>2} queries"
            f"{s_ms / b_ms:>7.1f}×"
        )
    same = all(base[k][1] == big[k][1] for k in base)
    verdict = "met" if big["rendered"][0] < 200 else "NOT met"
    print(
        f"  queries {'constant' if same else 'NOT constant'}; selector + rendering of {total:,} "
        f"units: {big['rendered'][0]:.0f} ms, requirement {verdict}"
    )


if __name__ == "__main__":
    main()
