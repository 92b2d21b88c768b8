"""The scheduler: periodic jobs run by one process (`manage.py run_scheduler`), needing only the
database.

Each app declares its jobs in a `jobs.py` module with `@job("app.name", every=…)` or `at=…`; the
scheduler imports those modules (as the admin finds `admin.py`), so the kernel names no app.
`settings.CONCORD_SCHEDULE` overrides a job's schedule or switches it off (`None`).

A job is a function `(now) -> str` that does what is due at `now` and says what it did ("" when
there was nothing to do). Jobs are idempotent: a second run at the same moment changes nothing. The
app's services write the audit entries (with SYSTEM, only when something changed); the scheduler
keeps a `JobRun` row per run and, per job, a `ScheduledJob` row with its next due time and a lease.
A process runs a job only after taking the lease in one conditional UPDATE, so two schedulers never
run the same job at once; a lease left by a process that died expires after `LEASE`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from .models import JobRun, ScheduledJob

log = logging.getLogger("concord.scheduler")

LEASE = dt.timedelta(hours=1)
KEEP_RUNS = dt.timedelta(days=30)  # older runs are deleted as new ones are kept
JobFunction = Callable[[dt.datetime], str]


@dataclass(frozen=True)
class Job:
    name: str
    run: JobFunction
    every: dt.timedelta | None = None  # every so often, from the end of the last run's slot
    at: dt.time | None = None  # once a day at this time (UTC)

    def next_after(self, now: dt.datetime) -> dt.datetime:
        """The next time the job is due after a run at `now`."""
        if self.every is not None:
            return now + self.every
        assert self.at is not None
        today = now.astimezone(dt.UTC).replace(
            hour=self.at.hour, minute=self.at.minute, second=0, microsecond=0
        )
        return today if today > now else today + dt.timedelta(days=1)

    def first_due(self, now: dt.datetime) -> dt.datetime:
        """When a job never run before is first due: at once if periodic, else at its next time."""
        return now if self.every is not None else self.next_after(now)


_registry: dict[str, Job] = {}


def job(
    name: str, *, every: dt.timedelta | None = None, at: dt.time | None = None
) -> Callable[[JobFunction], JobFunction]:
    """Register `function` as the job `name` with its default schedule."""
    if (every is None) == (at is None):
        raise ValueError(f"Job {name}: give either `every` or `at`.")

    def register(function: JobFunction) -> JobFunction:
        _registry[name] = Job(name, function, every, at)
        return function

    return register


def parse_schedule(job: Job, schedule: dict[str, object]) -> Job:
    """A job with the schedule from settings: {"every": seconds} or {"at": "HH:MM"} (UTC)."""
    if "every" in schedule:
        seconds = schedule["every"]
        assert isinstance(seconds, int | float) and seconds > 0, f"{job.name}: bad 'every'"
        return replace(job, every=dt.timedelta(seconds=seconds), at=None)
    if "at" in schedule:
        return replace(job, every=None, at=dt.time.fromisoformat(str(schedule["at"])))
    raise ValueError(f"Job {job.name}: the schedule needs 'every' or 'at'.")


def jobs() -> dict[str, Job]:
    """Every registered job with its schedule from settings; jobs switched off are left out."""
    autodiscover_modules("jobs")
    overrides: dict[str, dict[str, object] | None] = getattr(settings, "CONCORD_SCHEDULE", {})
    chosen = {}
    for name, known in sorted(_registry.items()):
        if name in overrides:
            schedule = overrides[name]
            if schedule is None:
                continue
            known = parse_schedule(known, schedule)
        chosen[name] = known
    return chosen


def owner_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def claim(job: Job, *, owner: str, now: dt.datetime) -> bool:
    """Take the job's lease if it is due and nobody holds it: one UPDATE, which only one process wins."""
    ScheduledJob.objects.get_or_create(name=job.name, defaults={"next_run_at": job.first_due(now)})
    taken = (
        ScheduledJob.objects.filter(name=job.name, next_run_at__lte=now)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(lease_owner=owner, lease_until=now + LEASE, last_started_at=now)
    )
    return taken == 1


def run_job(job: Job, *, owner: str, now: dt.datetime) -> JobRun:
    """Run a job whose lease `owner` holds, keep the run, release the lease, set the next due time."""
    ok, summary = True, ""
    try:
        summary = job.run(now)
    except Exception as error:
        log.exception("Scheduled job %s failed", job.name)
        ok, summary = False, f"{type(error).__name__}: {error}"
    finished = timezone.now()
    run = JobRun.objects.create(
        job=job.name, owner=owner, started_at=now, finished_at=finished, ok=ok, summary=summary
    )
    ScheduledJob.objects.filter(name=job.name, lease_owner=owner).update(
        lease_owner="",
        lease_until=None,
        last_finished_at=finished,
        next_run_at=job.next_after(max(now, finished) if job.at else now),
    )
    JobRun.objects.filter(job=job.name, started_at__lt=now - KEEP_RUNS).delete()
    if summary:
        log.info("%s: %s", job.name, summary)
    return run


def run_due(
    *,
    owner: str,
    now: dt.datetime | None = None,
    only: set[str] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> list[JobRun]:
    """Run every job due at `now` whose lease this process wins; the runs, in the order done."""
    runs = []
    for name, known in jobs().items():
        if only is not None and name not in only:
            continue
        if should_stop():
            break
        moment = now or timezone.now()
        if claim(known, owner=owner, now=moment):
            runs.append(run_job(known, owner=owner, now=moment))
    return runs
