"""The organization's real instruments (agreements.md) with the dates found. Where a date or a clause
was not found, the record says so instead of inventing it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from concord.accounts.models import User
from concord.organization.models import MemberState

from . import services
from .models import Agreement, ProcedureStep

STEPS = {  # the usual internal procedure of each state; configurable in the admin
    "AM": [
        ("Ратификация Национальным Собранием", "Ratified by the National Assembly"),
        ("Подписание закона Президентом", "Law signed by the President"),
    ],
    "BY": [
        ("Палата представителей", "House of Representatives"),
        ("Совет Республики", "Council of the Republic"),
        ("Подписание закона Президентом", "Law signed by the President"),
    ],
    "KZ": [
        ("Мажилис Парламента", "Mazhilis of Parliament"),
        ("Сенат Парламента", "Senate of Parliament"),
        ("Подписание закона Президентом", "Law signed by the President"),
    ],
    "KG": [
        ("Жогорку Кенеш", "Jogorku Kenesh"),
        ("Подписание закона Президентом", "Law signed by the President"),
    ],
    "RU": [
        ("Государственная Дума", "State Duma"),
        ("Совет Федерации", "Federation Council"),
        ("Подписание закона Президентом", "Law signed by the President"),
    ],
    "TJ": [
        ("Маджлиси намояндагон", "Majlisi namoyandagon"),
        ("Маджлиси милли", "Majlisi milli"),
        ("Подписание закона Президентом", "Law signed by the President"),
    ],
}

UNVERIFIED = {"threshold": {"all_signatories": True}}
NOTE_UNVERIFIED = (
    "Статья о вступлении в силу не проверена по тексту; правило условное. Даты уведомлений не найдены.",
    "The entry-into-force clause was not verified against the text; the rule is a placeholder. Notification dates were not found.",
)

INSTRUMENTS: list[dict[str, Any]] = [
    {
        "key": "cst",
        "kind": "treaty",
        "ru": "Договор о коллективной безопасности",
        "en": "Collective Security Treaty",
        "signed": "1992-05-15",
        "place": ("Ташкент", "Tashkent"),
        "in_force": "1994-04-20",
        "rule": UNVERIFIED,
        "note": NOTE_UNVERIFIED,
        "duration": (
            "Пять лет; продлевается протоколом 1999 года",
            "Five years; extended by the 1999 protocol",
        ),
    },
    {
        "key": "cst-1999",
        "kind": "protocol",
        "amends": "cst",
        "ru": "Протокол о продлении действия Договора о коллективной безопасности",
        "en": "Protocol on extending the Collective Security Treaty",
        "signed": "1999-04-02",
        "place": ("Москва", "Moscow"),
        "in_force": None,
        "rule": {"threshold": {"count": 5}, "later": {"delay": {"days": 0}}},
        "note": (
            "Вступает в силу с даты получения пятого уведомления; продлевает Договор с 21 апреля 1999 года на пятилетние периоды. Даты уведомлений не найдены.",
            "Enters into force on receipt of the fifth notification; extends the Treaty from 21 April 1999 by five-year periods. Notification dates were not found.",
        ),
    },
    {
        "key": "charter",
        "kind": "charter",
        "ru": "Устав Организации Договора о коллективной безопасности",
        "en": "Charter of the Collective Security Treaty Organization",
        "signed": "2002-10-07",
        "place": ("Кишинёв", "Chisinau"),
        "in_force": "2003-09-18",
        "rule": UNVERIFIED,
        "note": (
            "Ратифицирован всеми шестью государствами. " + NOTE_UNVERIFIED[0],
            "Ratified by all six states. " + NOTE_UNVERIFIED[1],
        ),
    },
    {
        "key": "legal-status",
        "kind": "agreement",
        "ru": "Соглашение о правовом статусе Организации Договора о коллективной безопасности",
        "en": "Agreement on the legal status of the Collective Security Treaty Organization",
        "signed": "2002-10-07",
        "place": ("Кишинёв", "Chisinau"),
        "in_force": "2003-09-18",
        "rule": UNVERIFIED,
        "note": NOTE_UNVERIFIED,
    },
    {
        "key": "charter-2010",
        "kind": "protocol",
        "amends": "charter",
        "ru": "Протокол о внесении изменений в Устав Организации (2010)",
        "en": "Protocol amending the Charter of the Organization (2010)",
        "signed": "2010-12-10",
        "place": ("Москва", "Moscow"),
        "in_force": "2012-12-19",
        "rule": UNVERIFIED,
        "note": NOTE_UNVERIFIED,
    },
    {
        "key": "charter-2018",
        "kind": "protocol",
        "amends": "charter",
        "ru": "Протоколы № 2 и № 3 о внесении изменений в Устав Организации",
        "en": "Protocols No. 2 and No. 3 amending the Charter of the Organization",
        "signed": "2018-11-08",
        "place": ("Астана", "Astana"),
        "in_force": "2021-01-19",
        "rule": UNVERIFIED,
        "note": NOTE_UNVERIFIED,
    },
    {
        "key": "peacekeeping",
        "kind": "agreement",
        "ru": "Соглашение о миротворческой деятельности Организации Договора о коллективной безопасности",
        "en": "Agreement on peacekeeping activities of the Collective Security Treaty Organization",
        "signed": "2007-10-06",
        "place": ("Душанбе", "Dushanbe"),
        "in_force": None,
        "rule": UNVERIFIED,
        "note": (
            "Дата вступления в силу не найдена. " + NOTE_UNVERIFIED[0],
            "The date of entry into force was not found. " + NOTE_UNVERIFIED[1],
        ),
        "steps": [
            ("KZ", 2, "2008-10-24", "Закон о ратификации, 24.10.2008"),
            ("RU", 0, "2008-12-26", "Государственная Дума, 26.12.2008"),
        ],
    },
    {
        "key": "peacekeeping-2021",
        "kind": "protocol",
        "amends": "peacekeeping",
        "ru": "Протокол о внесении изменений в Соглашение о миротворческой деятельности (государство-координатор)",
        "en": "Protocol amending the Agreement on peacekeeping activities (coordinating state)",
        "signed": "2021-09-16",
        "place": ("Душанбе", "Dushanbe"),
        "in_force": None,
        "rule": UNVERIFIED,
        "note": (
            "В силе к середине 2024 года; точная дата не найдена. Беларусь, Россия и Таджикистан ратифицировали к февралю 2023 года. "
            + NOTE_UNVERIFIED[0],
            "In force by mid-2024; the exact date was not found. Belarus, Russia and Tajikistan had ratified by February 2023. "
            + NOTE_UNVERIFIED[1],
        ),
        "steps": [
            ("RU", 0, "2022-04-05", "State Duma"),
            ("RU", 1, "2022-04-13", "Federation Council"),
            ("KZ", 0, "2023-05-31", "Mazhilis, reported 31.05.2023"),
            ("KG", 0, "2023-11-22", "Jogorku Kenesh"),
        ],
    },
    {
        "key": "crrf",
        "kind": "agreement",
        "ru": "Соглашение о Коллективных силах оперативного реагирования",
        "en": "Agreement on the Collective Rapid Reaction Forces",
        "signed": "2009-06-14",
        "place": ("Москва", "Moscow"),
        "in_force": "2010-09-10",
        "rule": UNVERIFIED,
        "note": (
            "Не подписано Узбекистаном; вступило в силу до ратификации Россией (декабрь 2010 года), что соответствует правилу N-го уведомления. "
            + NOTE_UNVERIFIED[0],
            "Not signed by Uzbekistan; in force before Russia ratified (December 2010), which fits an N-th-notification clause. "
            + NOTE_UNVERIFIED[1],
        ),
    },
]


def seed(*, password: str) -> list[str]:
    if Agreement.objects.exists():
        return []
    states = {s.iso2: s for s in MemberState.objects.all()}
    for iso2, steps in STEPS.items():
        for i, (ru, en) in enumerate(steps):
            ProcedureStep.objects.get_or_create(
                state=states[iso2], position=i, defaults={"name_ru": ru, "name_en": en}
            )
    depositary = User.objects.get(username="secretariat")
    made: dict[str, Agreement] = {}
    for item in INSTRUMENTS:
        day = lambda v: dt.date.fromisoformat(v) if v else None  # noqa: E731
        agreement = services.create_agreement(
            actor=depositary,
            kind=item["kind"],
            title_ru=item["ru"],
            title_en=item["en"],
            rule=item["rule"],
            signed_on=day(item["signed"]),
            place_ru=item["place"][0],
            place_en=item["place"][1],
            amends=made.get(item.get("amends", "")),
            known_in_force=day(item["in_force"]),
            duration_ru=item.get("duration", ("", ""))[0],
            duration_en=item.get("duration", ("", ""))[1],
            note_ru=item["note"][0],
            note_en=item["note"][1],
        )
        made[item["key"]] = agreement
        for iso2, position, date, evidence in item.get("steps", []):
            step = ProcedureStep.objects.get(state=states[iso2], position=position)
            services.record_action(
                agreement,
                actor=depositary,
                state=states[iso2],
                type="step",
                step=step,
                date=dt.date.fromisoformat(date),
                evidence=evidence,
            )
    return [f"Agreements: {len(made)} instruments."]
