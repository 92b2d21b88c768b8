"""The readiness score and trend: exhaustively over small questionnaires, and by their properties."""

from __future__ import annotations

import datetime as dt
import itertools
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concord.forces.readiness_rules import (
    Scored,
    Trend,
    latest_two,
    trend,
    weighted_score,
)


def reference(answers: list[Scored]) -> int:
    """The definition, written the slow way: weighted mean of fractions, half up."""
    weights = sum(a.weight for a in answers)
    mean = sum(Fraction(a.weight * a.score, a.max_score) for a in answers) / weights
    hundredths = mean * 100
    whole = int(hundredths)
    return whole + (1 if hundredths - whole >= Fraction(1, 2) else 0)


def test_full_marks_are_100_and_nothing_is_0():
    assert weighted_score([Scored(4, 4, 2), Scored(5, 5, 1)]) == 100
    assert weighted_score([Scored(0, 4, 2), Scored(0, 5, 1)]) == 0


def test_each_criterion_counts_by_its_weight_whatever_its_scale():
    # 3/4 weighs twice, 0/5 once: (2 × 0.75 + 0) / 3 = 50 %
    assert weighted_score([Scored(3, 4, 2), Scored(0, 5, 1)]) == 50
    # the same fractions on another scale give the same score
    assert weighted_score([Scored(6, 8, 2), Scored(0, 10, 1)]) == 50


def test_halves_round_up():
    assert weighted_score([Scored(1, 8)]) == 13  # 12.5
    assert weighted_score([Scored(1, 3)]) == 33  # 33.33…
    assert weighted_score([Scored(2, 3)]) == 67  # 66.66…
    assert weighted_score([Scored(1, 200)]) == 1  # 0.5


def test_a_criterion_of_weight_zero_is_asked_but_does_not_count():
    assert weighted_score([Scored(4, 4, 1), Scored(0, 4, 0)]) == 100


def test_nothing_to_weigh_is_refused():
    with pytest.raises(ValueError):
        weighted_score([])
    with pytest.raises(ValueError):
        weighted_score([Scored(3, 4, 0)])


@pytest.mark.parametrize(("score", "top"), [(-1, 4), (5, 4), (0, 0)])
def test_a_score_outside_its_scale_is_refused(score, top):
    with pytest.raises(ValueError):
        Scored(score, top)


def test_every_answer_sheet_of_three_criteria_on_small_scales_matches_the_definition():
    scales = [(1, 1), (4, 2), (5, 1)]  # (highest score, weight)
    for scores in itertools.product(*(range(top + 1) for top, _w in scales)):
        answers = [Scored(s, top, w) for s, (top, w) in zip(scores, scales, strict=True)]
        got = weighted_score(answers)
        assert got == reference(answers)
        assert 0 <= got <= 100


answer = st.builds(
    lambda top, frac, weight: Scored(round(top * frac), top, weight),
    st.integers(1, 10),
    st.floats(0, 1),
    st.integers(0, 5),
)
sheets = st.lists(answer, min_size=1, max_size=10).filter(lambda a: sum(x.weight for x in a) > 0)


@given(sheets)
def test_the_score_is_a_percentage_as_defined(answers):
    assert weighted_score(answers) == reference(answers)
    assert 0 <= weighted_score(answers) <= 100


@given(sheets, st.randoms())
def test_the_order_of_the_criteria_does_not_matter(answers, rnd):
    shuffled = list(answers)
    rnd.shuffle(shuffled)
    assert weighted_score(shuffled) == weighted_score(answers)


@given(sheets, st.integers(2, 7))
def test_scaling_every_weight_changes_nothing(answers, k):
    scaled = [Scored(a.score, a.max_score, a.weight * k) for a in answers]
    assert weighted_score(scaled) == weighted_score(answers)


@given(sheets, st.data())
def test_a_better_answer_never_lowers_the_score(answers, data):
    i = data.draw(st.integers(0, len(answers) - 1))
    a = answers[i]
    if a.score == a.max_score:
        return
    better = [*answers[:i], Scored(a.score + 1, a.max_score, a.weight), *answers[i + 1 :]]
    assert weighted_score(better) >= weighted_score(answers)


@given(st.integers(1, 10), st.integers(0, 10), st.integers(1, 5))
def test_one_criterion_gives_its_fraction(top, raw, weight):
    score = min(raw, top)
    assert weighted_score([Scored(score, top, weight)]) == reference([Scored(score, top, 1)])


def test_trend_over_every_pair():
    values = [None, 0, 50, 100]
    for score, previous in itertools.product(values, values):
        expected = (
            Trend.UNKNOWN
            if score is None or previous is None
            else Trend.UP
            if score > previous
            else Trend.DOWN
            if score < previous
            else Trend.SAME
        )
        assert trend(score, previous) is expected


def test_the_latest_two_reviewed_in_any_order():
    a, b, c = dt.date(2023, 1, 1), dt.date(2024, 1, 1), dt.date(2025, 1, 1)
    assert latest_two([]) == (None, None)
    assert latest_two([(b, 70)]) == (70, None)
    for order in itertools.permutations([(a, 50), (b, 70), (c, 60)]):
        assert latest_two(order) == (60, 70)
