from typing import Any

from django.core.management.base import BaseCommand, CommandError

from concord.audit.models import Entry
from concord.audit.selectors import chain_problem


class Command(BaseCommand):
    help = "Check that the audit log is intact: exit 0 if so, non-zero naming the first bad entry."

    def handle(self, *args: Any, **options: Any) -> None:
        problem = chain_problem()
        if problem is not None:
            raise CommandError(f"Audit chain broken at {problem}")
        self.stdout.write(f"Audit chain intact: {Entry.objects.count()} entries.")
