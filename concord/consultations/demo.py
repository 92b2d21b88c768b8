"""Consultations of the 2024 demo world (world-2024.md, procedures.md): routes and rules as data,
the five draft statements at different tiers, the 2024 budget in limited format, the Tajik-Afghan
border programme through the Astana sessions, and a Secretary General appointed unanimously."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from concord.accounts.models import User
from concord.documents import services as documents
from concord.documents.models import Document
from concord.organization.models import Body, MemberState

from . import closing, services, sessions
from .models import (
    Consultation,
    DecisionRule,
    NonWorkingDay,
    ProcedureTerm,
    Route,
    RouteStep,
    Session,
    Stage,
)
from .rules import ConsentMode, Rule, TermUnit
from .states import QuestionKind, StageMode

ROUTES = {
    # code: (name_ru, name_en, bodies in order)
    "decision": (
        "Решение СКБ",
        "Decision of the CSC",
        ["permanent-council", "joint-ministerial", "csc"],
    ),
    "statement-cfm": (
        "Совместное заявление (СМИД)",
        "Joint statement (CFM)",
        ["permanent-council", "cfm"],
    ),
    "statement-wg": (
        "Совместное заявление через рабочую группу",
        "Joint statement through a working group",
        ["wg-information", "permanent-council", "cfm"],
    ),
    "budget": ("Бюджет", "Budget", ["permanent-council", "csc"]),
    "appointment": (
        "Назначение Генерального секретаря",
        "Appointment of the Secretary General",
        ["cfm", "csc"],
    ),
    "emergency": ("Экстренная консультация", "Emergency consultation", ["csc"]),
    "annual-list": (
        "Ежегодный перечень совместных заявлений",
        "Annual list of joint statements",
        ["permanent-council"],
    ),
}

TERMS = [  # (route code or None, kind, amount, unit): how long written procedures run
    (None, "", 10, TermUnit.WORKING_DAYS),  # procedures.md's default for statements and decisions
    ("emergency", "", 24, TermUnit.HOURS),  # crisis decisions: about a day, around the clock
]

# Days of the Permanent Council's 2024 sessions for the demo: the sources give none of them.
PC_2024 = [
    "2024-01-25",
    "2024-04-10",
    "2024-04-20",
    "2024-05-06",
    "2024-05-20",
    "2024-06-05",
    "2024-10-15",
]

RULES: list[tuple[str | None, str, str]] = [  # (body code or None, kind, rule)
    (None, QuestionKind.JOINT_STATEMENT, Rule.ALL_PARTICIPATING),
    (None, QuestionKind.PROCEDURAL, Rule.MAJORITY),
    (None, QuestionKind.APPOINTMENT, Rule.UNANIMITY),
]

NON_WORKING_DAYS = [  # a calendar for the demo; the real one is the Secretariat's to keep
    ("2026-12-31", "Канун Нового года", "New Year's Eve"),
    ("2027-01-01", "Новый год", "New Year"),
    ("2027-01-02", "Новогодние каникулы", "New Year holidays"),
    ("2027-01-07", "Рождество", "Orthodox Christmas"),
    ("2027-03-08", "Международный женский день", "International Women's Day"),
    ("2027-05-01", "Праздник труда", "Labour Day"),
    ("2027-05-09", "День Победы", "Victory Day"),
]


def _at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=dt.UTC)


def _rep(iso2: str) -> User:
    return User.objects.get(username=f"{iso2.lower()}_rep")


def _statement(fragment: str) -> Document:
    return Document.objects.get(kind="joint_statement", title_en__icontains=fragment)


def _positions(stage: Stage, stances: dict[str, tuple[Any, ...]], when: dt.datetime) -> None:
    for iso2, (stance, statement, *clauses) in stances.items():
        services.record_position(
            stage,
            actor=_rep(iso2),
            stance=stance,
            statement=statement,
            clauses=clauses[0] if clauses else (),
            version_id=stage.version_id,
            now=when,
        )


JOIN = ("join", "")
FIVE = {iso2: JOIN for iso2 in ("BY", "KZ", "KG", "RU", "TJ")}


def _through(consultation: Consultation, editor: User, steps: list[dict[str, Any]]) -> None:
    """Run a consultation through its stages: each step opens a stage, records positions, and closes it
    (unless it is the last step and `close` is False)."""
    for step in steps:
        stage = services.open_stage(
            consultation,
            actor=editor,
            now=step["opened"],
            mode=step.get("mode", StageMode.SESSION),
            consent=step.get("consent", ConsentMode.SESSION),
            term=(step["days"], TermUnit.WORKING_DAYS) if "days" in step else None,
            session=step.get("session"),
        )
        pc_session = _pc_session(stage)
        if pc_session is not None:
            sessions.put_on_agenda(stage, actor=editor, session=pc_session)
        _positions(stage, step.get("positions", {}), step["opened"] + dt.timedelta(hours=1))
        if step.get("close", True):
            stage = closing.close_stage(
                stage, actor=editor, now=step.get("closed", step["opened"] + dt.timedelta(hours=2))
            )
        for iso2, day in step.get("signatures", {}).items():
            services.sign_decision(stage, actor=_rep(iso2), on=dt.date.fromisoformat(day))


def _session(
    editor: User,
    body: str,
    day: str,
    venue: tuple[str, str],
    present: list[str],
    kind: str = "regular",
) -> Any:
    return sessions.create_session(
        actor=editor,
        body=Body.objects.get(code=body),
        date=dt.date.fromisoformat(day),
        kind=kind,
        venue_ru=venue[0],
        venue_en=venue[1],
        participants=list(MemberState.objects.filter(iso2__in=present)),
    )


def _pc_session(stage: Stage) -> Session | None:
    """A stage opened at a session of its body on one of the demo's session days (the Permanent
    Council's) goes on that agenda."""
    if stage.session_id or stage.mode != StageMode.SESSION:
        return None
    return Session.objects.filter(body=stage.body, date=stage.opened_at.date()).first()


