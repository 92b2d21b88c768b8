"""The API of the implementation of decisions: action plans, their tasks and who answers for them,
reports, implementation rates, and the chairmanship's priorities."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from concord.core.actors import actor_of
from concord.core.api import ErrorOut, Pages, StrictIn, Text, Title
from concord.core.errors import DomainError
from concord.organization.models import Body

from . import permissions
from . import plan_selectors as selectors
from . import plans as services
from .api import EDITING, state_named
from .codes import Code
from .models import ActionPlan

router = Router(tags=["action plans"])


class TaskReportOut(Schema):
    id: int
    text: str
    done: bool
    returned: bool
    acting_for: str
    at: dt.datetime


class TaskPartOut(Schema):
    """A state or body responsible for a task, and where its part stands."""

    id: int
    state: str | None = Field(None, description="ISO alpha-2, for a state's part")
    body: str | None = Field(None, description="the body's code, for a body's part")
    status: str
    done_on: dt.date | None
    version: int
    reports: list[TaskReportOut]

    @staticmethod
    def resolve_state(obj: Any) -> str | None:
        return obj.state.iso2 if obj.state_id else None

    @staticmethod
    def resolve_body(obj: Any) -> str | None:
        return obj.body.code if obj.body_id else None

    @staticmethod
    def resolve_reports(obj: Any) -> list[Any]:
        return list(obj.reports.all())


class ActionTaskOut(Schema):
    id: int
    plan: int = Field(..., alias="plan_id")
    number: int
    decision: int = Field(..., alias="decision_id")
    text_ru: str
    text_en: str
    deadline: dt.date
    status: str
    parts: list[TaskPartOut] = Field(..., description="those the user may see")
    demo: bool


class ActionPlanOut(Schema):
    id: int
    session: int = Field(..., alias="session_id")
    title_ru: str
    title_en: str
    dated: dt.date
    status: str
    approved_on: dt.date | None
    approved_for: str
    version: int
    demo: bool


class ActionPlanDetailOut(ActionPlanOut):
    tasks: list[ActionTaskOut] = Field(
        ..., alias="visible_tasks", description="those with a part the user may see"
    )


class ImplementationRateOut(Schema):
    id: int
    name: str
    done: int
    total: int
    overdue: int
    rate: Decimal | None = Field(
        ..., description="per cent done, one decimal; null: nothing assigned"
    )


class ImplementationRatesOut(Schema):
    by_state: list[ImplementationRateOut]
    by_body: list[ImplementationRateOut]
    by_decision: list[ImplementationRateOut]


class IndicatorValueOut(Schema):
    on: dt.date
    value: Decimal
    note: str


class PriorityIndicatorOut(Schema):
    id: int
    name_ru: str
    name_en: str
    target: Decimal
    unit_ru: str
    unit_en: str
    values: list[IndicatorValueOut]


class PriorityOut(Schema):
    id: int
    year: int
    state: str
    title_ru: str
    title_en: str
    demo: bool
    indicators: list[PriorityIndicatorOut]


class ActionPlanIn(StrictIn):
    session: int
    title_ru: Title
    title_en: str = Field("", max_length=300)
    dated: dt.date
    demo: bool = False


class ActionTaskIn(StrictIn):
    decision: int = Field(..., description="a consultation adopted at the plan's session")
    text_ru: Text
    text_en: str = Field("", max_length=10_000)
    deadline: dt.date
    bodies: list[str] = Field(..., max_length=20, description="codes of the responsible bodies")
    states: list[str] = Field([], max_length=20, description="ISO alpha-2 codes")
    demo: bool = False


class PlanApprovalIn(StrictIn):
    on: dt.date
    version: int | None = None


class TaskReportIn(StrictIn):
    text: Text
    done: bool = False
    version: int | None = None


class ReportReturnIn(StrictIn):
    reason: Text
    version: int | None = None


class PriorityIn(StrictIn):
    year: int = Field(..., ge=1990, le=2200)
    title_ru: Title
    title_en: str = Field("", max_length=300)
    demo: bool = False


class PriorityIndicatorIn(StrictIn):
    name_ru: Title
    name_en: str = Field("", max_length=300)
    target: Decimal = Field(..., max_digits=14, decimal_places=2)
    unit_ru: str = Field("", max_length=40)
    unit_en: str = Field("", max_length=40)


class IndicatorValueIn(StrictIn):
    on: dt.date
    value: Decimal = Field(..., max_digits=14, decimal_places=2)
    note: str = Field("", max_length=300)


def _detail(request: HttpRequest, plan: ActionPlan) -> ActionPlan:
    plan.refresh_from_db()
    plan.visible_tasks = selectors.tasks(request.user, plan)  # type: ignore[attr-defined]
    return plan


def _bodies(codes: list[str]) -> list[Body]:
    found = {b.code: b for b in Body.objects.filter(code__in=codes)}
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise DomainError(
            Code.UNKNOWN,
            _("Unknown body “%(code)s”.") % {"code": unknown[0]},
            field="bodies",
        )
    return [found[c] for c in codes]


def _rates(rows: list[selectors.RateRow]) -> list[dict[str, Any]]:
    return [
        {
            "id": r.key,
            "name": r.name,
            "done": r.rate.done,
            "total": r.rate.total,
            "overdue": r.rate.overdue,
            "rate": r.rate.percent,
        }
        for r in rows
    ]


def _all_rates(request: HttpRequest, plan: ActionPlan | None) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "by_state": _rates(selectors.rates_by_state(request.user, today=today, plan=plan)),
        "by_body": _rates(selectors.rates_by_body(request.user, today=today, plan=plan)),
        "by_decision": _rates(selectors.rates_by_decision(request.user, today=today, plan=plan)),
    }


@router.get("/action-plans", response=list[ActionPlanOut])
def list_plans(request: HttpRequest) -> Any:
    return selectors.plans(request.user)


@router.post("/action-plans", response={201: ActionPlanDetailOut, **EDITING})
def draft_plan(request: HttpRequest, payload: ActionPlanIn) -> Any:
    data = payload.model_dump()
    plan = services.draft_plan(actor=actor_of(request), session_id=data.pop("session"), **data)
    return Status(201, _detail(request, plan))


@router.get("/action-plans/{pk}", response={200: ActionPlanDetailOut, 404: ErrorOut})
def get_plan(request: HttpRequest, pk: int) -> Any:
    return _detail(request, selectors.plan(request.user, pk))


@router.post("/action-plans/{pk}/tasks", response={201: ActionPlanDetailOut, **EDITING})
def add_task(request: HttpRequest, pk: int, payload: ActionTaskIn) -> Any:
    """A task drawn from a decision adopted at the plan's session, with at least one responsible
    body, a deadline on or after the plan's date, and the states responsible."""
    plan = selectors.plan(request.user, pk)
    data = payload.model_dump()
    services.add_task(
        plan,
        actor=actor_of(request),
        decision_id=data.pop("decision"),
        bodies=_bodies(data.pop("bodies")),
        states=[state_named(s, "states") for s in data.pop("states")],
        **data,
    )
    return Status(201, _detail(request, plan))


