"""Readiness in the demo: one questionnaire per kind of unit, modelled on NATO-style evaluation
programmes (manning, equipment, training, command and control, sustainment, interoperability, and
what the kind needs of its own), reviewed assessments of most units for 2023 and 2024, and two
open ones against the real clock: a Kazakh draft to fill in and submit (kz_rep, kz_coord) and a
Russian assessment waiting for the Joint Staff's review (staff).

The organization publishes neither its evaluation programmes nor any unit's score: the
questionnaires say "demo" in their names, and every assessment and score here is a demo figure.
"""

from __future__ import annotations

import datetime as dt
import random

from concord.accounts.models import User

from .. import readiness
from ..models import Assessment, Criterion, Questionnaire, Unit
from ..readiness import AnswerInput
from ..states import UnitKind

# text ru/en, evidence expected ru/en, highest score, weight
COMMON = [
    (
        "Укомплектованность личным составом",
        "Manning: personnel present against the establishment",
        "Штатно-должностная книга, списки личного состава на дату оценки",
        "Establishment table and nominal roll as of the day",
        4,
        2,
    ),
    (
        "Исправность вооружения и техники",
        "Equipment serviceability",
        "Акты технического состояния, доля исправной техники",
        "Technical inspection reports, share of serviceable equipment",
        4,
        2,
    ),
    (
        "Выполнение плана боевой (специальной) подготовки",
        "Training completed against the annual plan",
        "Отчёт о подготовке, итоги проверок и учений",
        "Training report, results of inspections and exercises",
        4,
        2,
    ),
    (
        "Управление и связь",
        "Command and control, communications",
        "Итоги командно-штабной тренировки, проверка связи с Объединённым штабом",
        "Command-post exercise results, communications check with the Joint Staff",
        4,
        1,
    ),
    (
        "Тыловое и техническое обеспечение",
        "Logistics sustainment for the period of autonomy",
        "Нормы запасов, расчёт автономности",
        "Stock levels, days of autonomy calculated",
        4,
        1,
    ),
    (
        "Оперативная совместимость",
        "Interoperability with the other contingents",
        "Участие в совместных учениях ОДКБ, совместимость связи и документов",
        "Part in joint CSTO exercises, compatible communications and procedures",
        4,
        1,
    ),
]

# what each kind needs of its own, on a 0–5 scale
SPECIFIC = {
    UnitKind.MILITARY: [
        (
            "Готовность к переброске в установленные сроки",
            "Deployability within the readiness category's time",
            "Расчёт переброски, проверка по тревоге",
            "Movement plan, no-notice readiness check",
            5,
            2,
        )
    ],
    UnitKind.POLICE: [
        (
            "Подготовка к охране общественного порядка и спецоперациям",
            "Public order and special operations training",
            "Зачёты, совместные тренировки с воинскими контингентами",
            "Qualification results, drills with military contingents",
            5,
            2,
        )
    ],
    UnitKind.SECURITY: [
        (
            "Готовность к антитеррористическим операциям",
            "Counter-terrorism readiness",
            "Итоги антитеррористических учений",
            "Results of counter-terrorism exercises",
            5,
            2,
        )
    ],
    UnitKind.EMERGENCY: [
        (
            "Аттестация спасателей и специальное оснащение",
            "Rescuer certification and specialist equipment",
            "Свидетельства об аттестации, табель оснащения",
            "Certification records, equipment tables",
            5,
            2,
        ),
        (
            "Радиационная, химическая и биологическая защита",
            "Chemical, biological and radiological protection",
            "Итоги учения «Барьер»",
            "Results of the Barrier exercise",
            4,
            1,
        ),
    ],
    UnitKind.PEACEKEEPING: [
        (
            "Подготовка по мандату и международному гуманитарному праву",
            "Training on the mandate and international humanitarian law",
            "Программа предмиссионной подготовки, итоги учения «Нерушимое братство»",
            "Pre-deployment programme, results of Indestructible Brotherhood",
            5,
            2,
        ),
        (
            "Взаимодействие с гражданским населением",
            "Civil-military cooperation",
            "Отчёты о занятиях по взаимодействию",
            "Reports of civil-military cooperation training",
            4,
            1,
        ),
    ],
    UnitKind.AVIATION: [
        (
            "Налёт и допуски экипажей",
            "Aircrew currency and flight hours",
            "Лётные книжки, плановая таблица налёта",
            "Logbooks, flying hours against plan",
            5,
            2,
        )
    ],
}

