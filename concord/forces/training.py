"""Writes on the annual plan of joint training: the plan and its text, its events and their checks,
the plan put before the bodies and adopted with its consultation, amendments to the adopted plan.
Execution, after-action reports and lessons are in training_execution.py. Every write is audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.audit.services import record
from concord.consultations import selectors as consultation_selectors
from concord.consultations import services as consultations
from concord.consultations.states import ConsultationStatus, QuestionKind
from concord.core.actions import lock, require, require_version, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import Code as CoreCode
from concord.core.errors import Conflict, DomainError
from concord.documents import services as documents
from concord.organization.models import Body, MemberState

from . import permissions
from .codes import Code, Verb
from .models import PlanAmendment, TrainingEvent, TrainingPlan, Unit
from .states import PLAN_FLOW, EventStatus, PlanStatus

PLAN_ONLY = gettext_lazy("Only the Joint Staff drafts the training plan and records changes to it.")

# What an event's form or request may set; `states` and `units` are lists beside them.
EVENT_FIELDS = (
    "kind",
    "series",
    "name_ru",
    "name_en",
    "starts_on",
    "ends_on",
    "host",
    "area_ru",
    "area_en",
    "formation",
    "scenario_ru",
    "scenario_en",
    "source",
    "demo",
)


@dataclass(frozen=True)
class Amendment:
    """The decision that changes an adopted plan: who decided, when, and what it changes."""

    basis: str
    decided_on: dt.date | None
    description: str


# --- Rules (pure) ---------------------------------------------------------------------------------


def overlaps(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """Two inclusive date ranges share at least one day."""
    return a[0] <= b[1] and b[0] <= a[1]


def date_problem(year: int, starts_on: dt.date, ends_on: dt.date) -> tuple[str, Code] | None:
    """The field at fault and why, if an event's dates do not fit its plan's year."""
    if starts_on.year != year:
        return "starts_on", Code.OUTSIDE_PLAN_YEAR
    if ends_on.year != year:
        return "ends_on", Code.OUTSIDE_PLAN_YEAR
    if ends_on < starts_on:
        return "ends_on", Code.BAD_DATES
    return None


# --- The plan and its text ------------------------------------------------------------------------


def _dates(event: TrainingEvent) -> str:
    if event.starts_on == event.ends_on:
        return f"{event.starts_on:%d.%m.%Y}"
    return f"{event.starts_on:%d.%m}–{event.ends_on:%d.%m.%Y}"


def _line(event: TrainingEvent, states: Iterable[MemberState], language: str) -> str:
    def name(obj: Any) -> str:
        return str(getattr(obj, f"name_{language}") or obj.name_ru)

    area = getattr(event, f"area_{language}") or event.area_ru
    place = ", ".join(p for p in (name(event.host) if event.host else "", area) if p)
    who = ", ".join(sorted(name(s) for s in states))
    label = "участники" if language == "ru" else "participants"
    return (
        f"{name(event)} — {_dates(event)}" + (f", {place}" if place else "") + f"; {label}: {who}"
    )


def plan_text(year: int, events: Sequence[TrainingEvent]) -> list[tuple[str, str, str]]:
    """The decision approving the plan, with the plan annexed: one paragraph per event."""
    lines = [
        ("paragraph", _line(e, e.states.all(), "ru"), _line(e, e.states.all(), "en"))
        for e in events
    ]
    return [
        (
            "title",
            "О Плане совместной подготовки органов управления и формирований сил и средств "
            f"системы коллективной безопасности ОДКБ на {year} год",
            "On the Plan of joint training of command bodies and formations of the forces and "
            f"means of the CSTO collective security system for {year}",
        ),
        (
            "paragraph",
            f"Утвердить План совместной подготовки на {year} год (прилагается).",
            f"To approve the Plan of joint training for {year} (annexed).",
        ),
        (
            "annex",
            f"План совместной подготовки на {year} год",
            f"Plan of joint training for {year}",
        ),
        *(lines or [("paragraph", "Мероприятия не запланированы.", "No events planned.")]),
    ]


def _events_for_text(plan: TrainingPlan) -> list[TrainingEvent]:
    return list(
        plan.events.exclude(status=EventStatus.CANCELLED)
        .select_related("host")
        .prefetch_related("states")
        .order_by("starts_on", "pk")
    )


@transaction.atomic
def create_plan(year: int, *, actor: Actor, source: str = "", demo: bool = False) -> TrainingPlan:
    """The Joint Staff starts the plan of a year, with its text as a draft decision of the CDM."""
    require(permissions.can_plan(actor), PLAN_ONLY)
    if not 2000 <= year <= 2100:
        raise DomainError(Code.BAD_YEAR, _("Give a year between 2000 and 2100."), field="year")
    if TrainingPlan.objects.filter(year=year).exists():
        raise DomainError(
            Code.PLAN_EXISTS,
            _("There is already a plan for %(year)s.") % {"year": year},
            field="year",
        )
    plan = TrainingPlan.objects.create(year=year, source=source, demo=demo)
    plan.document = documents.create_document(
        actor=actor,
        kind="draft_decision",
        marking="official",
        body=Body.objects.filter(code="cdm").first(),
        units=plan_text(year, []),
    )
    plan.save(update_fields=["document"])
    record(Verb.SAVE_PLAN, actor=actor, target=plan, summary=str(year))
    return plan


@transaction.atomic
def put_plan_to_consultation(
    plan: TrainingPlan, *, actor: Actor, now: dt.datetime, version: int | None = None
) -> TrainingPlan:
    """Regenerate the plan's text from its events and put it before the bodies of the configured
    route (the CSSC, then the CDM, which approves it): a new consultation, or the returned one again."""
    require(permissions.can_plan(actor), PLAN_ONLY)
    plan = lock(plan, version=version)
    PLAN_FLOW.check(plan.status, PlanStatus.UNDER_CONSULTATION)
    events = _events_for_text(plan)
    if not events:
        raise DomainError(
            Code.EMPTY_PLAN,
            _("Add the plan's events before putting it to the bodies."),
            field="events",
        )
    route = consultation_selectors.route(
        getattr(settings, "CONCORD_TRAINING_PLAN_ROUTE", "training-plan")
    )
    if route is None:
        raise DomainError(Code.NO_ROUTE, _("No route for the training plan is configured."))
    units = plan_text(plan.year, events)
    if plan.document is None:
        plan.document = documents.create_document(
            actor=actor, kind="draft_decision", marking="official", units=units
        )
    else:
        documents.revise_text(plan.document, actor=actor, units=units, note=f"{len(events)} events")
    consultation = plan.consultation
    if consultation is None or consultation.status != ConsultationStatus.RETURNED:
        consultation = consultations.open_consultation(
            actor=actor,
            kind=QuestionKind.DRAFT_DECISION,
            route=route,
            document=plan.document,
            title_ru=units[0][1],
            title_en=units[0][2],
            now=now,
        )
    return transition(
        plan,
        PlanStatus.UNDER_CONSULTATION,
        flow=PLAN_FLOW,
        actor=actor,
        verb=Verb.PUT_PLAN,
        summary=str(consultation),
        document=plan.document,
        consultation=consultation,
    )


@transaction.atomic
def withdraw_plan(plan: TrainingPlan, *, actor: Actor, version: int | None = None) -> TrainingPlan:
    """Back to draft once the bodies returned the plan for revision or dropped it."""
    require(permissions.can_plan(actor), PLAN_ONLY)
    plan = lock(plan, version=version)
    PLAN_FLOW.check(plan.status, PlanStatus.DRAFT)
    settled = (ConsultationStatus.RETURNED, ConsultationStatus.DROPPED)
    if plan.consultation is not None and plan.consultation.status not in settled:
        raise Conflict(
            Code.STILL_BEFORE_BODIES,
            _("The plan is still before the bodies: it returns to draft once they send it back."),
        )
    return transition(plan, PlanStatus.DRAFT, flow=PLAN_FLOW, actor=actor, verb=Verb.WITHDRAW_PLAN)


@transaction.atomic
def record_adoption(plan: TrainingPlan, *, actor: Actor, on: dt.date, body: Body) -> TrainingPlan:
    """The plan's consultation was adopted: the plan is adopted that day by that body."""
    require(permissions.can_record_adoption(actor), _("A plan is adopted with its consultation."))
    return transition(
        plan,
        PlanStatus.ADOPTED,
        flow=PLAN_FLOW,
        actor=actor,
        verb=Verb.ADOPT_PLAN,
        summary=f"{body.name_en} {on:%Y-%m-%d}",
        adopted_on=on,
        adopted_by_ru=body.name_ru,
        adopted_by_en=body.name_en,
    )


