"""The facts of the training plans from published reports, as data: the
exercise series, and each plan's events with dates, host, area, states, status and size. Rows marked
demo (the last field) are invented; so are the planning consultations' days and the 2026 and 2027
events (the content of those plans is not published)."""

from __future__ import annotations

from typing import Any

from ..states import EventKind, EventStatus

TASS = "tass.com/defense/1666189; gazeta.kg 169588"
PRESS = "press"  # press reports (models/training.py: SOURCE_LABELS)
FIVE = ["BY", "KZ", "KG", "RU", "TJ"]

# code, name ru/en, purpose ru/en, formation code
SERIES = [
    ("interaction", "Взаимодействие", "Interaction", "Учение КСОР", "Exercise of the CRRF", "crrf"),
    ("search", "Поиск", "Search", "Разведывательное учение", "Reconnaissance exercise", None),
    (
        "echelon",
        "Эшелон",
        "Echelon",
        "Учение по материально-техническому обеспечению",
        "Logistics exercise",
        None,
    ),
    (
        "rubezh",
        "Рубеж",
        "Rubezh",
        "Учение КСБР ЦАР",
        "Exercise of the Central Asian forces",
        "crdf-ca",
    ),
    (
        "indestructible-brotherhood",
        "Нерушимое братство",
        "Indestructible Brotherhood",
        "Учение миротворческих сил",
        "Peacekeeping exercise",
        "peacekeeping",
    ),
    (
        "barrier",
        "Барьер",
        "Barrier",
        "Учение подразделений РХБ защиты и медицинского обеспечения",
        "Exercise of chemical, biological, radiological and medical units",
        None,
    ),
    (
        "combat-brotherhood",
        "Боевое братство",
        "Combat Brotherhood",
        "Объединяющее совместное учение",
        "The umbrella of the joint exercises",
        None,
    ),
]

# (series or None, kind, name ru, name en, starts, ends, host, area ru, area en, states, status,
#  personnel, source, demo)
Row = tuple[Any, ...]
EDELWEISS = ("полигон «Эдельвейс»", "Edelweiss range")


def _trio(
    year: int, start: str, end: str, host: str, area: tuple[str, str], source: str
) -> list[Row]:
    """Interaction, Search and Echelon, held together."""
    return [
        (
            code,
            EventKind.EXERCISE,
            f"{ru}-{year}",
            f"{en}-{year}",
            start,
            end,
            host,
            *area,
            FIVE,
            EventStatus.HELD,
            None,
            source,
            False,
        )
        for code, ru, en in (
            ("interaction", "Взаимодействие", "Interaction"),
            ("search", "Поиск", "Search"),
            ("echelon", "Эшелон", "Echelon"),
        )
    ]


def _talks(year: int, start: str, end: str) -> Row:
    """The planning consultations for the next year at the Joint Staff in December (the notes say
    December; the days are the demo's)."""
    return (
        None,
        EventKind.PLANNING_CONFERENCE,
        f"Планирующие консультации по плану совместной подготовки на {year + 1} год",
        f"Planning consultations on the joint training plan for {year + 1}",
        start,
        end,
        "RU",
        "Объединённый штаб ОДКБ, Москва",
        "CSTO Joint Staff, Moscow",
        FIVE,
        EventStatus.PLANNED,
        None,
        "",
        True,
    )


