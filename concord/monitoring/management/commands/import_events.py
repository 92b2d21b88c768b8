from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core.actors import SYSTEM
from concord.monitoring.importers import FORMATS, ImportFailed, import_events
from concord.monitoring.importers.shown import ProblemPrinter, failed_message


class Command(BaseCommand):
    help = (
        "Import conflict events from a UCDP GED CSV (plain or zipped, UTF-8) or an ACLED-format CSV. "
        "Events are keyed by the source's id: importing again updates them. The import applies whole "
        "or not at all: any bad row (each is reported with its line, column and value), bytes that are "
        "not UTF-8 or a damaged file import nothing and exit non-zero. Either way it is audited."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", required=True, choices=sorted(FORMATS), dest="fmt")
        parser.add_argument(
            "--source-version", default="", help="e.g. 19.1; defaults to the file's version column"
        )
        parser.add_argument("path")

    def handle(self, *args: Any, fmt: str, path: str, source_version: str, **options: Any) -> None:
        printer = ProblemPrinter(self.stderr.write)
        try:
            report = import_events(
                path, fmt, actor=SYSTEM, version=source_version, on_problem=printer
            )
        except ImportFailed as error:
            printer.close()
            raise CommandError(failed_message(path, error)) from error
        for line in report.coverage:
            self.stdout.write(line)
        self.stdout.write(f"{path}: {report.summary()}.")
