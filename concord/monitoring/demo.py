"""The monitoring demo: the default regions of concern (situation.md), the real UCDP GED events for
Syria 2016–2019 and for Ukraine 2014–2023 (the organization's neighbourhood: Eastern Europe), the
yearly UCDP tables of the region, the alerts the detector gives month by month over both histories,
and draft monthly situation reports for the Middle East (October 2019) and Eastern Europe (February
2022)."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from pathlib import Path

from concord.accounts.models import User
from concord.core.actors import SYSTEM

from . import coverage, rules, services
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
UKRAINE = "ged_ukraine_2014_2023.csv"
# the Ukraine file holds two releases (provenance/ucdp-ged-ukraine-2014-2023.md): each is imported
# under its own version, so that its coverage, and the caveat on the candidate events, are its own
UKRAINE_FINAL, UKRAINE_CANDIDATE = "GED 22.1 Ukraine", "GED cand. 2022-23"
CANDIDATE_NOTE_EN = (
    "UCDP Candidate Events (release 22.01.22.12 for 2022, monthly releases for January–March 2023): "
    "far from complete — later GED releases code over ten thousand events in 2022. Fit for the "
    "picture and alerts, not for totals."
)
CANDIDATE_NOTE_RU = (
    "События-кандидаты UCDP (выпуск 22.01.22.12 за 2022 год, ежемесячные выпуски за январь–март "
    "2023 года): далеко не полны — в более поздних выпусках GED за 2022 год закодировано более "
    "десяти тысяч событий. Годятся для картины обстановки и оповещений, но не для итогов."
)
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
    # the detector's history starts at the store's first month: Syria is judged before Ukraine's
    # earlier months are imported, each history over its own months
    flags = services.run_detector(
        rules.month_index(2016, 1),
        rules.month_index(2019, 11),
        actor=SYSTEM,
        region=Region.objects.get(code="middle-east"),
    )
    ukraine = _import_ukraine()
    flags += services.run_detector(
        rules.month_index(2014, 1),
        rules.month_index(2023, 3),
        actor=SYSTEM,
        region=Region.objects.get(code="eastern-europe"),
    )
    analyst = User.objects.get(username="analyst")
    for code, end in (
        ("middle-east", dt.date(2019, 10, 31)),
        ("eastern-europe", dt.date(2022, 2, 28)),
    ):
        services.draft_report(
            Region.objects.get(code=code), actor=analyst, period="monthly", end=end
        )
    return [
        f"Monitoring: {events} UCDP GED events (Syria 2016–2019), {ukraine} (Ukraine 2014–2023), "
        f"yearly UCDP tables, {len(flags)} alerts, draft situation reports for the Middle East "
        "(October 2019) and Eastern Europe (February 2022)."
    ]


def _import_ukraine() -> int:
    """The Ukraine rows, GED 22.1 (2014–2021) and candidate events (2022–2023) each under its own
    version, and the candidate events' caveat on their coverage."""
    with (DATA / UKRAINE).open(encoding="utf-8", newline="") as source:
        reader = csv.reader(source)
        header = next(reader)
        year = header.index("year")
        parts: dict[str, list[list[str]]] = {UKRAINE_FINAL: [], UKRAINE_CANDIDATE: []}
        for row in reader:
            parts[UKRAINE_CANDIDATE if int(row[year]) >= 2022 else UKRAINE_FINAL].append(row)
    imported = 0
    with tempfile.TemporaryDirectory() as folder:
        for version, rows in parts.items():
            path = Path(folder) / f"{version}.csv"
            with path.open("w", encoding="utf-8", newline="") as out:
                csv.writer(out).writerows([header, *rows])
            imported += import_events(path, "ucdp-ged", actor=SYSTEM, version=version).imported
    coverage.declare_coverage(
        "ucdp-ged",
        UKRAINE_CANDIDATE,
        ["UKR"],
        rules.month_index(2022, 1),
        rules.month_index(2023, 3),
        actor=SYSTEM,
        note_ru=CANDIDATE_NOTE_RU,
        note_en=CANDIDATE_NOTE_EN,
    )
    return imported
