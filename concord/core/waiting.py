"""What waits for the signed-in user, at the top of the landing page (issue 21).

Each module contributes a provider, `waiting(request) -> list[Waiting]`, named in
settings.CONCORD_WAITING (the kernel imports no app: it finds them by name, as it finds the dashboard's
panels). A provider lists only what the user may see and what asks for *their* action, in a constant
number of queries, at most `LIMIT` items; the landing page merges them, soonest deadline first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.module_loading import import_string

LIMIT = 10  # per provider: the landing page is a list of things to do, not a register


@dataclass(frozen=True)
class Waiting:
    """One thing that waits for the user: what it is, where to act on it, by when."""

    title: str
    url: str
    kind: str  # what is asked, in the reader's language ("Position awaited", "Report to approve")
    module: str  # the module it belongs to, in the reader's language
    deadline: dt.date | None = None

    def overdue(self, today: dt.date) -> bool:
        return self.deadline is not None and self.deadline < today


def day_of(moment: dt.datetime | dt.date | None) -> dt.date | None:
    """A deadline as the day it falls on locally (stages close at a moment, tasks on a day)."""
    if moment is None or not isinstance(moment, dt.datetime):
        return moment
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()


def in_order(items: list[Waiting]) -> list[Waiting]:
    """Soonest deadline first (overdue first of all), then those without one, each by title."""
    return sorted(items, key=lambda w: (w.deadline is None, w.deadline or dt.date.min, w.title))


def waiting_for(request: HttpRequest) -> list[Waiting]:
    """Everything the providers of settings.CONCORD_WAITING list for the user, in order."""
    if not request.user.is_authenticated:
        return []
    found: list[Waiting] = []
    for path in settings.CONCORD_WAITING:
        found.extend(in_order(import_string(path)(request))[:LIMIT])  # each provider's soonest
    return in_order(found)
