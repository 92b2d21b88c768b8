from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.accounts.models import User
from concord.accounts.second_factor import reset_second_factor
from concord.core.actors import SYSTEM


class Command(BaseCommand):
    help = (
        "Forget USERNAME's authenticator (a lost or replaced phone); they set up a new one at "
        "their next sign-in. Recorded in the audit log."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        removed = reset_second_factor(user, actor=SYSTEM)
        self.stdout.write(f"Removed {removed} authenticator(s) of {username}.")
