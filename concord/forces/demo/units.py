"""Formations as the organization describes them (forces-and-relations.md), the capability each needs
and the units each state pledges. Per-state units and strengths are not published: every unit,
strength and requirement here is a demo figure and says so."""

from __future__ import annotations

import datetime as dt

from concord.accounts.models import User
from concord.organization.models import MemberState

from .. import services
from ..models import Formation, Requirement, Unit
from ..states import Personnel, ReadinessCategory, UnitKind

JSCSTO = "jscsto.odkb-csto.org; kremlin.ru"
SG_2022 = "urdupoint.com (Sputnik), 12.2022"  # the Secretary General's figures of December 2022

# code, name_ru, name_en, short_ru, short_en, established, basis_ru, basis_en, hq_ru, hq_en,
# participating states, published strength
FORMATIONS = [
    (
        "crrf",
        "Коллективные силы оперативного реагирования",
        "Collective Rapid Reaction Forces",
        "КСОР",
        "CRRF",
        dt.date(2009, 2, 4),
        "Решение СКБ от 4 февраля 2009 г.; Соглашение от 14 июня 2009 г.",
        "CSC decision of 4 February 2009; Agreement of 14 June 2009",
        "",
        "",
        ["AM", "BY", "KZ", "KG", "RU", "TJ"],
        18000,
    ),
    (
        "crdf-ca",
        "Коллективные силы быстрого развертывания Центрально-Азиатского региона",
        "Collective Rapid Deployment Forces of the Central Asian region",
        "КСБР ЦАР",
        "CRDF CA",
        dt.date(2001, 5, 25),
        "Решение СКБ 2001 г.",
        "CSC decision of 2001",
        "Бишкек",
        "Bishkek",
        ["KZ", "KG", "RU", "TJ"],
        5000,
    ),
    (
        "peacekeeping",
        "Миротворческие силы ОДКБ",
        "Collective Peacekeeping Forces",
        "МС ОДКБ",
        "CPF",
        None,
        "Соглашение о миротворческой деятельности ОДКБ (2007)",
        "Agreement on peacekeeping activities of the CSTO (2007)",
        "",
        "",
        ["AM", "BY", "KZ", "KG", "RU", "TJ"],
        3600,
    ),
    (
        "aviation",
        "Коллективные авиационные силы",
        "Collective Aviation Forces",
        "КАС",
        "CAF",
        dt.date(2014, 12, 23),
        "Решение СКБ от 23 декабря 2014 г.",
        "CSC decision of 23 December 2014",
        "",
        "",
        ["AM", "BY", "KZ", "KG", "RU", "TJ"],
        None,
    ),
]

# formation, kind, capability ru/en, units required, personnel required (all demo figures)
REQUIREMENTS = [
    (
        "crrf",
        UnitKind.MILITARY,
        "Мотострелковые и десантные подразделения",
        "Motor rifle and airborne units",
        12,
        14000,
    ),
    (
        "crrf",
        UnitKind.POLICE,
        "Подразделения специального назначения МВД",
        "Special police units",
        6,
        2000,
    ),
    (
        "crrf",
        UnitKind.SECURITY,
        "Подразделения органов безопасности",
        "Security service units",
        6,
        1200,
    ),
    ("crrf", UnitKind.EMERGENCY, "Подразделения МЧС", "Emergency response units", 6, 1500),
    (
        "crdf-ca",
        UnitKind.MILITARY,
        "Батальоны быстрого развертывания",
        "Rapid deployment battalions",
        10,
        5000,
    ),
    (
        "peacekeeping",
        UnitKind.PEACEKEEPING,
        "Миротворческие подразделения",
        "Peacekeeping units",
        12,
        4000,
    ),
    ("aviation", UnitKind.AVIATION, "Авиационные группы", "Aviation groups", 6, 1200),
]

