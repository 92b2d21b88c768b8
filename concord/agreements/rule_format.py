"""Reading an entry-into-force question: the rule, the parties and the actions, from JSON into the
typed values that the engine in `rules.py` works on. Each mistake is a `RuleError` naming its field.

The format is documented in `docs/entry-into-force.md` and summed up in the docstring of `rules.py`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

ACTION_TYPES = {
    "signature",
    "notification",
    "ratification",
    "acceptance",
    "approval",
    "accession",
    "withdrawal",
}
INSTRUMENTS = {"ratification", "acceptance", "approval", "accession"}
COUNTS = {
    "notification": {"notification"},
    "instrument": INSTRUMENTS,
    "consent": INSTRUMENTS | {"notification"},
}
RULE_KEYS = {
    "threshold",
    "delay",
    "roll",
    "kth_month",
    "not_before",
    "fixed_date",
    "later",
    "provisional",
    "withdrawal",
    "requires_signature",
}


# No clause waits longer than a century; beyond these a question is a typing slip, and dates that far
# would run past the calendar's last day (9999-12-31).
MAX_DAYS = 36_600
MAX_MONTHS = 1_200


class RuleError(ValueError):
    """Bad input, naming the field it is about (e.g. "rule.threshold.count", "actions[3].date").

    `code` is stable, for callers that put the error into words themselves (`wording.describe_error`):
    "invalid_rule" for input that cannot be read, and for the acts the engine finds impossible
    "not_signed" (`state` consents by `action_type` without having signed), "withdrawal_before_force"
    and "withdrawal_before_bound" (`state` withdraws too early). `message` stays English, for the
    command line and the logs."""

    def __init__(
        self,
        field: str,
        message: str,
        *,
        code: str = "invalid_rule",
        state: str = "",
        action_type: str = "",
    ) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.code = code
        self.state = state
        self.action_type = action_type


@dataclass(frozen=True)
class Delay:
    days: int = 0
    months: int = 0

    def after(self, day: dt.date) -> dt.date:
        """`day` plus the delay; a month delay keeps the day of the month, or the month's last day
        when the month is shorter ("31 January + 1 month" is 28 or 29 February)."""
        if self.months:
            month0 = day.month - 1 + self.months
            year, month = day.year + month0 // 12, month0 % 12 + 1
            day = calendar_day(year, month, min(day.day, _days_in(year, month)))
        try:
            return day + dt.timedelta(days=self.days)
        except OverflowError:
            raise BeyondCalendar from None


class BeyondCalendar(ValueError):
    """A date the engine computes falls after 9999-12-31 (a far deposit plus its delay); `evaluate`
    turns it into a `RuleError`."""


def calendar_day(year: int, month: int, day: int) -> dt.date:
    if year > dt.MAXYEAR:
        raise BeyondCalendar
    return dt.date(year, month, day)


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(min(year, dt.MAXYEAR), month)[1]


@dataclass(frozen=True)
class Later:
    """When the agreement binds a state that consents after the threshold deposit: its own deposit
    timed by the same forms as the main rule (a delay, then perhaps the 1st of the next month; or
    the 1st day of the K-th month after the month of deposit), never before the overall date."""

    delay: Delay
    # "threshold": any deposit after the threshold one; "entry_into_force": only after it.
    start: str
    roll: bool
    kth_month: int | None = None


@dataclass(frozen=True)
class Rule:
    count: int | None
    of: str
    all_signatories: bool
    required: tuple[str, ...]
    weight: float | None
    delay: Delay
    roll: bool
    kth_month: int | None
    not_before: dt.date | None
    fixed_date: dt.date | None
    later: Later
    provisional: Delay | None
    withdrawal: Delay
    requires_signature: bool


@dataclass(frozen=True)
class Action:
    state: str
    type: str
    date: dt.date


# --- Parsing --------------------------------------------------------------------------------------


def parse_date(value: Any, where: str) -> dt.date:
    if not isinstance(value, str):
        raise RuleError(where, "must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RuleError(where, f"{value!r} is not a date that exists (YYYY-MM-DD)") from None


def _int(value: Any, where: str, minimum: int = 0, maximum: int = MAX_DAYS) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
        raise RuleError(where, f"must be a whole number from {minimum} to {maximum}")
    return value


def _delay(value: Any, where: str) -> Delay:
    if value is None:
        return Delay()
    if not isinstance(value, dict) or set(value) - {"days", "months"}:
        raise RuleError(where, 'must be {"days": N} or {"months": N}')
    return Delay(
        _int(value.get("days", 0), f"{where}.days"),
        _int(value.get("months", 0), f"{where}.months", maximum=MAX_MONTHS),
    )


def _roll(value: Any, where: str) -> bool:
    if value in (None, "none"):
        return False
    if value == "first_of_next_month":
        return True
    raise RuleError(where, 'must be "first_of_next_month" or "none"')


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise RuleError(where, "must be true or false")
    return value


@dataclass(frozen=True)
class _Threshold:
    count: int | None
    of: str
    all_signatories: bool
    required: tuple[str, ...]
    weight: float | None


def _required(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise RuleError("rule.threshold.required", "must be a list of states")
    return value


def _weight(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise RuleError("rule.threshold.weight", "must be a share between 0 and 1")
    return float(value)


def _threshold(t: Any, parties: Sequence[str]) -> _Threshold:
    if not isinstance(t, dict) or set(t) - {"count", "of", "all_signatories", "required", "weight"}:
        raise RuleError(
            "rule.threshold",
            "must be an object with count, of, all_signatories, required or weight",
        )
    count = _int(t["count"], "rule.threshold.count", 1, 10_000) if "count" in t else None
    of = t.get("of", "notification")
    if of not in COUNTS:
        raise RuleError("rule.threshold.of", 'must be "notification", "instrument" or "consent"')
    required = _required(t.get("required", []))
    weight = _weight(t.get("weight"))
    all_signatories = _bool(t.get("all_signatories", False), "rule.threshold.all_signatories")
    if count is None and not all_signatories and not required and weight is None:
        raise RuleError(
            "rule.threshold", "needs a count, all_signatories, required states or a weight"
        )
    if count is not None and count > len(parties):
        raise RuleError(
            "rule.threshold.count", f"asks for {count} but there are {len(parties)} parties"
        )
    strangers = sorted(set(required) - set(parties))
    if strangers:
        raise RuleError(
            "rule.threshold.required", f"names states that are not parties: {', '.join(strangers)}"
        )
    return _Threshold(count, of, all_signatories, tuple(required), weight)


def _kth_month(data: dict[str, Any], where: str) -> int | None:
    """The K of "the 1st day of the K-th month after the month of deposit", which replaces a delay
    and a roll, so it comes alone."""
    if data.get("kth_month") is None:
        return None
    kth = _int(data["kth_month"], f"{where}.kth_month", 1, MAX_MONTHS)
    if "delay" in data or data.get("roll") not in (None, "none"):
        raise RuleError(f"{where}.kth_month", "cannot be combined with delay or roll")
    return kth


def _timing(data: dict[str, Any]) -> tuple[int | None, dt.date | None, dt.date | None]:
    """kth_month, not_before and fixed_date: the terms that replace or bound the delay."""
    kth = _kth_month(data, "rule")
    not_before = (
        parse_date(data["not_before"], "rule.not_before") if data.get("not_before") else None
    )
    fixed = parse_date(data["fixed_date"], "rule.fixed_date") if data.get("fixed_date") else None
    if not_before and fixed and not_before > fixed:
        raise RuleError("rule.not_before", "is after the fixed date, so the rule can never be met")
    return kth, not_before, fixed


TIMING_KEYS = ("delay", "roll", "kth_month")


def _later(value: Any, main: Later) -> Later:
    """`main` is the main rule's timing form; a later state follows it unless `later` gives a form
    of its own (any of delay, roll, kth_month), which then replaces it whole."""
    later = value or {}
    if not isinstance(later, dict) or set(later) - {"delay", "from", "roll", "kth_month"}:
        raise RuleError("rule.later", "must be an object with delay, from, roll or kth_month")
    start = later.get("from", "threshold")
    if start not in ("threshold", "entry_into_force"):
        raise RuleError("rule.later.from", 'must be "threshold" or "entry_into_force"')
    if all(later.get(key) is None for key in TIMING_KEYS):
        return Later(main.delay, start, main.roll, main.kth_month)
    return Later(
        _delay(later.get("delay"), "rule.later.delay"),
        start,
        _roll(later.get("roll"), "rule.later.roll"),
        _kth_month(later, "rule.later"),
    )


def _holding_a_delay(value: Any, where: str) -> dict[str, Any]:
    """The shape of provisional and withdrawal: an object whose only key is the delay."""
    if not isinstance(value, dict) or set(value) - {"delay"}:
        raise RuleError(where, 'must be {"delay": {...}}')
    return value


def parse_rule(data: Any, parties: Sequence[str]) -> Rule:
    if not isinstance(data, dict):
        raise RuleError("rule", "must be an object")
    unknown = set(data) - RULE_KEYS
    if unknown:
        raise RuleError(f"rule.{sorted(unknown)[0]}", "is not a known part of a rule")
    threshold = _threshold(data.get("threshold"), parties)
    kth_month, not_before, fixed_date = _timing(data)
    delay = _delay(data.get("delay"), "rule.delay")
    roll = _roll(data.get("roll"), "rule.roll")
    later = _later(data.get("later"), Later(delay, "threshold", roll, kth_month))
    # Only the first mistake is reported, so the order of the checks decides which one a caller
    # sees: the shapes of provisional and withdrawal come before requires_signature, the delays
    # inside them after it.
    provisional = data.get("provisional")
    if provisional is not None:
        provisional = _holding_a_delay(provisional, "rule.provisional")
    withdrawal = _holding_a_delay(data.get("withdrawal") or {}, "rule.withdrawal")
    requires_signature = _bool(data.get("requires_signature", True), "rule.requires_signature")
    provisional_delay = (
        _delay(provisional.get("delay"), "rule.provisional.delay")
        if provisional is not None
        else None
    )
    withdrawal_delay = _delay(withdrawal.get("delay", {"months": 6}), "rule.withdrawal.delay")
    return Rule(
        count=threshold.count,
        of=threshold.of,
        all_signatories=threshold.all_signatories,
        required=threshold.required,
        weight=threshold.weight,
        delay=delay,
        roll=roll,
        kth_month=kth_month,
        not_before=not_before,
        fixed_date=fixed_date,
        later=later,
        provisional=provisional_delay,
        withdrawal=withdrawal_delay,
        requires_signature=requires_signature,
    )


def parse_parties(data: Any) -> dict[str, float]:
    if not isinstance(data, list) or not data:
        raise RuleError("parties", "must be a non-empty list")
    parties: dict[str, float] = {}
    for i, p in enumerate(data):
        if (
            not isinstance(p, dict)
            or not isinstance(p.get("state"), str)
            or not p["state"]
            or set(p) - {"state", "weight"}
        ):
            raise RuleError(f"parties[{i}]", 'must be {"state": "...", "weight": N}')
        weight = p.get("weight", 1.0)
        # A comparison refuses NaN too; the bound keeps the sum of the weights finite.
        if (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not 0 <= weight <= 1e9
        ):
            raise RuleError(f"parties[{i}].weight", "must be a number from 0 to 1,000,000,000")
        if p["state"] in parties:
            raise RuleError(f"parties[{i}].state", f"{p['state']} is listed twice")
        parties[p["state"]] = float(weight)
    return parties


def parse_actions(data: Any, parties: Mapping[str, float]) -> list[Action]:
    if not isinstance(data, list):
        raise RuleError("actions", "must be a list")
    actions = []
    for i, a in enumerate(data):
        if not isinstance(a, dict) or set(a) - {"state", "type", "date"}:
            raise RuleError(f"actions[{i}]", 'must be {"state", "type", "date"}')
        if a.get("state") not in parties:
            raise RuleError(f"actions[{i}].state", f"{a.get('state')!r} is not among the parties")
        if a.get("type") not in ACTION_TYPES:
            raise RuleError(
                f"actions[{i}].type",
                f"{a.get('type')!r} is not one of {', '.join(sorted(ACTION_TYPES))}",
            )
        actions.append(
            Action(a["state"], a["type"], parse_date(a.get("date"), f"actions[{i}].date"))
        )
    return actions


def parse_signatories(data: Any, parties: Mapping[str, float]) -> tuple[str, ...]:
    """States known to have signed, for when their signatures are not recorded as actions."""
    if data is None:
        return ()
    if not isinstance(data, list):
        raise RuleError("signatories", "must be a list of states")
    for i, state in enumerate(data):
        if state not in parties:
            raise RuleError(f"signatories[{i}]", f"{state!r} is not among the parties")
    return tuple(dict.fromkeys(data))
