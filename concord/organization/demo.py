"""The organization as it stood in 2024 (shared domain notes, world-2024.md and procedures.md).

Idempotent: what exists is left alone, what is missing is created through the services (and audited).
"""

from __future__ import annotations

import datetime as dt

from concord.core.actors import SYSTEM, Actor

from . import services
from .models import Body, Chairmanship, MemberState, SecretaryGeneralTerm
from .states import BodyKind, Participation

TREATY_SIGNED = dt.date(1992, 5, 15)  # Collective Security Treaty, Tashkent

STATES = [
    # iso2, iso3, name_ru, name_en, member since
    ("AM", "ARM", "Армения", "Armenia", TREATY_SIGNED),
    ("BY", "BLR", "Беларусь", "Belarus", dt.date(1993, 12, 31)),
    ("KZ", "KAZ", "Казахстан", "Kazakhstan", TREATY_SIGNED),
    ("KG", "KGZ", "Кыргызстан", "Kyrgyzstan", TREATY_SIGNED),
    ("RU", "RUS", "Россия", "Russia", TREATY_SIGNED),
    ("TJ", "TJK", "Таджикистан", "Tajikistan", TREATY_SIGNED),
]

ARMENIA_FROZEN_SINCE = dt.date(2024, 2, 22)
ARMENIA_NOTE_RU = (
    "С 2023 года резко сократила участие; в феврале 2024 года заявила о замораживании участия. "
    "Остаётся полноправным членом, все обязательства сохраняются. В мае 2024 года не присоединилась "
    "к решению о бюджете на 2024 год, не возражая против его принятия в ограниченном формате."
)
ARMENIA_NOTE_EN = (
    "Sharply reduced participation since 2023; declared its participation frozen in February 2024. "
    "Remains a full member with all obligations in force. In May 2024 it refrained from joining the "
    "decision on the 2024 budget without objecting to its adoption in limited format."
)

# code, name_ru, name_en, short_ru, short_en, kind, tier, parent code, chaired by the chairing state
BODIES: list[tuple[str, str, str, str, str, BodyKind, int | None, str | None, bool]] = [
    (
        "csc",
        "Совет коллективной безопасности",
        "Collective Security Council",
        "СКБ",
        "CSC",
        BodyKind.SUPREME,
        1,
        None,
        True,
    ),
    (
        "cfm",
        "Совет министров иностранных дел",
        "Council of Foreign Ministers",
        "СМИД",
        "CFM",
        BodyKind.MINISTERIAL,
        2,
        None,
        True,
    ),
    (
        "cdm",
        "Совет министров обороны",
        "Council of Defence Ministers",
        "СМО",
        "CDM",
        BodyKind.MINISTERIAL,
        2,
        None,
        True,
    ),
    (
        "cssc",
        "Комитет секретарей советов безопасности",
        "Committee of Secretaries of Security Councils",
        "КССБ",
        "CSSC",
        BodyKind.MINISTERIAL,
        2,
        None,
        True,
    ),
    (
        "joint-ministerial",
        "Совместное заседание СМИД, СМО и КССБ",
        "Joint meeting of the CFM, CDM and CSSC",
        "СМИД/СМО/КССБ",
        "CFM/CDM/CSSC",
        BodyKind.MINISTERIAL,
        2,
        None,
        True,
    ),
    (
        "permanent-council",
        "Постоянный совет",
        "Permanent Council",
        "ПС",
        "PC",
        BodyKind.PERMANENT_COUNCIL,
        3,
        None,
        True,
    ),
    ("secretariat", "Секретариат", "Secretariat", "", "", BodyKind.WORKING_BODY, None, None, False),
    (
        "joint-staff",
        "Объединённый штаб",
        "Joint Staff",
        "ОШ",
        "JS",
        BodyKind.WORKING_BODY,
        None,
        None,
        False,
    ),
    (
        "parliamentary-assembly",
        "Парламентская ассамблея",
        "Parliamentary Assembly",
        "ПА",
        "PA",
        BodyKind.PARLIAMENTARY,
        None,
        None,
        False,
    ),
    (
        "wg-afghanistan",
        "Рабочая группа по Афганистану",
        "Working Group on Afghanistan",
        "",
        "",
        BodyKind.WORKING_GROUP,
        4,
        "cfm",
        False,
    ),
    (
        "wg-information",
        "Рабочая группа по информационной политике и информационной безопасности",
        "Working Group on Information Policy and Information Security",
        "",
        "",
        BodyKind.WORKING_GROUP,
        4,
        "cfm",
        False,
    ),
    (
        "wg-terrorism",
        "Рабочая группа по противодействию терроризму и экстремизму",
        "Working Group on Countering Terrorism and Extremism",
        "",
        "",
        BodyKind.WORKING_GROUP,
        4,
        "cssc",
        False,
    ),
    # The parent body of the coordination councils is not in the domain notes: under the CSSC here.
    (
        "cc-drugs",
        "Координационный совет по противодействию незаконному обороту наркотиков",
        "Coordination Council on Countering Drug Trafficking",
        "",
        "",
        BodyKind.COORDINATION_COUNCIL,
        4,
        "cssc",
        False,
    ),
    (
        "cc-migration",
        "Координационный совет по противодействию незаконной миграции",
        "Coordination Council on Countering Illegal Migration",
        "",
        "",
        BodyKind.COORDINATION_COUNCIL,
        4,
        "cssc",
        False,
    ),
    (
        "cc-emergencies",
        "Координационный совет по чрезвычайным ситуациям",
        "Coordination Council on Emergencies",
        "",
        "",
        BodyKind.COORDINATION_COUNCIL,
        4,
        "cssc",
        False,
    ),
    (
        "cc-biosecurity",
        "Координационный совет по вопросам биологической безопасности",
        "Coordination Council on Biological Security",
        "",
        "",
        BodyKind.COORDINATION_COUNCIL,
        4,
        "cssc",
        False,
    ),
]