# --- Events ---------------------------------------------------------------------------------------


def _check_open_for_change(plan: TrainingPlan, amendment: Amendment | None) -> Amendment | None:
    """A draft changes freely; the text before the bodies does not; the adopted plan only by an
    amendment (the decision that changes it). Returns the amendment to record, if any."""
    if plan.status == PlanStatus.UNDER_CONSULTATION:
        raise Conflict(
            Code.UNDER_CONSULTATION,
            _("The plan is before the bodies; withdraw it to draft to change its events."),
        )
    if plan.status == PlanStatus.DRAFT:
        return None
    if amendment is None or not amendment.basis.strip():
        raise DomainError(
            Code.AMENDMENT_REQUIRED,
            _("The plan is adopted: say which decision changes it."),
            field="basis",
        )
    if amendment.decided_on is None:
        raise DomainError(
            Code.AMENDMENT_REQUIRED, _("Give the day of that decision."), field="decided_on"
        )
    if plan.adopted_on and amendment.decided_on < plan.adopted_on:
        raise DomainError(
            Code.BAD_DATES,
            _("An amendment is decided after the plan was adopted (%(day)s).")
            % {"day": f"{plan.adopted_on:%d.%m.%Y}"},
            field="decided_on",
        )
    if not amendment.description.strip():
        raise DomainError(
            Code.AMENDMENT_REQUIRED, _("Say what the amendment changes."), field="description"
        )
    return amendment


