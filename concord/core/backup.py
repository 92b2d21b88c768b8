"""Backups that restore exactly: the database copied by its own tools (SQLite's online backup API;
`pg_dump -Fc` / `pg_restore` on PostgreSQL), the attachments (MEDIA_ROOT) beside it, and a
`manifest.json` saying what the copy holds, so that a restore can be checked row count by row
count and against the audit chain's head. `dumpdata`/`loaddata` are not used: they cut timestamps to
milliseconds, and the audit chain, whose hashes cover the times, would no longer verify.

A backup is a folder:

    manifest.json     when, which database, which migrations, rows per table, files and checksums,
                      the audit chain's head
    database.sqlite3  (SQLite) or database.dump (PostgreSQL, custom format)
    media/            the attachments, as under MEDIA_ROOT
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

MANIFEST = "manifest.json"
FORMAT = 1


class BackupError(Exception):
    """Something that stops a backup or a restore, said plainly."""


# --- What a database holds ------------------------------------------------------------------------


def quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def table_names(cursor: Any) -> list[str]:
    """The database's own tables: not a session's temporary ones (an import's staging table)."""
    if connection.vendor == "postgresql":
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        return sorted(name for (name,) in cursor.fetchall())
    return sorted(connection.introspection.table_names(cursor))


def row_counts(cursor: Any) -> dict[str, int]:
    counts = {}
    for table in table_names(cursor):
        cursor.execute(f"SELECT COUNT(*) FROM {quoted(table)}")  # noqa: S608 - introspected names
        counts[table] = cursor.fetchone()[0]
    return counts


def audit_head(cursor: Any) -> dict[str, Any]:
    """The audit chain's head (read by table, since the kernel does not import the audit app)."""
    table = apps.get_model("audit", "Head")._meta.db_table
    cursor.execute(f"SELECT seq, hash FROM {quoted(table)} WHERE id = 1")  # noqa: S608
    row = cursor.fetchone()
    return {"seq": row[0], "hash": row[1]} if row else {"seq": 0, "hash": ""}


def migration_heads() -> dict[str, list[str]]:
    """The latest migration of each app in this code, which a backup and its restore must share."""
    heads: dict[str, list[str]] = {}
    for app, name in MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes():
        heads.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(heads.items())}


def unapplied_migrations() -> list[str]:
    loader = MigrationLoader(connection)
    return sorted(f"{a}.{n}" for a, n in set(loader.graph.nodes) - loader.applied_migrations.keys())


def concord_version() -> str:
    try:
        return metadata.version("concord")
    except metadata.PackageNotFoundError:
        return "unknown"


# --- Attachments ----------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_checksums(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): sha256(p) for p in sorted(root.rglob("*")) if p.is_file()
    }


# --- PostgreSQL's tools ---------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """`pg_dump`/`pg_restore` of the newest PostgreSQL installed (as scripts/with-postgres finds the
    server), or the one on PATH."""
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=_version_key)
    if found:
        return str(found[-1])
    on_path = shutil.which(name)
    if on_path is None:
        raise BackupError(f"{name} was not found; install the PostgreSQL client tools.")
    return on_path


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(p) for p in path.parts[-3].split(".") if p.isdigit())


def pg_env() -> dict[str, str]:
    db = connection.settings_dict
    values = {
        "PGDATABASE": db["NAME"],
        "PGUSER": db.get("USER") or "",
        "PGHOST": db.get("HOST") or "",
        "PGPORT": str(db.get("PORT") or ""),
        "PGPASSWORD": db.get("PASSWORD") or "",
    }
    return {**os.environ, **{k: v for k, v in values.items() if v}}


def run_tool(args: list[str]) -> None:
    done = subprocess.run(args, env=pg_env(), capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {done.stderr.strip()}")


# --- Backup ---------------------------------------------------------------------------------------


@dataclass
class Snapshot:
    counts: dict[str, int]
    audit_head: dict[str, Any]


def _backup_sqlite(target: Path) -> Snapshot:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)  # consistent even while others write
        cursor = copy.cursor()
        return Snapshot(row_counts(cursor), audit_head(cursor))
    finally:
        copy.close()


def _backup_postgresql(target: Path) -> Snapshot:
    """Counts and head read in the very snapshot pg_dump copies (an exported snapshot)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot_id = cursor.fetchone()[0]
        run_tool([pg_tool("pg_dump"), "-Fc", f"--snapshot={snapshot_id}", "-f", str(target)])
        return Snapshot(row_counts(cursor), audit_head(cursor))