CHAIRS = {
    2016: "AM",
    2017: "BY",
    2018: "KZ",
    2019: "KG",
    2020: "RU",
    2021: "TJ",
    2022: "AM",
    2023: "BY",
    2024: "KZ",
    2025: "KG",
    2026: "RU",
}
THEMES = {2024: ("Преемственность и последовательность", "Continuity and consistency")}

SECRETARIES_GENERAL = [
    ("Станислав Зась", "Stanislav Zas", "BY", dt.date(2020, 1, 1), dt.date(2022, 12, 31)),
    (
        "Имангали Тасмагамбетов",
        "Imangali Tasmagambetov",
        "KZ",
        dt.date(2023, 1, 1),
        dt.date(2025, 12, 31),
    ),
    (
        "Таалатбек Масадыков",
        "Taalatbek Masadykov",
        "KG",
        dt.date(2026, 1, 1),
        dt.date(2028, 12, 31),
    ),
]


def seed(*, password: str, actor: Actor = SYSTEM) -> list[str]:
    """Build the 2024 organization; `password` is for seeders of accounts and unused here."""
    for iso2, iso3, name_ru, name_en, since in STATES:
        MemberState.objects.get_or_create(
            iso2=iso2,
            defaults={
                "iso3": iso3,
                "name_ru": name_ru,
                "name_en": name_en,
                "member_since": since,
                "membership_since": since,
            },
        )
    armenia = MemberState.objects.get(iso2="AM")
    if armenia.participation != Participation.FROZEN:
        services.set_participation(
            armenia,
            actor=actor,
            participation=Participation.FROZEN,
            since=ARMENIA_FROZEN_SINCE,
            note_ru=ARMENIA_NOTE_RU,
            note_en=ARMENIA_NOTE_EN,
        )

    for position, (code, n_ru, n_en, s_ru, s_en, kind, tier, parent, chaired) in enumerate(BODIES):
        Body.objects.get_or_create(
            code=code,
            defaults={
                "name_ru": n_ru,
                "name_en": n_en,
                "short_ru": s_ru,
                "short_en": s_en,
                "kind": kind,
                "tier": tier,
                "chaired_by_chair_state": chaired,
                "parent": Body.objects.get(code=parent) if parent else None,
                "is_secretariat": code == "secretariat",
                "position": position,
            },
        )

    # The Secretariat's seat since May 2012 (argumenti.ru/society/2012/05/176336); its telephone
    # and e-mail are not in the sources and are left empty rather than made up.
    Body.objects.filter(is_secretariat=True, address_ru="").update(
        address_ru="Москва, Сверчков переулок, д. 3, стр. 1",
        address_en="3 Sverchkov pereulok, building 1, Moscow, Russian Federation",
        website="https://odkb-csto.org/",
    )

    states = {s.iso2: s for s in MemberState.objects.all()}
    for year, iso2 in sorted(CHAIRS.items()):
        if not Chairmanship.objects.filter(year=year).exists():
            theme_ru, theme_en = THEMES.get(year, ("", ""))
            services.record_chairmanship(
                actor=actor, year=year, state=states[iso2], theme_ru=theme_ru, theme_en=theme_en
            )

    for person_ru, person_en, iso2, starts, ends in SECRETARIES_GENERAL:
        if not SecretaryGeneralTerm.objects.filter(starts_on=starts).exists():
            services.add_secretary_general_term(
                actor=actor,
                person_ru=person_ru,
                person_en=person_en,
                state=states[iso2],
                starts_on=starts,
                ends_on=ends,
                appointed_by="Collective Security Council",
            )
    return []
