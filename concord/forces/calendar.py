"""The training plan as an iCalendar feed (RFC 5545), one all-day event per training event, so that
the plan shows in the calendars people already use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar, Event  # type: ignore[import-untyped]

from .models import TrainingEvent
from .states import EventStatus, PlanStatus


# An adopted plan's events are confirmed; a draft's are tentative; a cancelled one is cancelled.
def _status(event: TrainingEvent) -> str:
    if event.status == EventStatus.CANCELLED:
        return "CANCELLED"
    return "CONFIRMED" if event.plan.status == PlanStatus.ADOPTED else "TENTATIVE"


def feed(
    title: str, events: Iterable[TrainingEvent], *, url_of: dict[int, str], host: str
) -> bytes:
    """`url_of` maps an event's id to its page's address; `host` names this system in the UIDs."""
    calendar = Calendar()
    calendar.add("prodid", "-//Concord//Joint training plan//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    stamp = timezone.now()
    for event in events:
        entry = Event()
        entry.add("uid", f"training-event-{event.pk}@{host}")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.starts_on)
        entry.add("dtend", event.ends_on + dt.timedelta(days=1))  # the end is exclusive
        entry.add("summary", event.name)
        place = ", ".join(p for p in (event.area, event.host.name if event.host else "") if p)
        if place:
            entry.add("location", place)
        states = ", ".join(sorted(s.name for s in event.states.all()))
        entry.add(
            "description",
            "\n".join(
                p
                for p in (
                    event.get_kind_display(),
                    states,
                    event.scenario,
                    event.get_status_display(),
                )
                if p
            ),
        )
        entry.add("categories", [event.get_kind_display()])
        entry.add("status", _status(event))
        if event.pk in url_of:
            entry.add("url", url_of[event.pk])
        calendar.add_component(entry)
    return calendar.to_ical()