def backup(path: Path) -> dict[str, Any]:
    """Write a backup into the folder `path` (new or empty); returns its manifest."""
    if path.exists() and any(path.iterdir()):
        raise BackupError(f"{path} is not empty; choose a new folder.")
    if connection.in_atomic_block:
        raise BackupError("A backup is taken outside any transaction.")
    path.mkdir(parents=True, exist_ok=True)
    started = timezone.now()
    if connection.vendor == "sqlite":
        database = "database.sqlite3"
        snapshot = _backup_sqlite(path / database)
    elif connection.vendor == "postgresql":
        database = "database.dump"
        snapshot = _backup_postgresql(path / database)
    else:
        raise BackupError(f"Backups of {connection.vendor} are not supported.")
    # After the database: a file the copied rows name was written before them, so it is here.
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.copytree(media, path / "media")
    else:
        (path / "media").mkdir()
    files = file_checksums(path / "media")
    manifest = {
        "format": FORMAT,
        "created_at": started.isoformat(),
        "finished_at": timezone.now().isoformat(),
        "vendor": connection.vendor,
        "database_file": database,
        "database_sha256": sha256(path / database),
        "concord_version": concord_version(),
        "migration_heads": migration_heads(),
        "unapplied_migrations": unapplied_migrations(),
        "tables": snapshot.counts,
        "rows": sum(snapshot.counts.values()),
        "audit_head": snapshot.audit_head,
        "attachments": {"count": len(files), "sha256": files},
    }
    (path / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


# --- Restore --------------------------------------------------------------------------------------


def read_manifest(path: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((path / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"No readable {MANIFEST} in {path}: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    database = path / manifest["database_file"]
    if not database.is_file() or sha256(database) != manifest["database_sha256"]:
        raise BackupError(f"{database} is missing or not the file the manifest describes.")
    return manifest


def migration_mismatch(manifest: dict[str, Any]) -> list[str]:
    """The apps whose latest migration differs between the backup and this code."""
    theirs, ours = manifest["migration_heads"], migration_heads()
    return sorted(
        f"{app}: backup {theirs.get(app)}, code {ours.get(app)}"
        for app in theirs.keys() | ours.keys()
        if theirs.get(app) != ours.get(app)
    )


def _restore_sqlite(database: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(database)
    try:
        source.backup(connection.connection)  # page by page into the live database
    finally:
        source.close()


def _restore_postgresql(database: Path) -> None:
    connection.close()  # holds no lock on the tables pg_restore drops
    run_tool(
        [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--dbname",
            connection.settings_dict["NAME"],
            str(database),
        ]
    )


@contextmanager
def _swapped_media(source: Path) -> Iterator[Path]:
    """Put the backup's attachments in MEDIA_ROOT's place; the old ones go only once all is in."""
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S%f")
    incoming = media.with_name(f"{media.name}.restoring-{stamp}")
    shutil.copytree(source, incoming)
    old = media.with_name(f"{media.name}.before-restore-{stamp}")
    if media.exists():
        media.rename(old)
    incoming.rename(media)
    yield media
    if old.exists():
        shutil.rmtree(old)


def restore(path: Path, *, allow_other_migrations: bool = False) -> dict[str, Any]:
    """Replace the database and the attachments by the backup in `path`, then check them against
    its manifest. Returns a report; raises BackupError when refused or when a check fails."""
    manifest = read_manifest(path)
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            f"The backup is of {manifest['vendor']}; this site runs {connection.vendor}."
        )
    mismatch = migration_mismatch(manifest)
    if mismatch and not allow_other_migrations:
        raise BackupError(
            "The backup was made with other migrations ("
            + "; ".join(mismatch)
            + "). Restore it with the Concord version that made it, or pass "
            "--allow-other-migrations and run `migrate` after."
        )
    if connection.in_atomic_block:
        raise BackupError("A restore runs outside any transaction.")
    database = path / manifest["database_file"]
    if connection.vendor == "sqlite":
        _restore_sqlite(database)
    else:
        _restore_postgresql(database)
    with _swapped_media(path / "media") as media:
        files = file_checksums(media)
    for (
        cache
    ) in caches.all():  # kept pages, sessions, users and figures describe the database replaced
        cache.clear()
    with connection.cursor() as cursor:
        counts, head = row_counts(cursor), audit_head(cursor)
    problems = [
        f"{table}: {counts.get(table)} rows, the backup had {n}"
        for table, n in manifest["tables"].items()
        if counts.get(table) != n
    ]
    if head != manifest["audit_head"]:
        problems.append(f"audit head {head}, the backup had {manifest['audit_head']}")
    if files != manifest["attachments"]["sha256"]:
        problems.append("the attachments differ from the backup's checksums")
    if problems:
        raise BackupError("Restored, but it does not match the backup: " + "; ".join(problems))
    return {
        "created_at": manifest["created_at"],
        "vendor": manifest["vendor"],
        "tables": len(counts),
        "rows": sum(counts.values()),
        "attachments": len(files),
        "audit_head": head,
        "migration_mismatch": mismatch,
    }
