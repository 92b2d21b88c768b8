"""The organization's real instruments with the dates found, and one made-up instrument in ratification
(marked as a demo). Where a date, a clause or a signatory was not found, the record says so instead of
inventing it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from concord.accounts.models import User
from concord.documents import finality
from concord.documents import services as documents
from concord.organization.models import MemberState

from . import services
from .models import Agreement, ProcedureStep
from .states import PublishedStatus

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

SIX = ["AM", "BY", "KZ", "KG", "RU", "TJ"]
NOT_FOUND = (
    "Даты получения депозитарием уведомлений не найдены.",
    "The dates the depositary received the notifications were not found.",
)

# Each real instrument as the sources give it (see the note on each). `signed_by`: the states whose
# signature on the day of signing is known; `later_signatories`: states that signed on a day not
# found; `block_complete`: whether those are the whole signature block. Internal steps are
# (state, position of the step, date, evidence). No clause or deposit date is invented: where the
# sources give none, the rule is empty and the deposits are marked as not recorded.
INSTRUMENTS: list[dict[str, Any]] = [
    {
        "key": "cst",
        "kind": "treaty",
        "ru": "Договор о коллективной безопасности",
        "en": "Collective Security Treaty",
        "signed": "1992-05-15",
        "place": ("Ташкент", "Tashkent"),
        "in_force": "1994-04-20",
        "source": "tass.com/archive/678014",
        "rule": None,
        "signed_by": ["AM", "KZ", "KG", "RU", "TJ"],
        "block_complete": False,
        "later": [("BY", "1993-12-31", "Belarus joined the Treaty on 31.12.1993")],
        "note": (
            "Подписан также Узбекистаном, который не является государством-членом. Статья о вступлении в силу не найдена. "
            + NOT_FOUND[0],
            "Also signed by Uzbekistan, which is not a member state. The entry-into-force clause was not found. "
            + NOT_FOUND[1],
        ),
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
        "in_force": "2000-03-22",
        "source": "docs.cntd.ru; pavlodar.com (dok=03122)",
        "rule": {"threshold": {"count": 5}, "later": {"delay": {"days": 0}}},
        "signed_by": SIX,
        "steps": [("KZ", 2, "1999-12-30", "Закон Республики Казахстан, 30.12.1999")],
        "note": (
            "Вступает в силу с даты получения пятого письменного уведомления; продлевает Договор с 21 апреля 1999 года на пятилетние периоды. "
            + NOT_FOUND[0],
            "Enters into force on receipt of the fifth written notification; extends the Treaty from 21 April 1999 by five-year periods. "
            + NOT_FOUND[1],
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
        "source": "zakonpravo.kz; docs.cntd.ru",
        "rule": None,
        "signed_by": SIX,
        "steps": [
            ("KZ", 2, "2003-07-01", "Закон Республики Казахстан, 01.07.2003"),
            ("RU", 2, "2003-05-26", "Федеральный закон, 26.05.2003"),
        ],
        "note": (
            "Ратифицирован всеми шестью государствами. Статья о вступлении в силу не найдена. "
            + NOT_FOUND[0],
            "Ratified by all six states. The entry-into-force clause was not found. "
            + NOT_FOUND[1],
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
        "source": "zakonpravo.kz; docs.cntd.ru",
        "rule": None,
        "signed_by": ["KZ"],
        "block_complete": False,
        "steps": [("KZ", 2, "2003-07-02", "Закон Республики Казахстан, 02.07.2003")],
        "note": (
            "Изменено в 2007 году (в силе с 8 июня 2011 года) и в 2018 году. Подписавшие государства названы по найденным законам о ратификации. "
            + NOT_FOUND[0],
            "Amended in 2007 (in force 8 June 2011) and in 2018. Signatories are listed as far as the ratification laws found name them. "
            + NOT_FOUND[1],
        ),
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
        "source": "docs.cntd.ru",
        "rule": None,
        "signed_by": ["KZ", "RU"],
        "block_complete": False,
        "steps": [
            ("KZ", 2, "2011-11-28", "Закон Республики Казахстан, 28.11.2011"),
            ("RU", 2, "2012-02-28", "Федеральный закон, 28.02.2012"),
        ],
        "note": (
            "Подписавшие государства названы по найденным законам о ратификации. " + NOT_FOUND[0],
            "Signatories are listed as far as the ratification laws found name them. "
            + NOT_FOUND[1],
        ),
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
        "source": "docs.cntd.ru",
        "rule": None,
        "signed_by": ["KZ", "RU"],
        "block_complete": False,
        "steps": [
            ("KZ", 2, "2020-04-17", "Закон Республики Казахстан, 17.04.2020"),
            ("RU", 0, "2019-07-24", "Государственная Дума, 24.07.2019"),
        ],
        "note": (
            "Подписавшие государства названы по найденным законам о ратификации. " + NOT_FOUND[0],
            "Signatories are listed as far as the ratification laws found name them. "
            + NOT_FOUND[1],
        ),
    },
    {
        "key": "peacekeeping",
        "kind": "agreement",
        "ru": "Соглашение о миротворческой деятельности Организации Договора о коллективной безопасности",
        "en": "Agreement on peacekeeping activities of the Collective Security Treaty Organization",
        "signed": "2007-10-06",
        "place": ("Душанбе", "Dushanbe"),
        "in_force": None,
        "rule": None,
        "signed_by": ["KZ", "RU"],
        "block_complete": False,
        "steps": [
            ("KZ", 2, "2008-10-24", "Закон Республики Казахстан, 24.10.2008"),
            ("RU", 0, "2008-12-26", "Государственная Дума, 26.12.2008"),
        ],
        "note": (
            "Дата вступления в силу не найдена. Подписавшие государства названы по найденным законам о ратификации. "
            + NOT_FOUND[0],
            "The date of entry into force was not found. Signatories are listed as far as the ratification laws found name them. "
            + NOT_FOUND[1],
        ),
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
        "published": PublishedStatus.IN_FORCE,
        "source": "Secretariat statements, 2023–2024; eng.belta.by; asiaplustj.info",
        "rule": None,
        "signed_by": SIX,
        "steps": [
            ("RU", 0, "2022-04-05", "Государственная Дума, 05.04.2022"),
            ("RU", 1, "2022-04-13", "Совет Федерации, 13.04.2022"),
            ("KZ", 0, "2023-05-31", "Мажилис, сообщение от 31.05.2023"),
            ("KZ", 2, "2023-09-26", "Закон Республики Казахстан, 26.09.2023"),
            ("KG", 0, "2023-11-22", "Жогорку Кенеш, 22.11.2023"),
            ("KG", 1, "2023-12-30", "Закон Кыргызской Республики, 30.12.2023"),
        ],
        "note": (
            "В силе к середине 2024 года; дата не опубликована. Беларусь, Россия и Таджикистан ратифицировали к 2 февраля 2023 года; сведения о ратификации Арменией не найдены. Статья о вступлении в силу не найдена. "
            + NOT_FOUND[0],
            "In force by mid-2024; the date was not published. Belarus, Russia and Tajikistan had ratified by 2 February 2023; nothing was found on Armenia. The entry-into-force clause was not found. "
            + NOT_FOUND[1],
        ),
    },
    {
        "key": "crrf",
        "kind": "agreement",
        "ru": "Соглашение о Коллективных силах оперативного реагирования",
        "en": "Agreement on the Collective Rapid Reaction Forces",
        "signed": "2009-06-14",
        "place": ("Москва", "Moscow"),
        "in_force": "2010-09-10",
        "source": "zakonpravo.kz",
        "rule": None,
        "signed_by": ["AM", "KZ", "KG", "RU", "TJ"],
        "later_signatories": ["BY"],
        "steps": [
            ("KZ", 2, "2010-02-17", "Закон Республики Казахстан, 17.02.2010"),
            ("RU", 2, "2010-12-27", "Федеральный закон, 27.12.2010"),
        ],
        "note": (
            "Беларусь подписала позднее (документы поступили в Секретариат в октябре 2009 года); Узбекистан не подписал. Вступило в силу до ратификации Россией, что соответствует правилу N-го уведомления; текст статьи не найден. "
            + NOT_FOUND[0],
            "Belarus signed later (its documents reached the Secretariat in October 2009); Uzbekistan did not sign. In force before Russia ratified, which fits an N-th-notification clause; the clause text was not found. "
            + NOT_FOUND[1],
        ),
    },
    {
        "key": "formations",
        "kind": "agreement",
        "ru": "Соглашение о статусе формирований сил и средств системы коллективной безопасности Организации Договора о коллективной безопасности",
        "en": "Agreement on the status of formations of forces and means of the collective security system of the Collective Security Treaty Organization",
        "signed": "2010-12-10",
        "place": ("", ""),
        "in_force": "2012-05-11",
        "source": "zakonpravo.kz",
        "rule": None,
        "signed_by": ["KZ", "RU"],
        "block_complete": False,
        "steps": [("KZ", 2, "2012-03-15", "Закон Республики Казахстан, 15.03.2012")],
        "note": (
            "Вступило в силу до того, как Россия внесла его на ратификацию (август 2012 года): хватило не всех подписавших. Подписавшие государства названы по найденным сведениям. "
            + NOT_FOUND[0],
            "In force before Russia submitted it for ratification (August 2012): fewer than all signatories sufficed. Signatories are listed as far as the sources found name them. "
            + NOT_FOUND[1],
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
        made[item["key"]] = _instrument(item, depositary, states, made)
    _illustrative(depositary, states)
    return [f"Agreements: {len(made)} instruments, and one demo example in ratification."]


def _instrument(
    item: dict[str, Any],
    depositary: User,
    states: dict[str, MemberState],
    made: dict[str, Agreement],
) -> Agreement:
    day = lambda v: dt.date.fromisoformat(v) if v else None  # noqa: E731
    signed = day(item["signed"])
    agreement = services.create_agreement(
        actor=depositary,
        signatories=[states[s] for s in item["signed_by"] + item.get("later_signatories", [])],
        kind=item["kind"],
        title_ru=item["ru"],
        title_en=item["en"],
        rule=item["rule"],
        signed_on=signed,
        place_ru=item["place"][0],
        place_en=item["place"][1],
        amends=made.get(item.get("amends", "")),
        known_in_force=day(item["in_force"]),
        published_status=item.get(
            "published", PublishedStatus.IN_FORCE if item["in_force"] else ""
        ),
        published_source=item.get("source", ""),
        signatories_recorded=item.get("block_complete", True),
        deposits_recorded=False,
        duration_ru=item.get("duration", ("", ""))[0],
        duration_en=item.get("duration", ("", ""))[1],
        note_ru=item["note"][0],
        note_en=item["note"][1],
    )
    acts = [(s, "signature", None, item["signed"], "") for s in item["signed_by"]]
    acts += [(s, "signature", None, date, why) for s, date, why in item.get("later", [])]
    acts += [(s, "step", position, date, why) for s, position, date, why in item.get("steps", [])]
    for iso2, type_, position, date, evidence in acts:
        services.record_action(
            agreement,
            actor=depositary,
            state=states[iso2],
            type=type_,
            step=None
            if position is None
            else ProcedureStep.objects.get(state=states[iso2], position=position),
            date=dt.date.fromisoformat(date),
            evidence=evidence,
            from_archive=True,
        )
    return agreement


def _illustrative(depositary: User, states: dict[str, MemberState]) -> Agreement:
    """A made-up instrument in ratification against the real clock, marked as a demo: signed by all
    six 75 days ago; Russia and Belarus have notified, Kazakhstan's Mazhilis has ratified."""
    today = timezone.localdate()
    ago = lambda days: today - dt.timedelta(days=days)  # noqa: E731
    text = documents.create_document(
        actor=depositary,
        kind="agreement",
        marking="official",
        units=ILLUSTRATIVE_TEXT,
    )
    finality.declare_final(text, actor=depositary, base_number=1)
    agreement = services.create_agreement(
        actor=depositary,
        signatories=[states[s] for s in SIX],
        kind="agreement",
        title_ru=ILLUSTRATIVE_TEXT[0][1],
        title_en=ILLUSTRATIVE_TEXT[0][2],
        document=text,
        rule={"threshold": {"count": 4}, "delay": {"days": 30}, "later": {"delay": {"days": 30}}},
        signed_on=ago(75),
        marking="official",
        illustrative=True,
        note_ru="Демонстрационный пример: документ и все действия по нему придуманы для показа системы.",
        note_en="Demo example: the instrument and every action on it are made up to show the system.",
    )
    acts: list[tuple[str, str, int | None, int]] = [(s, "signature", None, 75) for s in SIX]
    acts += [("RU", "step", 0, 60), ("RU", "step", 1, 55), ("RU", "step", 2, 50)]
    acts += [("RU", "notification", None, 45), ("BY", "notification", None, 20)]
    acts += [("TJ", "step", 0, 30), ("KZ", "step", 0, 10)]
    for iso2, type_, position, days in acts:
        services.record_action(
            agreement,
            actor=depositary,
            state=states[iso2],
            type=type_,
            step=None
            if position is None
            else ProcedureStep.objects.get(state=states[iso2], position=position),
            date=ago(days),
            evidence="демонстрационный пример / demo example",
        )
    return agreement


ILLUSTRATIVE_TEXT = [
    (
        "title",
        "Соглашение о сотрудничестве в области биологической безопасности (демонстрационный пример)",
        "Agreement on cooperation in biological security (demo example)",
    ),
    ("article", "Обмен сведениями", "Exchange of information"),
    (
        "paragraph",
        "Стороны обмениваются сведениями о вспышках опасных инфекционных заболеваний.",
        "The Parties exchange information on outbreaks of dangerous infectious diseases.",
    ),
    ("article", "Вступление в силу", "Entry into force"),
    (
        "paragraph",
        "Настоящее Соглашение вступает в силу по истечении 30 дней с даты получения депозитарием "
        "четвёртого уведомления о выполнении внутригосударственных процедур; для Стороны, "
        "уведомившей позднее, — по истечении 30 дней с даты получения её уведомления.",
        "This Agreement enters into force 30 days after the depositary receives the fourth "
        "notification of the completion of internal procedures; for a Party notifying later, 30 "
        "days after its notification is received.",
    ),
]
