"""Backups restore exactly: every table's rows (timestamps to the microsecond), the attachments, and
an audit chain that still verifies. Run on PostgreSQL too (scripts/with-postgres)."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from concord.audit.models import Entry
from concord.audit.selectors import chain_problem
from concord.audit.services import record
from concord.core import backup
from concord.core.actors import SYSTEM
from tests.builders import TestVerb


def table_hashes() -> dict[str, str]:
    """Each table's rows, in a stable order, hashed as the database gives them back."""
    hashes = {}
    with connection.cursor() as cursor:
        for table in backup.table_names(cursor):
            cursor.execute(f"SELECT * FROM {backup.quoted(table)}")  # noqa: S608
            rows = sorted(repr(tuple(row)) for row in cursor.fetchall())
            hashes[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return hashes


@pytest.fixture
def media(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "attachments" / "1").mkdir(parents=True)
    (settings.MEDIA_ROOT / "attachments" / "1" / "note.txt").write_bytes(b"Kept.\n")
    return settings.MEDIA_ROOT


@pytest.fixture
def seeded(media):
    if not Entry.objects.exists():  # a transactional test before this one emptied the database
        call_command("seed_demo", password="x-pass-123456", stdout=io.StringIO())
    return media


def test_a_backup_restores_every_row_every_file_and_the_audit_chain(seeded, tmp_path):
    from concord.accounts.models import User
    from concord.consultations.models import Notification

    record(TestVerb.TOUCH, actor=SYSTEM, summary="before the backup")
    before = table_hashes()
    out = io.StringIO()
    call_command("backup", str(tmp_path / "b"), stdout=out)
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text())
    assert manifest["vendor"] == connection.vendor
    assert manifest["tables"]["audit_entry"] == Entry.objects.count()
    assert manifest["audit_head"]["seq"] == Entry.objects.order_by("-seq").first().seq
    assert manifest["attachments"]["count"] == 1
    assert manifest["migration_heads"]["core"] == ["0001_scheduler"]

    # What happens after the backup, to be undone by the restore:
    Notification.objects.all().delete()
    User.objects.filter(username="kz_rep").update(first_name="Changed")
    record(TestVerb.TOUCH, actor=SYSTEM, summary="after the backup")
    (seeded / "attachments" / "1" / "note.txt").unlink()
    (seeded / "late.txt").write_bytes(b"Later.\n")
    assert table_hashes() != before
    caches["default"].set("page:before-restore", "stale")
    caches["pages"].set("page:before-restore", "stale")

    out = io.StringIO()
    call_command("restore", str(tmp_path / "b"), stdout=out)
    # nothing cached survives: sessions, users, public pages, pages kept for signed-in readers
    kept = caches["default"].get("page:before-restore"), caches["pages"].get("page:before-restore")
    assert kept == (None, None)
    assert "Audit chain intact" in out.getvalue() and "every count matches" in out.getvalue()
    after = table_hashes()
    assert [t for t in before if before[t] != after.get(t)] == []
    assert after.keys() == before.keys()
    assert chain_problem() is None
    assert (seeded / "attachments" / "1" / "note.txt").read_bytes() == b"Kept.\n"
    assert not (seeded / "late.txt").exists()
    assert sorted(p.name for p in seeded.parent.iterdir()) == ["b", "media"]  # nothing left over


def test_a_restore_refuses_other_migrations_unless_told(media, tmp_path):
    call_command("backup", str(tmp_path / "b"), stdout=io.StringIO())
    manifest_path = tmp_path / "b" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["migration_heads"]["core"] = ["0002_from_the_future"]
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match="other migrations"):
        call_command("restore", str(tmp_path / "b"), stdout=io.StringIO())
    out = io.StringIO()
    call_command("restore", str(tmp_path / "b"), "--allow-other-migrations", stdout=out)
    assert "Restored" in out.getvalue()


def test_a_backup_goes_into_a_new_folder_and_a_damaged_one_is_refused(media, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path / "full"), stdout=io.StringIO())
    call_command("backup", str(tmp_path / "b"), stdout=io.StringIO())
    database = next(p for p in (tmp_path / "b").iterdir() if p.name.startswith("database"))
    with database.open("ab") as f:
        f.write(b"tampered")
    with pytest.raises(CommandError, match="not the file the manifest describes"):
        call_command("restore", str(tmp_path / "b"), stdout=io.StringIO())
