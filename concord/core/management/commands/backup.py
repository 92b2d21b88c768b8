from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core import backup


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite online backup, or pg_dump -Fc) and the attachments into a new "
        "folder PATH, with a manifest.json of counts, migrations and the audit chain's head."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="a new or empty folder")

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            manifest = backup.backup(path)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up {manifest['vendor']} at {manifest['created_at']} into {path}: "
            f"{len(manifest['tables'])} tables, {manifest['rows']} rows, "
            f"{manifest['attachments']['count']} attachments, "
            f"audit head #{manifest['audit_head']['seq']}."
        )
        if manifest["unapplied_migrations"]:
            self.stderr.write(
                "Warning: the database lacks migrations: "
                + ", ".join(manifest["unapplied_migrations"])
            )
