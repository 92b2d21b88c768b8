"""What the programmes tests need, made in one call: a programme with its stages and activities,
an adopted decision, a budget, an action plan. The demo world gives the people and the states."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from concord.consultations import closing
from concord.consultations import services as consultations
from concord.organization.models import Body, MemberState
from concord.programmes import budgets, plans, services
from concord.programmes.models import Programme
from tests.builders import a_question, answer

NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
FIVE = dict.fromkeys(("BY", "KZ", "KG", "RU", "TJ"), "join")


def state(iso2: str) -> MemberState:
    return MemberState.objects.get(iso2=iso2)


def body(code: str) -> Body:
    return Body.objects.get(code=code)


def through(question: Any, secretariat: Any, stances: dict[str, str] | None = None) -> Any:
    """Run a question through every tier of its route, the states answering `stances`; the stage
    that closed last (adopted, when nobody objects)."""
    stage = None
    for _tier in range(question.route.steps.count()):
        stage = consultations.open_stage(question, actor=secretariat, now=NOW)
        answer(stage, stances or FIVE, now=NOW)
        stage = closing.close_stage(stage, actor=secretariat, now=NOW)
    return stage


def a_decision(secretariat: Any, stances: dict[str, str] | None = None) -> Any:
    """A decision adopted on the two-tier budget route (Permanent Council, then the CSC)."""
    question = a_question(secretariat, now=NOW)
    through(question, secretariat, stances)
    question.refresh_from_db()
    return question


def a_programme(
    secretariat: Any, *, code: str = "test-programme", adopted: bool = False
) -> Programme:
    """Three stages (2025, 2026–2027, 2027–2029), one activity in each, funding in stage 1."""
    programme = services.create_programme(
        actor=secretariat,
        code=code,
        name_ru="Тестовая программа",
        name_en="Test programme",
        coordinator=state("TJ"),
        currency_code="RUB",
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2029, 12, 31),
        change_route="budget",
    )
    for number, first, last in ((1, 2025, 2025), (2, 2026, 2027), (3, 2027, 2029)):
        stage = services.add_stage(
            programme,
            actor=secretariat,
            number=number,
            name_ru=f"Этап {number}",
            name_en=f"Stage {number}",
            first_year=first,
            last_year=last,
        )
        services.add_activity(
            programme,
            actor=secretariat,
            stage=stage,
            kind="supply",
            name_ru=f"Поставка {number}",
            name_en=f"Supply {number}",
            recipient_ru="Пограничные войска",
            planned=10,
        )
    if adopted:
        services.adopt_programme(
            programme, actor=secretariat, decision_id=a_decision(secretariat).pk
        )
        programme.refresh_from_db()
    return programme


def a_budget(secretariat: Any, *, year: int = 2031, shares: dict[str, str] | None = None) -> Any:
    budget = budgets.create_budget(
        actor=secretariat, year=year, currency_code="RUB", due_on=dt.date(year, 6, 30)
    )
    budgets.save_item(
        budget,
        actor=secretariat,
        position=1,
        name_ru="Статья",
        name_en="Item",
        amount=Decimal("1000"),
    )
    shares = shares or {"RU": "50", "BY": "12.5", "KZ": "12.5", "KG": "12.5", "TJ": "12.5"}
    budgets.set_shares(
        budget, actor=secretariat, shares={state(k): Decimal(v) for k, v in shares.items()}
    )
    return budget


def a_plan(secretariat: Any, decision: Any, *, dated: dt.date | None = None) -> Any:
    """A draft plan for the session of the CSC the decision was adopted at (made for the test)."""
    from concord.consultations.models import Session

    session = Session.objects.create(body=body("csc"), date=NOW.date())
    return plans.draft_plan(
        actor=secretariat,
        session_id=session.pk,
        title_ru="План",
        title_en="Plan",
        dated=dated or NOW.date(),
    )
