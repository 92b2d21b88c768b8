"""The plans of joint training from the domain notes (forces-and-relations.md): the exercise series,
the 2023, 2024 and 2025 plans with their real exercises, adopted by the CDM (24 May 2022, 25 May
2023 in Minsk, 31 May 2024 in Almaty) through consultations; the 2026 plan (60 events, 8 of them
exercises: its content is not published) shown with a few demo events; the 2027 plan in draft after
the planning consultations of December. What the notes do not give (the CSSC's agreement, the days
plans were put forward, reports, lessons, amendments, units) is invented and marked demo."""

from __future__ import annotations

import datetime as dt
from typing import Any

from concord.accounts.models import User
from concord.consultations import closing, services, sessions
from concord.consultations.models import Consultation, Route, RouteStep, Session
from concord.consultations.rules import ConsentMode, TermUnit
from concord.consultations.states import StageMode
from concord.organization.models import Body, MemberState

from .. import training, training_execution
from ..models import ExerciseSeries, Formation, TrainingEvent, TrainingPlan, Unit
from ..states import EventStatus
from ..subscribers import plan_adopted
from .training_facts import PLANS, SERIES, Row


def _at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=dt.UTC)


def _route() -> None:
    """The plan is agreed by the CSSC and approved by the CDM, which the notes date every May: the
    CDM, whose day is known, is the tier that adopts."""
    route, _ = Route.objects.get_or_create(
        code="training-plan",
        defaults={"name_ru": "План совместной подготовки", "name_en": "Joint training plan"},
    )
    for position, code in enumerate(("cssc", "cdm")):
        RouteStep.objects.get_or_create(
            route=route, position=position, defaults={"body": Body.objects.get(code=code)}
        )


def _cdm_session(
    editor: User, day: str, venue: tuple[str, str], fmt: str, states: list[str]
) -> Session:
    date = dt.date.fromisoformat(day)
    session = Session.objects.filter(body__code="cdm", date=date).first()
    if session is None:
        return sessions.create_session(
            actor=editor,
            body=Body.objects.get(code="cdm"),
            date=date,
            format=fmt,
            venue_ru=venue[0],
            venue_en=venue[1],
            participants=list(MemberState.objects.filter(iso2__in=states)),
        )
    if venue[0] and not session.venue_ru:  # the consultations' demo left the place open
        session = sessions.update_session(
            session,
            actor=editor,
            version=session.version,
            date=date,
            kind=session.kind,
            format=session.format,
            venue_ru=venue[0],
            venue_en=venue[1],
        )
    return session


def _positions(stage: Any, states: list[str], when: dt.datetime) -> None:
    for iso2 in states:
        services.record_position(
            stage,
            actor=User.objects.get(username=f"{iso2.lower()}_rep"),
            stance="join",
            statement="",
            clauses=(),
            version_id=stage.version_id,
            now=when,
        )


def _written(
    consultation: Consultation, editor: User, states: list[str], when: dt.datetime
) -> None:
    """A tier agreeing in writing: every state answers the next day, the stage closes after."""
    stage = services.open_stage(
        consultation,
        actor=editor,
        now=when,
        mode=StageMode.WRITTEN,
        consent=ConsentMode.EXPLICIT,
        term=(10, TermUnit.WORKING_DAYS),
    )
    _positions(stage, states, when + dt.timedelta(days=1))
    closing.close_stage(stage, actor=editor, now=when + dt.timedelta(days=2))


def _adopt(plan: TrainingPlan, staff: User, editor: User, data: dict[str, Any]) -> None:
    """Put forward by the Joint Staff three weeks before the CDM, agreed by the CSSC in writing
    (both demo), adopted by the CDM on its day: at its session, or in writing where the session is
    not known (the 2026 plan, whose day is the demo's)."""
    day, venue_ru, venue_en, fmt = data["adopted"]
    cdm_day = _at(day)
    plan = training.put_plan_to_consultation(plan, actor=staff, now=cdm_day - dt.timedelta(days=21))
    assert plan.consultation is not None
    Consultation.objects.filter(pk=plan.consultation.pk).update(illustrative=True)
    consultation = plan.consultation
    _written(consultation, editor, data["states"], cdm_day - dt.timedelta(days=14))
    if fmt == "written":
        _written(consultation, editor, data["states"], cdm_day - dt.timedelta(days=2))
    else:
        session = _cdm_session(editor, day, (venue_ru, venue_en), fmt, data["states"])
        cdm = services.open_stage(consultation, actor=editor, now=cdm_day, session=session)
        _positions(cdm, data["states"], cdm_day + dt.timedelta(hours=1))
        closing.close_stage(cdm, actor=editor, now=cdm_day + dt.timedelta(hours=2))
    # The subscriber runs when this seeder's transaction commits; the demo needs the plan adopted
    # now to record the events' execution (running it twice changes nothing).
    from concord.consultations.events import ConsultationAdopted

    plan_adopted(ConsultationAdopted(consultation.pk, consultation.kind))