@router.post("/action-plans/{pk}/approve", response={200: ActionPlanDetailOut, **EDITING})
def approve_plan(request: HttpRequest, pk: int, payload: PlanApprovalIn) -> Any:
    """The chairman's approval (who speaks for the state chairing in the session's year)."""
    plan = selectors.plan(request.user, pk)
    services.approve_plan(plan, actor=actor_of(request), on=payload.on, version=payload.version)
    return _detail(request, plan)


@router.get("/action-plans/{pk}/rates", response={200: ImplementationRatesOut, 404: ErrorOut})
def plan_rates(request: HttpRequest, pk: int) -> Any:
    """Implementation rates over the parts the user may see, one aggregate query each."""
    return _all_rates(request, selectors.plan(request.user, pk))


@router.get("/tasks", response=list[TaskPartOut])
@paginate(Pages, page_size=100)
def list_parts(request: HttpRequest, overdue: bool = False) -> Any:
    """The parts of approved plans the user answers for (the Secretariat: everyone's)."""
    return selectors.my_parts(
        request.user, only_overdue=overdue, today=timezone.localdate()
    ).prefetch_related("reports")


@router.get("/tasks/rates", response=ImplementationRatesOut)
def rates(request: HttpRequest) -> Any:
    return _all_rates(request, None)


