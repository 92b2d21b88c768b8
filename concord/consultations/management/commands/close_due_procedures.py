from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from concord.consultations.deadlines import close_due_procedures
from concord.core.actors import SYSTEM


class Command(BaseCommand):
    help = "Close written procedures whose deadline has passed and send reminders. Safe to run every minute."

    def handle(self, *args: Any, **options: Any) -> None:
        closed, reminded = close_due_procedures(actor=SYSTEM, now=timezone.now())
        self.stdout.write(f"{closed} procedure(s) closed, {reminded} reminder(s) sent.")