def _add(plan: TrainingPlan, staff: User, row: Row) -> TrainingEvent:
    code, kind, n_ru, n_en, start, end, host, a_ru, a_en, states, _s, _p, source, demo = row
    series = ExerciseSeries.objects.filter(code=code).first() if code else None
    return training.add_event(
        plan,
        actor=staff,
        kind=kind,
        series=series,
        name_ru=n_ru,
        name_en=n_en,
        starts_on=dt.date.fromisoformat(start),
        ends_on=dt.date.fromisoformat(end),
        host=MemberState.objects.filter(iso2=host).first() if host else None,
        area_ru=a_ru,
        area_en=a_en,
        formation=series.formation if series else None,
        states=list(MemberState.objects.filter(iso2__in=states)),
        units=_units(code, states, demo),
        source=source,
        demo=demo,
    )


def _units(code: str | None, states: list[str], demo: bool) -> list[Unit]:
    """The Central Asian forces' units (demo units) in the Rubezh exercises: one per state."""
    if code != "rubezh":
        return []
    formation = Formation.objects.get(code="crdf-ca")
    found: dict[str, Unit] = {}
    for unit in Unit.objects.filter(formation=formation, state__iso2__in=states).select_related(
        "state"
    ):
        found.setdefault(unit.state.iso2, unit)
    return list(found.values())


def _execute(events: list[tuple[TrainingEvent, Row]], staff: User) -> None:
    for event, row in events:
        status, personnel = row[10], row[11]
        if status != EventStatus.PLANNED:
            training_execution.record_event_status(event, status, actor=staff, personnel=personnel)


def _reports(staff: User) -> None:
    """After-action reports and lessons: all demo (none is published)."""
    rubezh = TrainingEvent.objects.get(name_en="Rubezh-2024")
    training_execution.save_after_action(
        rubezh,
        actor=staff,
        demo=True,
        summary="Отработано совместное применение КСБР ЦАР на таджикско-афганском направлении. "
        "(Демонстрационный текст: отчёты не публикуются.)",
    )
    closed = training_execution.add_lesson(
        rubezh,
        actor=staff,
        demo=True,
        text="Связь между национальными пунктами управления неустойчива в горах.",
        action="Провести совместную тренировку дежурных смен.",
        responsible=MemberState.objects.get(iso2="RU"),
        due_on=dt.date(2024, 12, 31),
    )
    training_execution.close_lesson(
        closed,
        actor=staff,
        note="Тренировка дежурных смен проведена 20 декабря 2024 г.",
        on=dt.date(2024, 12, 20),
    )
    training_execution.add_lesson(
        rubezh,
        actor=staff,
        demo=True,
        text="Нормативы развёртывания тылового обеспечения превышены.",
        action="Уточнить нормативы Эшелона для горной местности.",
        responsible=MemberState.objects.get(iso2="TJ"),
        due_on=dt.date(2025, 6, 30),
    )
    peacekeeping = TrainingEvent.objects.get(name_en="Peacekeeping forces exercise (demo)")
    training_execution.save_after_action(
        peacekeeping, actor=staff, demo=True, summary="Демонстрационный отчёт о проведении учения."
    )
    training_execution.add_lesson(
        peacekeeping,
        actor=staff,
        demo=True,
        text="Совместимость средств связи миротворческих контингентов не полная.",
        action="Согласовать единый перечень средств связи.",
        responsible=MemberState.objects.get(iso2="BY"),
        due_on=dt.date(2027, 3, 31),
    )


def _amend_2026(staff: User) -> None:
    talks = TrainingEvent.objects.get(
        name_en="Staff talks on the preparation of the 2026 exercises"
    )
    training.change_event(
        talks,
        actor=staff,
        version=talks.version,
        amendment=training.Amendment(
            "Решение СМО (демо)",
            dt.date(2026, 5, 20),
            "Перенос штабных переговоров со 2–3 июня на 9–10 июня (демо).",
        ),
        starts_on=dt.date(2026, 6, 9),
        ends_on=dt.date(2026, 6, 10),
    )


def seed() -> list[str]:
    if TrainingPlan.objects.exists():
        return []
    for code, n_ru, n_en, p_ru, p_en, formation in SERIES:
        ExerciseSeries.objects.update_or_create(
            code=code,
            defaults={
                "name_ru": n_ru,
                "name_en": n_en,
                "purpose_ru": p_ru,
                "purpose_en": p_en,
                "formation": Formation.objects.filter(code=formation).first()
                if formation
                else None,
            },
        )
    _route()
    staff, editor = User.objects.get(username="staff"), User.objects.get(username="secretariat")
    for year, data in PLANS.items():
        plan = training.create_plan(
            year, actor=staff, source=data.get("source", ""), demo=data.get("demo", False)
        )
        rows = list(data["events"])
        if year == 2026:  # the staff talks were first planned a week earlier (see the amendment)
            rows[1] = (*rows[1][:4], "2026-06-02", "2026-06-03", *rows[1][6:])
        events = [(_add(plan, staff, row), row) for row in rows]
        if "adopted" in data:
            _adopt(plan, staff, editor, data)
            _execute(events, staff)
    _amend_2026(staff)
    _reports(staff)
    return [
        f"Training: {TrainingPlan.objects.count()} plans, {TrainingEvent.objects.count()} events"
    ]