@router.get("/tasks/{pk}", response={200: ActionTaskOut, 404: ErrorOut})
def get_task(request: HttpRequest, pk: int) -> Any:
    task = selectors.task(request.user, pk)
    found = [t for t in selectors.tasks(request.user, task.plan) if t.pk == task.pk]
    if not found:
        raise Http404
    return found[0]


@router.post("/tasks/parts/{pk}/report", response={201: TaskPartOut, **EDITING})
def report_task(request: HttpRequest, pk: int, payload: TaskReportIn) -> Any:
    """A state's or body's report on its part; `done` reports the part done."""
    part = selectors.assignment(request.user, pk)
    services.report_task(part, actor=actor_of(request), now=timezone.now(), **payload.model_dump())
    return Status(201, selectors.assignment(request.user, pk))


@router.post("/tasks/parts/{pk}/return", response={200: TaskPartOut, **EDITING})
def return_report(request: HttpRequest, pk: int, payload: ReportReturnIn) -> Any:
    part = selectors.assignment(request.user, pk)
    services.return_report(
        part, actor=actor_of(request), now=timezone.now(), **payload.model_dump()
    )
    return selectors.assignment(request.user, pk)


def _priorities(year: int) -> list[dict[str, Any]]:
    return [
        {
            "id": p.pk,
            "year": p.year,
            "state": p.state.iso2,
            "title_ru": p.title_ru,
            "title_en": p.title_en,
            "demo": p.demo,
            "indicators": [
                {
                    "id": t.indicator.pk,
                    "name_ru": t.indicator.name_ru,
                    "name_en": t.indicator.name_en,
                    "target": t.indicator.target,
                    "unit_ru": t.indicator.unit_ru,
                    "unit_en": t.indicator.unit_en,
                    "values": t.values,
                }
                for t in tracked
            ],
        }
        for p, tracked in selectors.priorities(year)
    ]


def _insider(request: HttpRequest) -> None:
    if not permissions.is_insider(request.user):
        raise Http404


@router.get("/priorities", response={200: list[PriorityOut], 404: ErrorOut})
def list_priorities(request: HttpRequest, year: int) -> Any:
    _insider(request)
    return _priorities(year)


@router.post("/priorities", response={201: list[PriorityOut], **EDITING})
def add_priority(request: HttpRequest, payload: PriorityIn) -> Any:
    _insider(request)
    services.add_priority(actor=actor_of(request), **payload.model_dump())
    return Status(201, _priorities(payload.year))


@router.post("/priorities/{pk}/indicators", response={201: list[PriorityOut], **EDITING})
def add_indicator(request: HttpRequest, pk: int, payload: PriorityIndicatorIn) -> Any:
    _insider(request)
    priority = selectors.priority(pk)
    services.add_indicator(priority, actor=actor_of(request), **payload.model_dump())
    return Status(201, _priorities(priority.year))


@router.post("/indicators/{pk}/values", response={201: list[PriorityOut], **EDITING})
def record_value(request: HttpRequest, pk: int, payload: IndicatorValueIn) -> Any:
    _insider(request)
    indicator = selectors.indicator(pk)
    if indicator is None:
        raise Http404
    services.record_value(indicator, actor=actor_of(request), **payload.model_dump())
    return Status(201, _priorities(indicator.priority.year))
