from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core.actors import SYSTEM
from concord.operations.seizures import import_seizures
from concord.operations.services import ImportRejected


class Command(BaseCommand):
    help = (
        "Import UNODC's national drug seizures (World Drug Report, Statistical Annex 7.1, as CSV)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")

    def handle(self, *args: Any, path: str, **options: Any) -> None:
        try:
            with open(path, encoding="utf-8-sig", newline="") as file:
                count = import_seizures(file, actor=SYSTEM)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        except ImportRejected as error:
            for p in error.problems:
                self.stderr.write(f"row {p.row}, {p.column} {p.value!r}: {p.why}")
            raise CommandError(f"Nothing imported: {len(error.problems)} problems.") from error
        self.stdout.write(f"{count} seizure rows imported.")
