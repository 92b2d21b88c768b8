"""The API creating partners, status applications and working groups, keeping the groups' half-year
work plans and reports to their council, and turning a meeting's follow-up into an action-plan task.
The same services as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Schema, Status

from concord.core.actors import actor_of
from concord.core.api import ErrorOut, StrictIn, Title
from concord.core.errors import DomainError
from concord.organization.selectors import bodies, member_states

from . import groupwork, selectors, services
from .api import (
    EDITING,
    MeetingDetailOut,
    PartnerOut,
    StatusApplicationOut,
    WorkingGroupOut,
    router,
)
from .codes import Code
from .states import Half, ItemStatus, PartnerKind, StatusKind

__all__ = ["router"]  # the operations below join the relations router (same paths, other methods)


class PartnerIn(StrictIn):
    code: str = Field(..., pattern=r"^[-a-z0-9_]+$", max_length=40)
    name_ru: Title
    name_en: Title
    short_ru: str = ""
    short_en: str = ""
    kind: PartnerKind
    parent: str | None = Field(None, description="code of the partner it is part of")
    website: str = ""
    contacts_ru: str = ""
    contacts_en: str = ""
    source: str = ""


class StatusApplicationIn(StrictIn):
    partner: str | None = Field(None, description="partner code")
    applicant_ru: str = ""
    applicant_en: str = ""
    kind: StatusKind
    applied_on: dt.date | None = None
    source: str = ""


class GroupMemberIn(StrictIn):
    state: str = Field(..., description="ISO alpha-2 code")
    person_ru: str = ""
    person_en: str = ""
    role_ru: str = ""
    role_en: str = ""


class WorkingGroupIn(StrictIn):
    body: str = Field(..., description="code of a body of the working-group kind")
    mandate_ru: str = ""
    mandate_en: str = ""
    created_on: dt.date | None = None
    source: str = ""
    members: list[GroupMemberIn] = []


class WorkPlanItemOut(Schema):
    id: int
    text_ru: str
    text_en: str
    due_on: dt.date
    status: str
    demo: bool
    version: int


class WorkPlanOut(Schema):
    id: int
    year: int
    half: int
    demo: bool
    items: list[WorkPlanItemOut]

    @staticmethod
    def resolve_items(obj: Any) -> list[Any]:
        return list(obj.items.all())


class WorkPlanIn(StrictIn):
    year: int = Field(..., ge=1990, le=2100)
    half: Half


class WorkPlanItemIn(StrictIn):
    text_ru: Title
    text_en: str = ""
    due_on: dt.date


class WorkPlanItemStatusIn(StrictIn):
    status: ItemStatus
    version: int | None = None


class GroupReportOut(Schema):
    id: int
    council: str = Field(..., alias="council.code")
    period_from: dt.date
    period_to: dt.date
    document: int = Field(..., alias="document_id", description="a documents-module document")
    demo: bool


class GroupReportIn(StrictIn):
    period_from: dt.date
    period_to: dt.date
    text: Title


class TrackIn(StrictIn):
    plan: int = Field(..., description="a draft action plan of the programmes module")
    decision: int = Field(..., description="a decision adopted at the plan's session")
    bodies: list[str] = Field(..., description="codes of the responsible bodies")
    deadline: dt.date | None = Field(None, description="empty: the follow-up's due date")


def _partner(user: Any, code: str | None, field: str) -> Any:
    if not code:
        return None
    found = selectors.partners(user).filter(code=code).first()
    if found is None:
        raise DomainError(Code.UNKNOWN, _("Unknown partner organization."), field=field)
    return found


@router.post("/partners", response={201: PartnerOut, **EDITING})
def create_partner(request: HttpRequest, payload: PartnerIn) -> Any:
    data = payload.model_dump()
    data["parent"] = _partner(request.user, data["parent"], "parent")
    partner = services.create_partner(actor=actor_of(request), **data)
    return Status(201, selectors.partner(request.user, partner.code))


@router.post("/status-applications", response={201: StatusApplicationOut, **EDITING})
def apply_for_status(request: HttpRequest, payload: StatusApplicationIn) -> Any:
    data = payload.model_dump()
    data["partner"] = _partner(request.user, data["partner"], "partner")
    return Status(201, services.apply_for_status(actor=actor_of(request), **data))


@router.post("/working-groups", response={201: WorkingGroupOut, **EDITING})
def create_group(request: HttpRequest, payload: WorkingGroupIn) -> Any:
    data = payload.model_dump()
    body = bodies().filter(code=data.pop("body")).first()
    if body is None:
        raise DomainError(Code.UNKNOWN, _("Unknown body."), field="body")
    states = {s.iso2: s for s in member_states()}
    members = []
    for member in data.pop("members"):
        state = states.get(member.pop("state").upper())
        if state is None:
            raise DomainError(Code.NOT_A_MEMBER, _("Unknown state."), field="members")
        members.append((state, member))
    services.create_group(body, actor=actor_of(request), members=members, **data)
    return Status(201, selectors.group(request.user, body.code))


@router.get("/working-groups/{code}/work-plans", response={200: list[WorkPlanOut], 404: ErrorOut})
def list_work_plans(request: HttpRequest, code: str) -> Any:
    return selectors.work_plans(request.user, selectors.group(request.user, code))


@router.post("/working-groups/{code}/work-plans", response={201: WorkPlanOut, **EDITING})
def create_work_plan(request: HttpRequest, code: str, payload: WorkPlanIn) -> Any:
    group = selectors.group(request.user, code)
    plan = groupwork.create_work_plan(
        group, actor=actor_of(request), year=payload.year, half=int(payload.half)
    )
    return Status(201, plan)


@router.post("/working-groups/{code}/work-plans/{pk}/items", response={201: WorkPlanOut, **EDITING})
def add_plan_item(request: HttpRequest, code: str, pk: int, payload: WorkPlanItemIn) -> Any:
    group = selectors.group(request.user, code)
    plan = selectors.work_plan(request.user, group, pk)
    groupwork.add_plan_item(plan, actor=actor_of(request), **payload.model_dump())
    return Status(201, selectors.work_plan(request.user, group, pk))


@router.post(
    "/working-groups/{code}/work-plan-items/{pk}/status",
    response={200: WorkPlanItemOut, **EDITING},
)
def mark_plan_item(request: HttpRequest, code: str, pk: int, payload: WorkPlanItemStatusIn) -> Any:
    group = selectors.group(request.user, code)
    item = selectors.plan_item(request.user, group, pk)
    return groupwork.mark_item(
        item, actor=actor_of(request), status=str(payload.status), version=payload.version
    )


@router.get("/working-groups/{code}/reports", response={200: list[GroupReportOut], 404: ErrorOut})
def list_reports(request: HttpRequest, code: str) -> Any:
    return list(selectors.group_reports(request.user, selectors.group(request.user, code)))


@router.post("/working-groups/{code}/reports", response={201: GroupReportOut, **EDITING})
def draft_report(request: HttpRequest, code: str, payload: GroupReportIn) -> Any:
    group = selectors.group(request.user, code)
    report = groupwork.draft_report(group, actor=actor_of(request), **payload.model_dump())
    return Status(201, report)


@router.post(
    "/meetings/{pk}/follow-ups/{follow_up_id}/task", response={200: MeetingDetailOut, **EDITING}
)
def track_follow_up(request: HttpRequest, pk: int, follow_up_id: int, payload: TrackIn) -> Any:
    meeting = selectors.meeting(request.user, pk)
    follow_up = selectors.follow_up(request.user, meeting, follow_up_id)
    found = list(bodies().filter(code__in=payload.bodies))
    if len(found) != len(set(payload.bodies)):
        raise DomainError(Code.UNKNOWN, _("Unknown body."), field="bodies")
    groupwork.track_follow_up(
        follow_up,
        actor=actor_of(request),
        plan_id=payload.plan,
        decision_id=payload.decision,
        bodies=found,
        deadline=payload.deadline,
    )
    return selectors.meeting(request.user, pk)
