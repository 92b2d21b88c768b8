"""Readiness: pure functions, no database.

A questionnaire's criteria each have a highest score and a weight. An assessment's score is the
weighted mean of the answers as fractions of their highest scores, in percent, rounded half up to a
whole number: every criterion counts by its weight whatever its scale (a 3 out of 4 weighs as much as
a 6 out of 8), so that a questionnaire can mix scales. Computed with exact fractions, so that a
score is never off by one through floating point. A criterion with weight 0 is asked but does not
count; a questionnaire whose weights add up to 0 cannot be scored.

The trend of a unit compares its latest reviewed score with the one before: up, down, the same, or
unknown when either is missing. `readiness_selectors.TREND` mirrors it in SQL, and a test holds the
two together.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction


@dataclass(frozen=True)
class Scored:
    """One answered criterion: the score given, out of `max_score`, counting `weight` times."""

    score: int
    max_score: int
    weight: int = 1

    def __post_init__(self) -> None:
        if self.max_score < 1:
            raise ValueError("a criterion's highest score is at least 1")
        if not 0 <= self.score <= self.max_score:
            raise ValueError(f"score {self.score} is outside 0..{self.max_score}")
        if self.weight < 0:
            raise ValueError("a weight is not negative")


def weighted_score(answers: Iterable[Scored]) -> int:
    """The assessment's score in percent (0..100), rounded half up.

    ValueError when there is nothing to weigh (no answers, or weights adding up to 0)."""
    total = Fraction(0)
    weights = 0
    for answer in answers:
        total += answer.weight * Fraction(answer.score, answer.max_score)
        weights += answer.weight
    if weights == 0:
        raise ValueError("nothing to weigh: no answers, or every weight is 0")
    return math.floor(100 * total / weights + Fraction(1, 2))


class Trend(StrEnum):
    UP = "up"
    DOWN = "down"
    SAME = "same"
    UNKNOWN = "unknown"  # fewer than two reviewed assessments


def trend(score: int | None, previous: int | None) -> Trend:
    if score is None or previous is None:
        return Trend.UNKNOWN
    if score > previous:
        return Trend.UP
    if score < previous:
        return Trend.DOWN
    return Trend.SAME


def latest_two(reviewed: Iterable[tuple[dt.date, int | None]]) -> tuple[int | None, int | None]:
    """(score, previous score) from (as of, score) pairs of reviewed assessments in any order: the
    latest one's score and the one before it."""
    ordered = sorted(reviewed, key=lambda pair: pair[0], reverse=True)
    score = ordered[0][1] if ordered else None
    previous = ordered[1][1] if len(ordered) > 1 else None
    return score, previous
