"""The entry-into-force engine: pure functions from a rule, the parties and the treaty actions to the
date an agreement enters into force, overall and for each state. No database, no clock: the day to
judge "in force" by is passed in.

The rule is data (JSON); `docs/entry-into-force.md` documents it with a worked example per clause
pattern. In short:

    {"threshold": {"count": 3, "of": "notification", "all_signatories": false,
                   "required": ["RU"], "weight": 0.6},
     "delay": {"days": 30} | {"months": 3},          # after the threshold deposit
     "roll": "first_of_next_month",                  # then move to the 1st of the following month
     "kth_month": 2,                                  # or: 1st day of the 2nd month after its month
     "not_before": "2025-01-01", "fixed_date": "2025-07-01",
     "later": {"delay": {"days": 0}, "from": "threshold" | "entry_into_force", "roll": ...},
     "provisional": {"delay": {"days": 0}},           # provisional application from signature
     "withdrawal": {"delay": {"months": 6}},
     "requires_signature": true}
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
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


class RuleError(ValueError):
    """Bad input, naming the field it is about (e.g. "rule.threshold.count", "actions[3].date")."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


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
            day = dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
        return day + dt.timedelta(days=self.days)


def first_of_next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def first_of_kth_month_after(day: dt.date, k: int) -> dt.date:
    month0 = day.month - 1 + k
    return dt.date(day.year + month0 // 12, month0 % 12 + 1, 1)


@dataclass(frozen=True)
class Later:
    delay: Delay
    start: (
        str  # "threshold": any deposit after the threshold one; "entry_into_force": only after it
    )
    roll: bool


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


@dataclass
class Result:
    in_force: bool
    entry_into_force: dt.date | None
    states: dict[str, dt.date | None]
    missing: str
    explanation: str
    threshold_date: dt.date | None = None
    provisional: dict[str, dt.date] = field(default_factory=dict)
    withdrawals: dict[str, dt.date] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "in_force": self.in_force,
            "entry_into_force": iso(self.entry_into_force),
            "states": {s: iso(d) for s, d in self.states.items()},
            "missing": self.missing,
            "explanation": self.explanation,
            "threshold_date": iso(self.threshold_date),
            "provisional": {s: iso(d) for s, d in self.provisional.items()},
            "withdrawals": {s: iso(d) for s, d in self.withdrawals.items()},
        }


# --- Parsing ---------------------------------------------------------------------------------------


