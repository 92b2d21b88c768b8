"""Where an instrument stands, with recorded, computed and published facts kept apart.

- **Recorded**: the signatories and the treaty actions the depositary entered.
- **Computed**: what the entry-into-force engine makes of them, only when the record is complete
  enough for the rule (the clause, the signature block and the deposits are all recorded); otherwise
  the gaps say what is missing and nothing is computed.
- **Published**: the status and date the organization published, with their source.

The consistency checks compare them and the parent instrument, for the Secretariat to look into.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import rules
from .models import Agreement, TreatyAction
from .states import PublishedStatus
from .wording import describe_error, describe_needs, describe_result


class Gap(StrEnum):
    CLAUSE = "clause_not_recorded"
    SIGNATORIES = "signatories_not_recorded"
    DEPOSITS = "deposits_not_recorded"


class Check(StrEnum):
    PROTOCOL_BEFORE_PARENT = "protocol_before_parent"
    BOUND_WITHOUT_CONSENT = "bound_without_consent"
    COMPUTED_DIFFERS = "computed_differs"


@dataclass(frozen=True)
class Flag:
    code: Check
    states: tuple[str, ...] = ()
    dates: tuple[dt.date | None, ...] = ()


@dataclass
class Standing:
    agreement: Agreement
    signatories: list[str]  # ISO codes: the signature block and any state with a recorded signature
    consented: set[str]  # states with a live consent on record
    gaps: list[Gap]
    live: list[TreatyAction]  # the actions that stand (corrected ones left out)
    result: rules.Result | None = None  # only when there is no gap
    error: rules.RuleError | None = None
    flags: list[Flag] = field(default_factory=list)

    @property
    def computed(self) -> dt.date | None:
        return self.result.entry_into_force if self.result else None

    @property
    def published(self) -> str:
        return self.agreement.published_status

    def in_force(self, today: dt.date) -> bool | None:
        """In force as far as anyone can say: published first, else computed; None when unknown."""
        if self.published:
            return self.published == PublishedStatus.IN_FORCE
        if self.result is not None:
            return self.result.in_force and (self.computed or today) <= today
        return None

    @property
    def date_in_force(self) -> dt.date | None:
        """The date to show and publish: the published one, else the computed one."""
        return self.agreement.known_in_force or self.computed

    def bound(self, iso2: str) -> dt.date | None:
        return self.result.states.get(iso2) if self.result else None


def as_stored(standing: Standing) -> dict[str, Any]:
    """What `Agreement.computed` keeps of a standing: enough to rebuild it, its flags and its words
    without the actions (`stored_standing`)."""
    error = standing.error
    return {
        "signatories": list(standing.signatories),
        "consented": sorted(standing.consented),
        "result": standing.result.as_json() if standing.result else None,
        "error": {
            "field": error.field,
            "message": error.message,
            "code": error.code,
            "state": error.state,
            "action_type": error.action_type,
        }
        if error
        else None,
    }


def stored_standing(agreement: Agreement, *, today: dt.date) -> Standing:
    """The standing stored when the record last changed, "in force" judged by `today`; the live
    actions are not read (empty). The gaps come from the instrument itself."""
    data = agreement.computed or {}
    standing = Standing(
        agreement,
        list(data.get("signatories", [])),
        set(data.get("consented", [])),
        gaps_of(agreement),
        [],
    )
    if standing.gaps:
        return standing
    if data.get("result"):
        standing.result = rules.Result.from_json(data["result"], as_of=today)
    elif data.get("error"):
        error = data["error"]
        standing.error = rules.RuleError(
            error["field"],
            error["message"],
            code=error["code"],
            state=error["state"],
            action_type=error["action_type"],
        )
    return standing


def gaps_of(agreement: Agreement) -> list[Gap]:
    gaps = []
    if agreement.rule is None:
        gaps.append(Gap.CLAUSE)
    if not agreement.signatories_recorded:
        gaps.append(Gap.SIGNATORIES)
    if not agreement.deposits_recorded:
        gaps.append(Gap.DEPOSITS)
    return gaps


def check(standing: Standing, parent: Standing | None, today: dt.date) -> list[Flag]:
    """What the Secretariat should look into; nothing when the record and the publications agree."""
    flags = []
    a = standing.agreement
    if parent is not None:
        mine, theirs = standing.date_in_force, parent.date_in_force
        parent_off = parent.in_force(today) is False
        if standing.in_force(today) and (parent_off or (mine and theirs and mine < theirs)):
            flags.append(Flag(Check.PROTOCOL_BEFORE_PARENT, dates=(mine, theirs)))
    if standing.result is None:
        return flags
    if a.published_status == PublishedStatus.IN_FORCE and a.rule is not None:
        needed = _needed(a.rule, standing.signatories)
        missing = tuple(sorted(needed - standing.consented))
        if missing:
            flags.append(Flag(Check.BOUND_WITHOUT_CONSENT, states=missing))
    differs = (a.known_in_force is not None and standing.computed != a.known_in_force) or (
        bool(a.published_status) and standing.in_force(today) != standing.result.in_force
    )
    if differs:
        flags.append(Flag(Check.COMPUTED_DIFFERS, dates=(standing.computed, a.known_in_force)))
    return flags


def _needed(rule: Mapping[str, object], signatories: list[str]) -> set[str]:
    """The states whose consent an instrument in force must have, by its rule."""
    threshold = rule.get("threshold")
    if not isinstance(threshold, dict):
        return set()
    needed = set(threshold.get("required") or [])
    if threshold.get("all_signatories"):
        needed |= set(signatories)
    return needed


def gap_label(gap: Gap) -> str:
    """The gap in a few words, for lists."""
    return {
        Gap.CLAUSE: _("clause not recorded"),
        Gap.SIGNATORIES: _("signature block incomplete"),
        Gap.DEPOSITS: _("deposits not recorded"),
    }[gap]


def gap_text(gap: Gap) -> str:
    return {
        Gap.CLAUSE: _("The entry-into-force clause is not recorded."),
        Gap.SIGNATORIES: _("The signature block is not recorded in full."),
        Gap.DEPOSITS: _(
            "The deposits are not recorded: the dates the depositary received the notifications "
            "were not found."
        ),
    }[gap]


def flag_text(flag: Flag, names: Mapping[str, str]) -> str:
    day = lambda d: date_format(d, "j E Y") if d else "—"  # noqa: E731
    if flag.code == Check.PROTOCOL_BEFORE_PARENT:
        return _(
            "In force (%(mine)s) before the instrument it amends is in force (%(theirs)s)."
        ) % {"mine": day(flag.dates[0]), "theirs": day(flag.dates[1])}
    if flag.code == Check.BOUND_WITHOUT_CONSENT:
        return _("Published as in force, but no consent is recorded for: %(states)s.") % {
            "states": ", ".join(names.get(s, s) for s in flag.states)
        }
    return _("The recorded actions give %(computed)s; the published date is %(published)s.") % {
        "computed": day(flag.dates[0]),
        "published": day(flag.dates[1]),
    }


def in_words(standing: Standing, names: dict[str, str], *, checks: bool) -> dict[str, Any]:
    """A standing in words of the active language; the consistency flags only for the depositary."""
    result = standing.result
    return {
        "s": standing,
        "gaps": [gap_text(g) for g in standing.gaps],
        "gap_labels": [gap_label(g) for g in standing.gaps],
        "error": describe_error(standing.error, names) if standing.error else "",
        "explanation": describe_result(result, names) if result else "",
        "needs": describe_needs(result, names) if result else [],
        "flags": [flag_text(f, names) for f in standing.flags] if checks else [],
    }
