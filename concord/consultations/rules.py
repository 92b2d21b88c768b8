"""Decision rules and deadlines: pure functions, no database, no clock (`now` is passed in).

Which rule applies is configuration (per body and kind of question), with the defaults of the
domain notes (procedures.md): consensus of the participating states, limited format when a state
refrains without objecting, unanimity where every member must join, simple majority of those
present for procedural questions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Stance(StrEnum):
    JOIN = "join"  # joins the decision
    JOIN_WITH_OPINION = "join_opinion"  # joins, attaching a special opinion
    REFRAIN = "refrain"  # does not join and does not object: limited format, not bound
    OBJECT = "object"  # objects: blocks consensus
    MORE_TIME = "more_time"  # asks for more time (breaks silence in a written procedure)


JOINING = {Stance.JOIN, Stance.JOIN_WITH_OPINION}


class Rule(StrEnum):
    CONSENSUS = "consensus"  # no participating state objects; those who refrain are not bound
    UNANIMITY = "unanimity"  # every member state joins (e.g. appointing the Secretary General)
    MAJORITY = "majority"  # more than half of the states taking part join (procedural questions)
    ALL_PARTICIPATING = "all_participating"  # every participating state joins (joint statements)


class ConsentMode(StrEnum):
    EXPLICIT = "explicit"  # written procedure: a state consents only by saying so
    SILENCE = "silence"  # written procedure: no answer by the deadline counts as consent
    SESSION = "session"  # at a session: a state absent or silent does not block, and may join later


class Breakers(StrEnum):
    """In a written procedure where silence is consent, whose objection breaks the silence."""

    MEMBERS = "members"  # any member state, one whose participation is frozen included
    PARTICIPATING = "participating"  # only the states taking part: a frozen one's objection is void


class TermUnit(StrEnum):
    WORKING_DAYS = "working_days"  # the calendar's non-working days skipped
    DAYS = "days"
    HOURS = "hours"  # around the clock: crisis procedures


class Result(StrEnum):
    PENDING = "pending"  # not decided yet (positions missing, deadline not reached)
    ADOPTED = "adopted"  # adopted by all the states it needs
    ADOPTED_LIMITED = "adopted_limited"  # adopted; states that refrained are not bound
    BLOCKED = "blocked"  # an objection (or a missing consent) prevents adoption
    NO_QUORUM = "no_quorum"  # too few states took part


@dataclass(frozen=True)
class State:
    id: int
    name_ru: str
    name_en: str
    frozen: bool = False  # participation frozen: does not block by silence, may still object


@dataclass(frozen=True)
class Outcome:
    result: Result
    joined: tuple[State, ...] = ()
    refrained: tuple[State, ...] = ()
    objected: tuple[State, ...] = ()
    silent: tuple[State, ...] = ()  # no position (or one given on an older text)
    explanation_ru: str = ""
    explanation_en: str = ""
    bound: tuple[State, ...] = field(default=())  # the states the decision binds

    @property
    def adopted(self) -> bool:
        return self.result in (Result.ADOPTED, Result.ADOPTED_LIMITED)

    @property
    def awaited(self) -> tuple[State, ...]:
        """The states whose word is still waited for: silent and taking part (a state whose
        participation is frozen may join or object, but nothing waits for it)."""
        return tuple(s for s in self.silent if not s.frozen)


def _names(states: Iterable[State], lang: str) -> str:
    names = sorted(s.name_en if lang == "en" else s.name_ru for s in states)
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    joiner = " and " if lang == "en" else " и "
    return ", ".join(names[:-1]) + joiner + names[-1]


@dataclass(frozen=True)
class _Tally:
    """Where every member stands, counted once, so that each rule reads the same facts."""

    joined: tuple[State, ...]
    refrained: tuple[State, ...]
    objected: tuple[State, ...]
    silent: tuple[State, ...]
    awaited: tuple[State, ...]  # silent and not frozen: a frozen state never holds a question up
    taking_part: int
    closed: bool
    consent: ConsentMode
    quorum: int

    def outcome(self, result: Result, ru: str, en: str, bound: tuple[State, ...] = ()) -> Outcome:
        return Outcome(
            result, self.joined, self.refrained, self.objected, self.silent, ru, en, bound
        )


def _group(
    state: State, stance: Stance | None, *, silence_consents: bool, frozen_breaks: bool
) -> str:
    if stance in JOINING:
        return "joined"
    if stance == Stance.REFRAIN:
        return "refrained"
    # Asking for more time breaks the silence of a written procedure, so it blocks like an
    # objection until the state says otherwise; unless the route lets only participating states
    # break silence and this one's participation is frozen: then its word is void.
    if stance in (Stance.OBJECT, Stance.MORE_TIME):
        return "objected" if frozen_breaks or not state.frozen else "silent"
    # A frozen state's silence is not taken as consent: it would bind a state that is not taking
    # part.
    if silence_consents and not state.frozen:
        return "joined"
    return "silent"


def _tally(
    members: Sequence[State],
    stances: Mapping[int, Stance],
    *,
    quorum: int,
    consent: ConsentMode,
    closed: bool,
    breakers: Breakers = Breakers.MEMBERS,
) -> _Tally:
    silence_consents = closed and consent == ConsentMode.SILENCE
    frozen_breaks = consent != ConsentMode.SILENCE or breakers == Breakers.MEMBERS
    groups: dict[str, list[State]] = {"joined": [], "refrained": [], "objected": [], "silent": []}
    for s in members:
        stance = stances.get(s.id)
        group = _group(s, stance, silence_consents=silence_consents, frozen_breaks=frozen_breaks)
        groups[group].append(s)
    joined, refrained, objected, silent = (tuple(g) for g in groups.values())
    return _Tally(
        joined=joined,
        refrained=refrained,
        objected=objected,
        silent=silent,
        awaited=tuple(s for s in silent if not s.frozen),
        taking_part=len(joined) + len(refrained) + len(objected),
        closed=closed,
        consent=consent,
        quorum=quorum,
    )


def _objection(t: _Tally) -> Outcome:
    return t.outcome(
        Result.BLOCKED,
        f"Не принято: возражает {_names(t.objected, 'ru')}.",
        f"Not adopted: {_names(t.objected, 'en')} objected.",
    )


def _majority(t: _Tally) -> Outcome:
    # An objection is only a vote against here: it does not block by itself.
    counted = t.closed or not t.awaited
    if counted and len(t.joined) * 2 > t.taking_part:
        return t.outcome(
            Result.ADOPTED,
            f"Принято большинством: за — {_names(t.joined, 'ru')}.",
            f"Adopted by majority: {_names(t.joined, 'en')} in favour.",
            t.joined,
        )
    if counted:
        return t.outcome(
            Result.BLOCKED, "Не принято: большинство не набрано.", "Not adopted: no majority."
        )
    return t.outcome(Result.PENDING, "Ожидаются позиции.", "Positions are awaited.")


def _unanimity(t: _Tally) -> Outcome:
    if t.objected:
        return _objection(t)
    # Every member counts, a frozen one included: unanimity is about membership, not participation.
    missing = t.refrained + t.silent
    if not missing:
        return t.outcome(
            Result.ADOPTED,
            f"Принято единогласно: {_names(t.joined, 'ru')}.",
            f"Adopted unanimously: {_names(t.joined, 'en')}.",
            t.joined,
        )
    # A refusal to join settles it at once; silence may still turn into joining until closing.
    if t.closed or t.refrained:
        return t.outcome(
            Result.BLOCKED,
            f"Не принято: требуется участие всех; не присоединились: {_names(missing, 'ru')}.",
            f"Not adopted: every member must join; not joined: {_names(missing, 'en')}.",
        )
    return t.outcome(
        Result.PENDING,
        "Ожидаются позиции всех государств.",
        "Every state's position is awaited.",
    )


def _all_participating(t: _Tally) -> Outcome:
    if t.objected:
        return _objection(t)
    # Statements speak for all: a participating state that refrains or stays silent blocks;
    # a state whose participation is frozen neither blocks nor is counted, unless it joins.
    absent = [s for s in t.refrained + t.silent if not s.frozen]
    if not absent:
        return t.outcome(
            Result.ADOPTED,
            f"Принято: присоединились {_names(t.joined, 'ru')}.",
            f"Adopted: {_names(t.joined, 'en')} joined.",
            t.joined,
        )
    # There is no limited format for a statement, so a participating state refraining settles it.
    refused = any(not s.frozen for s in t.refrained)
    if refused or (t.closed and t.consent != ConsentMode.SILENCE):
        return t.outcome(
            Result.BLOCKED,
            f"Не принято: требуется присоединение всех участвующих; не присоединились: {_names(absent, 'ru')}.",
            f"Not adopted: every participating state must join; not joined: {_names(absent, 'en')}.",
        )
    return t.outcome(
        Result.PENDING,
        f"Ожидаются позиции: {_names(absent, 'ru')}.",
        f"Positions awaited from {_names(absent, 'en')}.",
    )


def _consensus(t: _Tally) -> Outcome:
    if t.objected:
        return _objection(t)
    if t.awaited and not t.closed:
        return t.outcome(
            Result.PENDING,
            f"Ожидаются позиции: {_names(t.awaited, 'ru')}.",
            f"Positions awaited from {_names(t.awaited, 'en')}.",
        )
    # Closed without a participating state's word: only an explicit procedure needs it to consent
    # (in a silence procedure it was counted as joining, at a session absence does not block).
    if t.awaited and t.consent == ConsentMode.EXPLICIT:
        return t.outcome(
            Result.BLOCKED,
            f"Не принято: нет согласия {_names(t.awaited, 'ru')}.",
            f"Not adopted: no consent from {_names(t.awaited, 'en')}.",
        )
    if not t.joined:
        return t.outcome(
            Result.BLOCKED,
            "Не принято: ни одно государство не присоединилось.",
            "Not adopted: no state joined.",
        )
    if t.refrained or t.silent:
        return _limited_format(t)
    return t.outcome(
        Result.ADOPTED,
        f"Принято консенсусом: {_names(t.joined, 'ru')}.",
        f"Adopted by consensus: {_names(t.joined, 'en')} joined.",
        t.joined,
    )


def _limited_format(t: _Tally) -> Outcome:
    """Adopted for the states that joined; the others are named, since the decision does not bind
    them."""
    ru = f"Принято в ограниченном формате: присоединились {_names(t.joined, 'ru')}"
    en = f"Adopted in limited format: {_names(t.joined, 'en')} joined"
    if t.refrained:
        ru += f"; {_names(t.refrained, 'ru')} — воздерж. без возражений"
        en += f"; {_names(t.refrained, 'en')} refrained without objecting"
    if t.silent:
        ru += f"; {_names(t.silent, 'ru')} — позиция не выражена"
        en += f"; {_names(t.silent, 'en')} gave no position"
    return t.outcome(Result.ADOPTED_LIMITED, ru + ".", en + ".", t.joined)


_RULES: dict[Rule, Callable[[_Tally], Outcome]] = {
    Rule.CONSENSUS: _consensus,
    Rule.UNANIMITY: _unanimity,
    Rule.MAJORITY: _majority,
    Rule.ALL_PARTICIPATING: _all_participating,
}


def decide(
    rule: Rule,
    members: Sequence[State],
    stances: Mapping[int, Stance],
    *,
    quorum: int = 0,
    consent: ConsentMode = ConsentMode.EXPLICIT,
    closed: bool = False,
    breakers: Breakers = Breakers.MEMBERS,
) -> Outcome:
    """The outcome of a question for `members` given each state's current stance (states absent
    from `stances` have no position). `closed` means the deadline has passed or the stage is being
    closed: silence then counts as consent in SILENCE mode, and missing answers stop being awaited.
    `breakers` says whose objection breaks the silence of a SILENCE procedure.
    """
    t = _tally(members, stances, quorum=quorum, consent=consent, closed=closed, breakers=breakers)
    # Too few states taking part means nothing was decided, not even blocked by an objection, so
    # the quorum is checked before any rule.
    if t.quorum and t.taking_part < t.quorum and t.closed:
        return t.outcome(
            Result.NO_QUORUM,
            f"Нет кворума: участвовали {t.taking_part} из {t.quorum} необходимых.",
            f"No quorum: {t.taking_part} took part, {t.quorum} needed.",
        )
    return _RULES[rule](t)


# --- Working days ---------------------------------------------------------------------------------


def term_end(
    start: dt.datetime, amount: int, unit: TermUnit, holidays: set[dt.date]
) -> dt.datetime:
    """When a written procedure opened at `start` ends: `amount` hours around the clock, calendar
    days, or working days (see `add_working_days`)."""
    if unit == TermUnit.HOURS:
        return start + dt.timedelta(hours=amount)
    if unit == TermUnit.DAYS:
        return start + dt.timedelta(days=amount)
    return add_working_days(start, amount, holidays)


def is_working_day(day: dt.date, holidays: set[dt.date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: dt.datetime, days: int, holidays: set[dt.date]) -> dt.datetime:
    """The moment `days` working days after `start`, at the same time of day. Counting starts on
    the next working day, so a procedure opened on a Friday with 1 day runs until Monday."""
    current = start
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current.date(), holidays):
            remaining -= 1
    return current


def working_days_left(now: dt.datetime, deadline: dt.datetime, holidays: set[dt.date]) -> int:
    if now >= deadline:
        return 0
    day, count = now.date(), 0
    while day < deadline.date():
        day += dt.timedelta(days=1)
        if is_working_day(day, holidays):
            count += 1
    return count


def due_for_reminder(
    now: dt.datetime, deadline: dt.datetime, reminded: bool, *, before: dt.timedelta
) -> bool:
    return not reminded and deadline - before <= now < deadline


# --- Links in notifications (issue 21): stored without a language, read in the reader's ----------


def neutral_path(url: str, languages: Iterable[str]) -> str:
    """`url` without its language prefix (`/ru/consultations/5/` -> `/consultations/5/`): what a
    notification keeps, so that each reader gets the page in their own language."""
    head, sep, rest = url.lstrip("/").partition("/")
    if url.startswith("/") and sep and head in set(languages):
        return f"/{rest}"
    return url


def path_in(url: str, language: str, languages: Iterable[str]) -> str:
    """A notification's path in `language` (prefixed), whatever prefix it was stored with; empty
    stays empty, and an address that is not a path (a full URL) is left as it is."""
    if not url.startswith("/"):
        return url
    return f"/{language}{neutral_path(url, languages)}"
