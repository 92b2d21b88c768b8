import json as json_module
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core.actors import SYSTEM
from concord.monitoring import rules, services
from concord.monitoring.models import Region


def month(text: str) -> int:
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if not match or not 1 <= int(match[2]) <= 12:
        raise CommandError(f"{text!r} is not a month (YYYY-MM).")
    return rules.month_index(int(match[1]), int(match[2]))


class Command(BaseCommand):
    help = (
        "Run the early-warning detector for a month (--until YYYY-MM) or month by month over a range "
        "(--history FROM TO), using only data up to each month; alerts are stored (analysts' decisions "
        "are kept) and printed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        when = parser.add_mutually_exclusive_group(required=True)
        when.add_argument("--until", metavar="YYYY-MM")
        when.add_argument("--history", nargs=2, metavar=("FROM", "TO"))
        parser.add_argument("--region", help="code of a region of concern")
        parser.add_argument("--json", action="store_true", help="print one JSON list of alerts")
        parser.add_argument("--language", default="en", choices=["en", "ru"])
        parser.add_argument("--dry-run", action="store_true", help="print without storing")
        parser.add_argument("--score", type=float, default=rules.Thresholds.score)
        parser.add_argument("--min-events", type=int, default=rules.Thresholds.min_events)
        parser.add_argument("--min-deaths", type=int, default=rules.Thresholds.min_deaths)
        parser.add_argument("--window", type=int, default=rules.Thresholds.window)

    def handle(
        self,
        *args: Any,
        until: str | None,
        history: list[str] | None,
        region: str | None,
        json: bool,
        language: str,
        dry_run: bool,
        score: float,
        min_events: int,
        min_deaths: int,
        window: int,
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
        try:
            thresholds = rules.Thresholds(
                window=window,
                min_history=min(6, window),
                score=score,
                min_events=min_events,
                min_deaths=min_deaths,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        flags = services.run_detector(
            first, last, actor=SYSTEM, region=chosen, thresholds=thresholds, store=not dry_run
        )
        alerts = [services.as_json(f, language) for f in flags]
        if json:
            self.stdout.write(json_module.dumps(alerts, ensure_ascii=False, indent=1))
            return
        for alert in alerts:
            self.stdout.write(
                f"{alert['period']}  {alert['score']:5.1f}  {alert['level']:7}  {alert['country']}  {alert['explanation']}"
            )
        self.stdout.write(f"{len(alerts)} alerts.")