def _small_document(
    editor: User, title: tuple[str, str], paragraphs: list[tuple[str, str]]
) -> Document:
    units = [("title", *title)] + [("paragraph", ru, en) for ru, en in paragraphs]
    return documents.create_document(
        actor=editor, kind="draft_decision", units=units, marking="official"
    )


def _reference() -> dict[str, Route]:
    """Routes, decision rules, terms of written procedures and the calendar: data, not code."""
    for code, (ru, en, bodies) in ROUTES.items():
        route, _ = Route.objects.get_or_create(code=code, defaults={"name_ru": ru, "name_en": en})
        for i, body in enumerate(bodies):
            RouteStep.objects.get_or_create(
                route=route, position=i, defaults={"body": Body.objects.get(code=body)}
            )
    for body_code, kind, rule in RULES:
        DecisionRule.objects.get_or_create(
            body=Body.objects.get(code=body_code) if body_code else None,
            kind=kind,
            defaults={"rule": rule},
        )
    for route_code, kind, amount, unit in TERMS:
        ProcedureTerm.objects.get_or_create(
            route=Route.objects.get(code=route_code) if route_code else None,
            kind=kind,
            defaults={"amount": amount, "unit": unit},
        )
    for day, ru, en in NON_WORKING_DAYS:
        NonWorkingDay.objects.get_or_create(
            date=dt.date.fromisoformat(day), defaults={"name_ru": ru, "name_en": en}
        )
    for day in PC_2024:
        session = _session(editor_user(), "permanent-council", day, ("Москва", "Moscow"), SIX)
        Session.objects.filter(pk=session.pk).update(illustrative=True)
    return {r.code: r for r in Route.objects.all()}


def editor_user() -> User:
    return User.objects.get(username="secretariat")


SIX = ["AM", "BY", "KZ", "KG", "RU", "TJ"]


# The five draft statements of 2024 and their routes; the Permanent Council lists them first.
STATEMENTS_2024 = {
    "Afghanistan": "statement-cfm",
    "outer space": "statement-cfm",
    "information security": "statement-wg",
    "Middle East": "statement-cfm",
    "liberation": "statement-cfm",
}


