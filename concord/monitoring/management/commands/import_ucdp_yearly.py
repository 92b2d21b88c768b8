from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core.actors import SYSTEM
from concord.monitoring.importers import NotCsv, import_yearly


class Command(BaseCommand):
    help = (
        "Import a yearly UCDP table (armed conflicts, battle-related deaths, non-state or one-sided "
        "violence; recognised by its columns) for the country-year views. Importing again updates."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")

    def handle(self, *args: Any, path: str, **options: Any) -> None:
        try:
            dataset, report = import_yearly(
                path, actor=SYSTEM, on_problem=lambda p: self.stderr.write(str(p))
            )
        except NotCsv as error:
            raise CommandError(f"{path}: {error}; nothing imported.") from error
        self.stdout.write(f"{path} ({dataset}): {report.summary()}.")
