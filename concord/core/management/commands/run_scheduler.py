import signal
import threading
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections

from concord.core import scheduler


class Command(BaseCommand):
    help = (
        "Run the scheduled jobs (CONCORD_SCHEDULE) as they fall due, until stopped (SIGTERM or "
        "Ctrl-C); with --once, run what is due now and exit (for cron and tests)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="run what is due and exit")
        parser.add_argument(
            "--interval", type=float, default=30.0, help="seconds between looks (default 30)"
        )
        parser.add_argument("--job", action="append", help="only this job (repeatable)")
        parser.add_argument("--list", action="store_true", help="list the jobs and exit")

    def handle(
        self,
        *args: Any,
        once: bool,
        interval: float,
        job: list[str] | None,
        list: bool,
        **options: Any,
    ) -> None:
        known = scheduler.jobs()
        if list:
            for name, j in known.items():
                when = f"every {j.every}" if j.every else f"daily at {j.at} UTC"
                self.stdout.write(f"{name}  {when}")
            return
        only = set(job) if job else None
        if only and only - known.keys():
            raise CommandError(f"Unknown job(s): {', '.join(sorted(only - known.keys()))}.")
        owner = scheduler.owner_name()
        stop = threading.Event()

        def on_signal(signum: int, frame: FrameType | None) -> None:
            stop.set()

        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)
        self.stdout.write(f"Scheduler {owner}: {len(known)} job(s).")
        while True:
            for run in scheduler.run_due(owner=owner, only=only, should_stop=stop.is_set):
                state = "ok" if run.ok else "FAILED"
                self.stdout.write(
                    f"{run.started_at:%Y-%m-%d %H:%M:%S} {run.job} {state} {run.summary}"
                )
                self.stdout.flush()
            if once or stop.wait(interval):
                break
            close_old_connections()  # a long-lived process drops connections the database closed
        self.stdout.write(f"Scheduler {owner} stopped.")
