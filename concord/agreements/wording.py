"""The entry-into-force engine's rules, answers and errors in words, in the user's language: the
only place that turns them into sentences, all through gettext (Russian in locale/ru).

The engine (`rules.py`) answers with data: `Result.needs` (codes), `Result.of`, `RuleError.code`.
Its English `missing` and `explanation` are for the command line and the logs; pages and the API
say things through this module. Phrases are built from whole translated pieces, and the Russian
ones are written so that no word has to agree with a state's name (names come after a colon or as
"государство X"), dates read "14 июня 2009", ordinals stand in the genitive ("5-го") where every
piece needs them, and counts go through ngettext.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy, pgettext_lazy

from .rules import Delay, Later, Result, Rule, RuleError, parse_rule

Names = Mapping[str, str] | None

# --- Small pieces ---------------------------------------------------------------------------------


def _date(day: dt.date) -> str:
    return date_format(day, "j E Y")


def _states(states: Sequence[str], names: Names) -> str:
    return ", ".join((names or {}).get(s, s) for s in states)


def _and(items: Sequence[str]) -> str:
    if len(items) < 2:
        return "".join(items)
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def _percent(share: float) -> str:
    value = round(share * 100, 1)
    return pgettext_lazy("percent", "%(value)s%%") % {
        "value": number_format(int(value) if value == int(value) else value)
    }


# The translations stand in the genitive ("5-го уведомления", "6-го месяца"): every use needs it.
ORDINALS = {
    "st": pgettext_lazy("genitive ordinal", "%(n)dst"),
    "nd": pgettext_lazy("genitive ordinal", "%(n)dnd"),
    "rd": pgettext_lazy("genitive ordinal", "%(n)drd"),
    "th": pgettext_lazy("genitive ordinal", "%(n)dth"),
}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return ORDINALS[suffix] % {"n": n}


def _duration(delay: Delay) -> str:
    parts = []
    if delay.months:
        parts.append(ngettext("%(n)d month", "%(n)d months", delay.months) % {"n": delay.months})
    if delay.days:
        parts.append(ngettext("%(n)d day", "%(n)d days", delay.days) % {"n": delay.days})
    return _and(parts)


# --- The rule -------------------------------------------------------------------------------------

# What the threshold waits for, by what it counts (`of`). The Russian stands in the genitive,
# after "получения депозитарием" / "сдачи на хранение".
COUNT = {
    "notification": gettext_lazy("the %(ordinal)s notification"),
    "instrument": gettext_lazy(
        "the %(ordinal)s instrument of ratification, acceptance, approval or accession"
    ),
    "consent": gettext_lazy("the %(ordinal)s notification or instrument"),
}
WEIGHT = {
    "notification": gettext_lazy(
        "the notifications of parties holding at least %(percent)s of the total weight"
    ),
    "instrument": gettext_lazy(
        "the instruments of parties holding at least %(percent)s of the total weight"
    ),
    "consent": gettext_lazy(
        "the notifications or instruments of parties holding at least %(percent)s of the total "
        "weight"
    ),
}
ALL_SIGNATORIES = {
    "notification": gettext_lazy("the notifications of all signatory states"),
    "instrument": gettext_lazy("the instruments of all signatory states"),
    "consent": gettext_lazy("the notifications or instruments of all signatory states"),
}
REQUIRED = {
    "notification": gettext_lazy("the notifications of the following states: %(states)s"),
    "instrument": gettext_lazy("the instruments of the following states: %(states)s"),
    "consent": gettext_lazy("the notifications or instruments of the following states: %(states)s"),
}
# The event that starts the clock, as it follows "the date" / "the month".
EVENT = {
    "notification": gettext_lazy("the depositary receives %(what)s"),
    "instrument": gettext_lazy("of deposit of %(what)s"),
    "consent": gettext_lazy("the depositary receives %(what)s"),
}
LATER_EVENT = {
    "notification": gettext_lazy("of its notification"),
    "instrument": gettext_lazy("of deposit of its instrument"),
    "consent": gettext_lazy("of its notification or the deposit of its instrument"),
}
LATER_WHO = {
    ("notification", "threshold"): gettext_lazy("for a state notifying later"),
    ("instrument", "threshold"): gettext_lazy("for a state depositing its instrument later"),
    ("consent", "threshold"): gettext_lazy(
        "for a state notifying or depositing its instrument later"
    ),
    ("notification", "entry_into_force"): gettext_lazy(
        "for a state notifying after the entry into force"
    ),
    ("instrument", "entry_into_force"): gettext_lazy(
        "for a state depositing its instrument after the entry into force"
    ),
    ("consent", "entry_into_force"): gettext_lazy(
        "for a state notifying or depositing its instrument after the entry into force"
    ),
}


def _when(form: Later, event: str) -> str:
    """When a timing form puts a date, counted from `event`."""
    if form.kth_month is not None:
        return _("on the first day of the %(ordinal)s month after the month %(event)s") % {
            "ordinal": _ordinal(form.kth_month),
            "event": event,
        }
    duration = _duration(form.delay)
    if form.roll and duration:
        return _(
            "on the first day of the month following the expiry of a period of %(duration)s "
            "after the date %(event)s"
        ) % {"duration": duration, "event": event}
    if form.roll:
        return _("on the first day of the month after the month %(event)s") % {"event": event}
    if duration:
        return _("%(duration)s after the date %(event)s") % {"duration": duration, "event": event}
    return _("on the date %(event)s") % {"event": event}


def _threshold(rule: Rule, names: Names) -> str:
    parts = []
    if rule.count is not None:
        parts.append(COUNT[rule.of] % {"ordinal": _ordinal(rule.count)})
    if rule.weight is not None:
        parts.append(WEIGHT[rule.of] % {"percent": _percent(rule.weight)})
    if rule.all_signatories:
        parts.append(str(ALL_SIGNATORIES[rule.of]))
    if rule.required:  # last: its list after a colon ends the phrase
        parts.append(REQUIRED[rule.of] % {"states": _states(rule.required, names)})
    return _and(parts)


def _later(rule: Rule) -> str:
    later = rule.later
    who = LATER_WHO[(rule.of, later.start)]
    when = _when(later, str(LATER_EVENT[rule.of]))
    main = Later(rule.delay, later.start, rule.roll, rule.kth_month)
    # Only a form of its own, or bounds on the overall date, can put a later state's own date
    # before the overall one; a deposit after entry into force cannot.
    can_be_earlier = later.start == "threshold" and (
        later != main or rule.not_before is not None or rule.fixed_date is not None
    )
    if can_be_earlier:
        return _("%(who)s, %(when)s, but not before the entry into force") % {
            "who": who,
            "when": when,
        }
    return _("%(who)s, %(when)s") % {"who": who, "when": when}


def _entry_into_force(rule: Rule, names: Names) -> str:
    event = EVENT[rule.of] % {"what": _threshold(rule, names)}
    when = _when(Later(rule.delay, "threshold", rule.roll, rule.kth_month), event)
    if rule.not_before is not None:
        when = _("%(when)s, but not before %(date)s") % {
            "when": when,
            "date": _date(rule.not_before),
        }
    return _("Enters into force %(when)s; %(later)s.") % {"when": when, "later": _later(rule)}


def _provisional(delay: Delay) -> str:
    duration = _duration(delay)
    if duration:
        return _(
            "Applied provisionally by each signatory state from %(duration)s after its signature "
            "until the agreement binds that state."
        ) % {"duration": duration}
    return _(
        "Applied provisionally by each signatory state from the date of its signature until the "
        "agreement binds that state."
    )


def _withdrawal(delay: Delay) -> str:
    duration = _duration(delay)
    if duration:
        return _(
            "A withdrawal takes effect %(duration)s after the depositary receives its notice."
        ) % {"duration": duration}
    return _("A withdrawal takes effect on the date the depositary receives its notice.")


def _parsed(rule: dict[str, Any]) -> Rule:
    """The rule read as the engine reads it; the parties it is checked against are made up of
    the required states and enough others for the count, since only the rule is described."""
    threshold = rule.get("threshold")
    threshold = threshold if isinstance(threshold, dict) else {}
    required = threshold.get("required")
    parties = [s for s in required if isinstance(s, str)] if isinstance(required, list) else []
    count = threshold.get("count")
    if isinstance(count, int) and not isinstance(count, bool):
        parties += [f"#{i}" for i in range(min(count, 10_000))]
    return parse_rule(rule, parties)


def describe_rule(rule: dict[str, Any] | None, names: Names = None) -> str:
    """The rule (the JSON the engine takes) as sentences a reader can check against the treaty's
    final clauses. `names` maps a state's code to the name to show (the code by default)."""
    if rule is None:
        return _("The entry-into-force clause is not recorded.")
    try:
        parsed = _parsed(rule)
    except RuleError as error:
        return _("The recorded entry-into-force clause cannot be read (%(field)s).") % {
            "field": error.field
        }
    sentences = [_entry_into_force(parsed, names)]
    if parsed.fixed_date is not None:
        sentences.append(
            _("If the condition is met by %(date)s, it enters into force on that date instead.")
            % {"date": _date(parsed.fixed_date)}
        )
    if parsed.provisional is not None:
        sentences.append(_provisional(parsed.provisional))
    if "withdrawal" in rule:
        sentences.append(_withdrawal(parsed.withdrawal))
    if "requires_signature" in rule:
        sentences.append(
            _(
                "Only a signatory state may notify or ratify, accept or approve; any other state "
                "accedes."
            )
            if parsed.requires_signature
            else _("A state need not have signed to notify or ratify.")
        )
    return " ".join(sentences)


