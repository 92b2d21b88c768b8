from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.accounts.models import User
from concord.core.actors import SYSTEM, Actor
from concord.core.errors import DomainError
from concord.operations import services
from concord.operations.models import Stage
from concord.organization.models import MemberState


class Command(BaseCommand):
    help = (
        "Submit a state's report for a stage from a spreadsheet (XLSX or CSV, the stage's template). "
        "The file replaces the state's draft whole, or nothing changes and every problem is listed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("stage_id", type=int)
        parser.add_argument("state", help="ISO 3166-1 alpha-2 code, e.g. KZ")
        parser.add_argument("file")
        parser.add_argument(
            "--user", help="record the import as made by this user (who must act for the state)"
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="leave the report as a draft instead of submitting it",
        )

    def handle(
        self,
        *args: Any,
        stage_id: int,
        state: str,
        file: str,
        user: str | None,
        draft: bool,
        **options: Any,
    ) -> None:
        stage = Stage.objects.filter(pk=stage_id).select_related("operation").first()
        if stage is None:
            raise CommandError(f"No stage {stage_id}.")
        member = MemberState.objects.filter(iso2=state.upper()).first()
        if member is None:
            raise CommandError(f"No member state {state!r}.")
        actor: Actor = SYSTEM
        if user:
            person = User.objects.filter(username=user).first()
            if person is None:
                raise CommandError(f"No user {user!r}.")
            actor = person
        try:
            with open(file, "rb") as handle:
                report, count, warnings = services.import_report(
                    stage, member, handle, actor=actor, submit=not draft
                )
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        except services.ImportRejected as error:
            for p in error.problems:
                self.stderr.write(f"row {p.row}, {p.column} {p.value!r}: {p.why}")
            raise CommandError(f"{error.message} ({len(error.problems)} problems)") from error
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        for w in warnings:
            self.stderr.write(f"warning: row {w.row}, {w.column} {w.value!r}: {w.why}")
        self.stdout.write(
            f"{count} figures; report {report.pk} ({member.iso2}, revision {report.revision}) is {report.status}."
        )
