import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core.actors import SYSTEM
from concord.core.errors import DomainError
from concord.monitoring import coverage, rules

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _month(value: str) -> int:
    found = MONTH.match(value)
    if not found or not 1 <= int(found[2]) <= 12:
        raise CommandError(f"{value!r}: write a month as YYYY-MM")
    return rules.month_index(int(found[1]), int(found[2]))


class Command(BaseCommand):
    help = (
        "Declare what a source version covers (countries and months), with or without events there: "
        "inside, a month without events is zero; outside, the pages say there is no event data. "
        "Imports record their coverage from their rows; declare what a source covers beyond them "
        "(GED covers the whole world) or add a note that readers must see (e.g. candidate events)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--source", required=True, help="e.g. ucdp-ged, acled")
        parser.add_argument("--source-version", default="", dest="version")
        parser.add_argument("--countries", required=True, help="ISO3 codes, comma-separated")
        parser.add_argument("--from", required=True, dest="first", help="YYYY-MM")
        parser.add_argument("--to", required=True, dest="last", help="YYYY-MM")
        parser.add_argument("--note-en", default=None)
        parser.add_argument("--note-ru", default=None)

    def handle(self, *args: Any, **o: Any) -> None:
        countries = [c.strip().upper() for c in o["countries"].split(",") if c.strip()]
        try:
            stored = coverage.declare_coverage(
                o["source"],
                o["version"],
                countries,
                _month(o["first"]),
                _month(o["last"]),
                actor=SYSTEM,
                note_ru=o["note_ru"],
                note_en=o["note_en"],
            )
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        self.stdout.write(
            f"Coverage: {stored.source} {stored.source_version} covers "
            f"{', '.join(stored.countries)} {o['first']}…{o['last']} ({stored.rows} events)."
        )
