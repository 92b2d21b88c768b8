import json as json_module
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from concord.monitoring import evaluation, rules, selectors

from ._detector_options import add_threshold_arguments, month, thresholds

DETECTORS: dict[str, rules.Detector] = {
    "robust": rules.evaluate,
    "negbin": rules.evaluate_negbin,
}


class Command(BaseCommand):
    help = (
        "Replay the early-warning detector month by month over the stored events (each month judged "
        "from the data up to it) and measure it against labelled escalation episodes: recall, lead "
        "time, share of quiet area-months alerted, alert rate, and each episode's detail."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--episodes", required=True, metavar="FILE.json")
        parser.add_argument("--from", dest="start", required=True, metavar="YYYY-MM")
        parser.add_argument("--to", dest="end", required=True, metavar="YYYY-MM")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument(
            "--lead", type=int, default=evaluation.LEAD, help="months of lead window"
        )
        parser.add_argument(
            "--detector",
            choices=sorted(DETECTORS),
            default="robust",
            help="robust (the detector in use) or negbin (the one before, for comparison)",
        )
        add_threshold_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        start, end = month(options["start"]), month(options["end"])
        if end < start:
            raise CommandError("--to is before --from.")
        if options["lead"] < 0:
            raise CommandError("--lead cannot be negative.")
        episodes = self._episodes(Path(options["episodes"]))
        coverage = selectors.coverage()
        if coverage["first"] is None:
            raise CommandError("No events are stored: import the data first.")
        series = selectors.monthly_by_area(Q(), coverage["first"], coverage["last"])
        try:
            evaluation.check_episodes(episodes, series, start, end)
        except evaluation.EpisodeError as error:
            raise CommandError(f"{options['episodes']}: {error}") from error
        result = evaluation.evaluate(
            series,
            episodes,
            start,
            end,
            thresholds=thresholds(options),
            detector=DETECTORS[options["detector"]],
            lead=options["lead"],
        )
        report = evaluation.as_json(result)
        if options["json"]:
            self.stdout.write(json_module.dumps(report, ensure_ascii=False, indent=1))
        else:
            self.stdout.write("\n".join(evaluation.as_text(report)))

    def _episodes(self, path: Path) -> list[evaluation.Episode]:
        try:
            data = json_module.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"{path}: cannot be read ({error.strerror}).") from error
        except (json_module.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: not valid JSON ({error}).") from error
        try:
            return evaluation.parse_episodes(data)
        except evaluation.EpisodeError as error:
            raise CommandError(f"{path}: {error}") from error
