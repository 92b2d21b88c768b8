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
     "later": {"from": "threshold" | "entry_into_force",   # states consenting later: their own
               "delay": ..., "roll": ..., "kth_month": ...},  # deposit, timed like the main rule
     "provisional": {"delay": {"days": 0}},           # provisional application from signature
     "withdrawal": {"delay": {"months": 6}},
     "requires_signature": true}

The question may also name the states that signed (`"signatories": [...]`) when their signatures
are not recorded as actions. `rule_format.py` reads the rule, the parties, the actions and the
signatories; this module re-exports its names, so that callers need only this one. The engine's
answer carries data (`Result.needs`, `RuleError.code`) besides its English sentences; `wording.py`
puts that data into the user's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .rule_format import (
    ACTION_TYPES,
    COUNTS,
    INSTRUMENTS,
    RULE_KEYS,
    Action,
    BeyondCalendar,
    Delay,
    Later,
    Rule,
    RuleError,
    calendar_day,
    parse_actions,
    parse_date,
    parse_parties,
    parse_rule,
    parse_signatories,
)

__all__ = [
    "ACTION_TYPES",
    "COUNTS",
    "INSTRUMENTS",
    "RULE_KEYS",
    "Action",
    "Delay",
    "Later",
    "Need",
    "Result",
    "Rule",
    "RuleError",
    "evaluate",
    "first_of_kth_month_after",
    "first_of_next_month",
    "parse_actions",
    "parse_parties",
    "parse_rule",
    "parse_signatories",
    "run",
]