# --- The answer -----------------------------------------------------------------------------------

MORE = {
    "notification": ngettext_lazy(
        "needs %(count)d more notification", "needs %(count)d more notifications", "count"
    ),
    "instrument": ngettext_lazy(
        "needs %(count)d more instrument", "needs %(count)d more instruments", "count"
    ),
    "consent": ngettext_lazy(
        "needs %(count)d more notification or instrument",
        "needs %(count)d more notifications or instruments",
        "count",
    ),
}
FROM_SIGNATORIES = {
    "notification": gettext_lazy("needs notifications from these signatories: %(states)s"),
    "instrument": gettext_lazy("needs instruments from these signatories: %(states)s"),
    "consent": gettext_lazy(
        "needs notifications or instruments from these signatories: %(states)s"
    ),
}
FROM_REQUIRED = {
    "notification": gettext_lazy("needs notifications from these states: %(states)s"),
    "instrument": gettext_lazy("needs instruments from these states: %(states)s"),
    "consent": gettext_lazy("needs notifications or instruments from these states: %(states)s"),
}
NO_CONSENT = {
    "notification": gettext_lazy("no notification has been received yet"),
    "instrument": gettext_lazy("no instrument has been deposited yet"),
    "consent": gettext_lazy("no notification or instrument has been received yet"),
}


