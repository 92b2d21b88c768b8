"""Reading, converting and checking one reported figure: pure functions, no database.

A figure is entered in any unit of its indicator's dimension and stored in the indicator's base unit:
mass through fixed factors (t and g to kg), money through the exchange rate of the reporting date
(national currency per US dollar, from the Secretariat's table). Negative values are refused;
values outside an indicator's plausible range are accepted with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Dimension:
    COUNT = "count"
    MASS = "mass"
    MONEY = "money"


@dataclass(frozen=True)
class UnitInfo:
    code: str
    dimension: str
    factor: Decimal | None = None  # to the dimension's base unit; None for currencies (rates)


@dataclass(frozen=True)
class IndicatorInfo:
    code: str
    dimension: str
    base: UnitInfo | None  # None for counts, which have no unit
    low: Decimal | None = None  # plausible range: outside it warns, never refuses
    high: Decimal | None = None


class FigureError(Exception):
    def __init__(self, message: str | Promise, column: str = "value") -> None:
        super().__init__(str(message))
        self.message = message
        self.column = column  # which column of a report line is wrong


_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f']")
MAX_VALUE = Decimal("1e15")


def parse_number(text: object) -> Decimal:
    """A non-negative number as people type it: spaces as thousands separators, a decimal comma or
    point (not both, which is ambiguous). Spreadsheet cells may already be numbers."""
    if isinstance(text, bool):
        raise FigureError(_("not a number"))
    if isinstance(text, int | float | Decimal):
        text = format(Decimal(str(text)), "f")
    raw = _SPACES.sub("", str(text))
    if not raw:
        raise FigureError(_("a value is required"))
    negative = raw.startswith("-")
    digits = raw.lstrip("-+")
    if "," in digits and "." in digits:
        raise FigureError(_("ambiguous number: use either a decimal comma or a decimal point"))
    digits = digits.replace(",", ".")
    if not _NUMBER.match(digits):
        raise FigureError(_("not a number"))
    try:
        value = Decimal(digits)
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only valid decimals
        raise FigureError(_("not a number")) from error
    if negative and value != 0:
        raise FigureError(_("must not be negative"))
    if value >= MAX_VALUE:
        raise FigureError(_("too large"))
    return value


def to_base(
    value: Decimal, unit: UnitInfo | None, indicator: IndicatorInfo, rate: Decimal | None = None
) -> Decimal:
    """`value` in `unit` expressed in the indicator's base unit. `rate` is national currency per US
    dollar at the reporting date, needed when a money figure is entered in a national currency."""
    if indicator.dimension == Dimension.COUNT:
        if unit is not None:
            raise FigureError(_("a count takes no unit"), "unit")
        if value != value.to_integral_value():
            raise FigureError(_("a count must be a whole number"))
        return value
    if unit is None:
        raise FigureError(_("a unit is required"), "unit")
    if unit.dimension != indicator.dimension:
        raise FigureError(
            _("unit %(unit)s does not measure this indicator") % {"unit": unit.code}, "unit"
        )
    if indicator.base is not None and unit.code == indicator.base.code:
        return value
    if unit.factor is not None:
        base_factor = indicator.base.factor if indicator.base and indicator.base.factor else 1
        return value * unit.factor / base_factor
    if rate is None:
        raise FigureError(
            _("no exchange rate for %(unit)s on or before the reporting date")
            % {"unit": unit.code},
            "unit",
        )
    if rate <= 0:
        raise FigureError(
            _("the exchange rate for %(unit)s is not positive") % {"unit": unit.code}, "unit"
        )
    return value / rate


def warnings_for(value: Decimal, indicator: IndicatorInfo) -> list[str]:
    """Plausibility, in the base unit: a warning to look again, never a refusal."""
    if indicator.high is not None and value > indicator.high:
        return [str(_("unusually high (above %(high)s)") % {"high": indicator.high})]
    if indicator.low is not None and value < indicator.low:
        return [str(_("unusually low (below %(low)s)") % {"low": indicator.low})]
    return []


def rounded(value: Decimal) -> Decimal:
    """Stored precision: three decimals (grams for kilograms, tenths of a cent for dollars)."""
    return value.quantize(Decimal("0.001"))
