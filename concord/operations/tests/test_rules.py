from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concord.operations.rules import (
    Dimension,
    FigureError,
    IndicatorInfo,
    UnitInfo,
    parse_number,
    rounded,
    to_base,
    warnings_for,
)

KG = UnitInfo("kg", Dimension.MASS, D(1))
T = UnitInfo("t", Dimension.MASS, D(1000))
G = UnitInfo("g", Dimension.MASS, D("0.001"))
USD = UnitInfo("USD", Dimension.MONEY)
KZT = UnitInfo("KZT", Dimension.MONEY)
DRUGS = IndicatorInfo("drugs", Dimension.MASS, KG, high=D(100_000))
FINES = IndicatorInfo("fines", Dimension.MONEY, USD)
CRIMES = IndicatorInfo("crimes", Dimension.COUNT, None, low=D(1), high=D(1000))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", D(12)),
        ("12.5", D("12.5")),
        ("12,5", D("12.5")),
        ("1 234,5", D("1234.5")),
        ("1\u00a0234", D(1234)),
        ("  7 ", D(7)),
        ("0", D(0)),
        ("-0", D(0)),
        ("+3", D(3)),
        (3, D(3)),
        (2.5, D("2.5")),
        (D("4.25"), D("4.25")),
        ("1'000", D(1000)),
    ],
)
def test_numbers_as_people_type_them(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "required"),
        ("   ", "required"),
        ("abc", "not a number"),
        ("1,234.5", "ambiguous"),
        ("-5", "negative"),
        ("1e3", "not a number"),
        ("12.", "not a number"),
        (".5", "not a number"),
        ("NaN", "not a number"),
        ("Infinity", "not a number"),
        (True, "not a number"),
        ("1" * 20, "too large"),
        ("1.2.3", "not a number"),
    ],
)
def test_bad_numbers_say_why(text, why):
    with pytest.raises(FigureError) as error:
        parse_number(text)
    assert why in str(error.value.message)


def test_mass_converts_to_the_base_unit():
    assert to_base(D("1.5"), T, DRUGS) == D(1500)
    assert to_base(D(250), G, DRUGS) == D("0.25")
    assert to_base(D(7), KG, DRUGS) == D(7)


def test_money_converts_at_the_rate_of_the_reporting_date():
    assert to_base(D(456300), KZT, FINES, rate=D("456.3")) == D(1000)
    assert to_base(D(10), USD, FINES) == D(10)  # the base unit needs no rate
    with pytest.raises(FigureError, match="no exchange rate for KZT"):
        to_base(D(1), KZT, FINES, rate=None)
    with pytest.raises(FigureError, match="not positive"):
        to_base(D(1), KZT, FINES, rate=D(0))


def test_units_must_measure_the_indicator():
    with pytest.raises(FigureError, match="does not measure"):
        to_base(D(1), USD, DRUGS)
    with pytest.raises(FigureError, match="a unit is required"):
        to_base(D(1), None, DRUGS)
    with pytest.raises(FigureError, match="takes no unit"):
        to_base(D(1), KG, CRIMES)
    with pytest.raises(FigureError, match="whole number"):
        to_base(D("1.5"), None, CRIMES)
    assert to_base(D(3), None, CRIMES) == D(3)


def test_implausible_values_warn_and_plausible_ones_do_not():
    assert warnings_for(D(100_001), DRUGS) and "above 100000" in warnings_for(D(100_001), DRUGS)[0]
    assert warnings_for(D(100_000), DRUGS) == []
    assert warnings_for(D(0), CRIMES) and "below 1" in warnings_for(D(0), CRIMES)[0]
    assert warnings_for(D(5), CRIMES) == []
    assert warnings_for(D(10**12), FINES) == []  # no range, no warning


amounts = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False)


@given(amounts)
def test_tonnes_and_grams_agree_with_kilograms(kg):
    assert to_base(kg / 1000, T, DRUGS) == kg
    assert rounded(to_base(kg * 1000, G, DRUGS)) == kg


@given(amounts, st.decimals(min_value=D("0.01"), max_value=10**5, places=2))
def test_converting_back_at_the_same_rate_gives_the_amount(usd, rate):
    assert rounded(to_base(usd * rate, KZT, FINES, rate=rate)) == rounded(usd)


@given(amounts)
def test_a_formatted_number_reads_back_as_itself(value):
    text = f"{value:,.3f}".replace(",", " ")
    assert parse_number(text) == value
    assert parse_number(text.replace(".", ",")) == value
