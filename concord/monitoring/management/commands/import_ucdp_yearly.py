from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core.actors import SYSTEM
from concord.monitoring.importers import ImportFailed, import_yearly
from concord.monitoring.importers.shown import ProblemPrinter, failed_message


class Command(BaseCommand):
    help = (
        "Import a yearly UCDP table (armed conflicts, battle-related deaths, non-state or one-sided "
        "violence; recognised by its columns) for the country-year views. Importing again updates. "
        "The import applies whole or not at all: any bad row imports nothing and exits non-zero."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")

    def handle(self, *args: Any, path: str, **options: Any) -> None:
        printer = ProblemPrinter(self.stderr.write)
        try:
            dataset, report = import_yearly(path, actor=SYSTEM, on_problem=printer)
        except ImportFailed as error:
            printer.close()
            raise CommandError(failed_message(path, error)) from error
        self.stdout.write(f"{path} ({dataset}): {report.summary()}.")
