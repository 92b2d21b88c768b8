from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core.actors import SYSTEM
from concord.monitoring.importers import FORMATS, NotCsv, import_events


class Command(BaseCommand):
    help = (
        "Import conflict events from a UCDP GED CSV (plain or zipped) or an ACLED-format CSV. Events are "
        "keyed by the source's id: importing again updates them. Bad rows are reported with their line "
        "and skipped; the rest is imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", required=True, choices=sorted(FORMATS), dest="fmt")
        parser.add_argument(
            "--source-version", default="", help="e.g. 19.1; defaults to the file's version column"
        )
        parser.add_argument("path")

    def handle(self, *args: Any, fmt: str, path: str, source_version: str, **options: Any) -> None:
        try:
            report = import_events(
                path,
                fmt,
                actor=SYSTEM,
                version=source_version,
                on_problem=lambda p: self.stderr.write(str(p)),
            )
        except NotCsv as error:
            raise CommandError(f"{path}: {error}; nothing imported.") from error
        for line in report.coverage:
            self.stdout.write(line)
        self.stdout.write(f"{path}: {report.summary()}.")
