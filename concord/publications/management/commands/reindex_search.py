from typing import Any

from django.core.management.base import BaseCommand

from concord.publications.indexing import reindex


class Command(BaseCommand):
    help = "Rebuild the search index from every module's objects (it is otherwise kept up to date on every save)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{reindex()} objects indexed.")
