"""The demo of relations, through the services: partner organizations and the instruments signed
with them (registered in the agreements module and linked), General Assembly resolutions, the
Working Group on Afghanistan and its meetings as the sources give them, trilateral meetings of the
secretariats. What no source gives stays empty ("not found"); what is made up is marked demo."""

from __future__ import annotations

import datetime as dt
from typing import Any

from concord.accounts.models import User
from concord.agreements import services as agreements
from concord.organization.models import Body, MemberState

from . import services
from .models import AssemblySession, Meeting, Partner, WorkingGroup
from .states import MeetingFormat, MeetingStatus, PartnerKind

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


def seed(*, password: str) -> list[str]:
    if Partner.objects.exists():
        return []
    secretariat = User.objects.get(username="secretariat")
    partners = _partners(secretariat)
    _resolutions(secretariat)
    group = _afghanistan(secretariat, partners)
    _partner_meetings(secretariat, partners)
    return [
        f"Relations: {len(partners)} partners, {group.meetings.count()} meetings of the Working Group "
        f"on Afghanistan, {AssemblySession.objects.count()} General Assembly sessions."
    ]


def _partners(actor: User) -> dict[str, Partner]:
    made: dict[str, Partner] = {}
    for position, (code, n_ru, n_en, s_ru, s_en, kind, parent, site) in enumerate(PARTNERS):
        made[code] = services.create_partner(
            actor=actor,
            code=code,
            name_ru=n_ru,
            name_en=n_en,
            short_ru=s_ru,
            short_en=s_en,
            kind=kind,
            parent=made.get(parent),
            website=site,
            position=position,
            source=CSTO_SITE,
        )
    for codes, t_ru, t_en, signed, p_ru, p_en, when in INSTRUMENTS:
        agreement = agreements.create_agreement(
            actor=actor,
            kind="agreement",
            title_ru=t_ru,
            title_en=t_en,
            signed_on=signed,
            place_ru=p_ru,
            place_en=p_en,
            rule=None,
            signatories_recorded=False,
            published_source="en.odkb-csto.org; eng.sectsco.org",
            note_ru=f"Документ с организацией-партнёром ({when}); ратификация государствами не предусмотрена.",
            note_en=f"An instrument with a partner organization ({when}); not for ratification by the states.",
        )
        for code in codes:
            services.link_instrument(made[code], agreement.pk, actor=actor)
    return made


def _resolutions(actor: User) -> None:
    sessions = {
        n: services.record_session(
            actor=actor,
            number=n,
            opened_on=opened,
            membership=members,
            source="un.org/en/about-us/member-states",
        )
        for n, opened, members in SESSIONS
    }
    for item in RESOLUTIONS:
        fields = dict(item)
        services.record_resolution(actor=actor, session=sessions[fields.pop("session")], **fields)


def _afghanistan(actor: User, partners: dict[str, Partner]) -> WorkingGroup:
    group = services.create_group(
        Body.objects.get(code="wg-afghanistan"),
        actor=actor,
        created_on=D(2005, 6, 23),
        source=CSTO_SITE,
    )
    for code in ("wg-information", "wg-terrorism"):
        body = Body.objects.filter(code=code).first()
        if body is not None:
            services.create_group(body, actor=actor)
    for state in MemberState.objects.order_by("name_ru"):
        services.add_member(
            group,
            state,
            actor=actor,
            role_ru="представитель министерства иностранных дел",
            role_en="representative of the ministry of foreign affairs",
            demo=True,
        )
    for number, day, approx, p_ru, p_en, guests in AFGHAN_MEETINGS:
        meeting = services.create_meeting(
            actor=actor,
            group=group,
            number=number,
            starts_on=day,
            ends_on=day,
            date_approximate=approx,
            place_ru=p_ru,
            place_en=p_en,
            title_ru=f"{number}-е заседание Рабочей группы по Афганистану",
            title_en=f"{number}th meeting of the Working Group on Afghanistan",
            participants_ru="заместители Генерального секретаря ОДКБ",
            participants_en="deputy Secretaries General of the CSTO",
            guests_ru=guests[0] if guests else "",
            guests_en=guests[1] if guests else "",
            partners=[partners[c] for c in guests[2]] if guests else [],
            marking="public",
            source=CSTO_SITE,
        )
        services.hold_meeting(meeting, actor=actor)
    planned = services.create_meeting(
        actor=actor,
        group=group,
        starts_on=D(2026, 12, 16),
        ends_on=D(2026, 12, 16),
        title_ru="Заседание Рабочей группы по Афганистану (демонстрационное)",
        title_en="Meeting of the Working Group on Afghanistan (demo)",
        place_ru="Москва",
        place_en="Moscow",
        format=MeetingFormat.HYBRID,
        agenda_ru="1. Обстановка в Афганистане и на таджикско-афганской границе.\n2. План работы на первое полугодие 2027 года.",
        agenda_en="1. The situation in Afghanistan and on the Tajik–Afghan border.\n2. The work plan for the first half of 2027.",
        marking="official",
        demo=True,
    )
    assert planned.status == MeetingStatus.PLANNED
    return group


def _partner_meetings(actor: User, partners: dict[str, Partner]) -> None:
    for day, t_ru, t_en, codes, p_ru, p_en, agenda in [
        (
            D(2022, 5, 18),
            "Встреча генеральных секретарей ОДКБ и ШОС",
            "Meeting of the CSTO and SCO Secretaries General",
            ["sco"],
            "",
            "",
            "",
        ),
        (
            D(2022, 9, 15),
            "Встреча генеральных секретарей ОДКБ и ШОС",
            "Meeting of the CSTO and SCO Secretaries General",
            ["sco"],
            "",
            "",
            "",
        ),
        (
            D(2025, 9, 3),
            "13-я встреча руководителей секретариатов ОДКБ, СНГ и ШОС",
            "13th meeting of the heads of the CSTO, CIS and SCO secretariats",
            ["cis", "sco"],
            "Пекин",
            "Beijing",
            "Дорожная карта на 2026–2028 годы (подписана).",
        ),
    ]:
        meeting = services.create_meeting(
            actor=actor,
            starts_on=day,
            ends_on=day,
            title_ru=t_ru,
            title_en=t_en,
            partners=[partners[c] for c in codes],
            place_ru=p_ru,
            place_en=p_en,
            decisions_ru=agenda,
            decisions_en="Roadmap 2026–2028 signed." if agenda else "",
            marking="public",
            source="eng.sectsco.org; kt.kz",
        )
        services.hold_meeting(meeting, actor=actor)
    restricted = services.create_meeting(
        actor=actor,
        starts_on=D(2026, 12, 10),
        ends_on=D(2026, 12, 11),
        title_ru="Консультации секретариатов с КТУ ООН (демонстрационные)",
        title_en="Consultations of the secretariats with UNOCT (demo)",
        partners=[partners["unoct"]],
        marking="restricted",
        demo=True,
        format=MeetingFormat.VIDEO,
    )
    services.add_follow_up(
        restricted,
        actor=actor,
        text_ru="Подготовить проект плана совместных мероприятий на 2027 год.",
        text_en="Prepare a draft plan of joint events for 2027.",
        due_on=D(2027, 2, 1),
    )
    assert Meeting.objects.filter(demo=True).count() == 2
