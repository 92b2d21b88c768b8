"""Shares, contributions, arrears, progress and rates: exact, tested without the database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concord.programmes import rules

D = Decimal
DUE_ON = dt.date(2024, 6, 30)


@pytest.mark.parametrize(
    ("shares", "adds_up"),
    [
        ([D(50), D(50)], True),
        ([D(100)], True),
        ([D("12.5")] * 4 + [D(50)], True),
        ([D("33.3333"), D("33.3333"), D("33.3334")], True),
        ([D(50), D(49)], False),
        ([D(60), D(50)], False),
        ([D(150), D(-50)], False),  # a negative share does not make up for a large one
        ([], False),
    ],
)
def test_shares_add_up_to_exactly_one_hundred(shares, adds_up):
    assert rules.shares_add_up(shares) is adds_up


def test_apportion_gives_the_left_over_cents_to_the_largest_remainders():
    parts = rules.apportion(D("100.00"), {"a": D("33.3333"), "b": D("33.3333"), "c": D("33.3334")})
    assert parts == {"a": D("33.33"), "b": D("33.33"), "c": D("33.34")}
    assert sum(parts.values()) == D("100.00")


def test_the_demo_budget_is_apportioned_to_the_cent():
    shares = {"RU": D(50), "BY": D("12.5"), "KZ": D("12.5"), "KG": D("12.5"), "TJ": D("12.5")}
    parts = rules.apportion(D("900000000"), shares)
    assert parts["RU"] == D("450000000.00") and parts["KG"] == D("112500000.00")


share_lists = st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=8).map(
    lambda weights: _to_shares(weights)
)


def _to_shares(weights: list[int]) -> dict[int, Decimal]:
    """Shares with four decimals adding up to exactly 100, the last one taking the rest."""
    total = sum(weights)
    shares = {i: (D(w) * 100 / total).quantize(D("0.0001")) for i, w in enumerate(weights)}
    shares[len(weights) - 1] += D(100) - sum(shares.values())
    return shares


@given(shares=share_lists, cents=st.integers(min_value=0, max_value=10**13))
def test_apportioned_parts_add_up_to_the_total_and_each_is_within_a_cent(shares, cents):
    total = D(cents) / 100
    parts = rules.apportion(total, shares)
    assert sum(parts.values()) == total
    for key, share in shares.items():
        exact = Fraction(total) * Fraction(share) / 100
        assert abs(Fraction(parts[key]) - exact) < Fraction(1, 100)


def test_nothing_is_in_arrears_before_the_due_date():
    before = rules.standing(D(100), D(40), due_on=DUE_ON, today=DUE_ON)
    after = rules.standing(D(100), D(40), due_on=DUE_ON, today=DUE_ON + dt.timedelta(days=1))
    assert (before.balance, before.arrears) == (D(60), D(0))
    assert (after.balance, after.arrears, after.in_arrears) == (D(60), D(60), True)


def test_paying_more_than_due_leaves_no_arrears_and_shows_the_overpayment():
    s = rules.standing(D(100), D(130), due_on=DUE_ON, today=dt.date(2025, 1, 1))
    assert (s.balance, s.arrears, s.overpaid) == (D(0), D(0), D(30))


money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(due=money, paid=money, more=money, day=st.dates())
def test_a_payment_never_raises_arrears(due, paid, more, day):
    before = rules.standing(due, paid, due_on=DUE_ON, today=day)
    after = rules.standing(due, paid + more, due_on=DUE_ON, today=day)
    assert D(0) <= after.arrears <= before.arrears
    assert after.balance + after.paid - after.overpaid == due


def test_a_rate_is_done_over_total_and_none_without_tasks():
    assert rules.rate(1, 3).value == Fraction(1, 3)
    assert rules.rate(1, 3).percent == D("33.3")
    assert rules.rate(2, 3).percent == D("66.7")
    assert rules.rate(0, 0).value is None and rules.rate(0, 0).percent is None
    with pytest.raises(ValueError):
        rules.rate(4, 3)


parts = st.lists(
    st.tuples(st.sampled_from("ABC"), st.booleans(), st.booleans()), min_size=1, max_size=40
)


@given(parts=parts, index=st.integers(min_value=0))
def test_reporting_a_task_done_never_lowers_a_rate(parts, index):
    """Whichever part is reported done, no state's, body's or decision's rate goes down, and the
    overdue count never goes up."""
    index %= len(parts)
    after = list(parts)
    key, _done, overdue = after[index]
    after[index] = (key, True, overdue)
    before_rates, after_rates = rules.rates_by(parts), rules.rates_by(after)
    for k, rate in before_rates.items():
        assert after_rates[k].value >= rate.value
        assert after_rates[k].overdue <= rate.overdue
        assert after_rates[k].total == rate.total


@given(parts=parts)
def test_rates_count_each_part_once(parts):
    rates = rules.rates_by(parts)
    assert sum(r.total for r in rates.values()) == len(parts)
    assert sum(r.done for r in rates.values()) == sum(1 for _k, done, _o in parts if done)
    assert sum(r.overdue for r in rates.values()) == sum(1 for _k, d, o in parts if o and not d)


@pytest.mark.parametrize(
    ("deadline", "done", "overdue"),
    [
        (DUE_ON, False, False),
        (DUE_ON - dt.timedelta(days=1), False, True),
        (dt.date(2020, 1, 1), True, False),
    ],
)
def test_the_deadline_day_itself_is_in_time(deadline, done, overdue):
    assert rules.is_overdue(deadline, done=done, today=DUE_ON) is overdue


@given(
    planned=st.integers(min_value=0, max_value=10**6),
    a=st.integers(0, 10**6),
    b=st.integers(0, 10**6),
)
def test_progress_grows_with_deliveries_and_stops_at_all_of_it(planned, a, b):
    low, high = sorted((a, b))
    assert Fraction(0) <= rules.progress(planned, low) <= rules.progress(planned, high) <= 1


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(1, 8), D("12.5")),
        (Fraction(1, 3), D("33.3")),
        (Fraction(2, 3), D("66.7")),
        (Fraction(1, 2000), D("0.1")),
        (None, None),
    ],
)
def test_percent_rounds_half_up_for_display(value, shown):
    assert rules.percent(value) == shown


def test_a_stage_lies_within_the_programme_years():
    assert rules.stage_within(2026, 2027, dt.date(2025, 1, 1), dt.date(2029, 12, 31))
    assert not rules.stage_within(2024, 2025, dt.date(2025, 1, 1), dt.date(2029, 12, 31))
    assert not rules.stage_within(2027, 2026, dt.date(2025, 1, 1), dt.date(2029, 12, 31))
    assert not rules.stage_within(2029, 2030, dt.date(2025, 1, 1), dt.date(2029, 12, 31))


def test_plain_decimals_have_no_exponent():
    assert [rules.plain(D(x)) for x in ("50.0000", "12.5000", "100", "0.2500")] == [
        "50",
        "12.5",
        "100",
        "0.25",
    ]
