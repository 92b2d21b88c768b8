"""Charts a reader can read: one point per month from the first to the last (zeros where nothing
happened, gaps where no source covers the month), round ticks written in the reader's language."""

from __future__ import annotations

import itertools
import math
import re

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from concord.core.charts import aligned_ticks, nice_step, tick_label, ticks
from concord.monitoring import coverage, outputs, rules

M = rules.month_index
COVERED, NONE = coverage.State.COVERED, coverage.State.NONE


def _cover(months: dict[int, coverage.State]) -> coverage.Cover:
    return coverage.Cover(countries={"SYR": COVERED}, months=months)


def test_a_covered_month_without_events_is_zero_on_a_continuous_axis():
    covered = _cover({m: COVERED for m in range(M(2018, 1), M(2018, 6) + 1)})
    rows = [
        {"month": M(2018, 1), "events": 3, "deaths": 10},
        {"month": M(2018, 4), "events": 5, "deaths": None},
    ]
    series = coverage.series(rows, covered)
    assert [r["month"] for r in series] == list(range(M(2018, 1), M(2018, 6) + 1))
    assert [(r["events"], r["deaths"]) for r in series] == [
        (3, 10),
        (0, 0),
        (0, 0),
        (5, 0),
        (0, 0),
        (0, 0),
    ]


def test_a_month_outside_the_coverage_is_a_gap_not_a_zero():
    """Two coverages with a year between them that neither covers (Syria's GED and a later file):
    the axis runs on through it, each month of it no data (None)."""
    first = {m: COVERED for m in range(M(2016, 1), M(2016, 3) + 1)}
    later = {m: COVERED for m in range(M(2017, 3), M(2017, 4) + 1)}
    series = coverage.series(
        [{"month": M(2016, 2), "events": 4, "deaths": 7}], _cover(first | later)
    )
    by_month = {r["month"]: r for r in series}
    assert list(by_month) == list(range(M(2016, 1), M(2017, 4) + 1))
    assert by_month[M(2016, 1)]["events"] == 0 and by_month[M(2017, 4)]["deaths"] == 0
    gap = [by_month[m] for m in range(M(2016, 4), M(2017, 3))]
    assert all(r["events"] is None and r["deaths"] is None and r["state"] == "none" for r in gap)
    declared_none = coverage.series([], _cover({M(2020, 1): NONE, M(2020, 2): COVERED}))
    assert [r["events"] for r in declared_none] == [None, 0]


def test_no_coverage_and_no_events_is_an_empty_series():
    assert coverage.series([], _cover({})) == []


@given(st.integers(min_value=0, max_value=10**9))
def test_ticks_are_whole_round_and_cover_the_maximum(maximum):
    labels = ticks(maximum)
    step = labels[1] - labels[0]
    assert labels[0] == 0 and labels[-1] >= maximum and 2 <= len(labels) <= 6
    assert all(isinstance(t, int) for t in labels)
    assert all(b - a == step for a, b in itertools.pairwise(labels))
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert mantissa in (1, 2, 5)


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=10**7))
def test_two_axes_share_the_grid_each_with_round_steps(events, deaths):
    left, right = aligned_ticks(events, deaths)
    assert len(left) == len(right) >= 2
    assert left[-1] >= events and right[-1] >= deaths
    assert right[1] == nice_step(deaths) and left[1] == nice_step(events)


def test_the_tick_of_the_issue_and_small_counts():
    assert ticks(80_659) == [0, 20_000, 40_000, 60_000, 80_000, 100_000]
    assert ticks(3) == [0, 1, 2, 3]
    assert ticks(0) == [0, 1]
    assert nice_step(0.4) == 1


def test_ticks_are_written_in_the_readers_language():
    with translation.override("en"):
        assert tick_label(16_000) == "16,000" and tick_label(500) == "500"
    with translation.override("ru"):
        assert tick_label(16_000) == "16\xa0000"


def _tick_texts(svg: str) -> list[str]:
    return re.findall(r'<text x="[-0-9.]+" y="[-0-9.]+" class="(?:major|)">([^<]*)</text>', svg)


def test_the_monthly_chart_has_round_ticks_on_both_axes_and_every_month():
    rows = [
        {"month": M(2018, m), "events": e, "deaths": d, "state": "covered"}
        for m, e, d in [(1, 13, 48_395), (2, 0, 0), (3, 160, 80_659), (4, 7, 21)]
    ]
    with translation.override("en"):
        svg = outputs.series_chart(rows, "Rif Dimashq")
    texts = _tick_texts(svg)
    assert {"250", "100,000", "20,000"} <= set(texts)  # events by 50, deaths by 20,000
    assert not [t for t in texts if "." in t.replace(",", "")]  # no 16131.66667
    assert all(rules.month_text(M(2018, m)) in svg for m in range(1, 5))


def test_the_yearly_chart_draws_every_year_a_year_without_records_as_zero():
    years = [
        (2001, {"brd": 120, "nonstate": None, "onesided": 5}),
        (2004, {"brd": 3_333, "nonstate": 10, "onesided": None}),
    ]
    assert [y for y, _v in outputs.every_year(years)] == [2001, 2002, 2003, 2004]
    with translation.override("ru"):
        svg = outputs.yearly_chart(years, "AFG")
    assert "2002" in svg and "2003" in svg and "4\xa0000" in _tick_texts(svg)


def test_the_score_is_rounded_once_half_up_from_its_exact_value():
    from fractions import Fraction

    assert rules.one_decimal(Fraction(1727, 235)) == 7.3  # 7.349: never 7.35 and then 7.4
    assert (
        rules.one_decimal(Fraction(5, 4)) == 1.3 and rules.one_decimal(Fraction(1876, 324)) == 5.8
    )
    assert rules.one_decimal(7.3) == 7.3