PLANS: dict[int, dict[str, Any]] = {
    2023: {
        "adopted": ("2022-05-24", "", "", "online"),  # by video, under the Armenian chair
        "states": ["AM", *FIVE],
        "events": [
            (
                "combat-brotherhood",
                EventKind.EXERCISE,
                "Боевое братство-2023",
                "Combat Brotherhood-2023",
                "2023-09-01",
                "2023-09-06",
                "BY",
                "полигоны Брестской области",
                "Brest region ranges",
                FIVE,
                EventStatus.HELD,
                2500,
                PRESS,
                False,
            ),
            (
                "indestructible-brotherhood",
                EventKind.EXERCISE,
                "Нерушимое братство-2023",
                "Indestructible Brotherhood-2023",
                "2023-10-09",
                "2023-10-13",
                "KG",
                *EDELWEISS,
                FIVE,
                EventStatus.HELD,
                1500,
                "press-low",
                False,
            ),
        ],
    },
    2024: {
        "adopted": ("2023-05-25", "Минск", "Minsk", "in_person"),
        "states": FIVE,
        "events": [
            *_trio(
                2024,
                "2024-09-03",
                "2024-09-15",
                "KG",
                EDELWEISS,
                PRESS,
            ),
            (
                "indestructible-brotherhood",
                EventKind.EXERCISE,
                "Нерушимое братство-2024",
                "Indestructible Brotherhood-2024",
                "2024-10-01",
                "2024-10-05",
                "KZ",
                "полигон «Берег» (Алматинская область)",
                "Bereg range (Almaty region)",
                FIVE,
                EventStatus.HELD,
                2000,
                "press-low",
                False,
            ),
            (
                "rubezh",
                EventKind.EXERCISE,
                "Рубеж-2024",
                "Rubezh-2024",
                "2024-10-17",
                "2024-10-21",
                "TJ",
                "полигон «Харбмайдон»",
                "Harbmaidon range",
                ["RU", "TJ", "KZ", "KG"],
                EventStatus.HELD,
                1500,
                PRESS,
                False,
            ),
            (
                None,
                EventKind.COMMAND_STAFF,
                "Совместная тренировка дежурных смен кризисных центров",
                "Joint training of the duty shifts of the crisis response centres",
                "2024-12-20",
                "2024-12-20",
                "RU",
                "Центр кризисного реагирования ОДКБ",
                "CSTO Crisis Response Centre",
                FIVE,
                EventStatus.HELD,
                None,
                "jscsto.odkb-csto.org",
                False,
            ),
        ],
    },
    2025: {
        "adopted": ("2024-05-31", "Алматы", "Almaty", "in_person"),  # "planning documents" [P]
        "states": FIVE,
        "source": PRESS,
        "events": [
            (
                None,
                EventKind.COMMAND_STAFF,
                "Стратегическая командно-штабная тренировка",
                "Strategic command-staff training",
                "2025-03-17",
                "2025-03-20",
                None,
                "",
                "",
                FIVE,
                EventStatus.HELD,
                None,
                "jscsto.odkb-csto.org",
                False,
            ),
            *_trio(
                2025,
                "2025-08-31",
                "2025-09-06",
                "BY",
                ("полигоны «Лосвидо» и Лепельский", "Losvido and Lepelsky ranges"),
                PRESS,
            ),
            (
                "rubezh",
                EventKind.EXERCISE,
                "Рубеж-2025",
                "Rubezh-2025",
                "2025-09-17",
                "2025-09-20",
                "KG",
                *EDELWEISS,
                ["KG", "KZ", "RU", "TJ"],
                EventStatus.HELD,
                1200,
                PRESS,
                False,
            ),
            (
                "indestructible-brotherhood",
                EventKind.EXERCISE,
                "Нерушимое братство-2025",
                "Indestructible Brotherhood-2025",
                "2025-10-20",
                "2025-10-24",
                "TJ",
                "полигон «Фахрабад»",
                "Fakhrabad range",
                FIVE,
                EventStatus.HELD,
                1500,
                PRESS,
                False,
            ),
            (
                "barrier",
                EventKind.EXERCISE,
                "Барьер-2025",
                "Barrier-2025",
                "2025-10-20",
                "2025-10-24",
                "TJ",
                "полигон «Фахрабад»",
                "Fakhrabad range",
                FIVE,
                EventStatus.HELD,
                None,
                PRESS,
                False,
            ),
        ],
    },
    2026: {
        "adopted": ("2025-05-28", "", "", "written"),  # the day is the demo's: not published
        "states": FIVE,
        "demo": True,
        "source": TASS,
        "events": [
            (
                None,
                EventKind.COMMAND_STAFF,
                "Командно-штабная тренировка органов управления КСОР",
                "Command-staff training of the CRRF command bodies",
                "2026-04-14",
                "2026-04-16",
                "KZ",
                "",
                "",
                FIVE,
                EventStatus.HELD,
                None,
                "",
                True,
            ),
            (
                None,
                EventKind.STAFF_TALKS,
                "Штабные переговоры по подготовке учений 2026 года",
                "Staff talks on the preparation of the 2026 exercises",
                "2026-06-09",
                "2026-06-10",
                "RU",
                "Объединённый штаб ОДКБ, Москва",
                "CSTO Joint Staff, Moscow",
                FIVE,
                EventStatus.HELD,
                None,
                "",
                True,
            ),
            (
                "indestructible-brotherhood",
                EventKind.EXERCISE,
                "Учение миротворческих сил (демо)",
                "Peacekeeping forces exercise (demo)",
                "2026-09-21",
                "2026-09-25",
                "BY",
                "",
                "",
                FIVE,
                EventStatus.HELD,
                None,
                "",
                True,
            ),
            _talks(2026, "2026-12-15", "2026-12-17"),
        ],
    },
    2027: {
        "states": FIVE,
        "demo": True,
        "events": [
            (
                None,
                EventKind.COMMAND_STAFF,
                "Командно-штабная тренировка (демо)",
                "Command-staff training (demo)",
                "2027-03-16",
                "2027-03-18",
                "RU",
                "",
                "",
                FIVE,
                EventStatus.PLANNED,
                None,
                "",
                True,
            ),
            (
                "rubezh",
                EventKind.EXERCISE,
                "Учение КСБР ЦАР (демо)",
                "Central Asian forces exercise (demo)",
                "2027-09-14",
                "2027-09-18",
                "KZ",
                "",
                "",
                ["KZ", "KG", "RU", "TJ"],
                EventStatus.PLANNED,
                None,
                "",
                True,
            ),
        ],
    },
}