def _check_event(
    event: TrainingEvent, states: Sequence[MemberState], units: Sequence[Unit]
) -> None:
    problem = date_problem(event.plan.year, event.starts_on, event.ends_on)
    if problem is not None:
        field, code = problem
        message = (
            _("The event must take place within %(year)s, the plan's year.")
            if code == Code.OUTSIDE_PLAN_YEAR
            else _("The event cannot end before it starts.")
        )
        raise DomainError(code, message % {"year": event.plan.year}, field=field)
    if not states:
        raise DomainError(Code.NO_STATES, _("Name the participating states."), field="states")
    if event.host_id is not None and event.host_id not in {s.pk for s in states}:
        raise DomainError(
            Code.HOST_NOT_PARTICIPATING,
            _("The host state must be among the participating states."),
            field="host",
        )
    _check_units(event, states, units)


def _check_units(
    event: TrainingEvent, states: Sequence[MemberState], units: Sequence[Unit]
) -> None:
    taking_part = {s.pk for s in states}
    for unit in units:
        if unit.state_id not in taking_part:
            raise DomainError(
                Code.NOT_PARTICIPATING,
                _("%(unit)s belongs to a state that does not take part in the event.")
                % {"unit": unit},
                field="units",
            )
        if unit.withdrawn_on and unit.withdrawn_on <= event.starts_on:
            raise DomainError(
                Code.NOT_PARTICIPATING,
                _("%(unit)s was withdrawn from its formation before the event.") % {"unit": unit},
                field="units",
            )
    booked = (
        TrainingEvent.units.through.objects.filter(
            unit__in=units,
            trainingevent__starts_on__lte=event.ends_on,
            trainingevent__ends_on__gte=event.starts_on,
        )
        .exclude(trainingevent__status=EventStatus.CANCELLED)
        .exclude(trainingevent_id=event.pk)
        .select_related("unit", "trainingevent")
        .order_by("trainingevent__starts_on")
    )
    for row in booked:
        other = row.trainingevent
        if overlaps((event.starts_on, event.ends_on), (other.starts_on, other.ends_on)):
            raise DomainError(
                Code.DOUBLE_BOOKED,
                _("%(unit)s is already booked for %(event)s (%(dates)s).")
                % {"unit": row.unit, "event": other, "dates": _dates(other)},
                field="units",
            )


