from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concord.monitoring.rules import (
    Area,
    Thresholds,
    detect,
    evaluate,
    month_index,
    surprise,
    year_month,
)

AREA = Area("adm1", "SYR", "Rif Dimashq Governorate")
DEFAULT = Thresholds()


def flagged(series: list[tuple[int, int]], thresholds: Thresholds = DEFAULT) -> list[int]:
    counts = dict(enumerate(series))
    return [m for m in range(len(series)) if evaluate(AREA, counts, m, 0, thresholds)]


def test_month_indexes_round_trip():
    for year in (1989, 2016, 2024):
        for month in range(1, 13):
            assert year_month(month_index(year, month)) == (year, month)
    assert month_index(2018, 3) - month_index(2017, 12) == 3


def test_a_flat_series_raises_nothing():
    assert flagged([(50, 200)] * 48) == []


def test_a_spike_is_flagged_in_its_month_only():
    series = [(50 + (m % 3), 200 + 10 * (m % 4)) for m in range(36)]
    series[30] = (160, 1876)
    assert flagged(series) == [30]


def test_a_steady_trend_is_not_an_escalation():
    assert flagged([(40 + m, 150 + 4 * m) for m in range(48)]) == []


def test_a_seasonal_peak_is_flagged_the_first_year_only():
    """A summer peak every year: once the baseline holds last summer, the next one is no surprise."""
    series = [
        (120, 600) if m % 12 in (6, 7) else (40 + m % 2, 150 + 5 * (m % 3)) for m in range(48)
    ]
    first = flagged(series)
    assert first and all(m < 12 for m in first)


def test_a_quiet_area_does_not_flood_analysts():
    """Sparse noise: a few events now and then, far below the minimum volume."""
    series = [(m % 5 == 0) * 3 for m in range(60)]
    assert flagged([(e, e) for e in series]) == []
    # the same jump in relative terms in a busy area is flagged
    assert flagged([(0, 0)] * 11 + [(0, 0)] * 12 + [(40, 120)]) == [23]


def test_no_judgement_before_enough_history_and_nothing_after_the_month_is_read():
    series = {0: (10, 10), 1: (10, 10), 2: (500, 5000)}
    assert evaluate(AREA, series, 2, 0, DEFAULT) is None  # 2 months of baseline < 6
    assert evaluate(AREA, series, 2, 0, Thresholds(min_history=2)) is not None


def test_the_flag_carries_its_figures():
    series = dict(enumerate([(60, 240)] * 11 + [(59, 230)]))
    series[12] = (160, 1876)
    flag = evaluate(AREA, series, 12, 0, DEFAULT)
    assert flag is not None and flag.events == 160 and flag.deaths == 1876
    assert flag.baseline_events == pytest.approx(
        (60 * 11 + 59) / 12
    ) and flag.baseline_deaths == pytest.approx((240 * 11 + 230) / 12)
    assert flag.score == max(flag.events_score, flag.deaths_score) >= 3


def test_minimum_volumes_apply_per_measure():
    quiet = dict(enumerate([(1, 0)] * 12))
    quiet[12] = (9, 0)  # very surprising, but fewer than 10 events
    assert evaluate(AREA, quiet, 12, 0, DEFAULT) is None
    assert evaluate(AREA, quiet, 12, 0, Thresholds(min_events=5)) is not None


def test_thresholds_are_checked():
    for bad in ({"window": 0}, {"min_history": 13}, {"score": 0}, {"min_events": -1}):
        with pytest.raises(ValueError):
            Thresholds(**bad)


def test_surprise_grows_with_the_observation_and_is_zero_at_or_below_the_mean():
    history = [40, 55, 60, 48, 52, 70, 45, 50, 58, 62, 49, 51]
    scores = [surprise(x, history) for x in range(0, 300, 10)]
    assert all(a <= b for a, b in itertools.pairwise(scores))
    assert surprise(50, history) == 0 and surprise(54, history) > 0
    assert surprise(1, [0] * 12) > 0 and not math.isinf(surprise(10_000, [0] * 12))


def test_detect_orders_by_score_and_covers_every_area():
    other = Area("country", "SYR", "Syria")
    series = {
        AREA: dict(enumerate([(50, 200)] * 12 + [(200, 2000)])),
        other: dict(enumerate([(50, 200)] * 12 + [(90, 260)])),
    }
    flags = detect(series, 12, 0)
    assert next(f.area for f in flags) == AREA and all(
        flags[i].score >= flags[i + 1].score for i in range(len(flags) - 1)
    )


baseline = st.lists(st.integers(min_value=100, max_value=200), min_size=12, max_size=12)


@settings(max_examples=60, deadline=None)
@given(baseline, baseline, st.integers(min_value=1, max_value=20), st.booleans())
def test_scaling_a_busy_series_does_not_change_what_is_flagged(events, deaths, factor, spike):
    """With large volumes the score depends on the change relative to the area's own variability."""
    last = (max(events) * 10, max(deaths) * 10) if spike else (sorted(events)[6], sorted(deaths)[6])
    series = [*list(zip(events, deaths, strict=True)), last]
    scaled = [(e * factor, d * factor) for e, d in series]
    judged = [
        evaluate(AREA, dict(enumerate(s)), 12, 0, DEFAULT) is not None for s in (series, scaled)
    ]
    assert judged == [spike, spike]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 3000)), min_size=13, max_size=40),
    st.data(),
)
def test_adding_future_data_never_changes_a_past_alert(series, data):
    cut = data.draw(st.integers(min_value=6, max_value=len(series) - 1))
    past = dict(enumerate(series[: cut + 1]))
    everything = dict(enumerate(series))
    for month in range(cut + 1):
        assert evaluate(AREA, past, month, 0, DEFAULT) == evaluate(
            AREA, everything, month, 0, DEFAULT
        )
