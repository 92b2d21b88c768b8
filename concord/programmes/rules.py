"""Shares, contributions, arrears, progress and implementation rates: pure, exact, no database and no
clock (`today` is passed in).

Money is `Decimal` in cents; rates and progress are `Fraction`s, so that nothing is rounded until a
page shows it (`percent`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def shares_total(shares: Iterable[Decimal]) -> Decimal:
    return sum(shares, Decimal(0))


def shares_add_up(shares: Iterable[Decimal]) -> bool:
    """Shares of a whole add up to exactly 100 per cent; none is negative or above 100."""
    values = list(shares)
    return (
        bool(values)
        and all(Decimal(0) <= s <= HUNDRED for s in values)
        and (shares_total(values) == HUNDRED)
    )


def apportion(total: Decimal, shares: Mapping[K, Decimal]) -> dict[K, Decimal]:
    """Each share's part of `total`, in cents, adding up to `total` exactly.

    Every part is its exact amount rounded down to the cent; the cents left over go, one each, to the
    largest remainders (ties: the order of `shares`). Shares must add up to 100."""
    cents = int((total / CENT).to_integral_value(rounding=ROUND_HALF_UP))
    exact = {key: Fraction(cents) * Fraction(share) / 100 for key, share in shares.items()}
    parts = {key: int(value) for key, value in exact.items()}
    left = cents - sum(parts.values())
    by_remainder = sorted(exact, key=lambda key: exact[key] - parts[key], reverse=True)
    for key in by_remainder[: max(left, 0)]:
        parts[key] += 1
    return {key: Decimal(part) * CENT for key, part in parts.items()}


@dataclass(frozen=True)
class Standing:
    """A state's contribution to one budget as of a day."""

    due: Decimal  # its part of the total
    paid: Decimal
    balance: Decimal  # still to pay (never below zero)
    arrears: Decimal  # the balance once the contributions' due date has passed
    overpaid: Decimal  # paid beyond what is due

    @property
    def in_arrears(self) -> bool:
        return self.arrears > 0


def standing(due: Decimal, paid: Decimal, *, due_on: dt.date, today: dt.date) -> Standing:
    balance = max(due - paid, Decimal(0))
    return Standing(
        due=due,
        paid=paid,
        balance=balance,
        arrears=balance if today > due_on else Decimal(0),
        overpaid=max(paid - due, Decimal(0)),
    )


@dataclass(frozen=True)
class Rate:
    """How much of what was assigned is reported done, and how much is overdue."""

    done: int
    total: int
    overdue: int = 0

    @property
    def value(self) -> Fraction | None:
        """done / total; None when nothing is assigned (no rate, rather than 0 or 100 per cent)."""
        return Fraction(self.done, self.total) if self.total else None

    @property
    def percent(self) -> Decimal | None:
        return percent(self.value)


def rate(done: int, total: int, overdue: int = 0) -> Rate:
    if not 0 <= done <= total or not 0 <= overdue <= total - done:
        raise ValueError("done and overdue are parts of total")
    return Rate(done, total, overdue)


def rates_by(assignments: Iterable[tuple[K, bool, bool]]) -> dict[K, Rate]:
    """Rates per key from (key, done, overdue) rows: the same answer the aggregate query gives."""
    counts: dict[K, list[int]] = {}
    for key, done, overdue in assignments:
        row = counts.setdefault(key, [0, 0, 0])
        row[0] += done
        row[1] += 1
        row[2] += overdue and not done
    return {key: Rate(d, t, o) for key, (d, t, o) in counts.items()}


def is_overdue(deadline: dt.date, *, done: bool, today: dt.date) -> bool:
    """Open past its deadline: the deadline day itself is still in time."""
    return not done and today > deadline


def progress(planned: int, delivered: int) -> Fraction:
    """Share of the planned quantity delivered, at most all of it; nothing planned: nothing to do."""
    if planned <= 0:
        return Fraction(1) if delivered > 0 else Fraction(0)
    return min(Fraction(delivered, planned), Fraction(1))


def percent(value: Fraction | None, places: int = 1) -> Decimal | None:
    """A fraction as a percentage rounded half up to `places` decimals, for display only."""
    if value is None:
        return None
    exact = Decimal(value.numerator * 100) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def within_years(day: dt.date, first_year: int, last_year: int) -> bool:
    return first_year <= day.year <= last_year


def stage_within(first_year: int, last_year: int, starts_on: dt.date, ends_on: dt.date) -> bool:
    """A stage's years lie within the programme's and run forward."""
    return starts_on.year <= first_year <= last_year <= ends_on.year


def whole_cents(amount: Decimal) -> bool:
    return amount == amount.quantize(CENT, rounding=ROUND_DOWN)


def indicator_progress(value: Decimal | None, target: Decimal) -> Fraction | None:
    """The latest value against the target (may pass 100 per cent); None before any value."""
    if value is None or target <= 0:
        return None
    return Fraction(value) / Fraction(target)


def plain(value: Decimal) -> str:
    """A decimal without trailing zeros or an exponent: 12.5, 50, 0.25."""
    return format(value.normalize(), "f")
