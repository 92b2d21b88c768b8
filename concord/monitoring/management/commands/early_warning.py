import json as json_module
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core.actors import SYSTEM
from concord.monitoring import services
from concord.monitoring.models import Region

from ._detector_options import add_threshold_arguments, month, thresholds


class Command(BaseCommand):
    help = (
        "Run the early-warning detector for a month (--until YYYY-MM) or month by month over a range "
        "(--history FROM TO), using only data up to each month; alerts are stored (analysts' decisions "
        "are kept) and printed with the rule that fired."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        when = parser.add_mutually_exclusive_group(required=True)
        when.add_argument("--until", metavar="YYYY-MM")
        when.add_argument("--history", nargs=2, metavar=("FROM", "TO"))
        parser.add_argument("--region", help="code of a region of concern")
        parser.add_argument("--json", action="store_true", help="print one JSON list of alerts")
        parser.add_argument("--language", default="en", choices=["en", "ru"])
        parser.add_argument("--dry-run", action="store_true", help="print without storing")
        add_threshold_arguments(parser)

    def handle(
        self,
        *args: Any,
        until: str | None,
        history: list[str] | None,
        region: str | None,
        json: bool,
        language: str,
        dry_run: bool,
        **options: Any,
    ) -> None:
        first, last = (
            (month(history[0]), month(history[1]))
            if history
            else (month(until or ""), month(until or ""))
        )
        if last < first:
            raise CommandError("The history ends before it starts.")
        chosen = None
        if region:
            chosen = Region.objects.filter(code=region).first()
            if chosen is None:
                raise CommandError(
                    f"No region {region!r}; known: {', '.join(Region.objects.values_list('code', flat=True))}."
                )
        flags = services.run_detector(
            first,
            last,
            actor=SYSTEM,
            region=chosen,
            thresholds=thresholds(options),
            store=not dry_run,
        )
        alerts = [services.as_json(f, language) for f in flags]
        if json:
            self.stdout.write(json_module.dumps(alerts, ensure_ascii=False, indent=1))
            return
        for alert in alerts:
            self.stdout.write(
                f"{alert['period']}  {alert['rule']:9}  {alert['level']:7}  {alert['country']}  {alert['explanation']}"
            )
        self.stdout.write(f"{len(alerts)} alerts.")
