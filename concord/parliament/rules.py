"""Pure rules of the Assembly's work: no database, no clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .codes import Code
from .states import ActStatus, BodyKind


def overlaps(
    a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]
) -> bool:
    """Whether two periods share a day; an open start or end runs without limit."""
    a_start, a_end = a
    b_start, b_end = b
    return (a_end is None or b_start is None or b_start <= a_end) and (
        b_end is None or a_start is None or a_start <= b_end
    )


def adoption_refusal(
    *, status: str, examined_on: dt.date | None, body_kind: str, on: dt.date
) -> Code | None:
    """Why the Assembly may not adopt a model act on `on` at a session of a body of `body_kind`, or
    None. The rules: its competent commission examined it first (a draft is not adopted), on or
    before the day of adoption (when its date is recorded); the Assembly adopts in plenary, not its Council or a commission."""
    if status == ActStatus.DRAFT:
        return Code.NOT_EXAMINED
    if body_kind != BodyKind.ASSEMBLY:
        return Code.NOT_PLENARY
    if examined_on is not None and on < examined_on:
        return Code.BEFORE_EXAMINATION
    return None


@dataclass(frozen=True)
class Progress:
    """How far the states followed the model acts of a programme's items."""

    items: int  # items in the programme
    adopted: int  # items whose model act the Assembly adopted
    followed: dict[str, int]  # state -> adopted items it followed with a national law


def progress(
    items: Iterable[tuple[int, bool]], followed: Iterable[tuple[int, str]], states: Iterable[str]
) -> Progress:
    """`items`: (item id, its act adopted); `followed`: (item id, state) for each national law
    recorded; counts each state's followed adopted items once."""
    items = list(items)
    adopted = {pk for pk, done in items if done}
    per_state: dict[str, set[int]] = {s: set() for s in states}
    for pk, state in followed:
        if pk in adopted and state in per_state:
            per_state[state].add(pk)
    return Progress(len(items), len(adopted), {s: len(v) for s, v in per_state.items()})
