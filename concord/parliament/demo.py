"""The Parliamentary Assembly as the sources give it (../shared/domain/parliament.md), through the
services. What the sources do not give is either left empty (the record says "not known") or made
up and marked demo. Idempotent: nothing is done once the Assembly's bodies exist."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from concord.accounts.models import User
from concord.agreements.models import ProcedureStep
from concord.organization.models import Body, MemberState

from . import ratification, records, services
from .demo_data import COMMISSIONS, NOT_FOUND, OFFICIAL, OTHERS, PARLIAMENTS, PRESS, XV_ITEMS
from .models import AssemblyBody, Parliament, Session
from .states import ActKind, BodyKind, Closeness, SeatRole


def seed(*, password: str) -> list[str]:
    if AssemblyBody.objects.exists():
        return []
    secretariat = User.objects.get(username="secretariat")
    parliaments = _parliaments(secretariat)
    bodies = _bodies(secretariat)
    _members(secretariat, parliaments, bodies)
    sessions = _sessions(secretariat, bodies)
    _acts(secretariat, bodies, sessions)
    _cooperation(secretariat)
    ratification.draft_report(actor=secretariat, as_of=timezone.localdate())
    return [
        f"Parliamentary Assembly: {len(bodies)} bodies, {len(parliaments)} national parliaments, "
        f"{len(sessions)} sessions, the 2021–2025 approximation programme."
    ]


def _parliaments(actor: User) -> dict[str, Parliament]:
    made = {}
    for iso2, ((ru, en), (note_ru, note_en), chambers) in PARLIAMENTS.items():
        state = MemberState.objects.get(iso2=iso2)
        made[iso2] = records.add_parliament(
            state,
            actor=actor,
            name_ru=ru,
            name_en=en,
            delegation_note_ru=note_ru,
            delegation_note_en=note_en,
            chambers=[
                (c_ru, c_en, ProcedureStep.objects.filter(state=state, position=p).first(), seats)
                for c_ru, c_en, p, seats in chambers
            ],
        )
    return made


def _bodies(actor: User) -> dict[str, AssemblyBody]:
    organ = Body.objects.filter(code="parliamentary-assembly").first()
    rows = [
        (
            "assembly",
            BodyKind.ASSEMBLY,
            "Парламентская ассамблея (пленарное заседание)",
            "Parliamentary Assembly (plenary)",
            "Принимает модельные законы и рекомендации; собирается не реже двух раз в год.",
            "Adopts model laws and recommendations; meets at least twice a year.",
        ),
        (
            "council",
            BodyKind.COUNCIL,
            "Совет Парламентской ассамблеи",
            "Council of the Parliamentary Assembly",
            "Руководители национальных делегаций.",
            "The heads of the national delegations.",
        ),
        *((code, BodyKind.COMMISSION, ru, en, "", "") for code, ru, en in COMMISSIONS),
        *((code, kind, ru, en, "", "") for code, kind, ru, en in OTHERS),
    ]
    made = {}
    for i, (code, kind, ru, en, c_ru, c_en) in enumerate(rows):
        made[code] = records.add_body(
            actor=actor,
            code=code,
            kind=kind,
            name_ru=ru,
            name_en=en,
            competence_ru=c_ru,
            competence_en=c_en,
            position=i,
            organ=organ if kind == BodyKind.ASSEMBLY else None,
            source=OFFICIAL,
        )
    return made


def _members(
    actor: User, parliaments: dict[str, Parliament], bodies: dict[str, AssemblyBody]
) -> None:
    ru, by, kz = parliaments["RU"], parliaments["BY"], parliaments["KZ"]
    volodin = services.add_member(
        ru,
        actor=actor,
        chamber=ru.chambers.get(position=0),
        name_ru="Володин Вячеслав Викторович",
        name_en="Vyacheslav Volodin",
        source=OFFICIAL,
    )
    services.add_seat(
        volodin,
        actor=actor,
        body=bodies["assembly"],
        role=SeatRole.CHAIR,
        since=dt.date(2024, 12, 9),
        source="duma.gov.ru (XVII plenary, 09.12.2024)",
    )
    kosygin = services.add_member(
        by,
        actor=actor,
        chamber=None,
        name_ru="Косыгин Руслан",
        name_en="Ruslan Kosygin",
        source=PRESS,
    )
    services.add_seat(kosygin, actor=actor, body=bodies["legal"], role=SeatRole.CHAIR, source=PRESS)
    demo_note = "demo: the persona's seat is made up"
    mp = services.add_member(
        kz,
        actor=actor,
        chamber=kz.chambers.get(position=0),
        user=User.objects.get(username="mp"),
        name_ru="Депутат Мажилиса (демонстрационный пример)",
        name_en="Deputy of the Mazhilis (demo example)",
        since=dt.date(2024, 1, 15),
        demo=True,
        source=demo_note,
    )
    services.add_seat(
        mp,
        actor=actor,
        body=bodies["defence"],
        role=SeatRole.MEMBER,
        since=dt.date(2024, 1, 15),
        demo=True,
    )
    mp_by = services.add_member(
        by,
        actor=actor,
        chamber=by.chambers.get(position=0),
        user=User.objects.get(username="mp_by"),
        name_ru="Депутат Палаты представителей (демонстрационный пример)",
        name_en="Deputy of the House of Representatives (demo example)",
        since=dt.date(2024, 3, 1),
        demo=True,
        source=demo_note,
    )
    services.add_seat(
        mp_by,
        actor=actor,
        body=bodies["legal"],
        role=SeatRole.MEMBER,
        since=dt.date(2024, 3, 1),
        demo=True,
    )
    for ru_name, en_name, year in [
        (
            "Народная скупщина Республики Сербия",
            "National Assembly of the Republic of Serbia",
            None,
        ),
        (
            "Нижняя палата парламента Афганистана",
            "Lower house of the Parliament of Afghanistan",
            None,
        ),
        (
            "Парламентское Собрание Союза Беларуси и России",
            "Parliamentary Assembly of the Union of Belarus and Russia",
            2013,
        ),
    ]:
        records.add_observer(
            actor=actor, name_ru=ru_name, name_en=en_name, since_year=year, source=PRESS
        )


def _sessions(actor: User, bodies: dict[str, AssemblyBody]) -> dict[str, Session]:
    plenary, council = bodies["assembly"], bodies["council"]
    moscow = ("Москва", "Moscow")
    made: dict[str, Session] = {}
    made["XV"] = services.hold_session(
        plenary,
        actor=actor,
        held_on=dt.date(2022, 12, 5),
        number=15,
        place_ru=moscow[0],
        place_en=moscow[1],
        items=[
            (ru, en, "Приняты рекомендации.", "Recommendations adopted.") for ru, en, _c in XV_ITEMS
        ],
        source=OFFICIAL,
    )
    made["XVI"] = services.hold_session(
        plenary,
        actor=actor,
        held_on=dt.date(2023, 12, 19),
        number=16,
        place_ru=moscow[0],
        place_en=moscow[1],
        note_ru="Делегация Армении не участвовала. " + NOT_FOUND[0],
        note_en="Armenia's delegation was absent. " + NOT_FOUND[1],
        source=PRESS,
    )
    made["XVII"] = services.hold_session(
        plenary,
        actor=actor,
        held_on=dt.date(2024, 12, 9),
        number=17,
        place_ru=moscow[0],
        place_en=moscow[1],
        items=[
            (
                "Избрание Председателя Парламентской ассамблеи",
                "Election of the Chair of the Assembly",
                "Председателем избран В. В. Володин.",
                "Vyacheslav Volodin elected Chair.",
            )
        ],
        source=PRESS,
    )
    made["XVIII"] = services.hold_session(
        plenary,
        actor=actor,
        held_on=dt.date(2025, 12, 8),
        number=18,
        note_ru="Место проведения в найденных источниках не указано. " + NOT_FOUND[0],
        note_en="The place was not found in the sources. " + NOT_FOUND[1],
        source=PRESS,
    )
    made["council-2024"] = services.hold_session(
        council,
        actor=actor,
        held_on=dt.date(2024, 6, 3),
        place_ru="Алматы",
        place_en="Almaty",
        note_ru=NOT_FOUND[0],
        note_en=NOT_FOUND[1],
        source=PRESS,
    )
    made["council-2025"] = services.hold_session(
        council,
        actor=actor,
        held_on=dt.date(2025, 5, 19),
        place_ru="Бишкек",
        place_en="Bishkek",
        note_ru=NOT_FOUND[0],
        note_en=NOT_FOUND[1],
        source=PRESS,
    )
    made["defence-demo"] = services.hold_session(
        bodies["defence"],
        actor=actor,
        held_on=dt.date(2024, 10, 15),
        items=[
            (
                "Проект модельного закона о противодействии кибератакам на критическую инфраструктуру (демонстрационный пример)",
                "Draft model law on countering cyberattacks on critical infrastructure (demo example)",
                "Одобрен для внесения в Ассамблею.",
                "Approved for the Assembly.",
            )
        ],
        note_ru="Демонстрационный пример.",
        note_en="Demo example.",
        demo=True,
    )
    return made


def _units(ru: str, en: str, clauses: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    units = [("title", ru, en), ("article", "Предмет регулирования", "Subject matter")]
    return units + [("paragraph", c_ru, c_en) for c_ru, c_en in clauses]


def _acts(actor: User, bodies: dict[str, AssemblyBody], sessions: dict[str, Session]) -> None:
    xv, xvii = sessions["XV"], sessions["XVII"]
    programme = records.add_programme(
        actor=actor,
        name_ru="Программа сближения законодательства государств-членов на 2021–2025 годы",
        name_en="Programme of approximation of the member states' legislation for 2021–2025",
        first_year=2021,
        last_year=2025,
        planned=29,
        published_total=35,
        published_note_ru="Проект программы включал 29 модельных актов; по итогам выполнения принято 35 модельных актов и рекомендаций. Правовая база Ассамблеи — 104 документа (17 модельных законов и соглашений, 87 рекомендаций и иных актов).",
        published_note_en="The draft programme had 29 model acts; it was reported complete with 35 model acts and recommendations adopted. The Assembly's legal base counts 104 documents (17 model laws and agreements, 87 recommendations and other acts).",
        source=OFFICIAL,
    )
    programme_next = records.add_programme(
        actor=actor,
        name_ru="Программа сближения законодательства на 2026–2030 годы",
        name_en="Programme of approximation of legislation for 2026–2030",
        first_year=2026,
        last_year=2030,
        published_note_ru="Более 60 пунктов.",
        published_note_en="Over 60 items.",
        source=PRESS,
    )
    for ru, en, commission in XV_ITEMS:
        act = services.draft_act(
            actor=actor,
            kind=ActKind.RECOMMENDATION,
            commission=bodies[commission],
            units=[
                ("title", ru, en),
                (
                    "paragraph",
                    "Текст в найденных источниках не приведён.",
                    "The text was not found in the sources.",
                ),
            ],
            marking="public",
            source=OFFICIAL,
            commission_stated=False,
        )
        services.examine_act(act, actor=actor, on=None)
        services.adopt_act(act, actor=actor, session=xv)
        records.add_item(
            programme, actor=actor, title_ru=ru, title_en=en, year=2022, act=act, source=OFFICIAL
        )
    cyber = services.draft_act(
        actor=actor,
        kind=ActKind.MODEL_LAW,
        commission=bodies["defence"],
        units=_units(
            "Модельный закон о противодействии кибератакам на критическую инфраструктуру (демонстрационный пример)",
            "Model law on countering cyberattacks on critical infrastructure (demo example)",
            [
                (
                    "Настоящий Закон определяет меры защиты объектов критической информационной инфраструктуры.",
                    "This Law sets the measures protecting critical information infrastructure.",
                ),
                (
                    "Государства уведомляют друг друга о компьютерных атаках в течение 24 часов.",
                    "States notify one another of computer attacks within 24 hours.",
                ),
            ],
        ),
        marking="public",
        demo=True,
    )
    services.examine_act(
        cyber, actor=actor, on=dt.date(2024, 10, 15), session=sessions["defence-demo"]
    )
    services.adopt_act(cyber, actor=actor, session=xvii)
    records.add_item(
        programme,
        actor=actor,
        title_ru=cyber.title_ru,
        title_en=cyber.title_en,
        year=2024,
        act=cyber,
        demo=True,
    )
    states = {s.iso2: s for s in MemberState.objects.all()}
    for iso2, law_ru, law_en, day, closeness in [
        (
            "KZ",
            "Закон о защите критической инфраструктуры (демо)",
            "Law on protecting critical infrastructure (demo)",
            dt.date(2025, 6, 20),
            Closeness.FULL,
        ),
        (
            "BY",
            "Изменения в Закон об информационной безопасности (демо)",
            "Amendments to the Law on information security (demo)",
            dt.date(2025, 11, 3),
            Closeness.PARTIAL,
        ),
        (
            "KG",
            "Закон о кибербезопасности (демо)",
            "Law on cybersecurity (demo)",
            None,
            Closeness.TAKEN_INTO_ACCOUNT,
        ),
    ]:
        services.record_harmonisation(
            cyber,
            actor=actor,
            state=states[iso2],
            law_ru=law_ru,
            law_en=law_en,
            adopted_on=day,
            reference="",
            closeness=closeness,
            demo=True,
        )
    draft = services.draft_act(
        actor=actor,
        kind=ActKind.MODEL_LAW,
        commission=bodies["legal"],
        units=_units(
            "Модельный закон о цифровых доказательствах (демонстрационный пример)",
            "Model law on digital evidence (demo example)",
            [
                (
                    "Цифровое доказательство допускается, если сохранена его целостность.",
                    "Digital evidence is admissible where its integrity is preserved.",
                )
            ],
        ),
        marking="official",
        demo=True,
    )
    records.add_item(
        programme_next,
        actor=actor,
        title_ru=draft.title_ru,
        title_en=draft.title_en,
        year=2026,
        act=draft,
        demo=True,
    )


def _cooperation(actor: User) -> None:
    records.add_joint_plan(
        actor=actor,
        year=2026,
        title_ru="План совместной работы Парламентской ассамблеи и Секретариата на 2026 год (демонстрационный пример)",
        title_en="Plan of joint work of the Assembly and the Secretariat for 2026 (demo example)",
        items_ru="Обзор хода ратификации к сессии Совета\nЭкспертиза проектов модельных законов по безопасности",
        items_en="Review of ratification before the Council's session\nExpert review of draft model laws on security",
        demo=True,
    )
    mp = User.objects.get(username="mp")
    services.ask_request(
        actor=mp,
        question="Какие соглашения, подписанные в 2025 году, ещё не внесены в Мажилис? (демо)",
    )
