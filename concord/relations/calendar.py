"""One calendar of everything the user may see. Each app answers for its own dated records through
its selectors (`dated(user, start, end)`, plain values already limited to what the user may see);
this module gathers them, filters them by body, state and kind, and writes them as iCalendar.

Every source costs a fixed number of queries whatever the window holds, so a month of the calendar
is a constant number of queries; a feed of a year is written month by month as it streams."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar, Event  # type: ignore[import-untyped]

from concord.consultations import selectors as consultations
from concord.core.actors import Someone
from concord.core.models import in_language
from concord.forces import selectors as forces
from concord.operations import selectors as operations
from concord.organization import selectors as organization
from concord.programmes import plan_selectors as programmes

from . import permissions

KINDS = {
    "session": _("Session of a body"),
    "deadline": _("Procedure deadline"),
    "working_group": _("Working group meeting"),
    "partner": _("Meeting with partners"),
    "exercise": _("Exercise or training"),
    "deployment": _("Deployment"),
    "operation_stage": _("Operation stage"),
    "programme_task": _("Action plan deadline"),
    "chairmanship": _("Chairmanship"),
}


@dataclass(frozen=True)
class Entry:
    kind: str
    key: str
    title: str
    starts_on: dt.date
    ends_on: dt.date
    body: str
    states: tuple[str, ...]
    place: str
    url: str

    @property
    def kind_label(self) -> str:
        return str(KINDS.get(self.kind, self.kind))


def meetings(user: Someone, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """This app's own dated records: the meetings the user may see. One query."""
    found = (
        permissions.meetings_visible_to(user)
        .filter(starts_on__lte=end, ends_on__gte=start)
        .select_related("group__body")
        .order_by("starts_on", "pk")
        .only(
            "pk",
            "kind",
            "title_ru",
            "title_en",
            "starts_on",
            "ends_on",
            "place_ru",
            "place_en",
            "group__body__code",
        )
    )
    return [
        {
            "kind": m.kind,
            "key": f"meeting-{m.pk}",
            "title_ru": m.title_ru,
            "title_en": m.title_en,
            "starts_on": m.starts_on,
            "ends_on": m.ends_on,
            "body": m.group.body.code if m.group else "",
            "states": [],
            "place": m.place,
            "url": reverse("relations:meeting-detail", args=[m.pk]),
        }
        for m in found
    ]


Source = Callable[[Someone, dt.date, dt.date], list[dict[str, Any]]]


def _chairmanships(user: Someone, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    return organization.dated(start, end)


# Each source with the kinds it gives, so that a filter by kind asks only the source that has it.
SOURCES: list[tuple[frozenset[str], Source]] = [
    (frozenset({"working_group", "partner"}), meetings),
    (frozenset({"session", "deadline"}), consultations.dated),
    (frozenset({"exercise", "deployment"}), forces.dated),
    (frozenset({"operation_stage"}), operations.dated),
    (frozenset({"programme_task"}), programmes.dated),
    (frozenset({"chairmanship"}), _chairmanships),
]


def _entry(row: dict[str, Any]) -> Entry:
    return Entry(
        kind=row["kind"],
        key=row["key"],
        title=in_language(row["title_ru"], row["title_en"]),
        starts_on=row["starts_on"],
        ends_on=row["ends_on"],
        body=row["body"],
        states=tuple(row["states"]),
        place=row["place"],
        url=row["url"],
    )


def entries(
    user: Someone,
    start: dt.date,
    end: dt.date,
    *,
    body: str = "",
    state: str = "",
    kind: str = "",
) -> list[Entry]:
    """Everything dated from `start` to `end` the user may see, in date order; `body` (a body's
    code), `state` (ISO alpha-2) and `kind` narrow it."""
    found: list[Entry] = []
    for kinds, source in SOURCES:
        if kind and kind not in kinds:
            continue
        found.extend(_entry(row) for row in source(user, start, end))
    if kind:
        found = [e for e in found if e.kind == kind]
    if body:
        found = [e for e in found if e.body == body]
    if state:
        found = [e for e in found if state.upper() in e.states]
    return sorted(found, key=lambda e: (e.starts_on, e.ends_on, e.kind, e.key))


def by_day(found: Iterable[Entry], days: list[dt.date]) -> dict[dt.date, list[Entry]]:
    shown: dict[dt.date, list[Entry]] = {d: [] for d in days}
    for entry in found:
        day = max(entry.starts_on, days[0])
        while day <= entry.ends_on and day <= days[-1]:
            shown[day].append(entry)
            day += dt.timedelta(days=1)
    return shown


def months(start: dt.date, end: dt.date) -> Iterator[tuple[dt.date, dt.date]]:
    """`start`..`end` cut into calendar months, for writing a long feed piece by piece."""
    first = start
    while first <= end:
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        yield first, min(following - dt.timedelta(days=1), end)
        first = following


def _event(entry: Entry, *, host: str, base: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", f"{entry.key}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", entry.starts_on)
    event.add("dtend", entry.ends_on + dt.timedelta(days=1))  # the end is exclusive
    event.add("summary", entry.title)
    if entry.place:
        event.add("location", entry.place)
    event.add("categories", [entry.kind_label])
    event.add("url", base + entry.url)
    return event


def ical(
    user: Someone,
    start: dt.date,
    end: dt.date,
    *,
    title: str,
    host: str,
    base: str,
    body: str = "",
) -> Iterator[bytes]:
    """The iCalendar file of what `user` may see from `start` to `end`, written month by month as it
    is read, so that a long feed streams instead of being built whole in memory."""
    head = Calendar()
    head.add("prodid", "-//Concord//Calendar//EN")
    head.add("version", "2.0")
    head.add("calscale", "GREGORIAN")
    head.add("x-wr-calname", title)
    text = head.to_ical()
    yield text[: text.rindex(b"END:VCALENDAR")]
    stamp = timezone.now()
    seen: set[str] = set()
    for first, last in months(start, end):
        chunk = []
        for entry in entries(user, first, last, body=body):
            if entry.key in seen:  # a long record is in every month it touches: once in the file
                continue
            seen.add(entry.key)
            chunk.append(_event(entry, host=host, base=base, stamp=stamp).to_ical())
        yield b"".join(chunk)
    yield b"END:VCALENDAR\r\n"
