from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.accounts.models import User
from concord.accounts.services import create_api_token
from concord.core.actors import SYSTEM


class Command(BaseCommand):
    help = "Create a personal API token for USERNAME and print it (it is shown only this once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="command line", help="what the token is for")

    def handle(self, *args: Any, username: str, name: str, **options: Any) -> None:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {username!r}.")
        _token, raw = create_api_token(user, actor=SYSTEM, name=name)
        self.stdout.write(raw)