# state, formation, kind, personnel, strength, readiness, base ru/en (demo figures)
UNITS = [
    (
        "RU",
        "crrf",
        UnitKind.MILITARY,
        Personnel.MILITARY,
        8000,
        ReadinessCategory.PERMANENT,
        "Московская область",
        "Moscow region",
    ),
    (
        "RU",
        "crrf",
        UnitKind.POLICE,
        Personnel.POLICE,
        600,
        ReadinessCategory.PERMANENT,
        "Москва",
        "Moscow",
    ),
    (
        "RU",
        "crrf",
        UnitKind.EMERGENCY,
        Personnel.MILITARY,
        400,
        ReadinessCategory.HIGH,
        "Ногинск",
        "Noginsk",
    ),
    (
        "KZ",
        "crrf",
        UnitKind.MILITARY,
        Personnel.MILITARY,
        3000,
        ReadinessCategory.PERMANENT,
        "Талдыкорган",
        "Taldykorgan",
    ),
    (
        "KZ",
        "crrf",
        UnitKind.POLICE,
        Personnel.POLICE,
        300,
        ReadinessCategory.HIGH,
        "Алматы",
        "Almaty",
    ),
    (
        "BY",
        "crrf",
        UnitKind.MILITARY,
        Personnel.MILITARY,
        2000,
        ReadinessCategory.PERMANENT,
        "Витебск",
        "Vitebsk",
    ),
    (
        "BY",
        "crrf",
        UnitKind.SECURITY,
        Personnel.MILITARY,
        200,
        ReadinessCategory.HIGH,
        "Минск",
        "Minsk",
    ),
    (
        "KG",
        "crrf",
        UnitKind.MILITARY,
        Personnel.MILITARY,
        1000,
        ReadinessCategory.HIGH,
        "Бишкек",
        "Bishkek",
    ),
    (
        "TJ",
        "crrf",
        UnitKind.MILITARY,
        Personnel.MILITARY,
        1000,
        ReadinessCategory.HIGH,
        "Душанбе",
        "Dushanbe",
    ),
    (
        "AM",
        "crrf",
        UnitKind.MILITARY,
        Personnel.MILITARY,
        1000,
        ReadinessCategory.STANDARD,
        "Ереван",
        "Yerevan",
    ),
    (
        "RU",
        "crdf-ca",
        UnitKind.MILITARY,
        Personnel.MILITARY,
        1500,
        ReadinessCategory.PERMANENT,
        "Кант",
        "Kant",
    ),
    (
        "KZ",
        "crdf-ca",
        UnitKind.MILITARY,
        Personnel.MILITARY,
        1200,
        ReadinessCategory.PERMANENT,
        "Капчагай",
        "Kapchagay",
    ),
    (
        "KG",
        "crdf-ca",
        UnitKind.MILITARY,
        Personnel.MILITARY,
        1000,
        ReadinessCategory.HIGH,
        "Ош",
        "Osh",
    ),
    (
        "TJ",
        "crdf-ca",
        UnitKind.MILITARY,
        Personnel.MILITARY,
        1000,
        ReadinessCategory.HIGH,
        "Курган-Тюбе",
        "Kurgan-Tyube",
    ),
    (
        "RU",
        "peacekeeping",
        UnitKind.PEACEKEEPING,
        Personnel.MILITARY,
        1500,
        ReadinessCategory.HIGH,
        "Самара",
        "Samara",
    ),
    (
        "RU",
        "peacekeeping",
        UnitKind.PEACEKEEPING,
        Personnel.POLICE,
        200,
        ReadinessCategory.HIGH,
        "Москва",
        "Moscow",
    ),
    (
        "KZ",
        "peacekeeping",
        UnitKind.PEACEKEEPING,
        Personnel.MILITARY,
        500,
        ReadinessCategory.HIGH,
        "Алматы",
        "Almaty",
    ),
    (
        "BY",
        "peacekeeping",
        UnitKind.PEACEKEEPING,
        Personnel.MILITARY,
        400,
        ReadinessCategory.HIGH,
        "Брест",
        "Brest",
    ),
    (
        "BY",
        "peacekeeping",
        UnitKind.PEACEKEEPING,
        Personnel.CIVILIAN,
        50,
        ReadinessCategory.STANDARD,
        "Минск",
        "Minsk",
    ),
    (
        "KG",
        "peacekeeping",
        UnitKind.PEACEKEEPING,
        Personnel.MILITARY,
        300,
        ReadinessCategory.STANDARD,
        "Бишкек",
        "Bishkek",
    ),
    (
        "TJ",
        "peacekeeping",
        UnitKind.PEACEKEEPING,
        Personnel.MILITARY,
        300,
        ReadinessCategory.STANDARD,
        "Душанбе",
        "Dushanbe",
    ),
    (
        "AM",
        "peacekeeping",
        UnitKind.PEACEKEEPING,
        Personnel.MILITARY,
        300,
        ReadinessCategory.STANDARD,
        "Ереван",
        "Yerevan",
    ),
    (
        "RU",
        "aviation",
        UnitKind.AVIATION,
        Personnel.MILITARY,
        500,
        ReadinessCategory.HIGH,
        "Кант",
        "Kant",
    ),
    (
        "BY",
        "aviation",
        UnitKind.AVIATION,
        Personnel.MILITARY,
        150,
        ReadinessCategory.STANDARD,
        "Барановичи",
        "Baranovichi",
    ),
    (
        "KZ",
        "aviation",
        UnitKind.AVIATION,
        Personnel.MILITARY,
        150,
        ReadinessCategory.STANDARD,
        "Талдыкорган",
        "Taldykorgan",
    ),
]

