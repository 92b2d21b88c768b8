"""The four permanent operations of operations.md with their default catalogue, the stages whose
results were published, and national reports that add up to the published totals.

The sources give totals for the whole operation only, so each total is split among the participating
states by fixed demo shares (largest remainder, so the parts add up exactly): the national figures
are a **demo distribution of a real total**, and every such report says so. Where the source says
"over 9 t", the figure is 9 t.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from concord.accounts.models import User
from concord.core.actors import SYSTEM
from concord.core.rules import Marking
from concord.organization.models import Body, MemberState

from . import services
from .models import (
    Agency,
    Breakdown,
    BreakdownItem,
    ExchangeRate,
    Indicator,
    NationalReport,
    Observer,
    Operation,
    Stage,
    Unit,
)
from .seizures import import_seizures
from .states import AgencyKind, StageKind

DATA = Path(__file__).resolve().parent / "data"
DEMO_NOTE = (
    "Демонстрационное распределение реального итога по государствам: источник приводит только общие цифры.",
    "Demo distribution of a real total among the states: the source gives totals only.",
)
SHARES = {"RU": 35, "KZ": 20, "TJ": 15, "KG": 12, "BY": 10, "AM": 8}  # demo shares, not data

UNITS = [
    ("kg", "кг", "kg", "mass", "1"),
    ("g", "г", "g", "mass", "0.001"),
    ("t", "т", "t", "mass", "1000"),
    ("USD", "доллар США", "US dollar", "money", None),
    ("RUB", "российский рубль", "Russian rouble", "money", None),
    ("KZT", "тенге", "tenge", "money", None),
    ("BYN", "белорусский рубль", "Belarusian rouble", "money", None),
    ("KGS", "сом", "som", "money", None),
    ("TJS", "сомони", "somoni", "money", None),
    ("AMD", "драм", "dram", "money", None),
]
# Approximate yearly rates (national currency per US dollar) so that the demo can convert; the
# Secretariat keeps the real table in the admin.
RATES = {
    "RUB": {2018: "62.7", 2023: "85.2"},
    "KZT": {2018: "344.7", 2023: "456.3"},
    "BYN": {2018: "2.04", 2023: "3.01"},
    "KGS": {2018: "68.8", 2023: "87.9"},
    "TJS": {2018: "9.15", 2023: "10.9"},
    "AMD": {2018: "483", 2023: "392"},
}

BREAKDOWNS = {
    "substance": (
        ("Вещество", "Substance"),
        [
            ("opiates", "опиаты", "opiates"),
            ("heroin", "героин", "heroin"),
            ("opium", "опий", "opium"),
            ("hashish", "гашиш", "hashish"),
            ("marijuana", "марихуана", "marijuana"),
            ("mephedrone", "мефедрон", "mephedrone"),
            ("mdma", "MDMA", "MDMA"),
            ("a-pvp", "α-PVP", "α-PVP"),
            ("synthetic", "синтетические наркотики", "synthetic drugs"),
            ("poppy-straw", "маковая солома", "poppy straw"),
        ],
    ),
    "violation": (
        ("Вид нарушения", "Type of violation"),
        [
            ("entry-exit-stay", "въезд, выезд и пребывание", "entry, exit and stay"),
            ("labour", "трудовая деятельность", "labour"),
        ],
    ),
    "case-type": (
        ("Вид преступления", "Type of crime"),
        [
            ("drugs", "незаконный оборот наркотиков", "drug trafficking"),
            ("border-crossing", "незаконное пересечение границы", "illegal border crossing"),
            ("extremism", "экстремизм и терроризм", "extremism and terrorism"),
        ],
    ),
}

COUNT, MASS, MONEY = "count", "mass", "money"
# code, ru, en, kind, unit, breakdown, plausible maximum per line (warns only)
INDICATORS: dict[str, list[tuple[str, str, str, str, str | None, str | None, int | None]]] = {
    "channel": [
        ("drugs", "Изъято наркотиков", "Drugs seized", MASS, "kg", "substance", 100_000),
        ("precursors", "Изъято прекурсоров", "Precursors seized", MASS, "kg", None, 1_000_000),
        (
            "drug-crimes",
            "Выявлено наркопреступлений",
            "Drug crimes detected",
            COUNT,
            None,
            None,
            100_000,
        ),
        ("smuggling", "Случаи контрабанды", "Smuggling cases", COUNT, None, None, 10_000),
        ("groups", "Пресечена деятельность групп", "Groups dismantled", COUNT, None, None, 5_000),
        (
            "laboratories",
            "Ликвидировано нарколабораторий",
            "Clandestine laboratories",
            COUNT,
            None,
            None,
            1_000,
        ),
        (
            "laundering",
            "Дела о легализации доходов",
            "Money-laundering cases",
            COUNT,
            None,
            None,
            5_000,
        ),
        ("detained", "Задержано лиц", "Persons detained", COUNT, None, None, 100_000),
        (
            "wanted",
            "Задержано лиц, находившихся в розыске",
            "Wanted persons detained",
            COUNT,
            None,
            None,
            50_000,
        ),
        ("firearms", "Изъято огнестрельного оружия", "Firearms seized", COUNT, None, None, 50_000),
        (
            "ammunition",
            "Изъято боеприпасов",
            "Rounds of ammunition seized",
            COUNT,
            None,
            None,
            10_000_000,
        ),
        (
            "websites",
            "Выявлено сайтов с наркосодержанием",
            "Websites with drug content identified",
            COUNT,
            None,
            None,
            100_000,
        ),
        (
            "cash",
            "Изъято денежных средств и ценностей",
            "Cash and valuables seized",
            MONEY,
            "USD",
            None,
            1_000_000_000,
        ),
        (
            "officers",
            "Задействовано сотрудников",
            "Officers involved",
            COUNT,
            None,
            None,
            1_000_000,
        ),
    ],
    "proxi": [
        (
            "resources-identified",
            "Выявлено информационных ресурсов",
            "Information resources identified",
            COUNT,
            None,
            None,
            1_000_000,
        ),
        (
            "resources-blocked",
            "Приостановлено или заблокировано ресурсов",
            "Resources suspended or blocked",
            COUNT,
            None,
            None,
            1_000_000,
        ),
        (
            "criminal-cases",
            "Возбуждено уголовных дел",
            "Criminal cases opened",
            COUNT,
            None,
            None,
            1_000_000,
        ),
    ],
    "illegal": [
        (
            "violations",
            "Выявлено нарушений миграционного законодательства",
            "Violations of migration law",
            COUNT,
            None,
            "violation",
            10_000_000,
        ),
        ("fines", "Наложено штрафов", "Fines imposed", MONEY, "USD", None, 1_000_000_000),
        (
            "organizing",
            "Дела об организации незаконной миграции",
            "Cases of organizing illegal migration",
            COUNT,
            None,
            None,
            100_000,
        ),
        (
            "trafficking",
            "Дела о торговле людьми",
            "Human-trafficking cases",
            COUNT,
            None,
            None,
            100_000,
        ),
        (
            "other-cases",
            "Иные уголовные дела",
            "Other criminal cases",
            COUNT,
            None,
            "case-type",
            1_000_000,
        ),
        (
            "wanted",
            "Задержано лиц, находившихся в розыске",
            "Wanted persons detained",
            COUNT,
            None,
            None,
            100_000,
        ),
        (
            "suspicious-count",
            "Подозрительные финансовые операции",
            "Suspicious financial transactions",
            COUNT,
            None,
            None,
            1_000_000,
        ),
        (
            "suspicious-amount",
            "Сумма подозрительных операций",
            "Amount of suspicious transactions",
            MONEY,
            "USD",
            None,
            10_000_000_000,
        ),
        (
            "deportations",
            "Выдворено и депортировано",
            "Deportations and expulsions",
            COUNT,
            None,
            None,
            10_000_000,
        ),
    ],
    "mercenary": [
        (
            "recruitment-cases",
            "Пресечено случаев вербовки",
            "Recruitment cases suppressed",
            COUNT,
            None,
            None,
            10_000,
        ),
        (
            "channels-closed",
            "Перекрыто каналов выезда",
            "Departure channels closed",
            COUNT,
            None,
            None,
            10_000,
        ),
        ("detained", "Задержано лиц", "Persons detained", COUNT, None, None, 100_000),
    ],
}

AGENCIES = [
    ("AM-POLICE", "AM", "Полиция Республики Армения", "Police of Armenia", AgencyKind.POLICE),
    (
        "AM-NSS",
        "AM",
        "Служба национальной безопасности",
        "National Security Service",
        AgencyKind.SECURITY,
    ),
    (
        "BY-MVD",
        "BY",
        "МВД Республики Беларусь",
        "Ministry of Internal Affairs of Belarus",
        AgencyKind.POLICE,
    ),
    (
        "BY-GPK",
        "BY",
        "Государственный пограничный комитет",
        "State Border Committee",
        AgencyKind.BORDER,
    ),
    (
        "BY-GTK",
        "BY",
        "Государственный таможенный комитет",
        "State Customs Committee",
        AgencyKind.CUSTOMS,
    ),
    (
        "KZ-MVD",
        "KZ",
        "МВД Республики Казахстан",
        "Ministry of Internal Affairs of Kazakhstan",
        AgencyKind.POLICE,
    ),
    (
        "KZ-KNB",
        "KZ",
        "Комитет национальной безопасности",
        "National Security Committee",
        AgencyKind.SECURITY,
    ),
    (
        "KZ-AFM",
        "KZ",
        "Агентство по финансовому мониторингу",
        "Financial Monitoring Agency",
        AgencyKind.FINANCIAL,
    ),
    (
        "KG-MVD",
        "KG",
        "МВД Кыргызской Республики",
        "Ministry of Internal Affairs of Kyrgyzstan",
        AgencyKind.POLICE,
    ),
    (
        "KG-GKNB",
        "KG",
        "ГКНБ Кыргызской Республики",
        "State Committee for National Security",
        AgencyKind.SECURITY,
    ),
    ("RU-MVD", "RU", "МВД России", "Ministry of Internal Affairs of Russia", AgencyKind.POLICE),
    ("RU-FSB", "RU", "ФСБ России", "Federal Security Service", AgencyKind.SECURITY),
    ("RU-FTS", "RU", "ФТС России", "Federal Customs Service", AgencyKind.CUSTOMS),
    (
        "TJ-AKN",
        "TJ",
        "Агентство по контролю за наркотиками",
        "Drug Control Agency",
        AgencyKind.DRUG_CONTROL,
    ),
    (
        "TJ-MVD",
        "TJ",
        "МВД Республики Таджикистан",
        "Ministry of Internal Affairs of Tajikistan",
        AgencyKind.POLICE,
    ),
]

OBSERVERS = {
    "IR": ("Иран", "Iran", "state"),
    "CN": ("Китай", "China", "state"),
    "UNODC": ("УНП ООН", "UNODC", "organization"),
    "CARICC": ("ЦАРИКЦ", "CARICC", "organization"),
    "OSCE": ("ОБСЕ", "OSCE", "organization"),
    "INTERPOL": ("Интерпол", "Interpol", "organization"),
}

ALL6 = ["AM", "BY", "KZ", "KG", "RU", "TJ"]
OPERATIONS: list[dict[str, Any]] = [
    {
        "code": "channel",
        "ru": "Канал",
        "en": "Channel",
        "since": 2003,
        "permanent": "2008-09-05",
        "council": "cc-drugs",
        "purpose": (
            "Противодействие незаконному обороту наркотиков.",
            "Countering drug trafficking.",
        ),
        "council_name": (
            "Координационный совет руководителей компетентных органов по противодействию незаконному обороту наркотиков",
            "Coordination Council of heads of competent authorities on countering illicit drug trafficking",
        ),
        "observers": list(OBSERVERS),
        "seizures": True,
        "marking": Marking.OFFICIAL,
    },
    {
        "code": "proxi",
        "ru": "ПРОКСИ",
        "en": "PROXI",
        "since": 2009,
        "council": None,
        "purpose": (
            "Противодействие преступлениям в информационной сфере: запрещённая информация (терроризм, экстремизм, наркотики, миграционные преступления), распространяемая через ИКТ.",
            "Countering crime in the information sphere: information banned by national law (terrorism, extremism, drugs, migration crime) spread through ICT.",
        ),
        "council_name": (
            "Национальные штабы, ежегодно собирающиеся в Секретариате",
            "National headquarters meeting yearly at the Secretariat",
        ),
        "observers": [],
        "marking": Marking.OFFICIAL,
    },
    {
        "code": "illegal",
        "ru": "Нелегал",
        "en": "Illegal",
        "since": 2008,
        "permanent": "2017-11-30",
        "council": "cc-migration",
        "purpose": ("Противодействие незаконной миграции.", "Countering illegal migration."),
        "council_name": (
            "Координационный совет по противодействию незаконной миграции",
            "Coordination Council on countering illegal migration",
        ),
        "observers": [],
        "marking": Marking.OFFICIAL,
    },
    {
        "code": "mercenary",
        "ru": "Наёмник",
        "en": "Mercenary",
        "since": 2019,
        "council": None,
        "purpose": (
            "Пресечение вербовки граждан в международные террористические организации, перекрытие каналов их выезда и возвращения, нейтрализация ресурсной базы терроризма. Сроки и этапы не раскрываются.",
            "Suppressing recruitment of citizens to international terrorist organizations, closing the channels by which they leave and return, neutralizing terrorist resource bases. Timing and stages are not disclosed.",
        ),
        "council_name": ("Национальные координационные центры", "National coordinating centres"),
        "observers": [],
        "marking": Marking.RESTRICTED,
        "note": (
            "Результаты не публикуются; отчёты по умолчанию ограниченного доступа.",
            "No results are published; reports are restricted by default.",
        ),
    },
]

# Published figures (operations.md): {indicator: total} or {indicator: {item or "": part}}.
STAGES: list[dict[str, Any]] = [
    {
        "op": "channel",
        "ru": "Красная дюна",
        "en": "Red Dune",
        "from": "2018-09-10",
        "to": "2018-09-14",
        "host": "KZ",
        "hq": ("Шымкент", "Shymkent"),
        "states": ALL6,
        "source": 'caricc.org, item 727 ("over 9 t")',
        "figures": {
            "drugs": {
                "opiates": "5000",
                "heroin": "38",
                "synthetic": "2000",
                "hashish": "800",
                "marijuana": "830",
                "": "332",
            }
        },
    },
    {
        "op": "channel",
        "ru": "Центр",
        "en": "Center",
        "from": "2019-02-26",
        "to": "2019-03-01",
        "host": None,
        "hq": ("", ""),
        "states": ALL6,
        "source": 'en.odkb-csto.org, results of 2019 ("over 11 t")',
        "figures": {"drugs": {"": "11000"}},
    },
    {
        "op": "channel",
        "ru": "Перехват",
        "en": "Interception",
        "from": "2023-09-11",
        "to": "2023-09-15",
        "host": "KZ",
        "hq": ("Алматы, ЦАРИКЦ", "Almaty, at CARICC"),
        "states": ALL6,
        "source": "caricc.org, item 2248",
        "figures": {
            "drugs": {
                "mephedrone": "61.5",
                "mdma": "2.8",
                "a-pvp": "12.2",
                "marijuana": "237",
                "hashish": "301",
                "heroin": "2.5",
                "": "280",
            },
            "precursors": "34",
            "firearms": "48",
            "ammunition": "2773",
            "drug-crimes": "854",
            "laboratories": "4",
            "detained": "399",
            "wanted": "44",
            "websites": "444",
        },
    },
    {
        "op": "channel",
        "ru": "Горная застава",
        "en": "Mountain Outpost",
        "from": "2025-05-18",
        "to": "2025-05-23",
        "host": None,
        "hq": ("", ""),
        "states": ["BY", "KZ", "KG", "RU", "TJ"],
        "source": "24.kg, news 330513",
        "figures": {
            "officers": "17000",
            "drug-crimes": "636",
            "smuggling": "13",
            "groups": "103",
            "laundering": "4",
            "detained": "405",
            "drugs": {
                "marijuana": "350",
                "hashish": "188",
                "opium": "298",
                "mephedrone": "832",
                "heroin": "31",
                "": "43",
            },
            "precursors": "341",
            "websites": "955",
            "firearms": "34",
            "ammunition": "1300",
            "wanted": "463",
        },
    },
    {
        "op": "illegal",
        "ru": "Нелегал-2018",
        "en": "Illegal 2018",
        "from": "2018-05-15",
        "to": "2018-09-25",
        "host": None,
        "hq": ("", ""),
        "states": ALL6,
        "kind": StageKind.PERIOD,
        "source": "en.odkb-csto.org plan2019; eurasia.expert 32523 (active phases 15–23 May and 17–25 September 2018)",
        "figures": {
            "violations": {"entry-exit-stay": "110000", "labour": "33000"},
            "organizing": "3615",
            "wanted": "443",
            "suspicious-count": "399",
            "suspicious-amount": "2000000",
            "other-cases": {"drugs": "2665", "border-crossing": "238", "extremism": "30"},
            "fines": "5000000",
        },
    },
    {
        "op": "proxi",
        "ru": "2009 – май 2017",
        "en": "2009 – May 2017",
        "from": "2009-01-01",
        "to": "2017-05-31",
        "host": None,
        "hq": ("", ""),
        "states": ALL6,
        "kind": StageKind.PERIOD,
        "source": 'tass.com/politics/947551 (cumulative, "about" and "over")',
        "figures": {
            "resources-identified": "80000",
            "resources-blocked": "33500",
            "criminal-cases": "15000",
        },
    },
]


def split(total: Decimal, states: list[str], step: Decimal) -> dict[str, Decimal]:
    """`total` in parts proportional to SHARES, in multiples of `step`, adding up exactly."""
    units = int(total / step)
    weights = {s: SHARES[s] for s in states}
    whole = sum(weights.values())
    parts = {s: units * w // whole for s, w in weights.items()}
    remainders = sorted(states, key=lambda s: -(units * weights[s] % whole))
    for s in remainders[: units - sum(parts.values())]:
        parts[s] += 1
    return {s: n * step for s, n in parts.items()}


def seed(*, password: str) -> list[str]:
    if Operation.objects.exists():
        return []
    states = {s.iso2: s for s in MemberState.objects.all()}
    secretariat = Body.objects.get(code="secretariat")
    units = {
        code: Unit.objects.create(
            code=code, name_ru=ru, name_en=en, dimension=dim, factor=Decimal(f) if f else None
        )
        for code, ru, en, dim, f in UNITS
    }
    for code, years in RATES.items():
        for year, rate in years.items():
            ExchangeRate.objects.create(
                currency=units[code], valid_from=dt.date(year, 1, 1), per_usd=Decimal(rate)
            )
    breakdowns = {}
    for code, ((ru, en), items) in BREAKDOWNS.items():
        breakdowns[code] = Breakdown.objects.create(code=code, name_ru=ru, name_en=en)
        for i, (item_code, item_ru, item_en) in enumerate(items):
            BreakdownItem.objects.create(
                breakdown=breakdowns[code],
                code=item_code,
                name_ru=item_ru,
                name_en=item_en,
                position=i,
            )
    agencies = [
        Agency.objects.create(code=c, state=states[s], name_ru=ru, name_en=en, kind=k)
        for c, s, ru, en, k in AGENCIES
    ]
    observers = {
        k: Observer.objects.create(name_ru=ru, name_en=en, kind=kind)
        for k, (ru, en, kind) in OBSERVERS.items()
    }
    ops = {}
    for position, item in enumerate(OPERATIONS):
        op = Operation.objects.create(
            code=item["code"],
            name_ru=item["ru"],
            name_en=item["en"],
            purpose_ru=item["purpose"][0],
            purpose_en=item["purpose"][1],
            council=Body.objects.filter(code=item["council"]).first() if item["council"] else None,
            council_name_ru=item["council_name"][0],
            council_name_en=item["council_name"][1],
            since=item["since"],
            permanent_since=dt.date.fromisoformat(item["permanent"])
            if item.get("permanent")
            else None,
            marking=item["marking"],
            owner_body=secretariat,
            position=position,
            shows_drug_seizures=item.get("seizures", False),
            note_ru=item.get("note", ("", ""))[0],
            note_en=item.get("note", ("", ""))[1],
        )
        op.states.set([states[s] for s in ALL6])
        op.agencies.set(agencies)
        op.observers.set([observers[o] for o in item["observers"]])
        if item["marking"] == Marking.RESTRICTED:
            op.released_to.set([states[s] for s in ALL6])
        for i, (code, ru, en, kind, unit, breakdown, high) in enumerate(INDICATORS[item["code"]]):
            Indicator.objects.create(
                operation=op,
                code=code,
                name_ru=ru,
                name_en=en,
                dimension=kind,
                position=i,
                unit=units[unit] if unit else None,
                breakdown=breakdowns[breakdown] if breakdown else None,
                plausible_high=high,
            )
        ops[item["code"]] = op
    reports = 0
    for stage in STAGES:
        reports += _stage(stage, ops[stage["op"]], states, agencies, observers)
    import_seizures(
        (DATA / "unodc-drug-seizures-2018-2022-region.csv").open(encoding="utf-8-sig", newline=""),
        actor=SYSTEM,
    )
    return [
        f"Operations: {len(ops)} operations, {len(STAGES)} stages, {reports} national reports "
        "(demo distribution of real totals), UNODC seizures 2018–2022."
    ]


def _stage(
    item: dict[str, Any],
    op: Operation,
    states: dict[str, MemberState],
    agencies: list[Agency],
    observers: dict[str, Observer],
) -> int:
    stage = Stage.objects.create(
        operation=op,
        name_ru=item["ru"],
        name_en=item["en"],
        kind=item.get("kind", StageKind.STAGE),
        starts_on=dt.date.fromisoformat(item["from"]),
        ends_on=dt.date.fromisoformat(item["to"]),
        host_state=states.get(item["host"] or ""),
        headquarters_ru=item["hq"][0],
        headquarters_en=item["hq"][1],
        source_ru=item["source"],
        source_en=item["source"],
    )
    stage.states.set([states[s] for s in item["states"]])
    stage.agencies.set([a for a in agencies if a.state.iso2 in item["states"]])
    stage.observers.set(op.observers.all())
    indicators = {i.code: i for i in op.indicators.all()}
    rows: dict[str, list[dict[str, str]]] = {s: [] for s in item["states"]}
    for code, figure in item["figures"].items():
        parts = figure if isinstance(figure, dict) else {"": figure}
        base = indicators[code].unit
        unit = base.code if base else ""
        for breakdown, total in parts.items():
            step = Decimal("0.1") if unit == "kg" else Decimal(1)
            for iso2, value in split(Decimal(total), item["states"], step).items():
                if value:
                    rows[iso2].append(
                        {"indicator": code, "item": breakdown, "value": str(value), "unit": unit}
                    )
    secretariat = User.objects.get(username="secretariat")
    for iso2, lines in rows.items():
        representative = User.objects.get(username=f"{iso2.lower()}_rep")
        state = states[iso2]
        report, _count, _warnings = services.import_rows(
            stage, state, enumerate(lines, start=1), actor=SYSTEM, submit=True
        )
        NationalReport.objects.filter(pk=report.pk).update(
            note_ru=DEMO_NOTE[0], note_en=DEMO_NOTE[1]
        )
        report = services.approve_report(report, actor=representative)
        services.consolidate_report(report, actor=secretariat)
    return len(rows)