def first_of_next_month(day: dt.date) -> dt.date:
    return calendar_day(day.year + day.month // 12, day.month % 12 + 1, 1)


def first_of_kth_month_after(day: dt.date, k: int) -> dt.date:
    month0 = day.month - 1 + k
    return calendar_day(day.year + month0 // 12, month0 % 12 + 1, 1)


@dataclass(frozen=True)
class Need:
    """One thing the agreement still needs to enter into force, as data for `wording.py`:
    "more" (`count` more consents), "from_signatories" and "from_required" (consents from
    `states`), "weight" (the consenting parties hold `share` of the weight, `target` is needed),
    "no_consent" (no party has consented and nothing else can be said)."""

    code: str
    count: int | None = None
    states: tuple[str, ...] = ()
    share: float | None = None
    target: float | None = None


@dataclass
class Result:
    in_force: bool
    entry_into_force: dt.date | None
    states: dict[str, dt.date | None]
    missing: str  # English, for the command line; `needs` is the same as data
    explanation: str  # English; `wording.describe_result` says it in the user's language
    threshold_date: dt.date | None = None
    provisional: dict[str, dt.date] = field(default_factory=dict)
    withdrawals: dict[str, dt.date] = field(default_factory=dict)
    needs: tuple[Need, ...] = ()  # while the threshold is not met
    of: str = "notification"  # what the threshold counts: notification | instrument | consent
    unbound: tuple[str, ...] = ()  # once the threshold is met: parties not (yet) bound

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
            "needs": [{**asdict(n), "states": list(n.states)} for n in self.needs],
            "of": self.of,
            "unbound": list(self.unbound),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, as_of: dt.date) -> Result:
        """The answer `as_json` stored, judged "in force" by `as_of` (the only thing in it that
        depends on the day: the engine's other figures follow from the rule and the actions)."""
        day = lambda v: dt.date.fromisoformat(v) if v else None  # noqa: E731
        entry = day(data["entry_into_force"])
        in_force = entry is not None and entry <= as_of
        verbs = ("enters into force", "entered into force")
        return cls(
            in_force=in_force,
            entry_into_force=entry,
            states={s: day(d) for s, d in data["states"].items()},
            missing=data["missing"],
            explanation=data["explanation"].replace(verbs[not in_force], verbs[in_force]),
            threshold_date=day(data["threshold_date"]),
            provisional={s: d for s, v in data["provisional"].items() if (d := day(v))},
            withdrawals={s: d for s, v in data["withdrawals"].items() if (d := day(v))},
            needs=tuple(Need(**{**n, "states": tuple(n["states"])}) for n in data["needs"]),
            of=data["of"],
            unbound=tuple(data["unbound"]),
        )


# --- The engine ------------------------------------------------------------------------------------


def _timed(form: Later, deposit: dt.date) -> dt.date:
    """The day a timing form gives for a deposit: the 1st day of the K-th month after the month of
    deposit, or the deposit + the delay, then perhaps the 1st of the following month."""
    if form.kth_month is not None:
        return first_of_kth_month_after(deposit, form.kth_month)
    day = form.delay.after(deposit)
    return first_of_next_month(day) if form.roll else day


def _effective(rule: Rule, threshold: dt.date) -> dt.date:
    day = _timed(Later(rule.delay, "threshold", rule.roll, rule.kth_month), threshold)
    if rule.fixed_date is not None and threshold <= rule.fixed_date:
        day = rule.fixed_date  # the conditions were met by the fixed date
    if rule.not_before is not None:
        day = max(day, rule.not_before)
    return day


def _later_date(rule: Rule, deposit: dt.date, overall: dt.date) -> dt.date:
    """fixed_date and not_before bound the overall date only; a later state's own date is bounded
    by the overall date alone."""
    if rule.later.start == "entry_into_force" and deposit <= overall:
        return overall  # deposited before the agreement was in force: bound from that date
    return max(_timed(rule.later, deposit), overall)  # never before the overall date


def _signed(actions: Sequence[Action]) -> dict[str, dt.date]:
    signed: dict[str, dt.date] = {}
    for a in actions:
        if a.type == "signature":
            signed[a.state] = min(a.date, signed.get(a.state, a.date))
    return signed


def _consents(rule: Rule, actions: Sequence[Action], signed: frozenset[str]) -> dict[str, dt.date]:
    """Each party's first action of a kind the threshold counts."""
    counted = COUNTS[rule.of]
    consent: dict[str, dt.date] = {}
    for i, a in enumerate(actions):
        if a.type not in counted:
            continue
        if rule.requires_signature and a.type != "accession" and a.state not in signed:
            raise RuleError(
                f"actions[{i}].state",
                f"{a.state} did not sign, so it cannot {a.type} (only accede)",
                code="not_signed",
                state=a.state,
                action_type=a.type,
            )
        consent[a.state] = min(a.date, consent.get(a.state, a.date))
    return consent


def _met(
    rule: Rule,
    parties: Mapping[str, float],
    signed: frozenset[str],
    states: set[str],
    total_weight: float,
) -> bool:
    return (
        (rule.count is None or len(states) >= rule.count)
        and (not rule.all_signatories or set(signed) <= states)
        and set(rule.required) <= states
        and (
            rule.weight is None
            # float sums fall a hair short (weights 0.1 + 0.7 give 0.7999...), so allow for it
            or sum(parties[s] for s in states) / total_weight >= rule.weight - 1e-9
        )
    )


def _threshold_date(
    rule: Rule,
    parties: Mapping[str, float],
    signed: frozenset[str],
    consent: Mapping[str, dt.date],
    total_weight: float,
) -> dt.date | None:
    so_far: set[str] = set()
    for day in sorted(set(consent.values())):  # deposits of the same day count in one step
        so_far |= {s for s, d in consent.items() if d == day}
        if _met(rule, parties, signed, so_far, total_weight):
            return day
    return None


def _provisional_application(
    rule: Rule, signed: Mapping[str, dt.date], consent: Mapping[str, dt.date]
) -> dict[str, dt.date]:
    if rule.provisional is None:
        return {}
    # A state that had already consented when it signed has nothing to apply provisionally.
    return {
        s: rule.provisional.after(d)
        for s, d in signed.items()
        if s not in consent or consent[s] > d
    }


def _bound_from(
    rule: Rule,
    parties: Mapping[str, float],
    consent: Mapping[str, dt.date],
    threshold: dt.date,
    overall: dt.date,
) -> dict[str, dt.date | None]:
    """The day the agreement binds each party; None for a party that has not consented."""
    states: dict[str, dt.date | None] = {}
    for s in parties:
        if s not in consent:
            states[s] = None
        elif consent[s] <= threshold:
            states[s] = overall
        else:
            states[s] = _later_date(rule, consent[s], overall)
    return states


def _refuse_withdrawals(actions: Sequence[Action]) -> None:
    """Called while the agreement is not in force: there is nothing yet to withdraw from."""
    for i, a in enumerate(actions):
        if a.type == "withdrawal":
            raise RuleError(
                f"actions[{i}]",
                f"{a.state} cannot withdraw before the agreement enters into force",
                code="withdrawal_before_force",
                state=a.state,
            )


def _refuse_withdrawals_before_bound(
    actions: Sequence[Action], states: Mapping[str, dt.date | None]
) -> None:
    for i, a in enumerate(actions):
        if a.type != "withdrawal":
            continue
        bound = states.get(a.state)
        if bound is None or a.date < bound:
            raise RuleError(
                f"actions[{i}]",
                f"{a.state} cannot withdraw before the agreement enters into force for it",
                code="withdrawal_before_bound",
                state=a.state,
            )


def evaluate(
    rule: Rule,
    parties: Mapping[str, float],
    actions: Sequence[Action],
    *,
    as_of: dt.date,
    signatories: Sequence[str] = (),
) -> Result:
    """`signatories`: states that signed though no signature action is recorded for them. With
    the recorded signatures they make the signatories whose consents `all_signatories` waits for
    and whose consents `requires_signature` accepts."""
    try:
        return _evaluate(rule, parties, actions, as_of=as_of, signatories=signatories)
    except BeyondCalendar:
        raise RuleError(
            "actions", "a date they lead to falls after 9999-12-31, the calendar's last day"
        ) from None


def _evaluate(
    rule: Rule,
    parties: Mapping[str, float],
    actions: Sequence[Action],
    *,
    as_of: dt.date,
    signatories: Sequence[str],
) -> Result:
    dated = _signed(actions)  # provisional application runs from these dates
    signed = frozenset(signatories) | frozenset(dated)
    consent = _consents(rule, actions, signed)
    total_weight = sum(parties.values()) or 1.0
    threshold = _threshold_date(rule, parties, signed, consent, total_weight)
    provisional = _provisional_application(rule, dated, consent)
    if threshold is None:
        _refuse_withdrawals(actions)
        needs = _needs(rule, parties, signed, set(consent), total_weight)
        missing = _missing(rule, needs)
        return Result(
            False,
            None,
            dict.fromkeys(parties),
            missing,
            f"Not in force: {missing}.",
            provisional=provisional,
            needs=needs,
            of=rule.of,
        )
    overall = _effective(rule, threshold)
    states = _bound_from(rule, parties, consent, threshold, overall)
    _refuse_withdrawals_before_bound(actions, states)
    withdrawals = {
        a.state: rule.withdrawal.after(a.date) for a in actions if a.type == "withdrawal"
    }
    # Provisional application ends once the state is bound.
    provisional = {
        s: d for s, d in provisional.items() if (bound := states.get(s)) is None or d < bound
    }
    in_force = overall <= as_of
    verb = "entered" if in_force else "enters"
    unbound = tuple(s for s, d in states.items() if d is None)
    return Result(
        in_force,
        overall,
        states,
        "not yet bound: " + ", ".join(unbound) if unbound else "",
        f"{_threshold_words(rule)} reached on {threshold.isoformat()}; "
        f"{verb} into force on {overall.isoformat()}.",
        threshold,
        provisional,
        withdrawals,
        of=rule.of,
        unbound=unbound,
    )


NOUNS = {
    "notification": "notification",
    "instrument": "instrument",
    "consent": "notification or instrument",
}


def _threshold_words(rule: Rule) -> str:
    parts = []
    noun = NOUNS[rule.of]
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


def _needs(
    rule: Rule,
    parties: Mapping[str, float],
    signed: frozenset[str],
    have: set[str],
    total: float,
) -> tuple[Need, ...]:
    """What the threshold still lacks, given the parties that have consented (`have`)."""
    needs = []
    if rule.count is not None and len(have) < rule.count:
        needs.append(Need("more", count=rule.count - len(have)))
    if rule.all_signatories and not signed <= have:
        needs.append(Need("from_signatories", states=tuple(sorted(signed - have))))
    if not set(rule.required) <= have:
        needs.append(Need("from_required", states=tuple(sorted(set(rule.required) - have))))
    if rule.weight is not None:
        share = sum(parties[s] for s in have) / total
        if share < rule.weight - 1e-9:
            needs.append(Need("weight", share=share, target=rule.weight))
    return tuple(needs) or (Need("no_consent"),)


def _missing(rule: Rule, needs: Sequence[Need]) -> str:
    """The needs in English, for the command line and the logs."""
    noun = NOUNS[rule.of]
    words = []
    for need in needs:
        if need.code == "more":
            words.append(f"needs {need.count} more {noun}{'' if need.count == 1 else 's'}")
        elif need.code in ("from_signatories", "from_required"):
            words.append(f"needs {noun}s from {', '.join(need.states)}")
        elif need.code == "weight":
            words.append(
                f"needs parties holding {need.target:.0%} of the weight (has {need.share:.0%})"
            )
        else:
            words.append("no party has consented yet")
    return "; ".join(words)


INPUT_KEYS = {"rule", "parties", "actions", "as_of", "signatories"}


def run(data: Any, *, as_of: dt.date) -> Result:
    """The whole question in one call, as the command line and the API ask it."""
    if not isinstance(data, dict) or set(data) - INPUT_KEYS:
        raise RuleError(
            "input",
            'must be {"rule", "parties", "actions"} (and optionally "as_of", "signatories")',
        )
    parties = parse_parties(data.get("parties"))
    rule = parse_rule(data.get("rule"), list(parties))
    actions = parse_actions(data.get("actions", []), parties)
    signatories = parse_signatories(data.get("signatories"), parties)
    if data.get("as_of"):
        as_of = parse_date(data["as_of"], "as_of")
    return evaluate(rule, parties, actions, as_of=as_of, signatories=signatories)