def _date(value: Any, where: str) -> dt.date:
    if not isinstance(value, str):
        raise RuleError(where, "must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RuleError(where, f"{value!r} is not a date that exists (YYYY-MM-DD)") from None


def _int(value: Any, where: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise RuleError(where, f"must be a whole number of at least {minimum}")
    return value


def _delay(value: Any, where: str) -> Delay:
    if value is None:
        return Delay()
    if not isinstance(value, dict) or set(value) - {"days", "months"}:
        raise RuleError(where, 'must be {"days": N} or {"months": N}')
    return Delay(
        _int(value.get("days", 0), f"{where}.days"), _int(value.get("months", 0), f"{where}.months")
    )


def _roll(value: Any, where: str) -> bool:
    if value in (None, "none"):
        return False
    if value == "first_of_next_month":
        return True
    raise RuleError(where, 'must be "first_of_next_month" or "none"')


def parse_rule(data: Any, parties: Sequence[str]) -> Rule:
    if not isinstance(data, dict):
        raise RuleError("rule", "must be an object")
    unknown = set(data) - RULE_KEYS
    if unknown:
        raise RuleError(f"rule.{sorted(unknown)[0]}", "is not a known part of a rule")
    t = data.get("threshold")
    if not isinstance(t, dict) or set(t) - {"count", "of", "all_signatories", "required", "weight"}:
        raise RuleError(
            "rule.threshold",
            "must be an object with count, of, all_signatories, required or weight",
        )
    count = _int(t["count"], "rule.threshold.count", 1) if "count" in t else None
    of = t.get("of", "notification")
    if of not in COUNTS:
        raise RuleError("rule.threshold.of", 'must be "notification", "instrument" or "consent"')
    required = t.get("required", [])
    if not isinstance(required, list) or not all(isinstance(s, str) for s in required):
        raise RuleError("rule.threshold.required", "must be a list of states")
    weight = t.get("weight")
    if weight is not None and (
        isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 1
    ):
        raise RuleError("rule.threshold.weight", "must be a share between 0 and 1")
    all_signatories = t.get("all_signatories", False)
    if not isinstance(all_signatories, bool):
        raise RuleError("rule.threshold.all_signatories", "must be true or false")
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
    kth = (
        _int(data["kth_month"], "rule.kth_month", 1) if data.get("kth_month") is not None else None
    )
    if kth is not None and ("delay" in data or data.get("roll") not in (None, "none")):
        raise RuleError("rule.kth_month", "cannot be combined with delay or roll")
    not_before = _date(data["not_before"], "rule.not_before") if data.get("not_before") else None
    fixed = _date(data["fixed_date"], "rule.fixed_date") if data.get("fixed_date") else None
    if not_before and fixed and not_before > fixed:
        raise RuleError("rule.not_before", "is after the fixed date, so the rule can never be met")
    delay = _delay(data.get("delay"), "rule.delay")
    roll = _roll(data.get("roll"), "rule.roll")
    later_data = data.get("later") or {}
    if not isinstance(later_data, dict) or set(later_data) - {"delay", "from", "roll"}:
        raise RuleError("rule.later", "must be an object with delay, from and roll")
    start = later_data.get("from", "threshold")
    if start not in ("threshold", "entry_into_force"):
        raise RuleError("rule.later.from", 'must be "threshold" or "entry_into_force"')
    later = Later(
        _delay(later_data["delay"], "rule.later.delay") if "delay" in later_data else delay,
        start,
        _roll(later_data.get("roll"), "rule.later.roll"),
    )
    provisional = data.get("provisional")
    if provisional is not None and (
        not isinstance(provisional, dict) or set(provisional) - {"delay"}
    ):
        raise RuleError("rule.provisional", 'must be {"delay": {...}}')
    withdrawal = data.get("withdrawal") or {}
    if not isinstance(withdrawal, dict) or set(withdrawal) - {"delay"}:
        raise RuleError("rule.withdrawal", 'must be {"delay": {...}}')
    requires_signature = data.get("requires_signature", True)
    if not isinstance(requires_signature, bool):
        raise RuleError("rule.requires_signature", "must be true or false")
    return Rule(
        count,
        of,
        all_signatories,
        tuple(required),
        float(weight) if weight is not None else None,
        delay,
        roll,
        kth,
        not_before,
        fixed,
        later,
        _delay(provisional.get("delay"), "rule.provisional.delay")
        if provisional is not None
        else None,
        _delay(withdrawal.get("delay", {"months": 6}), "rule.withdrawal.delay"),
        requires_signature,
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
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
            raise RuleError(f"parties[{i}].weight", "must be a number of at least 0")
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
        actions.append(Action(a["state"], a["type"], _date(a.get("date"), f"actions[{i}].date")))
    return actions


# --- The engine ------------------------------------------------------------------------------------


def _effective(rule: Rule, threshold: dt.date) -> dt.date:
    if rule.kth_month is not None:
        day = first_of_kth_month_after(threshold, rule.kth_month)
    else:
        day = rule.delay.after(threshold)
        if rule.roll:
            day = first_of_next_month(day)
    if rule.fixed_date is not None and threshold <= rule.fixed_date:
        day = rule.fixed_date  # the conditions were met by the fixed date
    if rule.not_before is not None:
        day = max(day, rule.not_before)
    return day


def _later_date(rule: Rule, deposit: dt.date, threshold: dt.date, overall: dt.date) -> dt.date:
    if rule.later.start == "entry_into_force" and deposit <= overall:
        return overall  # deposited before the agreement was in force: bound from that date
    day = rule.later.delay.after(deposit)
    if rule.later.roll:
        day = first_of_next_month(day)
    return max(day, overall)  # never before the overall date


def _signed(actions: Sequence[Action]) -> dict[str, dt.date]:
    signed: dict[str, dt.date] = {}
    for a in actions:
        if a.type == "signature":
            signed[a.state] = min(a.date, signed.get(a.state, a.date))
    return signed


def evaluate(
    rule: Rule, parties: Mapping[str, float], actions: Sequence[Action], *, as_of: dt.date
) -> Result:
    signed = _signed(actions)
    counted = COUNTS[rule.of]
    consent: dict[str, dt.date] = {}
    for i, a in enumerate(actions):
        if a.type in counted:
            if rule.requires_signature and a.type != "accession" and a.state not in signed:
                raise RuleError(
                    f"actions[{i}].state",
                    f"{a.state} did not sign, so it cannot {a.type} (only accede)",
                )
            consent[a.state] = min(a.date, consent.get(a.state, a.date))
    total_weight = sum(parties.values()) or 1.0

    def met(states: set[str]) -> bool:
        return (
            (rule.count is None or len(states) >= rule.count)
            and (not rule.all_signatories or set(signed) <= states)
            and set(rule.required) <= states
            and (
                rule.weight is None
                or sum(parties[s] for s in states) / total_weight >= rule.weight - 1e-9
            )
        )

    threshold = None
    so_far: set[str] = set()
    for day in sorted(set(consent.values())):  # deposits of the same day count in one step
        so_far |= {s for s, d in consent.items() if d == day}
        if met(so_far):
            threshold = day
            break
    withdrawals = {
        a.state: rule.withdrawal.after(a.date) for a in actions if a.type == "withdrawal"
    }
    provisional = (
        {
            s: rule.provisional.after(d)
            for s, d in signed.items()
            if s not in consent or consent[s] > d
        }
        if rule.provisional is not None
        else {}
    )
    if threshold is None:
        for i, a in enumerate(actions):
            if a.type == "withdrawal":
                raise RuleError(
                    f"actions[{i}]",
                    f"{a.state} cannot withdraw before the agreement enters into force",
                )
        missing = _missing(rule, parties, signed, set(consent), total_weight)
        return Result(
            False,
            None,
            dict.fromkeys(parties),
            missing,
            f"Not in force: {missing}.",
            provisional=provisional,
            withdrawals={},
        )
    overall = _effective(rule, threshold)
    states: dict[str, dt.date | None] = {}
    for s in parties:
        if s not in consent:
            states[s] = None
        elif consent[s] <= threshold:
            states[s] = overall
        else:
            states[s] = _later_date(rule, consent[s], threshold, overall)
    for i, a in enumerate(actions):
        if a.type == "withdrawal" and (states.get(a.state) is None or a.date < states[a.state]):  # type: ignore[operator]
            raise RuleError(
                f"actions[{i}]",
                f"{a.state} cannot withdraw before the agreement enters into force for it",
            )
    provisional = {s: d for s, d in provisional.items() if states.get(s) is None or d < states[s]}  # type: ignore[operator]
    in_force = overall <= as_of
    missing = (
        ""
        if all(d is not None for d in states.values())
        else "not yet bound: " + ", ".join(s for s, d in states.items() if d is None)
    )
    verb = "entered" if in_force else "enters"
    explanation = f"{_threshold_words(rule)} reached on {threshold.isoformat()}; {verb} into force on {overall.isoformat()}."
    return Result(
        in_force, overall, states, missing, explanation, threshold, provisional, withdrawals
    )


def _threshold_words(rule: Rule) -> str:
    parts = []
    noun = {
        "notification": "notification",
        "instrument": "instrument",
        "consent": "notification or instrument",
    }[rule.of]
    if rule.count is not None:
        parts.append(f"the {_ordinal(rule.count)} {noun}")
    if rule.all_signatories:
        parts.append(f"a {noun} from every signatory")
    if rule.required:
        parts.append(f"{noun}s from {', '.join(rule.required)}")
    if rule.weight is not None:
        parts.append(f"parties holding {rule.weight:.0%} of the weight")
    return (" and ".join(parts)).capitalize()


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _missing(
    rule: Rule,
    parties: Mapping[str, float],
    signed: Mapping[str, dt.date],
    have: set[str],
    total: float,
) -> str:
    noun = {
        "notification": "notification",
        "instrument": "instrument",
        "consent": "notification or instrument",
    }[rule.of]
    needs = []
    if rule.count is not None and len(have) < rule.count:
        n = rule.count - len(have)
        needs.append(f"needs {n} more {noun}{'' if n == 1 else 's'}")
    if rule.all_signatories and not set(signed) <= have:
        needs.append(f"needs {noun}s from {', '.join(sorted(set(signed) - have))}")
    if not set(rule.required) <= have:
        needs.append(f"needs {noun}s from {', '.join(sorted(set(rule.required) - have))}")
    if rule.weight is not None:
        share = sum(parties[s] for s in have) / total
        if share < rule.weight - 1e-9:
            needs.append(f"needs parties holding {rule.weight:.0%} of the weight (has {share:.0%})")
    return "; ".join(needs) or "no party has consented yet"


def run(data: Any, *, as_of: dt.date) -> Result:
    """The whole question in one call, as the command line and the API ask it."""
    if not isinstance(data, dict) or set(data) - {"rule", "parties", "actions", "as_of"}:
        raise RuleError("input", 'must be {"rule", "parties", "actions"} (and optionally "as_of")')
    parties = parse_parties(data.get("parties"))
    rule = parse_rule(data.get("rule"), list(parties))
    actions = parse_actions(data.get("actions", []), parties)
    if data.get("as_of"):
        as_of = _date(data["as_of"], "as_of")
    return evaluate(rule, parties, actions, as_of=as_of)
