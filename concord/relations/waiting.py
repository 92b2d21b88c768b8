"""What waits for the user in external relations (the landing page, `core.waiting`): the meetings
the user may see that begin within `SOON`, dated by their first day."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.core.models import in_language, viewer_of
from concord.core.waiting import LIMIT, Waiting

from . import calendar

SOON = dt.timedelta(days=14)


def waiting(request: HttpRequest) -> list[Waiting]:
    """One query: the meetings starting from today to `SOON` ahead, for those who act for a state or
    a body (a meeting is work for its participants, not for a reader of the calendar)."""
    viewer = viewer_of(request.user)
    if viewer.state_id is None and viewer.body_id is None:
        return []
    today = timezone.localdate()
    rows = [
        r for r in calendar.meetings(request.user, today, today + SOON) if r["starts_on"] >= today
    ]
    return [
        Waiting(
            title=in_language(r["title_ru"], r["title_en"]),
            url=r["url"],
            kind=_("Meeting soon"),
            module=_("Relations"),
            deadline=r["starts_on"],
        )
        for r in rows[:LIMIT]
    ]
