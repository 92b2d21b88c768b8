"""The API of target programmes: everything their pages offer, and the structure the Secretariat
keeps (stages, activities, funding, adoption). Budgets: `budget_api.py`; action plans, tasks and
priorities: `plan_api.py`."""

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
from concord.organization.models import MemberState

from . import changes, outputs, selectors, services
from .codes import Code
from .models import Programme
from .states import ActivityKind

router = Router(tags=["programmes"])
EDITING = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


def state_named(iso2: str, field: str = "state") -> MemberState:
    found = MemberState.objects.filter(iso2=iso2.upper()).first() if len(iso2) == 2 else None
    if found is None:
        raise DomainError(
            Code.UNKNOWN, _("Unknown state “%(code)s”.") % {"code": iso2}, field=field
        )
    return found


class ProgrammeOut(Schema):
    id: int
    code: str
    name_ru: str
    name_en: str
    coordinator: str = Field(..., alias="coordinator.iso2", description="ISO alpha-2")
    currency: str = Field(..., alias="currency.code")
    starts_on: dt.date
    ends_on: dt.date
    status: str
    decision: int | None = Field(None, alias="decision_id", description="the adopting consultation")
    adopted_on: dt.date | None
    version: int
    demo: bool = Field(..., description="amounts and shares are the demo's, not published")


class FundingOut(Schema):
    state: str = Field(..., alias="state.iso2")
    share: Decimal = Field(..., description="per cent of the stage's funding")
    amount: Decimal
    demo: bool


class ProgrammeStageOut(Schema):
    number: int
    name_ru: str
    name_en: str
    first_year: int
    last_year: int
    activities: int
    planned: int
    delivered: int
    progress: Decimal | None = Field(..., description="per cent delivered of the planned quantity")
    contracts: int
    funding: list[FundingOut]


class NationalCustomerOut(Schema):
    state: str = Field(..., alias="state.iso2")
    agency_ru: str
    agency_en: str
    demo: bool


class ProgrammeDetailOut(ProgrammeOut):
    history_ru: str
    history_en: str
    source: str
    customers: list[NationalCustomerOut]
    stages: list[ProgrammeStageOut] = Field(..., description="with their figures and funding")

    @staticmethod
    def resolve_customers(obj: Programme) -> list[Any]:
        return list(obj.customers.select_related("state"))

    @staticmethod
    def resolve_stages(obj: Programme) -> list[dict[str, Any]]:
        return [_stage_out(f) for f in selectors.stage_figures(obj)]


class ActivityOut(Schema):
    id: int
    stage: int = Field(..., alias="stage.number")
    kind: str
    name_ru: str
    name_en: str
    recipient_ru: str
    recipient_en: str
    planned: int
    unit_ru: str
    unit_en: str
    delivered: int = 0
    demo: bool


class ContractOut(Schema):
    id: int
    activity: int = Field(..., alias="activity_id")
    number: str
    supplier: str
    signed_on: dt.date
    amount: Decimal
    currency: str = Field(..., alias="currency.code")
    document: str
    demo: bool


class DeliveryOut(Schema):
    id: int
    stage: int = Field(..., alias="stage.number")
    activity: int = Field(..., alias="activity_id")
    contract: int | None = Field(None, alias="contract_id")
    delivered_on: dt.date
    quantity: int
    destination: str
    document: str
    demo: bool


class ProgrammeChangeOut(Schema):
    id: int
    consultation: int = Field(..., alias="consultation_id")
    summary_ru: str
    summary_en: str
    status: str
    proposed_at: dt.datetime
    adopted_on: dt.date | None
    version: int


class StageReportOut(Schema):
    paragraphs: list[str] = Field(..., description="in the language of the request")


class ProgrammeIn(StrictIn):
    code: str = Field(..., pattern=r"^[a-z0-9-]{1,40}$")
    name_ru: Title
    name_en: Title
    coordinator: str = Field(..., min_length=2, max_length=2, description="ISO alpha-2")
    currency: str = Field(..., min_length=3, max_length=3)
    starts_on: dt.date
    ends_on: dt.date
    change_route: str = Field("", max_length=50, description="the consultations route of changes")
    history_ru: str = Field("", max_length=10_000)
    history_en: str = Field("", max_length=10_000)
    source: str = Field("", max_length=300)
    demo: bool = False


class ProgrammeStageIn(StrictIn):
    number: int = Field(..., ge=1, le=99)
    name_ru: Title
    name_en: Title
    first_year: int = Field(..., ge=1990, le=2200)
    last_year: int = Field(..., ge=1990, le=2200)
    change: int | None = Field(None, description="the adopted change it is made under")


class NationalCustomerIn(StrictIn):
    state: str = Field(..., min_length=2, max_length=2)
    agency_ru: Title
    agency_en: str = Field("", max_length=300)
    demo: bool = False


