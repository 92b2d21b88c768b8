"""A throwaway copy of the demo database for the server benchmarks (pages_load.py, signed_in_cost.py).

`demo_database(folder, source=...)` returns the DATABASE_URL of a demo database the benchmark may
write to: a copy of the SQLite file `source` (made with SQLite's backup API, so a database in WAL
mode is copied whole), or, without one, a fresh database migrated and seeded with `seed_demo` in
`folder` (about two minutes). With DATABASE_URL naming PostgreSQL (scripts/with-postgres), that
database is migrated and seeded instead.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "concord-demo-2024"  # noqa: S105 (seed_demo's default, public)


def manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def copy_sqlite(source: str | Path, target: str | Path) -> None:
    """Copy a SQLite database with SQLite's backup API: whole, even in WAL mode."""
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)


def demo_database(folder: Path, *, source: str | None = None) -> str:
    url = os.environ.get("DATABASE_URL", "")
    env = {k: v for k, v in os.environ.items() if k not in {"CONCORD_PRODUCTION", "DEBUG"}}
    if url.startswith(("postgres://", "postgresql://")):
        env["DATABASE_URL"] = url
        print("Seeding the demo into PostgreSQL…", file=sys.stderr, flush=True)
        manage("migrate", "--noinput", env=env)
        manage("seed_demo", env=env)
        return url
    target = folder / "concord.sqlite3"
    url = f"sqlite:///{target}"
    env["DATABASE_URL"] = url
    if source:
        copy_sqlite(source, target)
        manage("migrate", "--noinput", env=env)  # the copy may predate this branch's migrations
    else:
        print("Building a fresh demo database (migrate + seed_demo)…", file=sys.stderr, flush=True)
        manage("migrate", "--noinput", env=env)
        manage("seed_demo", env=env)
    return url
