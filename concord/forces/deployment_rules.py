"""Pure rules of a deployment's way: which earlier step a date may not precede, whether a state takes
part on a day, and the local time of each member state (a chronology reads in the host's time).
No database, no clock: `now` and the rows' values are passed in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

# The time zone of each member state's capital (IANA), so that a chronology reads as it happened
# there: the evening of 5 January 2022 in Almaty was 14:00 UTC. A state not listed reads in UTC.
HOST_TIME_ZONES = {
    "AM": "Asia/Yerevan",
    "BY": "Europe/Minsk",
    "KZ": "Asia/Almaty",
    "KG": "Asia/Bishkek",
    "RU": "Europe/Moscow",
    "TJ": "Asia/Dushanbe",
    "UZ": "Asia/Tashkent",
}


def time_zone_of(iso2: str) -> str:
    return HOST_TIME_ZONES.get(iso2.upper(), "UTC")


@dataclass(frozen=True)
class Earlier:
    """A step a later one follows: its moment (None while it has not happened) and its name."""

    at: dt.datetime | None
    name: str


def first_later(at: dt.datetime, earlier: Sequence[Earlier]) -> Earlier | None:
    """The first recorded step, in the order given, that `at` would precede; None when `at` comes
    on or after every recorded one (steps not yet recorded do not count)."""
    return next((e for e in earlier if e.at is not None and at < e.at), None)


def in_future(at: dt.datetime | dt.date, now: dt.datetime) -> bool:
    """A step dated after now; a date counts as in the future only from the next day on."""
    if isinstance(at, dt.datetime):
        return at > now
    return at > now.date()


def takes_part(
    *,
    is_member: bool,
    frozen: bool,
    frozen_since: dt.date | None,
    on: dt.date,
) -> bool:
    """A member state takes part on a day unless its participation was frozen by then (a frozen
    state with no date for it is taken as frozen throughout)."""
    if not is_member:
        return False
    if not frozen:
        return True
    return frozen_since is not None and on < frozen_since


def remaining(
    accepted: Sequence[tuple[dt.datetime | None, dt.datetime | None]],
) -> int:
    """How many accepted contingents that arrived have not left yet: (arrived_at, withdrawn_at)."""
    return sum(1 for arrived, withdrawn in accepted if arrived is not None and withdrawn is None)
