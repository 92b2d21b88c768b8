"""The demo's programmes, budget and action plan (shared domain notes: forces-and-relations.md,
situation.md, procedures.md, world-2024.md). Stages, years, dates and who adopted what are as
published; amounts, shares, activities, deliveries, payments, tasks and indicators are the demo's and
marked as such (`demo`), because no source gives them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from concord.accounts.models import User
from concord.consultations.models import Consultation, Session
from concord.organization.models import Body, MemberState

from . import budgets, plans, services
from .models import ActionPlan, Activity, Budget, Currency, Programme
from .reference import CURRENCIES
from .services import FundingRow

FIVE = ("BY", "KZ", "KG", "RU", "TJ")
BORDER_TROOPS = ("Пограничные войска Республики Таджикистан", "Border Troops of Tajikistan")

STAGES = [  # number, name_ru, name_en, first and last year (as published)
    (
        1,
        "Оценка возможностей поставок, финансирования, заключение контрактов",
        "Assessment of supply capacity and funding; contracts",
        2025,
        2025,
    ),
    (
        2,
        "Поставки и развёртывание на отдельных заставах",
        "Deliveries and deployment at selected frontier posts",
        2026,
        2027,
    ),
    (3, "Оснащение всей границы", "The whole border equipped", 2027, 2029),
]

ACTIVITIES = [  # stage, kind, name_ru, name_en, planned, unit_ru, unit_en (demo)
    (
        1,
        "training",
        "Подготовка специалистов заказчика",
        "Training of the customer's specialists",
        60,
        "чел.",
        "persons",
    ),
    (
        2,
        "supply",
        "Технические средства наблюдения для отдельных застав",
        "Surveillance equipment for selected posts",
        40,
        "компл.",
        "sets",
    ),
    (2, "supply", "Бронированные машины", "Armoured vehicles", 20, "ед.", "units"),
    (
        2,
        "construction",
        "Инженерное оборудование отдельных застав",
        "Engineering works at selected posts",
        8,
        "застав",
        "posts",
    ),
    (
        2,
        "training",
        "Обучение работе с поставленной техникой",
        "Training on the delivered equipment",
        200,
        "чел.",
        "persons",
    ),
    (
        3,
        "supply",
        "Технические средства для всей границы",
        "Technical means for the whole border",
        150,
        "компл.",
        "sets",
    ),
    (
        3,
        "construction",
        "Оборудование застав по всей границе",
        "Posts along the whole border equipped",
        30,
        "застав",
        "posts",
    ),
]

DELIVERIES = [  # activity index, day, quantity, post, document (demo)
    (0, "2025-06-20", 30, "Душанбе", "Акт № 1/2025"),
    (0, "2025-11-14", 30, "Душанбе", "Акт № 2/2025"),
    (1, "2026-04-10", 12, "Застава «Ишкашим»", "Накладная № 14/2026"),
    (1, "2026-09-02", 10, "Застава «Пяндж»", "Накладная № 31/2026"),
    (2, "2026-07-15", 6, "Пограничный отряд «Хорог»", "Акт приёма-передачи № 7/2026"),
    (3, "2026-10-01", 2, "Застава «Шохин»", "Акт сдачи работ № 3/2026"),
    (4, "2026-05-20", 45, "Учебный центр, Душанбе", "Ведомость № 5/2026"),
]

FUNDING = {"RU": "50", "KZ": "20", "BY": "10", "KG": "10", "TJ": "10"}  # per cent (demo)
STAGE_AMOUNTS = {1: Decimal("300000000"), 2: Decimal("2400000000"), 3: Decimal("4800000000")}

BUDGET_ITEMS = [  # the 2024 budget's items (demo amounts, RUB)
    ("Содержание Секретариата", "Upkeep of the Secretariat", "420000000"),
    ("Содержание Объединённого штаба", "Upkeep of the Joint Staff", "310000000"),
    ("Кризисный центр", "Crisis Response Centre", "95000000"),
    ("Мероприятия и программы", "Events and programmes", "75000000"),
]
BUDGET_SHARES = {"RU": "50", "BY": "12.5", "KZ": "12.5", "KG": "12.5", "TJ": "12.5"}  # demo
PAYMENTS = [  # state, day, amount (demo)
    ("RU", "2024-06-14", "450000000"),
    ("KZ", "2024-06-28", "112500000"),
    ("BY", "2024-08-30", "112500000"),
    ("KG", "2024-10-10", "56250000"),
]


def _user(name: str) -> User:
    return User.objects.get(username=name)


def _decision(fragment: str) -> Consultation:
    return Consultation.objects.get(status="adopted", title_en__icontains=fragment)


def _states(*codes: str) -> list[MemberState]:
    return list(MemberState.objects.filter(iso2__in=codes).order_by("iso2"))


def seed(*, password: str) -> list[str]:
    for code, ru, en in CURRENCIES:  # reference data, emptied with the tables by browser tests
        Currency.objects.get_or_create(code=code, defaults={"name_ru": ru, "name_en": en})
    if Programme.objects.exists():
        return []
    secretariat = _user("secretariat")
    programme = _programme(secretariat)
    budget = _budget(secretariat)
    plan = _plan(secretariat)
    _priorities(_user("kz_rep"))
    return [
        f"Programmes: {programme.activities.count()} activities, {programme.deliveries.count()} "
        f"deliveries; budget {budget.year}; action plan with {plan.tasks.count()} tasks."
    ]


def _programme(secretariat: User) -> Programme:
    states = {s.iso2: s for s in MemberState.objects.all()}
    programme = services.create_programme(
        actor=secretariat,
        code="tajik-afghan-border",
        name_ru="Межгосударственная целевая программа укрепления таджикско-афганской границы",
        name_en="Target Intergovernmental Programme for strengthening the Tajik-Afghan border",
        coordinator=states["TJ"],
        currency_code="RUB",
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2029, 12, 31),
        change_route="decision",
        history_ru="Разработка поручена СКБ в Сочи 23 сентября 2013 года; внеочередная сессия СКБ "
        "23 августа 2021 года решила её ускорить; принята СКБ 28 ноября 2024 года в Астане на пять "
        "лет. Поставки вооружения, военной техники и технических средств Пограничным войскам "
        "Таджикистана. Национальные заказчики, суммы и доли не опубликованы (демо).",
        history_en="Ordered by the CSC in Sochi on 23 September 2013; the extraordinary CSC session "
        "of 23 August 2021 agreed to speed it up; adopted by the CSC on 28 November 2024 in Astana "
        "for five years. Supplies weapons, military equipment and technical means to Tajikistan's "
        "Border Troops. National customers, amounts and shares are not published (demo).",
        source="fergana.media 137466; tass.com/politics/1906035",
        demo=True,
    )
    stages = {
        n: services.add_stage(
            programme,
            actor=secretariat,
            number=n,
            name_ru=ru,
            name_en=en,
            first_year=a,
            last_year=b,
        )
        for n, ru, en, a, b in STAGES
    }
    for iso2 in FIVE:
        name = states[iso2]
        services.add_customer(
            programme,
            actor=secretariat,
            state=name,
            agency_ru=f"Национальный заказчик: {name.name_ru}",
            agency_en=f"National customer: {name.name_en}",
            demo=True,
        )
    activities = [
        services.add_activity(
            programme,
            actor=secretariat,
            stage=stages[n],
            kind=kind,
            name_ru=ru,
            name_en=en,
            recipient_ru=BORDER_TROOPS[0],
            recipient_en=BORDER_TROOPS[1],
            planned=planned,
            unit_ru=u_ru,
            unit_en=u_en,
            demo=True,
        )
        for n, kind, ru, en, planned, u_ru, u_en in ACTIVITIES
    ]
    for n, stage in stages.items():
        rows = [
            FundingRow(states[iso2], Decimal(share), STAGE_AMOUNTS[n] * Decimal(share) / 100)
            for iso2, share in FUNDING.items()
        ]
        services.set_funding(programme, stage, actor=secretariat, rows=rows, demo=True)
    programme = services.adopt_programme(
        programme, actor=secretariat, decision_id=_decision("Tajik-Afghan border").pk
    )
    _execution(programme, activities)
    return programme


def _execution(programme: Programme, activities: list[Activity]) -> None:
    tajik = _user("tj_rep")
    contract = services.record_contract(
        activities[1],
        actor=tajik,
        number="ЦМП-2025/01",
        supplier="Поставщик А (демо)",
        signed_on=dt.date(2025, 10, 1),
        amount=Decimal("640000000"),
        currency_code="RUB",
        document="Контракт № ЦМП-2025/01",
        demo=True,
    )
    services.record_contract(
        activities[2],
        actor=tajik,
        number="ЦМП-2025/02",
        supplier="Поставщик Б (демо)",
        signed_on=dt.date(2025, 11, 20),
        amount=Decimal("900000000"),
        currency_code="RUB",
        document="Контракт № ЦМП-2025/02",
        demo=True,
    )
    for index, day, quantity, post, document in DELIVERIES:
        activity = activities[index]
        services.record_delivery(
            programme,
            actor=tajik,
            stage=activity.stage,
            activity=activity,
            delivered_on=dt.date.fromisoformat(day),
            quantity=quantity,
            destination=post,
            document=document,
            contract=contract if index == 1 else None,
            demo=True,
        )


def _budget(secretariat: User) -> Budget:
    budget = budgets.create_budget(
        actor=secretariat, year=2024, currency_code="RUB", due_on=dt.date(2024, 6, 30), demo=True
    )
    for position, (ru, en, amount) in enumerate(BUDGET_ITEMS, start=1):
        budgets.save_item(
            budget,
            actor=secretariat,
            position=position,
            name_ru=ru,
            name_en=en,
            amount=Decimal(amount),
        )
    states = {s.iso2: s for s in MemberState.objects.all()}
    budgets.set_shares(
        budget,
        actor=secretariat,
        shares={states[iso2]: Decimal(share) for iso2, share in BUDGET_SHARES.items()},
    )
    budget = budgets.adopt_budget(
        budget, actor=secretariat, decision_id=_decision("budget of the Collective").pk
    )
    for iso2, day, amount in PAYMENTS:
        budgets.record_payment(
            budget,
            actor=secretariat,
            state=states[iso2],
            amount=Decimal(amount),
            currency_code="RUB",
            paid_on=dt.date.fromisoformat(day),
            reference=f"п/п {iso2}-{day}",
            demo=True,
        )
    return budget


TASKS = [  # text_ru, text_en, deadline, bodies, states, who reported done and when (demo)
    (
        "Определить национальных заказчиков Программы и сообщить о них в Секретариат.",
        "Designate the Programme's national customers and inform the Secretariat.",
        "2025-03-01",
        ["secretariat"],
        ["BY", "KZ", "KG", "RU", "TJ"],
        {
            "secretariat": "2025-03-05",
            "BY": "2025-02-10",
            "KZ": "2025-02-20",
            "RU": "2025-02-14",
            "TJ": "2025-01-30",
        },
    ),
    (
        "Провести оценку возможностей поставщиков и подготовить контракты первого этапа.",
        "Assess the suppliers' capacity and prepare the contracts of the first stage.",
        "2025-12-31",
        ["secretariat"],
        ["TJ"],
        {"secretariat": "2025-12-20", "TJ": "2025-12-15"},
    ),
    (
        "Перечислить средства на финансирование второго этапа Программы.",
        "Transfer the funding of the Programme's second stage.",
        "2026-06-30",
        ["secretariat"],
        ["BY", "KZ", "KG", "RU", "TJ"],
        {"RU": "2026-05-29", "BY": "2026-06-25", "TJ": "2026-06-10"},
    ),
    (
        "Подготовить доклад о ходе выполнения Программы к сессии СКБ 2026 года.",
        "Prepare a report on the Programme's progress for the 2026 CSC session.",
        "2026-11-15",
        ["secretariat", "joint-staff"],
        [],
        {"secretariat": "2026-11-10"},
    ),
    (
        "Обеспечить поставки и ввод в эксплуатацию техники на отдельных заставах.",
        "Deliver and commission the equipment at selected frontier posts.",
        "2027-12-31",
        ["joint-staff"],
        ["RU", "TJ"],
        {},
    ),
]


def _plan(secretariat: User) -> ActionPlan:
    csc = Session.objects.get(body__code="csc", date=dt.date(2024, 11, 28))
    plan = plans.draft_plan(
        actor=secretariat,
        session_id=csc.pk,
        title_ru="План мероприятий по реализации решений сессии СКБ 28 ноября 2024 года",
        title_en="Action plan implementing the decisions of the CSC session of 28 November 2024",
        dated=dt.date(2024, 12, 20),
        demo=True,
    )
    decision = _decision("Tajik-Afghan border")
    bodies = {b.code: b for b in Body.objects.all()}
    states = {s.iso2: s for s in MemberState.objects.all()}
    tasks = [
        plans.add_task(
            plan,
            actor=secretariat,
            decision_id=decision.pk,
            text_ru=ru,
            text_en=en,
            deadline=dt.date.fromisoformat(day),
            bodies=[bodies[b] for b in body_codes],
            states=[states[s] for s in state_codes],
            demo=True,
        )
        for ru, en, day, body_codes, state_codes, _done in TASKS
    ]
    plan = plans.approve_plan(plan, actor=_user("kz_rep"), on=dt.date(2025, 1, 15))
    reporters = {"secretariat": secretariat, "joint-staff": _user("staff")}
    for task, (*_rest, done) in zip(tasks, TASKS, strict=True):
        for part in task.assignments.select_related("state", "body"):
            key = part.state.iso2 if part.state else part.body.code if part.body else ""
            if key not in done:
                continue
            reporter = reporters.get(key) or _user(f"{key.lower()}_rep")
            plans.report_task(
                part,
                actor=reporter,
                text="Выполнено (демо).",
                done=True,
                now=dt.datetime.fromisoformat(done[key]).replace(hour=12, tzinfo=dt.UTC),
            )
    return plan


PRIORITIES = [  # goal ru/en, indicator ru/en, target, unit ru/en, values (demo, but the first's fact)
    (
        "Преемственность: довести до принятия программу укрепления таджикско-афганской границы",
        "Continuity: bring the Tajik-Afghan border programme to adoption",
        "Программа принята СКБ",
        "Programme adopted by the CSC",
        "1",
        "",
        "",
        [("2024-06-30", "0"), ("2024-11-28", "1")],
    ),
    (
        "Последовательность: выполнить перечень совместных заявлений на 2024 год",
        "Consistency: carry out the 2024 list of joint statements",
        "Принятые совместные заявления",
        "Joint statements adopted",
        "5",
        "шт.",
        "statements",
        [("2024-03-31", "0"), ("2024-06-30", "1"), ("2024-09-30", "1"), ("2024-12-31", "2")],
    ),
]


def _priorities(chair: User) -> None:
    for g_ru, g_en, i_ru, i_en, target, u_ru, u_en, values in PRIORITIES:
        priority = plans.add_priority(
            actor=chair, year=2024, title_ru=g_ru, title_en=g_en, demo=True
        )
        indicator = plans.add_indicator(
            priority,
            actor=chair,
            name_ru=i_ru,
            name_en=i_en,
            target=Decimal(target),
            unit_ru=u_ru,
            unit_en=u_en,
        )
        for day, value in values:
            plans.record_value(
                indicator, actor=chair, on=dt.date.fromisoformat(day), value=Decimal(value)
            )