KIND_RU = {
    UnitKind.MILITARY: "Воинский контингент",
    UnitKind.POLICE: "Формирование спецназначения МВД",
    UnitKind.SECURITY: "Формирование органов безопасности",
    UnitKind.EMERGENCY: "Формирование МЧС",
    UnitKind.PEACEKEEPING: "Миротворческое подразделение",
    UnitKind.AVIATION: "Авиационная группа",
}
KIND_EN = {
    UnitKind.MILITARY: "Military contingent",
    UnitKind.POLICE: "Special police formation",
    UnitKind.SECURITY: "Security formation",
    UnitKind.EMERGENCY: "Emergency formation",
    UnitKind.PEACEKEEPING: "Peacekeeping unit",
    UnitKind.AVIATION: "Aviation group",
}


def seed() -> list[str]:
    states = {s.iso2: s for s in MemberState.objects.all()}
    formations = {}
    for code, n_ru, n_en, s_ru, s_en, since, b_ru, b_en, hq_ru, hq_en, members, size in FORMATIONS:
        formation, _ = Formation.objects.update_or_create(
            code=code,
            defaults={
                "name_ru": n_ru,
                "name_en": n_en,
                "short_ru": s_ru,
                "short_en": s_en,
                "established_on": since,
                "basis_ru": b_ru,
                "basis_en": b_en,
                "headquarters_ru": hq_ru,
                "headquarters_en": hq_en,
                "published_strength": size,
                "published_strength_source": SG_2022 if size else "",
                "source": JSCSTO,
            },
        )
        formation.states.set([states[iso2] for iso2 in members])
        formations[code] = formation
    for code, kind, c_ru, c_en, units, strength in REQUIREMENTS:
        Requirement.objects.update_or_create(
            formation=formations[code],
            kind=kind,
            defaults={
                "capability_ru": c_ru,
                "capability_en": c_en,
                "units": units,
                "strength": strength,
                "demo": True,
            },
        )
    staff = User.objects.get(username="staff")  # the Joint Staff keeps the register
    if not Unit.objects.exists():
        for n, (iso2, code, kind, personnel, strength, readiness, base_ru, base_en) in enumerate(
            UNITS
        ):
            state = states[iso2]
            formation = formations[code]
            unit = services.pledge_unit(
                actor=staff,
                name_ru=f"{KIND_RU[kind]} ({state.name_ru}, {formation.short_ru})",
                name_en=f"{KIND_EN[kind]} ({state.name_en}, {formation.short_en})",
                state=state,
                formation=formation,
                kind=kind,
                personnel=personnel,
                strength=strength,
                readiness=readiness,
                home_base_ru=base_ru,
                home_base_en=base_en,
                assigned_by_ru="Демонстрационные данные",
                assigned_by_en="Demo data",
                demo=True,
            )
            if n % 4 != 3:  # most pledged units certified, some not yet (demo)
                services.certify_unit(unit, actor=staff, on=dt.date(2024, 5, 31))
    return [f"forces: {len(formations)} formations, {Unit.objects.count()} units (demo figures)"]
