from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from concord.publications.models import PublicSite


class Command(BaseCommand):
    help = (
        "Show or hide the notice, on every public page, that the texts and some data are a "
        "demonstration (seed_demo turns it on; a real installation keeps it off)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("state", nargs="?", choices=["on", "off"])

    def handle(self, *args: Any, state: str | None, **options: Any) -> None:
        site = PublicSite.current()
        if state is not None:
            site.demo_notice = state == "on"
            site.save()  # a new public generation: cached pages show the change at once
        self.stdout.write(f"Demonstration notice: {'on' if site.demo_notice else 'off'}.")
