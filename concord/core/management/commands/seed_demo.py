from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.module_loading import import_string

DEFAULT_DEMO_PASSWORD = "concord-demo-2024"  # noqa: S105 - printed for the demo, never for real use


class Command(BaseCommand):
    help = (
        "Build the demo world (the organization as in 2024) and the demo accounts. Idempotent: "
        "run it again and only what is missing is added."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", default=DEFAULT_DEMO_PASSWORD, help="for every demo user")

    def handle(self, *args: Any, password: str, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError(
                "seed_demo builds demo accounts with a known password; not in production."
            )
        verbosity = int(options.get("verbosity", 1))
        lines: list[str] = []
        essential: list[str] = []  # what a newcomer needs (the accounts), printed at verbosity 1
        # One transaction per seeder, not one for all: domain events are delivered when the
        # transaction that emitted them commits, and later seeders build on what they made (the
        # publication drafts of adopted statements). Seeders are idempotent, so a run that stops
        # half-way is completed by running the command again.
        for path in settings.CONCORD_DEMO_SEEDERS:
            with transaction.atomic():
                made = import_string(path)(password=password)
            (essential if path in settings.CONCORD_DEMO_ESSENTIAL else lines).extend(made)
        if verbosity == 0:
            return
        self.stdout.write(
            "Demo data ready." + ("" if verbosity > 1 else " (-v 2 lists what it holds)")
        )
        for line in essential + (lines if verbosity > 1 else []):
            self.stdout.write(line)
