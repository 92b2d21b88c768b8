#!/usr/bin/env python
"""Joint operations at scale: importing a 50,000-line national report, and consolidated results over
20 years × 4 operations × 6 states × 50 indicators.

Usage: .venv/bin/python bench/operations_scale.py [LINES] [YEARS]
Runs on a throwaway SQLite file unless DATABASE_URL is set. Prints:
  import    services.import_report of a report spreadsheet (XLSX written by openpyxl in write-only
            mode, and CSV) of LINES lines (default 50,000: 1,000 agencies × 50 indicators of one state)
            beside the baseline of a tenth of it, each in a fresh process: seconds, and how much the
            peak resident memory (VmHWM) grew, next to its growth when every row of the same
            file is only read into a list. Requirement: under a minute, without holding it all in
            memory (the peak barely grows with the number of lines).
  results   selectors.results and the results page (secretariat) with 5 years of consolidated reports
            (baseline) and YEARS (default 20): milliseconds and queries. Requirement: the same number
            of queries whatever the years, well under a second. Reports and figures are inserted
            directly (bulk_create) so that only the reading is timed; the totals are checked against
            a plain SUM over the figures.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("CONCORD_PAGE_SECONDS", "0")  # measure the pages, not the kept copies
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Sum  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from concord.accounts.models import User  # noqa: E402
from concord.core.actors import SYSTEM  # noqa: E402
from concord.operations import selectors, services  # noqa: E402
from concord.operations.models import (  # noqa: E402
    Agency,
    Breakdown,
    Figure,
    Indicator,
    NationalReport,
    Operation,
    Stage,
    Unit,
)
from concord.operations.spreadsheets import read_rows, write_template  # noqa: E402
from concord.operations.states import ReportStatus  # noqa: E402
from concord.organization.models import Body, MemberState  # noqa: E402

INDICATORS = 50
STATES = ["AM", "BY", "KZ", "KG", "RU", "TJ"]


def operation(code: str, *, breakdown: Breakdown | None = None) -> Operation:
    """An operation with INDICATORS indicators: counts, and (with `breakdown`) a first one in kg."""
    op = Operation.objects.create(
        code=code,
        name_ru=code,
        name_en=code,
        marking="official",
        owner_body=Body.objects.get(code="secretariat"),
        position=100,
    )
    op.states.set(MemberState.objects.filter(iso2__in=STATES))
    kg = Unit.objects.get(code="kg")
    Indicator.objects.bulk_create(
        [
            Indicator(
                operation=op,
                code=f"i{n:02}",
                name_ru=f"Показатель {n}",
                name_en=f"Indicator {n}",
                position=n,
                dimension="mass" if n == 0 and breakdown else "count",
                unit=kg if n == 0 and breakdown else None,
                breakdown=breakdown if n == 0 else None,
            )
            for n in range(INDICATORS)
        ]
    )
    return op


# Import --------------------------------------------------------------------------------------------


def child(what: str, path: Path, stage: Stage | None = None) -> dict[str, float]:
    """Runs `what` ("import" or "hold") on `path` in a fresh process, so that its peak memory is its own."""
    args = [sys.executable, __file__, "--child", what, str(path), str(stage.pk if stage else 0)]
    done = subprocess.run(args, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        sys.exit(done.stderr)
    figures: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return figures


def peak_kib(reset: bool = False) -> int:
    """The process's peak resident memory (KiB) since the last reset. Linux keeps it per process image in
    /proc/self/status (VmHWM) and lets a process reset it; getrusage's maxrss would also count the
    parent's peak, inherited through fork and exec."""
    try:
        if reset:
            Path("/proc/self/clear_refs").write_text("5")
        status = Path("/proc/self/status").read_text()
        return next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")
        )
    except OSError:  # not Linux: the best there is
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_child(what: str, path: str, stage_id: int) -> None:
    """In the child: warm up (imports, a first query), then print seconds, figures and the growth of
    the peak resident memory (MiB) while importing the file, or while reading all of its rows into a list."""
    import openpyxl  # noqa: F401  (imported here so that loading the module is not counted)

    kz = MemberState.objects.get(iso2="KZ")
    stage = Stage.objects.filter(pk=stage_id).first()
    before = peak_kib(reset=True)
    start = time.perf_counter()
    with open(path, "rb") as file:
        if what == "import":
            assert stage is not None
            _report, count, _warnings = services.import_report(stage, kz, file, actor=SYSTEM)
        else:
            count = len(list(read_rows(file)))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "count": count, "mib": (peak_kib() - before) / 1024}))


