#!/usr/bin/env python
"""Backup and restore of an existing database, against `dumpdata` (the baseline, which is not a
backup: it cuts timestamps to milliseconds) over the same data.

Usage: DATABASE_URL=... .venv/bin/python bench/backup_restore.py
Needs a migrated and seeded database (e.g. `migrate && seed_demo` on a SQLite file); it backs it
up into a temporary folder, restores it in place, and prints times, sizes and ratios.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from concord.core import backup  # noqa: E402


def timed(label: str, run) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    run()
    took = time.perf_counter() - start
    print(f"{label:<28} {took:8.2f} s")
    return took


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    folder = Path(tempfile.mkdtemp()) / "backup"
    out = Path(tempfile.mkdtemp()) / "dump.json"
    baseline = timed(
        "dumpdata (baseline)", lambda: call_command("dumpdata", output=str(out), verbosity=0)
    )
    took = timed("backup", lambda: backup.backup(folder))
    again = timed(
        "restore (with its checks)",
        lambda: call_command("restore", str(folder), stdout=io.StringIO()),
    )
    manifest = backup.read_manifest(folder)
    print(f"rows {manifest['rows']}, tables {len(manifest['tables'])}, vendor {manifest['vendor']}")
    print(
        f"backup size {size(folder) / 2**20:.1f} MiB, dumpdata size {out.stat().st_size / 2**20:.1f} MiB"
    )
    print(
        f"backup / dumpdata time: {took / baseline:.2f}; restore / dumpdata time: {again / baseline:.2f}"
    )


if __name__ == "__main__":
    main()
