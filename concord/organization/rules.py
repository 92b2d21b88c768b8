"""Rules of the organization's calendar: the rotation of the chairmanship and Secretary General terms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

RUSSIAN_ALPHABET = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_RANK = {letter: i for i, letter in enumerate(RUSSIAN_ALPHABET)}


def russian_sort_key(name: str) -> tuple[int, ...]:
    """Order of the Russian alphabet (Ё after Е, which plain code-point order gets wrong)."""
    return tuple(_RANK.get(ch, len(RUSSIAN_ALPHABET) + ord(ch)) for ch in name.upper())


@dataclass(frozen=True)
class Candidate:
    id: int
    name_ru: str
    eligible: bool  # a member in good standing; suspended and withdrawn states are passed over


def next_in_rotation(states: Iterable[Candidate], previous_chair_id: int | None) -> int | None:
    """The state the rotation proposes after `previous_chair_id`: the next eligible one in Russian
    alphabetical order, wrapping round. With no previous chair, the first eligible state.

    Frozen participation does not make a state ineligible: whether it takes its turn is for the
    organization to decide and record, not for this rule to guess.
    """
    ordered = sorted(states, key=lambda s: (russian_sort_key(s.name_ru), s.id))
    if not any(s.eligible for s in ordered):
        return None
    ids = [s.id for s in ordered]
    start = ids.index(previous_chair_id) + 1 if previous_chair_id in ids else 0
    for offset in range(len(ordered)):
        candidate = ordered[(start + offset) % len(ordered)]
        if candidate.eligible:
            return candidate.id
    return None  # pragma: no cover - unreachable, some state is eligible


def proposal_after(
    states: Iterable[Candidate], previous_chair_id: int | None, years: int
) -> int | None:
    """The state the rotation proposes `years` years after `previous_chair_id` chaired (assuming each
    intervening year follows the rotation too)."""
    states = list(states)
    chosen = previous_chair_id
    for _ in range(max(years, 1)):
        chosen = next_in_rotation(states, chosen)
    return chosen


@dataclass(frozen=True)
class Term:
    starts_on: dt.date
    ends_on: dt.date


def overlapping(terms: Sequence[Term], new: Term) -> bool:
    return any(t.starts_on <= new.ends_on and new.starts_on <= t.ends_on for t in terms)


def term_on(terms: Iterable[Term], day: dt.date) -> Term | None:
    return next((t for t in terms if t.starts_on <= day <= t.ends_on), None)
