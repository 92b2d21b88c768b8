#!/usr/bin/env python
"""Documents at the scale of issue 3: a 300-clause, 150,000-character text with 2,000 amendments.

Usage: .venv/bin/python bench/documents_scale.py [CLAUSES] [AMENDMENTS]
Runs on a throwaway SQLite file unless DATABASE_URL is set. Prints, for the document page, the
amendment inbox and comparing two versions, the time and number of queries at full scale beside the
baseline: the same thing for a 10-clause text with no amendments.
"""

from __future__ import annotations

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

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from concord.accounts.models import User  # noqa: E402
from concord.documents import comparison, services  # noqa: E402
from concord.documents.models import Document, Version  # noqa: E402
from concord.documents.rules import Operation, OpKind  # noqa: E402

SENTENCE = "Государства-члены подтверждают приверженность принципам Устава Организации Объединённых Наций. "
SENTENCE_EN = "The member states reaffirm their commitment to the principles of the Charter of the United Nations. "


def build(editor: User, clauses: int) -> Document:
    units = [("title", "Соглашение (эталон нагрузки)", "Agreement (load benchmark)")]
    for i in range(clauses - 1):
        kind = "article" if i % 10 == 0 else "paragraph"
        units.append((kind, f"{i} " + SENTENCE * 5 + SENTENCE[:25], f"{i} " + SENTENCE_EN * 5))
    return services.create_document(actor=editor, kind="agreement", units=units, marking="official")


def amend(document: Document, amendments: int, reps: list[User], editor: User) -> None:
    text = Version.objects.get(document=document, number=1).text
    uids = [u.uid for u in text][1:]
    paragraphs = [u.uid for u in text if u.kind == "paragraph"]
    for i in range(amendments):
        uid = uids[i % len(uids)]
        services.propose_amendment(
            document,
            actor=reps[i % len(reps)],
            base_number=1,
            operation=Operation(
                OpKind.MODIFY, uid=uid, text_ru=f"{i} изменённый текст. " + SENTENCE
            ),
            justification_en="Reason.",
        )
    for n in range(5):  # a few versions made by the editor, so that there is something to compare
        services.edit_text(
            document,
            actor=editor,
            base_number=1 + n,
            operation=Operation(OpKind.MOVE, uid=paragraphs[n], after_uid=paragraphs[-1 - n]),
        )


def measure(client: Client, url: str, runs: int = 5) -> tuple[float, int]:
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times) * 1000, len(queries.captured_queries)


def compare_time(document: Document, runs: int = 5) -> tuple[float, int]:
    old = Version.objects.get(document=document, number=1).text
    new = Version.objects.get(document=document, number=document.latest_number).text
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        changes = comparison.compare(old, new)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, sum(1 for c in changes if c.is_change)


def main() -> None:
    clauses = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    amendments = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    call_command("migrate", verbosity=0)
    call_command("seed_demo", password="bench-password-1", stdout=io.StringIO())  # noqa: S106
    editor = User.objects.get(username="secretariat")
    reps = [User.objects.get(username=f"{c}_rep") for c in ("kz", "ru", "by", "kg", "tj")]
    client = Client()
    client.force_login(editor)

    small = build(editor, 10)
    amend(small, 0, reps, editor)
    start = time.perf_counter()
    big = build(editor, clauses)
    amend(big, amendments, reps, editor)
    big.refresh_from_db()
    chars = sum(len(u.text_ru) for u in Version.objects.get(document=big, number=1).text)
    print(
        f"built {clauses} clauses, {chars:,} characters (Russian), {amendments:,} amendments, "
        f"{big.latest_number} versions in {time.perf_counter() - start:.1f} s"
    )
    print(f"{'':34}{'baseline (10 clauses, 0 amendments)':>38}{'at scale':>22}")
    for label, path in [
        ("document page", "/en/documents/{}/"),
        ("amendment inbox (all, page 1)", "/en/documents/{}/amendments/?status=all"),
        ("amendment inbox (all, last page)", "/en/documents/{}/amendments/?status=all&page=last"),
        ("compare page (v1 → latest)", "/en/documents/{}/compare/?from=1"),
        ("export PDF, both languages", "/en/documents/{}/versions/1/export/?format=pdf&lang=both"),
    ]:
        base_ms, base_q = measure(client, path.format(small.pk), runs=3)
        ms, q = measure(client, path.format(big.pk), runs=3)
        print(
            f"  {label:<32}{base_ms:>22.1f} ms, {base_q:>3} queries{ms:>12.1f} ms, {q:>3} queries"
        )
    base_ms, _ = compare_time(small)
    ms, changed = compare_time(big)
    print(
        f"  {'rules.compare (v1 → latest)':<32}{base_ms:>22.1f} ms{'':>13}{ms:>8.1f} ms ({changed} changes)"
    )


if __name__ == "__main__":
    main()