def _amend(
    plan: TrainingPlan,
    event: TrainingEvent | None,
    amendment: Amendment | None,
    changes: dict[str, Any],
    *,
    actor: Actor,
) -> None:
    if amendment is None:
        return
    assert amendment.decided_on is not None  # _check_open_for_change refused it otherwise
    made = PlanAmendment.objects.create(
        plan=plan,
        event=event,
        description=amendment.description.strip(),
        basis=amendment.basis.strip()[:300],
        decided_on=amendment.decided_on,
        changes=changes,
        recorded_by=user_of(actor),
    )
    record(Verb.AMEND_PLAN, actor=actor, target=made, summary=made.basis, changes=changes)


def _text(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, (int, bool, str)):
        return value
    return str(value)


def _set_fields(event: TrainingEvent, fields: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name in EVENT_FIELDS:
        if name in fields and (event.pk is None or getattr(event, name) != fields[name]):
            changes[name] = [_text(getattr(event, name)) if event.pk else None, _text(fields[name])]
            setattr(event, name, fields[name])
    return changes


def _save_event(
    event: TrainingEvent, fields: dict[str, Any]
) -> tuple[dict[str, Any], list[MemberState], list[Unit]]:
    """Apply `fields` to `event`, check it and save it; returns what changed."""
    changes = _set_fields(event, fields)
    before_states = list(event.states.all()) if event.pk else []
    before_units = list(event.units.all()) if event.pk else []
    states = list(fields.get("states", before_states))
    units = list(fields.get("units", before_units))
    for name, before, after in (("states", before_states, states), ("units", before_units, units)):
        if {o.pk for o in before} != {o.pk for o in after}:
            changes[name] = [sorted(str(o) for o in before), sorted(str(o) for o in after)]
    _check_event(event, states, units)
    try:
        event.full_clean(exclude=["plan", "version"])
    except ValidationError as error:
        field, problems = next(iter(error.message_dict.items()))
        raise DomainError(Code.INVALID, problems[0], field=field) from error
    if event.pk:
        event.version += 1
    event.save()
    event.states.set(states)
    event.units.set(units)
    return changes, states, units


@transaction.atomic
def add_event(
    plan: TrainingPlan, *, actor: Actor, amendment: Amendment | None = None, **fields: Any
) -> TrainingEvent:
    """An event of the plan: an exercise, a command-staff training, a planning conference or staff
    talks; in the adopted plan, by an amendment."""
    require(permissions.can_plan(actor), PLAN_ONLY)
    plan = lock(plan)
    amendment = _check_open_for_change(plan, amendment)
    event = TrainingEvent(plan=plan)
    changes, _states, _units = _save_event(event, fields)
    _amend(plan, event, amendment, {"added": event.name_ru, **changes}, actor=actor)
    record(Verb.SAVE_EVENT, actor=actor, target=event, summary=str(event), changes=changes)
    return event


@transaction.atomic
def change_event(
    event: TrainingEvent,
    *,
    actor: Actor,
    version: int | None = None,
    amendment: Amendment | None = None,
    **fields: Any,
) -> TrainingEvent:
    require(permissions.can_plan(actor), PLAN_ONLY)
    plan = lock(event.plan)
    event = lock(event, version=require_version(version))
    amendment = _check_open_for_change(plan, amendment)
    changes, _states, _units = _save_event(event, fields)
    _amend(plan, event, amendment, {"changed": event.name_ru, **changes}, actor=actor)
    record(Verb.SAVE_EVENT, actor=actor, target=event, summary=str(event), changes=changes)
    return event


@transaction.atomic
def remove_event(
    event: TrainingEvent,
    *,
    actor: Actor,
    version: int | None = None,
    amendment: Amendment | None = None,
) -> TrainingPlan:
    """Take an event out of the plan (one that was held stays: its status says what happened)."""
    require(permissions.can_plan(actor), PLAN_ONLY)
    plan = lock(event.plan)
    event = lock(event, version=require_version(version))
    amendment = _check_open_for_change(plan, amendment)
    if event.status == EventStatus.HELD:
        raise Conflict(CoreCode.WRONG_STATUS, _("An event that was held stays in the plan."))
    name = event.name_ru  # the working language, whoever reads the record later
    changes = {"removed": name, "dates": _dates(event)}
    record(Verb.REMOVE_EVENT, actor=actor, target=plan, summary=name, changes=changes)
    event.delete()
    _amend(plan, None, amendment, changes, actor=actor)
    return plan
