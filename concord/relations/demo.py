"""The demo of relations, through the services: partner organizations and the instruments signed
with them (registered in the agreements module and linked), General Assembly resolutions, the
Working Group on Afghanistan and its meetings as the sources give them, trilateral meetings of the
secretariats. What no source gives stays empty ("not found"); what is made up is marked demo."""

from __future__ import annotations

import datetime as dt

from concord.accounts.models import User
from concord.agreements import services as agreements
from concord.organization.models import Body, MemberState

from . import groupwork, services
from .demo_data import (
    AFGHAN_MEETINGS,
    CSTO_SITE,
    INSTRUMENTS,
    PARTNERS,
    RESOLUTIONS,
    SESSIONS,
)
from .models import AssemblySession, Meeting, Partner, WorkingGroup, WorkPlan
from .states import MeetingFormat, MeetingStatus

D = dt.date


def seed(*, password: str) -> list[str]:
    secretariat = User.objects.get(username="secretariat")
    notes = _work_plan(secretariat)
    if Partner.objects.exists():
        return notes
    partners = _partners(secretariat)
    _resolutions(secretariat)
    group = _afghanistan(secretariat, partners)
    _partner_meetings(secretariat, partners)
    notes = _work_plan(secretariat)
    return [
        *notes,
        f"Relations: {len(partners)} partners, {group.meetings.count()} meetings of the Working Group "
        f"on Afghanistan, {AssemblySession.objects.count()} General Assembly sessions.",
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
            deposits_recorded=False,
            published_source="en.odkb-csto.org; eng.sectsco.org",
            note_ru=f"Документ с организацией-партнёром ({_when_ru(signed, when)}); ратификация государствами не предусмотрена.",
            note_en=f"An instrument with a partner organization ({when}); not for ratification by the states.",
        )
        for code in codes:
            services.link_instrument(made[code], agreement.pk, actor=actor)
    return made


def _when_ru(signed: dt.date | None, when: str) -> str:
    """The Russian note's date: the signature day, or the month the sources give without a day."""
    if signed is not None:
        return signed.strftime("%d.%m.%Y")
    return WHEN_RU.get(when, when)


# Dates the sources give without a day, as the Russian note words them.
WHEN_RU = {"September 2016 (day not found)": "сентябрь 2016 г., день не установлен"}


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


def _work_plan(actor: User) -> list[str]:
    """The group's plan for the second half of 2026 (demo items, one still ahead of today, December
    2026) and a demo draft of its report to the council: no content is invented beyond the marks."""
    group = WorkingGroup.objects.filter(body__code="wg-afghanistan").first()
    if group is None or WorkPlan.objects.filter(group=group).exists():
        return []
    plan = groupwork.create_work_plan(group, actor=actor, year=2026, half=2, demo=True)
    items = [
        groupwork.add_plan_item(plan, actor=actor, text_ru=ru, text_en=en, due_on=day, demo=True)
        for ru, en, day in [
            (
                "Обзор обстановки в Афганистане (демонстрационный пункт)",
                "Review of the situation in Afghanistan (demo item)",
                D(2026, 9, 30),
            ),
            (
                "Доклад Совету министров иностранных дел за 2026 год (демонстрационный пункт)",
                "Report for 2026 to the Council of Foreign Ministers (demo item)",
                D(2026, 11, 30),
            ),
            (
                "Проект плана работы на первое полугодие 2027 года (демонстрационный пункт)",
                "Draft work plan for the first half of 2027 (demo item)",
                D(2026, 12, 16),
            ),
        ]
    ]
    groupwork.mark_item(items[0], actor=actor, status="done")
    groupwork.draft_report(
        group,
        actor=actor,
        period_from=D(2026, 1, 1),
        period_to=D(2026, 12, 31),
        text="Демонстрационный проект: текст доклада не подготовлен.",
        demo=True,
    )
    return ["Relations: a demo work plan of the Working Group on Afghanistan for 2026 (2nd half)."]
