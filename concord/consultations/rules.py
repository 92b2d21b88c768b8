"""Decision rules and deadlines: pure functions, no database, no clock (`now` is passed in).

Which rule applies is configuration (per body and kind of question), with the defaults of the
domain notes (procedures.md): consensus of the participating states, limited format when a state
refrains without objecting, unanimity where every member must join, simple majority of those
present for procedural questions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
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


def _names(states: Iterable[State], lang: str) -> str:
    names = sorted(s.name_en if lang == "en" else s.name_ru for s in states)
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    joiner = " and " if lang == "en" else " и "
    return ", ".join(names[:-1]) + joiner + names[-1]


def decide(
    rule: Rule,
    members: Sequence[State],
    stances: Mapping[int, Stance],
    *,
    quorum: int = 0,
    consent: ConsentMode = ConsentMode.EXPLICIT,
    closed: bool = False,
) -> Outcome:
    """The outcome of a question for `members` given each state's current stance (states absent
    from `stances` have no position). `closed` means the deadline has passed or the stage is being
    closed: silence then counts as consent in SILENCE mode, and missing answers stop being awaited.
    """
    by_stance: dict[str, list[State]] = {"join": [], "refrain": [], "object": [], "silent": []}
    for s in members:
        stance = stances.get(s.id)
        if stance in JOINING:
            by_stance["join"].append(s)
        elif stance == Stance.REFRAIN:
            by_stance["refrain"].append(s)
        elif stance in (Stance.OBJECT, Stance.MORE_TIME):
            by_stance["object"].append(s)
        elif closed and consent == ConsentMode.SILENCE and not s.frozen:
            by_stance["join"].append(s)  # silence is consent
        else:
            by_stance["silent"].append(s)
    joined, refrained, objected, silent = (
        tuple(by_stance[k]) for k in ("join", "refrain", "object", "silent")
    )
    taking_part = len(joined) + len(refrained) + len(objected)
    awaited = [s for s in silent if not s.frozen]  # frozen states do not block by silence

    def outcome(result: Result, ru: str, en: str, bound: tuple[State, ...] = ()) -> Outcome:
        return Outcome(result, joined, refrained, objected, silent, ru, en, bound)

    if quorum and taking_part < quorum and closed:
        return outcome(
            Result.NO_QUORUM,
            f"Нет кворума: участвовали {taking_part} из {quorum} необходимых.",
            f"No quorum: {taking_part} took part, {quorum} needed.",
        )
    if rule == Rule.MAJORITY:
        if len(joined) * 2 > taking_part and taking_part and (closed or not awaited):
            return outcome(
                Result.ADOPTED,
                f"Принято большинством: за — {_names(joined, 'ru')}.",
                f"Adopted by majority: {_names(joined, 'en')} in favour.",
                joined,
            )
        if closed or not awaited:
            return outcome(
                Result.BLOCKED, "Не принято: большинство не набрано.", "Not adopted: no majority."
            )
        return outcome(Result.PENDING, "Ожидаются позиции.", "Positions are awaited.")
    if objected:
        return outcome(
            Result.BLOCKED,
            f"Не принято: возражает {_names(objected, 'ru')}.",
            f"Not adopted: {_names(objected, 'en')} objected.",
        )
    if rule == Rule.UNANIMITY:
        if len(joined) == len(members):
            return outcome(
                Result.ADOPTED,
                f"Принято единогласно: {_names(joined, 'ru')}.",
                f"Adopted unanimously: {_names(joined, 'en')}.",
                joined,
            )
        if closed or refrained:
            missing = refrained + silent
            return outcome(
                Result.BLOCKED,
                f"Не принято: требуется участие всех; не присоединились: {_names(missing, 'ru')}.",
                f"Not adopted: every member must join; not joined: {_names(missing, 'en')}.",
            )
        return outcome(
            Result.PENDING,
            "Ожидаются позиции всех государств.",
            "Every state's position is awaited.",
        )
    if rule == Rule.ALL_PARTICIPATING:
        # Statements speak for all: a participating state that refrains or stays silent blocks;
        # a state whose participation is frozen neither blocks nor is counted, unless it joins.
        absent = [s for s in refrained + silent if not s.frozen]
        if not absent:
            return outcome(
                Result.ADOPTED,
                f"Принято: присоединились {_names(joined, 'ru')}.",
                f"Adopted: {_names(joined, 'en')} joined.",
                joined,
            )
        if (closed and consent != ConsentMode.SILENCE) or (
            refrained and [s for s in refrained if not s.frozen]
        ):
            return outcome(
                Result.BLOCKED,
                f"Не принято: требуется присоединение всех участвующих; не присоединились: {_names(absent, 'ru')}.",
                f"Not adopted: every participating state must join; not joined: {_names(absent, 'en')}.",
            )
        return outcome(
            Result.PENDING,
            f"Ожидаются позиции: {_names(absent, 'ru')}.",
            f"Positions awaited from {_names(absent, 'en')}.",
        )
    # Consensus of the participating states.
    if awaited and not closed:
        return outcome(
            Result.PENDING,
            f"Ожидаются позиции: {_names(awaited, 'ru')}.",
            f"Positions awaited from {_names(awaited, 'en')}.",
        )
    if (
        awaited and consent == ConsentMode.EXPLICIT
    ):  # closed without a participating state's consent
        return outcome(
            Result.BLOCKED,
            f"Не принято: нет согласия {_names(awaited, 'ru')}.",
            f"Not adopted: no consent from {_names(awaited, 'en')}.",
        )
    if not joined:
        return outcome(
            Result.BLOCKED,
            "Не принято: ни одно государство не присоединилось.",
            "Not adopted: no state joined.",
        )
    if refrained or silent:
        ru = f"Принято в ограниченном формате: присоединились {_names(joined, 'ru')}"
        en = f"Adopted in limited format: {_names(joined, 'en')} joined"
        if refrained:
            ru += f"; {_names(refrained, 'ru')} — воздерж. без возражений"
            en += f"; {_names(refrained, 'en')} refrained without objecting"
        if silent:
            ru += f"; {_names(silent, 'ru')} — позиция не выражена"
            en += f"; {_names(silent, 'en')} gave no position"
        return outcome(Result.ADOPTED_LIMITED, ru + ".", en + ".", joined)
    return outcome(
        Result.ADOPTED,
        f"Принято консенсусом: {_names(joined, 'ru')}.",
        f"Adopted by consensus: {_names(joined, 'en')} joined.",
        joined,
    )


# --- Working days ---------------------------------------------------------------------------------


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