def bench_import(lines: int) -> None:
    op = operation("bench-import")
    kz = MemberState.objects.get(iso2="KZ")
    agencies = Agency.objects.bulk_create(
        [
            Agency(
                state=kz,
                code=f"KZ-B{n:05}",
                name_ru=f"Ведомство {n}",
                name_en=f"Agency {n}",
                kind="police",
            )
            for n in range(lines // INDICATORS)
        ]
    )
    if not agencies[0].pk:  # SQLite before 3.35 returns no ids
        agencies = list(Agency.objects.filter(code__startswith="KZ-B").order_by("code"))

    def stage(label: str, with_agencies: int) -> Stage:
        s = Stage.objects.create(
            operation=op,
            name_ru=label,
            name_en=label,
            starts_on=dt.date(2026, 6, 1),
            ends_on=dt.date(2026, 6, 5),
        )
        s.states.set([kz])
        s.agencies.set(agencies[:with_agencies])
        return s

    folder = Path(tempfile.mkdtemp())
    sizes = [("baseline", len(agencies) // 10), ("at scale", len(agencies))]
    files: dict[tuple[str, str], Path] = {}
    for label, n in sizes:
        rows = selectors.template_rows(stage(f"template {label}", n), kz, "en")
        for i, row in enumerate(rows):  # the template's lines, every value filled in
            row[6] = (i * 7919) % 1000
        # write_template: openpyxl in write-only mode for XLSX, the csv module for CSV
        for kind in ("xlsx", "csv"):
            files[(label, kind)] = folder / f"report-{n * INDICATORS}.{kind}"
            files[(label, kind)].write_bytes(write_template(rows, language="en", kind=kind))
        del rows
    connection.close()  # the children write to the same database

    print(
        f"import_report, one state, {INDICATORS} count indicators × agencies, each in a fresh process "
        "(requirement: under a minute, without holding it all in memory)"
    )
    print(
        f"  {'':16}{'lines':>8}{'file':>11}{'time':>9}{'peak memory grew':>19}"
        f"{'rows held in a list':>22}"
    )
    grown: dict[tuple[str, str], float] = {}
    for kind in ("xlsx", "csv"):
        for label, n in sizes:
            path = files[(label, kind)]
            done = child("import", path, stage(f"{kind} {label}", n))
            held = child("hold", path)
            grown[(label, kind)] = done["mib"]
            size = path.stat().st_size / 2**20
            print(
                f"  {kind + ', ' + label:<16}{int(done['count']):>8,}{size:>7.1f} MiB{done['seconds']:>7.1f} s"
                f"{done['mib']:>15.1f} MiB{held['mib']:>18.1f} MiB"
            )
    for kind in ("xlsx", "csv"):
        base, big = grown[("baseline", kind)], grown[("at scale", kind)]
        print(f"  {kind}: 10× the lines, peak memory growth {base:.1f} → {big:.1f} MiB")


# Results -------------------------------------------------------------------------------------------


def consolidated(ops: list[Operation], years: range, editor: User) -> int:
    """Consolidated reports of every state for one stage a year of each operation; figures returned."""
    states = list(MemberState.objects.filter(iso2__in=STATES))
    now = dt.datetime.now(dt.UTC)
    figures = 0
    for op in ops:
        stages = Stage.objects.bulk_create(
            [
                Stage(
                    operation=op,
                    name_ru=f"Этап {y}",
                    name_en=f"Stage {y}",
                    starts_on=dt.date(y, 9, 10),
                    ends_on=dt.date(y, 9, 14),
                )
                for y in years
            ]
        )
        if not stages[0].pk:
            stages = list(op.stages.filter(starts_on__year__in=list(years)).order_by("starts_on"))
        Stage.states.through.objects.bulk_create(
            [
                Stage.states.through(stage_id=s.pk, memberstate_id=st.pk)
                for s in stages
                for st in states
            ]
        )
        reports = NationalReport.objects.bulk_create(
            [
                NationalReport(
                    stage=s,
                    state=st,
                    status=ReportStatus.CONSOLIDATED,
                    submitted_at=now,
                    approved_at=now,
                    consolidated_at=now,
                    consolidated_by=editor,
                )
                for s in stages
                for st in states
            ]
        )
        if not reports[0].pk:
            reports = list(NationalReport.objects.filter(stage__in=stages))
        indicators = list(op.indicators.select_related("breakdown"))
        items = {i.pk: list(i.breakdown.items.all()) if i.breakdown else [None] for i in indicators}
        batch = [
            Figure(report=r, indicator=i, item=item, value=Decimal((r.pk * 31 + i.pk * 7) % 997))
            for r in reports
            for i in indicators
            for item in items[i.pk]
        ]
        Figure.objects.bulk_create(batch, batch_size=5000)
        figures += len(batch)
    return figures


def get_ok(client: Client, url: str) -> None:
    assert client.get(url).status_code == 200, url


def measure(fn, runs: int = 5) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, len(queries.captured_queries)


def check_totals(editor: User, op: Operation) -> str:
    """The results' totals against a plain SUM over the consolidated figures."""
    expected = dict(
        Figure.objects.filter(report__stage__operation=op, report__status=ReportStatus.CONSOLIDATED)
        .values_list("indicator__code")
        .annotate(Sum("value"))
        .order_by()
    )
    got = {r.indicator.code: r.total for r in selectors.results(editor, op).reported}
    wrong = {
        code: (got.get(code), value) for code, value in expected.items() if got.get(code) != value
    }
    if not wrong and set(got) == set(expected):
        return "totals match SUM over the figures"
    code, (shown, value) = sorted(wrong.items())[0]
    return f"WRONG totals in {len(wrong)} of {len(expected)} indicators, e.g. {code}: {shown} instead of {value}"


def bench_results(years: int) -> None:
    editor = User.objects.get(username="secretariat")
    client = Client()
    client.force_login(editor)
    substance = Breakdown.objects.get(code="substance")
    ops = [operation(f"bench-results-{n}", breakdown=substance) for n in range(4)]
    last = 2025
    first_five = range(last - 4, last + 1)
    rows: list[tuple[str, tuple[float, int], tuple[float, int], str]] = []
    print(
        f"consolidated results of one operation, {len(STATES)} states × {INDICATORS} indicators "
        "(requirement: constant queries, well under 1 s)"
    )
    for span in (first_five, range(last - years + 1, last - 4)):
        start = time.perf_counter()
        figures = consolidated(ops, span, editor)
        built = time.perf_counter() - start
        op = ops[0]
        n_years = len(set(op.stages.values_list("ends_on__year", flat=True)))
        with translation.override("en"):
            selector = measure(lambda op=op: selectors.results(editor, op))
        url = f"/en/operations/{op.pk}/results/"
        page = measure(lambda url=url: get_ok(client, url), runs=3)
        label = f"{n_years} years"
        print(
            f"  built {label} of 4 operations: +{figures:,} figures in {built:.1f} s"
            f" ({NationalReport.objects.filter(stage__operation=op).count()} reports in the one measured)"
        )
        rows.append((label, selector, page, check_totals(editor, op)))
    (base_label, base_sel, base_page, _), (label, sel, page, _) = rows
    print(f"  {'':28}{'baseline (' + base_label + ')':>30}{label:>26}")
    print(
        f"  {'selectors.results':<28}{base_sel[0]:>16.1f} ms, {base_sel[1]:>2} queries"
        f"{sel[0]:>12.1f} ms, {sel[1]:>2} queries"
    )
    print(
        f"  {'results page (secretariat)':<28}{base_page[0]:>16.1f} ms, {base_page[1]:>2} queries"
        f"{page[0]:>12.1f} ms, {page[1]:>2} queries"
    )
    same = base_sel[1] == sel[1] and base_page[1] == page[1]
    print(
        f"  queries {'constant' if same else 'NOT constant'}; {base_label}: {rows[0][3]}; {label}: {rows[1][3]}"
    )


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        run_child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    years = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    call_command("migrate", verbosity=0)
    call_command("seed_demo", password="bench-password-1", stdout=io.StringIO())  # noqa: S106
    bench_import(lines)
    bench_results(years)


if __name__ == "__main__":
    main()