class ActivityIn(StrictIn):
    stage: int = Field(..., description="the stage's number")
    kind: ActivityKind
    name_ru: Title
    name_en: Title
    recipient_ru: Title
    recipient_en: str = Field("", max_length=300)
    planned: int = Field(..., ge=1, le=1_000_000_000)
    unit_ru: str = Field("ед.", max_length=40)
    unit_en: str = Field("units", max_length=40)
    change: int | None = None
    demo: bool = False


class FundingShareIn(StrictIn):
    state: str = Field(..., min_length=2, max_length=2)
    share: Decimal = Field(..., max_digits=7, decimal_places=4)
    amount: Decimal = Field(..., max_digits=18, decimal_places=2)


class FundingIn(StrictIn):
    shares: list[FundingShareIn] = Field(..., max_length=50)
    change: int | None = None
    demo: bool = False
    version: int = Field(
        ...,
        description="the programme's edit counter the funding replaces; a newer programme is "
        "refused (409)",
    )


class ProgrammeAdoptionIn(StrictIn):
    decision: int = Field(..., description="the consultation that adopted it")
    version: int | None = None


class ContractIn(StrictIn):
    activity: int
    number: Title
    supplier: Title
    signed_on: dt.date
    amount: Decimal = Field(..., max_digits=18, decimal_places=2)
    currency: str = Field(..., max_length=3)
    document: str = Field("", max_length=300)


class DeliveryIn(StrictIn):
    stage: int = Field(..., description="the stage's number")
    activity: int
    contract: int | None = None
    delivered_on: dt.date
    quantity: int = Field(..., ge=1, le=1_000_000_000)
    destination: str = Field("", max_length=200)
    document: Title


class ProgrammeChangeIn(StrictIn):
    summary_ru: Text
    summary_en: str = Field("", max_length=10_000)


class ChangeWithdrawalIn(StrictIn):
    version: int | None = None


def _stage_out(f: selectors.StageFigures) -> dict[str, Any]:
    return {
        "number": f.stage.number,
        "name_ru": f.stage.name_ru,
        "name_en": f.stage.name_en,
        "first_year": f.stage.first_year,
        "last_year": f.stage.last_year,
        "activities": f.activities,
        "planned": f.planned,
        "delivered": f.delivered,
        "progress": f.percent,
        "contracts": f.contracts,
        "funding": f.funding,
    }


def _detail(programme: Programme) -> Programme:
    programme.refresh_from_db()
    return programme


def _stage(programme: Programme, number: int) -> Any:
    stage = programme.stages.filter(number=number).first()
    if stage is None:
        raise DomainError(
            Code.UNKNOWN, _("The programme has no stage %(n)s.") % {"n": number}, field="stage"
        )
    return stage


def _change(programme: Programme, pk: int | None) -> Any:
    return programme.changes.filter(pk=pk).first() if pk else None


@router.get("/programmes", response=list[ProgrammeOut])
@paginate(Pages, page_size=50)
def list_programmes(request: HttpRequest) -> Any:
    return selectors.programmes(request.user)


@router.post("/programmes", response={201: ProgrammeDetailOut, **EDITING})
def create_programme(request: HttpRequest, payload: ProgrammeIn) -> Any:
    data = payload.model_dump()
    programme = services.create_programme(
        actor=actor_of(request),
        coordinator=state_named(data.pop("coordinator"), "coordinator"),
        currency_code=data.pop("currency"),
        **data,
    )
    return Status(201, _detail(programme))


@router.get("/programmes/{pk}", response={200: ProgrammeDetailOut, 404: ErrorOut})
def get_programme(request: HttpRequest, pk: int) -> Any:
    return _detail(selectors.programme(request.user, pk))


@router.post("/programmes/{pk}/stages", response={201: ProgrammeDetailOut, **EDITING})
def add_stage(request: HttpRequest, pk: int, payload: ProgrammeStageIn) -> Any:
    programme = selectors.programme(request.user, pk)
    data = payload.model_dump()
    change = _change(programme, data.pop("change"))
    services.add_stage(programme, actor=actor_of(request), change=change, **data)
    return Status(201, _detail(programme))


@router.post("/programmes/{pk}/customers", response={201: NationalCustomerOut, **EDITING})
def add_customer(request: HttpRequest, pk: int, payload: NationalCustomerIn) -> Any:
    programme = selectors.programme(request.user, pk)
    data = payload.model_dump()
    state = state_named(data.pop("state"))
    return Status(
        201, services.add_customer(programme, actor=actor_of(request), state=state, **data)
    )


@router.get("/programmes/{pk}/activities", response={200: list[ActivityOut], 404: ErrorOut})
@paginate(Pages, page_size=100)
def list_activities(request: HttpRequest, pk: int) -> Any:
    return selectors.all_activities(selectors.programme(request.user, pk))


@router.post("/programmes/{pk}/activities", response={201: ActivityOut, **EDITING})
def add_activity(request: HttpRequest, pk: int, payload: ActivityIn) -> Any:
    programme = selectors.programme(request.user, pk)
    data = payload.model_dump()
    stage = _stage(programme, data.pop("stage"))
    change = _change(programme, data.pop("change"))
    activity = services.add_activity(
        programme, actor=actor_of(request), stage=stage, change=change, **data
    )
    return Status(201, activity)


