"""The facts the relations demo is built from, each with its source; a detail no source gives is
left empty (or said "not found")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .states import PartnerKind

D = dt.date
CSTO_SITE = "en.odkb-csto.org"

# code, name ru, name en, short ru, short en, kind, parent, website
PARTNERS: list[tuple[str, str, str, str, str, str, str, str]] = [
    (
        "un",
        "Организация Объединённых Наций",
        "United Nations",
        "ООН",
        "UN",
        PartnerKind.UNIVERSAL,
        "",
        "https://www.un.org",
    ),
    (
        "unodc",
        "Управление ООН по наркотикам и преступности",
        "United Nations Office on Drugs and Crime",
        "УНП ООН",
        "UNODC",
        PartnerKind.UN_OFFICE,
        "un",
        "https://www.unodc.org",
    ),
    (
        "un-dpo",
        "Департамент операций по поддержанию мира ООН",
        "UN Department of Peace Operations (formerly DPKO)",
        "ДОМ ООН",
        "DPO",
        PartnerKind.UN_OFFICE,
        "un",
        "",
    ),
    (
        "un-cted",
        "Исполнительный директорат Контртеррористического комитета СБ ООН",
        "Counter-Terrorism Committee Executive Directorate",
        "ИДКТК",
        "CTED",
        PartnerKind.UN_OFFICE,
        "un",
        "",
    ),
    (
        "unoct",
        "Контртеррористическое управление ООН",
        "United Nations Office of Counter-Terrorism",
        "КТУ ООН",
        "UNOCT",
        PartnerKind.UN_OFFICE,
        "un",
        "",
    ),
    (
        "unhcr",
        "Управление Верховного комиссара ООН по делам беженцев",
        "Office of the UN High Commissioner for Refugees",
        "УВКБ ООН",
        "UNHCR",
        PartnerKind.UN_OFFICE,
        "un",
        "",
    ),
    (
        "unrcca",
        "Региональный центр ООН по превентивной дипломатии для Центральной Азии",
        "UN Regional Centre for Preventive Diplomacy for Central Asia",
        "РЦПДЦА",
        "UNRCCA",
        PartnerKind.UN_OFFICE,
        "un",
        "",
    ),
    (
        "cis",
        "Содружество Независимых Государств",
        "Commonwealth of Independent States",
        "СНГ",
        "CIS",
        PartnerKind.REGIONAL,
        "",
        "",
    ),
    (
        "cis-atc",
        "Антитеррористический центр СНГ",
        "CIS Anti-Terrorism Centre",
        "АТЦ СНГ",
        "CIS ATC",
        PartnerKind.BODY,
        "cis",
        "",
    ),
    (
        "cis-border",
        "Координационная служба Совета командующих Пограничными войсками СНГ",
        "Coordination Service of the CIS Council of Border Troops Commanders",
        "КС СКПВ",
        "CIS border guards' service",
        PartnerKind.BODY,
        "cis",
        "",
    ),
    (
        "sco",
        "Шанхайская организация сотрудничества",
        "Shanghai Cooperation Organisation",
        "ШОС",
        "SCO",
        PartnerKind.REGIONAL,
        "",
        "https://eng.sectsco.org",
    ),
    (
        "sco-rats",
        "Региональная антитеррористическая структура ШОС",
        "SCO Regional Anti-Terrorist Structure",
        "РАТС ШОС",
        "SCO RATS",
        PartnerKind.BODY,
        "sco",
        "",
    ),
    (
        "caricc",
        "Центральноазиатский региональный информационный координационный центр",
        "Central Asian Regional Information and Coordination Centre",
        "ЦАРИКЦ",
        "CARICC",
        PartnerKind.OTHER,
        "",
        "",
    ),
    (
        "icrc",
        "Международный комитет Красного Креста",
        "International Committee of the Red Cross",
        "МККК",
        "ICRC",
        PartnerKind.OTHER,
        "",
        "",
    ),
]

# partners, title ru, title en, signed on (None: the day is not found), place ru, place en, note
INSTRUMENTS: list[tuple[list[str], str, str, dt.date | None, str, str, str]] = [
    (
        ["unodc"],
        "Меморандум о взаимопонимании между Секретариатом ОДКБ и УНП ООН",
        "Memorandum of understanding between the CSTO Secretariat and UNODC",
        D(2006, 4, 5),
        "",
        "",
        "5 Apr 2006",
    ),
    (
        ["sco"],
        "Меморандум о взаимопонимании между Секретариатом ОДКБ и Секретариатом ШОС",
        "Memorandum of understanding between the CSTO Secretariat and the SCO Secretariat",
        D(2007, 10, 5),
        "Душанбе",
        "Dushanbe",
        "5 Oct 2007",
    ),
    (
        ["un"],
        "Совместная декларация о сотрудничестве между секретариатами ООН и ОДКБ",
        "Joint declaration on cooperation between the UN and CSTO secretariats",
        D(2010, 3, 18),
        "Москва",
        "Moscow",
        "18 Mar 2010",
    ),
    (
        ["sco-rats"],
        "Протокол о сотрудничестве между Секретариатом ОДКБ и РАТС ШОС",
        "Protocol on cooperation between the CSTO Secretariat and the SCO RATS",
        D(2011, 6, 14),
        "",
        "",
        "14 Jun 2011",
    ),
    (
        ["un-dpo"],
        "Меморандум о взаимопонимании между Секретариатом ОДКБ и ДОПМ ООН",
        "Memorandum of understanding between the CSTO Secretariat and the UN DPKO",
        D(2012, 9, 28),
        "",
        "",
        "28 Sep 2012",
    ),
    (
        ["un-cted"],
        "Меморандум о взаимопонимании между Секретариатом ОДКБ и ИДКТК",
        "Memorandum of understanding between the CSTO Secretariat and CTED",
        None,
        "",
        "",
        "September 2016 (day not found)",
    ),
    (
        ["sco-rats", "cis-atc"],
        "Меморандум о взаимопонимании между Секретариатом ОДКБ, РАТС ШОС и АТЦ СНГ",
        "Memorandum of understanding between the CSTO Secretariat, the SCO RATS and the CIS ATC",
        D(2018, 5, 28),
        "",
        "",
        "28 May 2018",
    ),
    (
        ["unoct"],
        "Меморандум о взаимопонимании между Секретариатом ОДКБ и КТУ ООН",
        "Memorandum of understanding between the CSTO Secretariat and UNOCT",
        D(2018, 11, 9),
        "",
        "",
        "9 Nov 2018",
    ),
]

SOURCE_UN = "en.odkb-csto.org; press.un.org (GA/12474); menafn.com 1108901627"
SESSIONS = [
    (59, D(2004, 9, 14), 191),
    (64, D(2009, 9, 15), 192),
    (71, D(2016, 9, 13), 193),
    (77, D(2022, 9, 13), 193),
    (79, D(2024, 9, 10), 193),
]
AGAINST_79_RU = "Украина, Латвия, Литва, Молдова, Папуа — Новая Гвинея, Польша, Румыния, Эстония"
AGAINST_79_EN = "Estonia, Latvia, Lithuania, Moldova, Papua New Guinea, Poland, Romania, Ukraine"

RESOLUTIONS: list[dict[str, Any]] = [
    {
        "session": 59,
        "number": "59/50",
        "adopted_on": D(2004, 12, 2),
        "vote": "unknown",
        "title_ru": "Предоставление Организации Договора о коллективной безопасности статуса наблюдателя в Генеральной Ассамблее",
        "title_en": "Observer status for the Collective Security Treaty Organization in the General Assembly",
        "source": CSTO_SITE,
    },
    {
        "session": 64,
        "adopted_on": D(2010, 3, 2),
        "vote": "unknown",
        "title_ru": "Сотрудничество между Организацией Объединённых Наций и Организацией Договора о коллективной безопасности",
        "title_en": "Cooperation between the United Nations and the Collective Security Treaty Organization",
        "source": CSTO_SITE,
    },
    {
        "session": 71,
        "date_note_ru": "ноябрь 2016 года",
        "date_note_en": "November 2016",
        "vote": "consensus",
        "title_ru": "Сотрудничество между Организацией Объединённых Наций и Организацией Договора о коллективной безопасности",
        "title_en": "Cooperation between the United Nations and the Collective Security Treaty Organization",
        "source": CSTO_SITE,
    },
    {
        "session": 77,
        "adopted_on": D(2022, 11, 21),
        "vote": "recorded",
        "title_ru": "Сотрудничество между Организацией Объединённых Наций и Организацией Договора о коллективной безопасности",
        "title_en": "Cooperation between the United Nations and the Collective Security Treaty Organization",
        "follow_up_ru": "Число голосов не найдено в источниках.",
        "follow_up_en": "The counts were not found in the sources.",
        "source": CSTO_SITE,
    },
    {
        "session": 79,
        "adopted_on": D(2024, 11, 18),
        "vote": "recorded",
        "in_favour": 67,
        "against": 8,
        "abstaining": 69,
        "against_names_ru": AGAINST_79_RU,
        "against_names_en": AGAINST_79_EN,
        "title_ru": "Сотрудничество между Организацией Объединённых Наций и Организацией Договора о коллективной безопасности",
        "title_en": "Cooperation between the United Nations and the Collective Security Treaty Organization",
        "source": SOURCE_UN,
    },
]

GUESTS_37 = (
    "временный поверенный в делах Афганистана в Москве, РЦПДЦА, АТЦ СНГ, КС СКПВ СНГ, МККК",
    "Afghanistan's chargé d'affaires in Moscow, UNRCCA, CIS ATC, the CIS border guards' coordination service, ICRC",
    ["unrcca", "cis-atc", "cis-border", "icrc"],
)
GUESTS_40 = (
    "КТУ ООН, РЦПДЦА, АТЦ СНГ, КС СКПВ СНГ, РАТС ШОС, МККК",
    "UNOCT, UNRCCA, CIS ATC, the CIS border guards' coordination service, SCO RATS, ICRC",
    ["unoct", "unrcca", "cis-atc", "cis-border", "sco-rats", "icrc"],
)
# number, date, approximate, place ru/en, guests (ru, en, partners)
AFGHAN_MEETINGS: list[tuple[int, dt.date, bool, str, str, tuple[str, str, list[str]] | None]] = [
    (35, D(2022, 4, 1), False, "", "", None),
    (36, D(2022, 12, 9), True, "", "", None),
    (37, D(2023, 4, 27), False, "", "", GUESTS_37),
    (38, D(2023, 12, 7), False, "Москва", "Moscow", ("РАТС ШОС", "SCO RATS", ["sco-rats"])),
    (40, D(2024, 12, 11), False, "", "", GUESTS_40),
    (42, D(2025, 12, 3), False, "", "", None),
]