KIND_RU = {
    UnitKind.MILITARY: "воинских контингентов",
    UnitKind.POLICE: "формирований МВД",
    UnitKind.SECURITY: "формирований органов безопасности",
    UnitKind.EMERGENCY: "формирований МЧС",
    UnitKind.PEACEKEEPING: "миротворческих подразделений",
    UnitKind.AVIATION: "авиационных групп",
}
KIND_EN = {
    UnitKind.MILITARY: "military contingents",
    UnitKind.POLICE: "police formations",
    UnitKind.SECURITY: "security formations",
    UnitKind.EMERGENCY: "emergency formations",
    UnitKind.PEACEKEEPING: "peacekeeping units",
    UnitKind.AVIATION: "aviation groups",
}
YEARS = (dt.date(2023, 11, 15), dt.date(2024, 11, 15))


def questionnaires() -> int:
    for kind in UnitKind:
        q, _created = Questionnaire.objects.update_or_create(
            kind=kind,
            edition=1,
            defaults={
                "name_ru": f"Программа оценки готовности {KIND_RU[kind]} (демонстрационная)",
                "name_en": f"Readiness evaluation programme for {KIND_EN[kind]} (demo)",
                "active": True,
            },
        )
        for number, (t_ru, t_en, e_ru, e_en, top, weight) in enumerate(
            [*COMMON, *SPECIFIC[kind]], start=1
        ):
            Criterion.objects.update_or_create(
                questionnaire=q,
                number=number,
                defaults={
                    "text_ru": t_ru,
                    "text_en": t_en,
                    "evidence_ru": e_ru,
                    "evidence_en": e_en,
                    "max_score": top,
                    "weight": weight,
                },
            )
    return Questionnaire.objects.count()


def _answers(unit: Unit, as_of: dt.date, *, upto: int | None = None) -> list[AnswerInput]:
    """Demo scores, the same on every run: most units between half and full marks."""
    rng = random.Random(f"{unit.name_en}/{as_of.isoformat()}")  # noqa: S311 (demo figures)
    criteria = readiness.active_questionnaire(unit.kind).criteria.order_by("number")  # type: ignore[union-attr]
    return [
        AnswerInput(
            criterion=c.number,
            score=rng.randint(c.max_score // 2, c.max_score),
            evidence=f"Демонстрационные данные: проверка по состоянию на {as_of:%d.%m.%Y}",
        )
        for c in criteria[:upto]
    ]


def _user(iso2: str) -> User:
    return User.objects.get(username=f"{iso2.lower()}_rep")


def _assess(unit: Unit, as_of: dt.date, staff: User) -> None:
    rep = _user(unit.state.iso2)
    assessment = readiness.open_assessment(unit, actor=rep, as_of=as_of, demo=True)
    readiness.save_answers(assessment, _answers(unit, as_of), actor=rep)
    readiness.submit_assessment(assessment, actor=rep)
    readiness.review_assessment(assessment, actor=staff)


def seed() -> list[str]:
    made = questionnaires()
    if Assessment.objects.exists():
        return [f"forces: {made} questionnaires (demo), assessments kept"]
    staff = User.objects.get(username="staff")  # the Joint Staff reviews
    units = list(Unit.objects.select_related("state", "formation").order_by("pk"))
    for n, unit in enumerate(units):
        for as_of in YEARS:
            # Armenia froze its participation in 2023: no assessment of its units since (demo);
            # and a few units were not assessed in 2023 (demo).
            if (unit.state.iso2 == "AM" and as_of.year > 2023) or (
                as_of.year == 2023 and n % 7 == 6
            ):
                continue
            _assess(unit, as_of, staff)
    today = dt.date.today()
    kz = next(u for u in units if u.state.iso2 == "KZ" and u.kind == UnitKind.MILITARY)
    kz_rep = _user("KZ")
    draft = readiness.open_assessment(
        kz, actor=kz_rep, as_of=today - dt.timedelta(days=7), demo=True
    )
    readiness.save_answers(draft, _answers(kz, draft.as_of, upto=4), actor=kz_rep)
    ru = next(u for u in units if u.state.iso2 == "RU" and u.kind == UnitKind.POLICE)
    ru_rep = _user("RU")
    waiting = readiness.open_assessment(
        ru, actor=ru_rep, as_of=today - dt.timedelta(days=21), demo=True
    )
    readiness.save_answers(waiting, _answers(ru, waiting.as_of), actor=ru_rep)
    readiness.submit_assessment(waiting, actor=ru_rep)
    reviewed = Assessment.objects.filter(status="reviewed").count()
    return [
        f"forces: {made} questionnaires (demo), {reviewed} reviewed assessments (demo scores), "
        "a Kazakh draft for kz_rep and a Russian assessment awaiting the Joint Staff's review"
    ]