def seed(*, password: str) -> list[str]:
    if Consultation.objects.exists():
        return []
    editor = editor_user()
    routes = _reference()
    now = timezone.now()

    def consultation(
        doc: Document | None, route: str, kind: str, when: dt.datetime, **extra: Any
    ) -> Consultation:
        c = services.open_consultation(
            actor=editor,
            title_ru=extra.pop("title_ru", doc.title_ru if doc else ""),
            title_en=extra.pop("title_en", doc.title_en if doc else ""),
            kind=kind,
            route=routes[route],
            document=doc,
            now=when,
            **extra,
        )
        # The positions and outcomes below are the demo's: the sources give none of them.
        Consultation.objects.filter(pk=c.pk).update(illustrative=True)
        return c

    statements = {
        fragment: consultation(
            _statement(fragment),
            route,
            QuestionKind.JOINT_STATEMENT,
            _at("2024-01-15"),
            planned_year=2024,
        )
        for fragment, route in STATEMENTS_2024.items()
    }
    annual = consultation(
        None,
        "annual-list",
        QuestionKind.ANNUAL_LIST,
        _at("2024-01-15"),
        title_ru="Перечень совместных заявлений на 2024 год",
        title_en="List of joint statements for 2024",
        planned_year=2024,
        statements=list(statements.values()),
    )
    _through(annual, editor, [{"opened": _at("2024-01-25"), "positions": FIVE | {"AM": JOIN}}])

    # 1. Afghanistan: agreed at the Permanent Council, adopted at the CFM.
    cfm = _session(
        editor, "cfm", "2024-06-20", ("Алматы", "Almaty"), ["BY", "KZ", "KG", "RU", "TJ"]
    )
    c = statements["Afghanistan"]
    _through(
        c,
        editor,
        [
            {"opened": _at("2024-05-20"), "positions": FIVE},
            {
                "opened": _at("2024-06-20"),
                "session": cfm,
                "positions": FIVE,
                "signatures": {
                    "BY": "2024-06-20",
                    "KZ": "2024-06-20",
                    "KG": "2024-06-20",
                    "RU": "2024-06-20",
                    "TJ": "2024-06-20",
                },
            },
        ],
    )

    # 2. Outer space: in written procedure at the Permanent Council, silence counts as consent.
    c = statements["outer space"]
    _through(
        c,
        editor,
        [
            {
                "opened": now - dt.timedelta(days=1),
                "mode": StageMode.WRITTEN,
                "consent": ConsentMode.SILENCE,
                "days": 7,
                "close": False,
                "positions": {"KZ": JOIN, "BY": JOIN},
            }
        ],
    )

    # 3. Information security: returned for revision, Belarus objecting.
    c = statements["information security"]
    _through(
        c,
        editor,
        [
            {"opened": _at("2024-04-10"), "positions": FIVE},
            {
                "opened": _at("2024-05-28"),
                "positions": {
                    "KZ": JOIN,
                    "KG": JOIN,
                    "RU": JOIN,
                    "TJ": JOIN,
                    "BY": (
                        "object",
                        "Механизм должен предусматривать выработку юридически обязывающих норм.",
                        ["u5"],
                    ),
                },
            },
        ],
    )

    # 4. Middle East and North Africa: before the Permanent Council, positions coming in.
    c = statements["Middle East"]
    _through(
        c,
        editor,
        [
            {
                "opened": _at("2024-06-05"),
                "close": False,
                "positions": {
                    "RU": JOIN,
                    "KZ": (
                        "join_opinion",
                        "Казахстан подчёркивает важность гуманитарного доступа.",
                    ),
                },
            }
        ],
    )

    # 5. Belarus liberation anniversary: agreed by the Permanent Council, now before the CFM.
    c = statements["liberation"]
    _through(
        c,
        editor,
        [
            {"opened": _at("2024-05-06"), "positions": FIVE},
            {"opened": _at("2024-06-19"), "close": False, "positions": {"BY": JOIN}},
        ],
    )

    _session(
        editor, "cdm", "2024-05-31", ("", ""), ["BY", "KZ", "KG", "RU", "TJ"]
    )  # the 2025 training plan

    # The 2024 budget: adopted in limited format, Armenia refraining without objecting (May 2024).
    budget = _small_document(
        editor,
        (
            "О бюджете Организации Договора о коллективной безопасности на 2024 год",
            "On the budget of the Collective Security Treaty Organization for 2024",
        ),
        [
            (
                "Утвердить бюджет Организации на 2024 год согласно приложению.",
                "To approve the budget of the Organization for 2024 as annexed.",
            )
        ],
    )
    c = consultation(budget, "budget", QuestionKind.DRAFT_DECISION, _at("2024-04-15"))
    _through(
        c,
        editor,
        [
            {"opened": _at("2024-04-20"), "positions": FIVE | {"AM": ("refrain", "")}},
            {
                "opened": _at("2024-05-23"),
                "positions": FIVE
                | {
                    "AM": (
                        "refrain",
                        "Армения не присоединяется к решению, не возражая против его принятия.",
                    )
                },
            },
        ],
    )

    # The Tajik-Afghan border programme, through the Astana sessions of 27-28 November 2024.
    joint = _session(
        editor,
        "joint-ministerial",
        "2024-11-27",
        ("Астана", "Astana"),
        ["BY", "KZ", "KG", "RU", "TJ"],
    )
    csc = _session(
        editor, "csc", "2024-11-28", ("Астана", "Astana"), ["BY", "KZ", "KG", "RU", "TJ"]
    )
    programme = _small_document(
        editor,
        (
            "О Межгосударственной целевой программе укрепления таджикско-афганской границы",
            "On the Target Intergovernmental Programme for strengthening the Tajik-Afghan border",
        ),
        [
            (
                "Утвердить Межгосударственную целевую программу укрепления таджикско-афганской границы.",
                "To approve the Target Intergovernmental Programme for strengthening the Tajik-Afghan border.",
            ),
            (
                "Определить Республику Таджикистан государственным заказчиком-координатором Программы.",
                "To designate the Republic of Tajikistan as the customer-coordinator of the Programme.",
            ),
        ],
    )
    c = consultation(programme, "decision", QuestionKind.DRAFT_DECISION, _at("2024-09-02"))
    _through(
        c,
        editor,
        [
            {"opened": _at("2024-10-15"), "positions": FIVE},
            {"opened": _at("2024-11-27"), "session": joint, "positions": FIVE},
            {
                "opened": _at("2024-11-28"),
                "session": csc,
                "positions": FIVE,
                "signatures": {iso2: "2024-11-28" for iso2 in ("BY", "KZ", "KG", "RU", "TJ")},
            },
        ],
    )

    # The appointment of the Secretary General: unanimity, signed by all six heads of state.
    yerevan = _session(
        editor, "csc", "2022-11-23", ("Ереван", "Yerevan"), ["AM", "BY", "KZ", "KG", "RU", "TJ"]
    )
    appointment = _small_document(
        editor,
        (
            "О Генеральном секретаре Организации Договора о коллективной безопасности",
            "On the Secretary General of the Collective Security Treaty Organization",
        ),
        [
            (
                "Назначить Тасмагамбетова Имангали Нургалиевича Генеральным секретарём Организации с 1 января 2023 года сроком на три года.",
                "To appoint Imangali Tasmagambetov Secretary General of the Organization from 1 January 2023 for three years.",
            )
        ],
    )
    all_six = FIVE | {"AM": JOIN}
    c = consultation(appointment, "appointment", QuestionKind.APPOINTMENT, _at("2022-10-01"))
    _through(
        c,
        editor,
        [
            {"opened": _at("2022-10-10"), "positions": all_six},
            {
                "opened": _at("2022-11-23"),
                "session": yerevan,
                "positions": all_six,
                "signatures": {iso2: "2022-11-23" for iso2 in ("AM", "BY", "KZ", "KG", "RU", "TJ")},
            },
        ],
    )
    return [
        f"Consultations: {Consultation.objects.count()} questions, {Stage.objects.count()} stages."
    ]
