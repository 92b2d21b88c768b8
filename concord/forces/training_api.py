"""The training plan's API: what its pages offer, with the same services and checks."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status

from concord.core.actors import actor_of
from concord.core.api import ErrorOut
from concord.core.errors import DomainError
from concord.organization.models import MemberState

from . import permissions, training, training_execution
from . import training_selectors as selectors
from .codes import Code
from .models import ExerciseSeries, Formation, Lesson, PlanAmendment, TrainingEvent, TrainingPlan
from .states import LessonStatus
from .training_schemas import (
    AfterActionReportIn,
    ExerciseSeriesOut,
    LessonClosureIn,
    LessonIn,
    LessonOut,
    TrainingAmendmentIn,
    TrainingEventDetailOut,
    TrainingEventIn,
    TrainingEventOut,
    TrainingEventPatch,
    TrainingEventRemovalIn,
    TrainingEventStatusIn,
    TrainingPlanDetailOut,
    TrainingPlanIn,
    TrainingPlanOut,
    TrainingPlanVersionIn,
)

router = Router(tags=["forces"])

EDITING = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


# --- Shapes ---------------------------------------------------------------------------------------


def _plan_out(plan: TrainingPlan) -> dict[str, Any]:
    return {
        "year": plan.year,
        "status": plan.status,
        "version": plan.version,
        "adopted_on": plan.adopted_on,
        "adopted_by_ru": plan.adopted_by_ru,
        "adopted_by_en": plan.adopted_by_en,
        "document": plan.document_id,
        "consultation": plan.consultation_id,
        "demo": plan.demo,
        **{
            name: getattr(plan, f"{name}_count", 0)
            for name in ("held", "planned", "postponed", "cancelled")
        },
        "events": getattr(plan, "event_count", 0),
        "exercises": getattr(plan, "exercise_count", 0),
        "amendments": getattr(plan, "amendment_count", 0),
    }


def _event_out(e: TrainingEvent) -> dict[str, Any]:
    return {
        **{
            f: getattr(e, f)
            for f in (
                "id",
                "kind",
                "name_ru",
                "name_en",
                "starts_on",
                "ends_on",
                "area_ru",
                "area_en",
                "scenario_ru",
                "scenario_en",
                "status",
                "personnel",
                "version",
                "source",
                "demo",
            )
        },
        "year": e.plan.year,
        "series": e.series.code if e.series else None,
        "host": e.host.iso2 if e.host else None,
        "formation": e.formation.code if e.formation else None,
        "states": sorted(s.iso2 for s in e.states.all()),
        "unit_count": getattr(e, "unit_count", 0),
        "units": [
            {"id": u.pk, "name_ru": u.name_ru, "name_en": u.name_en, "state": u.state.iso2}
            for u in getattr(e, "visible_units", [])
        ],
    }


def _amendment_out(a: PlanAmendment) -> dict[str, Any]:
    return {
        **{f: getattr(a, f) for f in ("id", "basis", "decided_on", "description", "changes")},
        "event": a.event_id,
    }


def _lesson_out(lesson: Lesson) -> dict[str, Any]:
    return {
        **{
            f: getattr(lesson, f)
            for f in ("id", "text", "action", "due_on", "status", "closed_on", "closing_note")
        },
        "version": lesson.version,
        "demo": lesson.demo,
        "event": lesson.report.event_id,
        "year": lesson.report.event.plan.year,
        "responsible": lesson.responsible.iso2 if lesson.responsible else None,
        "overdue": bool(getattr(lesson, "overdue", False)),
    }


def _plan(request: HttpRequest, year: int) -> TrainingPlan:
    found = selectors.plans(request.user).filter(year=year).first()
    if found is None:
        raise Http404
    return found


def _event_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    event = selectors.event(request.user, pk)
    report = getattr(event, "after_action", None)
    lessons = selectors.lessons_of(event, today=timezone.localdate()).select_related(
        "report__event__plan"
    )
    return {
        **_event_out(event),
        "after_action": {
            "event": event.pk,
            "summary": report.summary,
            "version": report.version,
            "demo": report.demo,
        }
        if report
        else None,
        "lessons": [_lesson_out(lesson) for lesson in lessons],
    }


# --- Resolving codes to records -------------------------------------------------------------------


def _one(model: Any, field: str, value: str | None, name: str) -> Any:
    if not value:
        return None
    found = model.objects.filter(**{field: value.upper() if field == "iso2" else value}).first()
    if found is None:
        raise DomainError(Code.REQUIRED, _("Unknown code: %(code)s.") % {"code": value}, field=name)
    return found


def _fields(request: HttpRequest, payload: TrainingEventIn | TrainingEventPatch) -> dict[str, Any]:
    data = payload.model_dump(
        exclude_unset=True, exclude={"basis", "decided_on", "description", "version"}
    )
    resolvers = {
        "series": (ExerciseSeries, "code"),
        "host": (MemberState, "iso2"),
        "formation": (Formation, "code"),
    }
    for name, (model, field) in resolvers.items():
        if name in data:
            data[name] = _one(model, field, data[name], name)
    if "states" in data:
        codes = [c.upper() for c in data["states"] or []]
        states = list(MemberState.objects.filter(iso2__in=codes))
        unknown = sorted(set(codes) - {s.iso2 for s in states})
        if unknown:
            raise DomainError(
                Code.REQUIRED,
                _("Unknown code: %(code)s.") % {"code": ", ".join(unknown)},
                field="states",
            )
        data["states"] = states
    if "units" in data:
        ids = data["units"] or []
        units = list(permissions.units_visible_to(request.user).filter(pk__in=ids))
        if len(units) != len(set(ids)):
            raise DomainError(Code.REQUIRED, _("Unknown unit."), field="units")
        data["units"] = units
    return {k: v for k, v in data.items() if v is not None or k in ("series", "host", "formation")}


def _amendment(payload: TrainingAmendmentIn) -> training.Amendment | None:
    if not (payload.basis or payload.decided_on or payload.description):
        return None
    return training.Amendment(payload.basis, payload.decided_on, payload.description)


# --- Operations -----------------------------------------------------------------------------------


@router.get("/training-plans", response=list[TrainingPlanOut])
def list_training_plans(request: HttpRequest) -> Any:
    return [_plan_out(p) for p in selectors.plans(request.user)]


@router.post("/training-plans", response={201: TrainingPlanOut, **EDITING})
def create_training_plan(request: HttpRequest, payload: TrainingPlanIn) -> Any:
    plan = training.create_plan(payload.year, actor=actor_of(request))
    return Status(201, _plan_out(_plan(request, plan.year)))


@router.get("/training-plans/{year}", response={200: TrainingPlanDetailOut, 404: ErrorOut})
def get_training_plan(request: HttpRequest, year: int) -> Any:
    plan = _plan(request, year)
    return {
        **_plan_out(plan),
        "training_events": [_event_out(e) for e in selectors.events(request.user, plan)],
        "amendment_list": [_amendment_out(a) for a in selectors.amendments(plan)],
    }


@router.post("/training-plans/{year}/consultation", response={200: TrainingPlanOut, **EDITING})
def put_training_plan(request: HttpRequest, year: int, payload: TrainingPlanVersionIn) -> Any:
    training.put_plan_to_consultation(
        _plan(request, year), actor=actor_of(request), now=timezone.now(), version=payload.version
    )
    return _plan_out(_plan(request, year))


@router.post("/training-plans/{year}/withdrawal", response={200: TrainingPlanOut, **EDITING})
def withdraw_training_plan(request: HttpRequest, year: int, payload: TrainingPlanVersionIn) -> Any:
    training.withdraw_plan(_plan(request, year), actor=actor_of(request), version=payload.version)
    return _plan_out(_plan(request, year))


@router.get("/training-plans/{year}/events", response={200: list[TrainingEventOut], 404: ErrorOut})
def list_training_events(request: HttpRequest, year: int) -> Any:
    return [_event_out(e) for e in selectors.events(request.user, _plan(request, year))]


@router.post("/training-plans/{year}/events", response={201: TrainingEventDetailOut, **EDITING})
def add_training_event(request: HttpRequest, year: int, payload: TrainingEventIn) -> Any:
    event = training.add_event(
        _plan(request, year),
        actor=actor_of(request),
        amendment=_amendment(payload),
        **_fields(request, payload),
    )
    return Status(201, _event_detail(request, event.pk))


@router.get("/training-events/{pk}", response={200: TrainingEventDetailOut, 404: ErrorOut})
def get_training_event(request: HttpRequest, pk: int) -> Any:
    return _event_detail(request, pk)


@router.patch("/training-events/{pk}", response={200: TrainingEventDetailOut, **EDITING})
def change_training_event(request: HttpRequest, pk: int, payload: TrainingEventPatch) -> Any:
    training.change_event(
        selectors.event(request.user, pk),
        actor=actor_of(request),
        version=payload.version,
        amendment=_amendment(payload),
        **_fields(request, payload),
    )
    return _event_detail(request, pk)


@router.delete("/training-events/{pk}", response={200: TrainingPlanOut, **EDITING})
def remove_training_event(request: HttpRequest, pk: int, payload: TrainingEventRemovalIn) -> Any:
    plan = training.remove_event(
        selectors.event(request.user, pk),
        actor=actor_of(request),
        version=payload.version,
        amendment=_amendment(payload),
    )
    return _plan_out(_plan(request, plan.year))


@router.post("/training-events/{pk}/status", response={200: TrainingEventDetailOut, **EDITING})
def record_training_event_status(
    request: HttpRequest, pk: int, payload: TrainingEventStatusIn
) -> Any:
    training_execution.record_event_status(
        selectors.event(request.user, pk),
        payload.status,
        actor=actor_of(request),
        personnel=payload.personnel,
        version=payload.version,
    )
    return _event_detail(request, pk)


@router.put("/training-events/{pk}/after-action", response={200: TrainingEventDetailOut, **EDITING})
def save_after_action_report(request: HttpRequest, pk: int, payload: AfterActionReportIn) -> Any:
    training_execution.save_after_action(
        selectors.event(request.user, pk),
        actor=actor_of(request),
        summary=payload.summary,
        version=payload.version,
    )
    return _event_detail(request, pk)


@router.post("/training-events/{pk}/lessons", response={201: LessonOut, **EDITING})
def add_training_lesson(request: HttpRequest, pk: int, payload: LessonIn) -> Any:
    lesson = training_execution.add_lesson(
        selectors.event(request.user, pk),
        actor=actor_of(request),
        text=payload.text,
        action=payload.action,
        responsible=_one(MemberState, "iso2", payload.responsible, "responsible"),
        due_on=payload.due_on,
    )
    return Status(201, _lesson_out(_lesson(request, lesson.pk)))


def _lesson(request: HttpRequest, pk: int) -> Lesson:
    found = (
        selectors.lessons(request.user, today=timezone.localdate(), status="").filter(pk=pk).first()
    )
    if found is None:
        raise Http404
    return found


@router.post("/lessons/{pk}/closure", response={200: LessonOut, **EDITING})
def close_training_lesson(request: HttpRequest, pk: int, payload: LessonClosureIn) -> Any:
    training_execution.close_lesson(
        _lesson(request, pk),
        actor=actor_of(request),
        note=payload.closing_note,
        on=payload.closed_on,
        version=payload.version,
    )
    return _lesson_out(_lesson(request, pk))


@router.get("/lessons", response=list[LessonOut])
def list_training_lessons(
    request: HttpRequest, status: str = LessonStatus.OPEN, state: str = ""
) -> Any:
    """Lessons drawn from after-action reports: open ones by default (`status=closed`, or empty for
    all), of one responsible state with `state`."""
    return [
        _lesson_out(lesson)
        for lesson in selectors.lessons(
            request.user, today=timezone.localdate(), status=status, state=state
        )
    ]


@router.get("/exercises", response=list[ExerciseSeriesOut])
def list_exercises(request: HttpRequest, year: int | None = None, series: str = "") -> Any:
    """The exercise series with their exercises over the years (or of `year`, or one `series`)."""
    return [
        {
            **{
                f: getattr(s, f) for f in ("code", "name_ru", "name_en", "purpose_ru", "purpose_en")
            },
            "exercises": [
                {
                    **{
                        f: getattr(e, f)
                        for f in (
                            "id",
                            "name_ru",
                            "name_en",
                            "starts_on",
                            "ends_on",
                            "status",
                            "personnel",
                            "demo",
                        )
                    },
                    "year": e.plan.year,
                    "host": e.host.iso2 if e.host else None,
                    "states": sorted(st.iso2 for st in e.states.all()),
                }
                for e in getattr(s, "listed", [])
            ],
        }
        for s in selectors.series(request.user, year=year, code=series)
    ]