def describe_needs(result: Result, names: Names = None) -> list[str]:
    """One phrase per thing the agreement still needs (`Result.needs`), in their order."""
    phrases = []
    for need in result.needs:
        if need.code == "more":
            phrases.append(MORE[result.of] % {"count": need.count})
        elif need.code == "from_signatories":
            phrases.append(FROM_SIGNATORIES[result.of] % {"states": _states(need.states, names)})
        elif need.code == "from_required":
            phrases.append(FROM_REQUIRED[result.of] % {"states": _states(need.states, names)})
        elif need.code == "weight":
            phrases.append(
                _("needs parties holding %(target)s of the weight (they hold %(share)s)")
                % {"target": _percent(need.target or 0), "share": _percent(need.share or 0)}
            )
        else:
            phrases.append(str(NO_CONSENT[result.of]))
    return phrases


def describe_result(result: Result, names: Names = None) -> str:
    """The engine's answer in a sentence: what is missing, or when the threshold was reached and
    the agreement enters (or entered) into force."""
    if result.threshold_date is None or result.entry_into_force is None:
        return _("Not in force: %(needs)s.") % {"needs": "; ".join(describe_needs(result, names))}
    dates = {"threshold": _date(result.threshold_date), "date": _date(result.entry_into_force)}
    if result.in_force:
        return _("The threshold was reached on %(threshold)s; in force since %(date)s.") % dates
    return _("The threshold was reached on %(threshold)s; enters into force on %(date)s.") % dates


# --- Errors ---------------------------------------------------------------------------------------

# What a state that has not signed cannot do, by the type of its action.
CANNOT = {
    "notification": pgettext_lazy("cannot …", "notify"),
    "ratification": pgettext_lazy("cannot …", "ratify"),
    "acceptance": pgettext_lazy("cannot …", "accept"),
    "approval": pgettext_lazy("cannot …", "approve"),
}


def describe_error(error: RuleError, names: Names = None) -> str:
    """An error of the engine in the user's language. An error in the input itself
    ("invalid_rule") keeps its technical field and English message."""
    state = _states([error.state], names) if error.state else ""
    if error.code == "not_signed":
        return _(
            "%(state)s has not signed, so it cannot %(act)s; a state that has not signed may "
            "only accede."
        ) % {"state": state, "act": CANNOT.get(error.action_type, error.action_type)}
    if error.code == "withdrawal_before_force":
        return _("%(state)s cannot withdraw before the agreement enters into force.") % {
            "state": state
        }
    if error.code == "withdrawal_before_bound":
        return _("%(state)s cannot withdraw before the agreement enters into force for it.") % {
            "state": state
        }
    return _("Invalid input, %(field)s: %(message)s") % {
        "field": error.field,
        "message": error.message,
    }
