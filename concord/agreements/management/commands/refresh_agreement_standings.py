from typing import Any

from django.core.management.base import BaseCommand

from concord.agreements.stored import refresh_all


class Command(BaseCommand):
    help = (
        "Recompute and keep every instrument's entry-into-force standing from its record (after a "
        "state joins or leaves the organization: the parties change; recording an action keeps it "
        "by itself)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{refresh_all()} instruments refreshed.")
