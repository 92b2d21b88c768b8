"""The demo's facts about the Parliamentary Assembly (../shared/domain/parliament.md), cited by
outlet; used by `demo.py`."""

from __future__ import annotations

from .states import BodyKind

OFFICIAL = "council.gov.ru, pacsto.org"
PRESS = "duma.gov.ru, parlament.gov.kz (2022–2025)"

# iso2: (parliament ru, en; delegation size ru, en; chambers ru, en, step position, seats)
PARLIAMENTS = {
    "RU": (
        ("Федеральное Собрание", "Federal Assembly"),
        (
            "10 депутатов Думы и 12 членов Совета Федерации",
            "10 Duma deputies and 12 Federation Council members",
        ),
        [
            ("Государственная Дума", "State Duma", 0, "10"),
            ("Совет Федерации", "Federation Council", 1, "12"),
        ],
    ),
    "KZ": (
        ("Парламент Республики Казахстан", "Parliament of the Republic of Kazakhstan"),
        ("8 + 8 (по другим данным 8 + 5)", "8 + 8 (other sources: 8 + 5)"),
        [("Мажилис", "Mazhilis", 0, "8"), ("Сенат", "Senate", 1, "8 (5)")],
    ),
    "BY": (
        (
            "Национальное собрание Республики Беларусь",
            "National Assembly of the Republic of Belarus",
        ),
        ("7 + 4 (по другим данным 6 + 3)", "7 + 4 (other sources: 6 + 3)"),
        [
            ("Палата представителей", "House of Representatives", 0, "7 (6)"),
            ("Совет Республики", "Council of the Republic", 1, "4 (3)"),
        ],
    ),
    "TJ": (
        ("Маджлиси Оли Республики Таджикистан", "Majlisi Oli of the Republic of Tajikistan"),
        ("6 + 6", "6 + 6"),
        [
            ("Маджлиси намояндагон", "Majlisi namoyandagon", 0, "6"),
            ("Маджлиси милли", "Majlisi milli", 1, "6"),
        ],
    ),
    "KG": (
        ("Жогорку Кенеш Кыргызской Республики", "Jogorku Kenesh of the Kyrgyz Republic"),
        ("", ""),
        [("Жогорку Кенеш", "Jogorku Kenesh", 0, "")],
    ),
    "AM": (
        (
            "Национальное Собрание Республики Армения",
            "National Assembly of the Republic of Armenia",
        ),
        ("", ""),
        [("Национальное Собрание", "National Assembly", 0, "")],
    ),
}

COMMISSIONS = [
    (
        "defence",
        "Постоянная комиссия по вопросам обороны и безопасности",
        "Standing Commission on Defence and Security",
    ),
    (
        "political",
        "Постоянная комиссия по политическим вопросам и международному сотрудничеству",
        "Standing Commission on Political Affairs and International Cooperation",
    ),
    (
        "legal",
        "Постоянная комиссия по социально-экономическим и правовым вопросам",
        "Standing Commission on Socio-Economic and Legal Affairs",
    ),
]
OTHERS = [
    (
        "harmonisation-group",
        BodyKind.WORKING_GROUP,
        "Рабочая группа по гармонизации законодательства",
        "Working group on harmonising legislation",
    ),
    (
        "expert-council",
        BodyKind.ADVISORY,
        "Экспертно-консультативный совет",
        "Expert advisory council",
    ),
    (
        "analysis-centre",
        BodyKind.ADVISORY,
        "Информационно-аналитический центр",
        "Information and analysis centre",
    ),
]


XV_ITEMS = [
    (
        "Рекомендации по перекрытию каналов международного терроризма",
        "Recommendations on closing the channels of international terrorism",
        "defence",
    ),
    (
        "Рекомендации по защите избирательных процессов",
        "Recommendations on protecting electoral processes",
        "political",
    ),
    (
        "Рекомендации о рисках оборота виртуальных активов",
        "Recommendations on the risks of virtual assets",
        "legal",
    ),
]
NOT_FOUND = (
    "Повестка и решения в найденных источниках не приведены.",
    "The agenda and decisions were not found in the sources.",
)
