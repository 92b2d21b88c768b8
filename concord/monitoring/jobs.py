"""The monitoring's scheduled job: the early-warning detector over the last complete month."""

from __future__ import annotations

import datetime as dt

from concord.core.actors import SYSTEM
from concord.core.scheduler import job

from . import rules, services


def last_complete_month(now: dt.datetime) -> int:
    """The month index of the month before `now`'s (UTC)."""
    day = now.astimezone(dt.UTC)
    return rules.month_index(day.year, day.month) - 1


@job("monitoring.early_warning", at=dt.time(3, 0))
def early_warning(now: dt.datetime) -> str:
    """Alerts are created or refreshed (analysts' decisions kept); each new one is audited by the
    service, so a second run the same day changes nothing."""
    month = last_complete_month(now)
    flags = services.run_detector(month, month, actor=SYSTEM)
    year, number = rules.year_month(month)
    return f"{len(flags)} flag(s) for {year:04d}-{number:02d}" if flags else ""
