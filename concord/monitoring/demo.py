"""The monitoring demo: the default regions of concern (situation.md), the real UCDP GED events for
Syria 2016–2019 and the yearly UCDP tables of the region, the alerts the detector gives month by month
over that history, and a draft monthly situation report for the Middle East."""

from __future__ import annotations

import datetime as dt

from concord.accounts.models import User
from concord.core.actors import SYSTEM

from . import rules, services
from .countries import DATA
from .importers import import_events, import_yearly
from .models import Region

REGIONS = [
    ("afghanistan", "Афганистан", "Afghanistan", ["AFG"], []),
    ("central-asia", "Центральная Азия", "Central Asia", ["KAZ", "KGZ", "TJK", "UZB", "TKM"], []),
    ("south-caucasus", "Южный Кавказ", "South Caucasus", ["ARM", "AZE", "GEO"], []),
    (
        "eastern-europe",
        "Восточная Европа",
        "Eastern Europe",
        ["BLR", "UKR", "MDA"],
        [
            "RUS/Belgorod",
            "RUS/Bryansk",
            "RUS/Kursk",
            "RUS/Pskov",
            "RUS/Smolensk",
            "RUS/Voronezh",
            "RUS/Rostov",
        ],
    ),
    (
        "middle-east",
        "Ближний Восток и Северная Африка",
        "Middle East and North Africa",
        [
            "SYR",
            "IRQ",
            "IRN",
            "TUR",
            "ISR",
            "PSE",
            "LBN",
            "JOR",
            "SAU",
            "YEM",
            "EGY",
            "LBY",
            "ARE",
            "OMN",
            "KWT",
            "QAT",
            "BHR",
        ],
        [],
    ),
]
GED = ["ged_syria_2016_2017.csv", "ged_syria_2018_2019.csv"]
YEARLY = [
    "ucdp_prio_acd_v25_1_region.csv",
    "battledeaths_v24_1_dyadic_region.csv",
    "nonstate_v23_1_region.csv",
    "onesided_v23_1_region.csv",
]


def seed(*, password: str) -> list[str]:
    if Region.objects.exists():
        return []
    for position, (code, ru, en, countries, provinces) in enumerate(REGIONS):
        Region.objects.create(
            code=code,
            name_ru=ru,
            name_en=en,
            countries=countries,
            provinces=provinces,
            position=position,
        )
    events = sum(
        import_events(DATA / name, "ucdp-ged", actor=SYSTEM, version="GED 19.1 Syria").imported
        for name in GED
    )
    for name in YEARLY:
        import_yearly(DATA / name, actor=SYSTEM)
    flags = services.run_detector(
        rules.month_index(2016, 1), rules.month_index(2019, 11), actor=SYSTEM
    )
    analyst = User.objects.get(username="analyst")
    services.draft_report(
        Region.objects.get(code="middle-east"),
        actor=analyst,
        period="monthly",
        end=dt.date(2019, 10, 31),
    )
    return [
        f"Monitoring: {events} UCDP GED events (Syria 2016–2019), yearly UCDP tables, {len(flags)} alerts, "
        "a draft situation report for the Middle East."
    ]
