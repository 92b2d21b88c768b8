#!/usr/bin/env python
"""Audit log: how fast services can append to the chain, and how fast the chain is verified.

Usage: .venv/bin/python bench/audit_chain.py [APPENDS] [CHAIN_LENGTH]
Runs on a throwaway SQLite file unless DATABASE_URL is set. Prints each figure beside its baseline:
  appends   record() (lock the head, hash, insert, move the head), one transaction each,
            against a plain insert of the same row in its own transaction;
  verify    verify (stream in sequence order and re-hash every entry) against streaming the same
            rows without hashing; the growth of peak memory shows that the table is never loaded whole.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import sys
import tempfile
import time
from enum import StrEnum
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from concord.audit.models import Entry, Head  # noqa: E402
from concord.audit.rules import entry_hash  # noqa: E402
from concord.audit.selectors import chain_problem  # noqa: E402
from concord.audit.services import hashed_fields, record  # noqa: E402
from concord.core.actors import SYSTEM  # noqa: E402


class BenchVerb(StrEnum):
    RECORD = "bench.record"


def timed(label: str, n: int, fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    print(f"  {label:<42} {n / seconds:>10,.0f} /s   ({seconds:.2f} s for {n:,})")
    return seconds


def main() -> None:
    appends = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000
    length = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    call_command("migrate", verbosity=0)
    print(f"database: {os.environ['DATABASE_URL'].split('?')[0]}")

    print("append")
    base = timed(
        "baseline: plain insert, one transaction each",
        appends,
        lambda: [
            transaction.atomic()(Entry.objects.create)(
                seq=10_000_000 + i, at=dt.datetime.now(dt.UTC), verb="bench.plain", hash="x"
            )
            for i in range(appends)
        ],
    )
    Entry.objects.filter(verb="bench.plain").delete()
    ours = timed(
        "record(): locked head + hash + insert",
        appends,
        lambda: [record(BenchVerb.RECORD, actor=SYSTEM, summary=str(i)) for i in range(appends)],
    )
    print(f"  ratio record/plain: {ours / base:.2f}x the time")

    # A long chain, built directly (same hash function) so that verification has something to read.
    head = Head.objects.get(pk=1)
    seq, previous, batch = head.seq, head.hash, []
    now = dt.datetime.now(dt.UTC)
    for _ in range(length - head.seq):
        seq += 1
        entry = Entry(seq=seq, at=now, verb="bench.bulk", summary="x" * 80, changes={"n": seq})
        entry.prev_hash = previous
        entry.hash = previous = entry_hash(previous, hashed_fields(entry))
        batch.append(entry)
        if len(batch) == 5_000:
            Entry.objects.bulk_create(batch)
            batch = []
    Entry.objects.bulk_create(batch)
    Head.objects.filter(pk=1).update(seq=seq, hash=previous)

    print(f"verify ({seq:,} entries)")
    timed(
        "baseline: stream rows, no hashing",
        seq,
        lambda: sum(1 for _ in Entry.objects.order_by("seq").iterator(chunk_size=2000)),
    )
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    problem: list[object] = []
    timed("verify_audit: stream and re-hash", seq, lambda: problem.append(chain_problem()))
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert problem == [None], problem
    print(f"  peak memory grew by {(rss_after - rss_before) / 1024:.1f} MiB while verifying")


if __name__ == "__main__":
    main()