@router.put("/programmes/{pk}/stages/{number}/funding", response={200: list[FundingOut], **EDITING})
def set_funding(request: HttpRequest, pk: int, number: int, payload: FundingIn) -> Any:
    """Every state's share (per cent, adding up to 100) and amount of the stage's funding."""
    programme = selectors.programme(request.user, pk)
    rows = [
        services.FundingRow(state_named(r.state, "shares"), r.share, r.amount)
        for r in payload.shares
    ]
    return services.set_funding(
        programme,
        _stage(programme, number),
        actor=actor_of(request),
        rows=rows,
        change=_change(programme, payload.change),
        demo=payload.demo,
        version=payload.version,
    )


@router.post("/programmes/{pk}/adopt", response={200: ProgrammeDetailOut, **EDITING})
def adopt_programme(request: HttpRequest, pk: int, payload: ProgrammeAdoptionIn) -> Any:
    programme = selectors.programme(request.user, pk)
    services.adopt_programme(
        programme, actor=actor_of(request), decision_id=payload.decision, version=payload.version
    )
    return _detail(programme)


@router.get("/programmes/{pk}/contracts", response={200: list[ContractOut], 404: ErrorOut})
def list_contracts(request: HttpRequest, pk: int) -> Any:
    return selectors.contracts(selectors.programme(request.user, pk))


@router.post("/programmes/{pk}/contracts", response={201: ContractOut, **EDITING})
def record_contract(request: HttpRequest, pk: int, payload: ContractIn) -> Any:
    programme = selectors.programme(request.user, pk)
    data = payload.model_dump()
    activity = programme.activities.filter(pk=data.pop("activity")).first()
    if activity is None:
        raise DomainError(Code.UNKNOWN, _("No such activity in the programme."), field="activity")
    contract = services.record_contract(
        activity, actor=actor_of(request), currency_code=data.pop("currency"), **data
    )
    return Status(201, contract)


@router.get("/programmes/{pk}/deliveries", response={200: list[DeliveryOut], 404: ErrorOut})
@paginate(Pages, page_size=100)
def list_deliveries(request: HttpRequest, pk: int) -> Any:
    programme = selectors.programme(request.user, pk)
    return programme.deliveries.select_related("stage").order_by("-delivered_on", "-pk")


@router.post("/programmes/{pk}/deliveries", response={201: DeliveryOut, **EDITING})
def record_delivery(request: HttpRequest, pk: int, payload: DeliveryIn) -> Any:
    programme = selectors.programme(request.user, pk)
    data = payload.model_dump()
    stage = _stage(programme, data.pop("stage"))
    activity = programme.activities.select_related("stage").filter(pk=data.pop("activity")).first()
    if activity is None:
        raise DomainError(Code.UNKNOWN, _("No such activity in the programme."), field="activity")
    contract_id = data.pop("contract")
    contract = programme.contracts.filter(pk=contract_id).first() if contract_id else None
    if contract_id and contract is None:
        raise DomainError(Code.UNKNOWN, _("No such contract in the programme."), field="contract")
    delivery = services.record_delivery(
        programme,
        actor=actor_of(request),
        stage=stage,
        activity=activity,
        contract=contract,
        **data,
    )
    return Status(201, delivery)


@router.get("/programmes/{pk}/changes", response={200: list[ProgrammeChangeOut], 404: ErrorOut})
def list_changes(request: HttpRequest, pk: int) -> Any:
    return selectors.programme(request.user, pk).changes.all()


@router.post("/programmes/{pk}/changes", response={201: ProgrammeChangeOut, **EDITING})
def propose_change(request: HttpRequest, pk: int, payload: ProgrammeChangeIn) -> Any:
    """Put a change before the bodies: a consultation on the programme's route for changes."""
    programme = selectors.programme(request.user, pk)
    change = services.propose_change(
        programme, actor=actor_of(request), now=timezone.now(), **payload.model_dump()
    )
    return Status(201, change)


@router.post(
    "/programmes/{pk}/changes/{change_id}/withdraw", response={200: ProgrammeChangeOut, **EDITING}
)
def withdraw_change(
    request: HttpRequest, pk: int, change_id: int, payload: ChangeWithdrawalIn
) -> Any:
    change = _change(selectors.programme(request.user, pk), change_id)
    if change is None:
        raise Http404
    return changes.withdraw_change(change, actor=actor_of(request), version=payload.version)


@router.get(
    "/programmes/{pk}/stages/{number}/report", response={200: StageReportOut, 404: ErrorOut}
)
def stage_report(request: HttpRequest, pk: int, number: int) -> Any:
    """A report on the stage drafted from its figures, in the language of the request."""
    programme = selectors.programme(request.user, pk)
    figures = next(
        (f for f in selectors.stage_figures(programme) if f.stage.number == number), None
    )
    if figures is None:
        raise Http404
    return {"paragraphs": outputs.stage_report(programme, figures)}
