"""The depositary notification: a fixed text in Russian and in English, whatever language the person
recording the act reads. It is written as a list of facts ("State: …; act: …; date: …"), so that no
word has to agree in gender or case with a state's name: the same template holds for every state.

Only treaty acts are notified (signature, consent, reservation or declaration, provisional
application, withdrawal, their corrections, entry into force); a state's internal steps are not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .states import DOMESTIC

# Each type of act as a noun phrase, (Russian, English).
ACTS = {
    "signature": ("подписание", "signature"),
    "notification": (
        "уведомление о выполнении внутригосударственных процедур",
        "notification of the completion of internal procedures",
    ),
    "ratification": (
        "сдача на хранение ратификационной грамоты",
        "deposit of an instrument of ratification",
    ),
    "acceptance": (
        "сдача на хранение документа о принятии",
        "deposit of an instrument of acceptance",
    ),
    "approval": (
        "сдача на хранение документа об утверждении",
        "deposit of an instrument of approval",
    ),
    "accession": (
        "сдача на хранение документа о присоединении",
        "deposit of an instrument of accession",
    ),
    "provisional": ("заявление о временном применении", "declaration of provisional application"),
    "declaration": ("оговорка или заявление", "reservation or declaration"),
    "withdrawal": ("уведомление о выходе", "notice of withdrawal"),
}

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def day_ru(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


def day_en(day: dt.date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def is_notified(action_type: str) -> bool:
    return action_type not in DOMESTIC


@dataclass(frozen=True)
class Act:
    """What the notification says, as plain values."""

    title_ru: str
    title_en: str
    state_ru: str
    state_en: str
    type: str
    date: dt.date
    text: str = ""  # the reservation or declaration, quoted as made
    corrects: tuple[str, dt.date] | None = None  # the corrected act's type and date
    in_force: dt.date | None = None  # the instrument's entry into force, newly established
    in_force_for_state: dt.date | None = None  # the state's own date, when it differs


def write(act: Act) -> tuple[str, str]:
    """The notification in Russian and in English."""
    name_ru, name_en = ACTS[act.type]
    ru = [
        f"Секретариат, выступая депозитарием документа «{act.title_ru}», сообщает о следующем.",
        f"Государство: {act.state_ru}.",
        f"Действие: {name_ru}.",
        f"Дата: {day_ru(act.date)}.",
    ]
    en = [
        f"The Secretariat, acting as depositary of the {act.title_en or act.title_ru}, informs "
        "the parties of the following.",
        f"State: {act.state_en}.",
        f"Act: {name_en}.",
        f"Date: {day_en(act.date)}.",
    ]
    if act.text:
        ru.append(f"Текст: «{act.text}».")
        en.append(f"Text: “{act.text}”.")
    if act.corrects:
        type_, day = act.corrects
        ru.append(f"Исправляет запись: {ACTS[type_][0]}, {day_ru(day)}.")
        en.append(f"Corrects the record of: {ACTS[type_][1]}, {day_en(day)}.")
    if act.in_force:
        ru.append(f"Дата вступления документа в силу: {day_ru(act.in_force)}.")
        en.append(f"Date of entry into force of the instrument: {day_en(act.in_force)}.")
    if act.in_force_for_state:
        ru.append(
            f"Дата вступления в силу для этого государства: {day_ru(act.in_force_for_state)}."
        )
        en.append(f"Date of entry into force for this State: {day_en(act.in_force_for_state)}.")
    return "\n".join(ru), "\n".join(en)


def title(title_ru: str, title_en: str) -> tuple[str, str]:
    return (
        f"Уведомление депозитария: {title_ru}",
        f"Depositary notification: {title_en or title_ru}",
    )
