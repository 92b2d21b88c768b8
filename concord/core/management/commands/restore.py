from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core import backup


class Command(BaseCommand):
    help = (
        "Replace the database and the attachments by a backup made with `backup`, then check row "
        "counts, attachments' checksums and the audit chain against its manifest. Stop the site and "
        "the scheduler first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="a folder written by `backup`")
        parser.add_argument(
            "--allow-other-migrations",
            action="store_true",
            help="restore a backup made with other migrations (run `migrate` after)",
        )

    def handle(self, *args: Any, path: Path, allow_other_migrations: bool, **options: Any) -> None:
        try:
            report = backup.restore(path, allow_other_migrations=allow_other_migrations)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        call_command("verify_audit", stdout=self.stdout)
        self.stdout.write(
            f"Restored the {report['vendor']} backup of {report['created_at']}: "
            f"{report['tables']} tables, {report['rows']} rows, {report['attachments']} attachments, "
            f"audit head #{report['audit_head']['seq']}; every count matches the manifest."
        )
        if report["migration_mismatch"]:
            self.stderr.write(
                "Made with other migrations: " + "; ".join(report["migration_mismatch"])
            )
