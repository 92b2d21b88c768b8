"""The deployments API: the list, one deployment with its steps (the chronology), contingents, sites
and log, and one operation per step, calling the same services as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from concord.core.actors import actor_of
from concord.core.api import ErrorOut
from concord.core.errors import DomainError
from concord.organization.models import MemberState

from . import deployment_selectors as selectors
from . import deployments as services
from .codes import Code
from .deployment_schemas import (
    ContingentAcceptanceIn,
    ContingentArrivalIn,
    ContingentOfferIn,
    ContingentOut,
    ContingentWithdrawalIn,
    DeploymentCommandIn,
    DeploymentCompletionIn,
    DeploymentDecisionIn,
    DeploymentDetailOut,
    DeploymentLogIn,
    DeploymentOut,
    DeploymentRefusalIn,
    DeploymentReportIn,
    DeploymentRequestIn,
    ProtectedSiteIn,
    ProtectedSiteOut,
    UnInformedIn,
)
from .models import Contingent, Deployment, Formation
from .permissions import units_visible_to

router = Router(tags=["forces"])

ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}

# The deployment's texts, each as a pair: Russian (`_ru`) and English (`_en`).
TEXTS = (
    "letter_reference",
    "request_text",
    "decision_reference",
    "legal_basis",
    "tasks",
    "area",
    "duration",
    "commander",
    "completion_reference",
    "report_reference",
)
FIELDS = [
    "id",
    "title_ru",
    "title_en",
    "status",
    "marking",
    "requested_at",
    "decided_at",
    "deployed_at",
    "completion_decided_at",
    "withdrawn_at",
    "reported_at",
    "un_informed_on",
    "demo",
    "version",
    *(f"{name}_{lang}" for name in TEXTS for lang in ("ru", "en")),
]


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _fields(payload: Schema) -> dict[str, Any]:
    """A step's payload as the service's keywords, times read as UTC when they carry no zone."""
    return {
        name: _aware(value) if isinstance(value, dt.datetime) else value
        for name, value in payload.dict().items()
    }


def _state(iso2: str, field: str) -> MemberState:
    state = MemberState.objects.filter(iso2=iso2.upper()[:2]).first()
    if state is None:
        raise DomainError(Code.NOT_PARTICIPATING, _("No member state has this code."), field=field)
    return state


def _deployment_out(d: Deployment, rec: selectors.Record | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {f: getattr(d, f) for f in FIELDS}
    out |= {
        "host": d.host.iso2,
        "consultation": d.consultation_id,
        "lead_state": d.lead_state.iso2 if d.lead_state else None,
    }
    if rec is None:
        return out | {
            "personnel": d.personnel,  # type: ignore[attr-defined]
            "equipment": d.equipment_total,  # type: ignore[attr-defined]
            "contingents": d.n_contingents,  # type: ignore[attr-defined]
            "sites": d.n_sites,  # type: ignore[attr-defined]
        }
    return out | {
        "personnel": rec.totals.personnel,
        "equipment": rec.totals.equipment,
        "contingents": rec.totals.contingents,
        "sites": rec.totals.sites,
        "steps": [s.__dict__ for s in rec.steps],
        "contingent_rows": [_contingent_out(c) for c in rec.contingents],
        "site_rows": [_site_out(s) for s in rec.sites],
        "log": [
            {
                "id": e.pk,
                "kind": e.kind,
                "at": e.at,
                "text_ru": e.text_ru,
                "text_en": e.text_en,
                "state": e.state.iso2 if e.state else None,
                "demo": e.demo,
            }
            for e in rec.log
        ],
    }


def _contingent_out(c: Contingent) -> dict[str, Any]:
    names = (
        "id offered offered_at accepted_at strength equipment arrived_at withdrawn_at demo version"
    )
    return {f: getattr(c, f) for f in names.split()} | {
        "deployment": c.deployment_id,
        "state": c.state.iso2,
        "unit": c.unit_id,
    }


def _site_out(s: Any) -> dict[str, Any]:
    names = "id name_ru name_en latitude longitude since demo"
    return {f: getattr(s, f) for f in names.split()} | {"contingent": s.contingent_id}


def _detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    d = selectors.deployment(request.user, pk)
    return _deployment_out(d, selectors.record(d))


def _contingent(request: HttpRequest, pk: int) -> Contingent:
    c = Contingent.objects.select_related("state").filter(pk=pk).first()
    if c is None:
        raise Http404
    selectors.deployment(request.user, c.deployment_id)  # 404 unless the user sees the deployment
    return c


@router.get("/deployments", response=list[DeploymentOut])
def list_deployments(request: HttpRequest) -> Any:
    return [_deployment_out(d) for d in selectors.deployments(request.user)]


@router.get("/deployments/{pk}", response={200: DeploymentDetailOut, 404: ErrorOut})
def get_deployment(request: HttpRequest, pk: int) -> Any:
    """A deployment with its steps in time order (the chronology), contingents, sites and log."""
    return _detail(request, pk)


@router.post("/deployments", response={201: DeploymentDetailOut, **ERRORS})
def request_deployment(request: HttpRequest, payload: DeploymentRequestIn) -> Any:
    """Record a member state's official request; it opens the emergency consultation."""
    formation = None
    if payload.formation:
        formation = Formation.objects.filter(code=payload.formation).first()
        if formation is None:
            raise DomainError(Code.NOT_PARTICIPATING, _("No such formation."), field="formation")
    d = services.request_deployment(
        _state(payload.host, "host"),
        actor=actor_of(request),
        requested_at=_aware(payload.requested_at),
        letter_reference_ru=payload.letter_reference_ru,
        letter_reference_en=payload.letter_reference_en,
        request_text_ru=payload.request_text_ru,
        request_text_en=payload.request_text_en,
        formation=formation,
    )
    return Status(201, _detail(request, d.pk))


@router.post("/deployments/{pk}/decision", response={200: DeploymentDetailOut, **ERRORS})
def decide_deployment(request: HttpRequest, pk: int, payload: DeploymentDecisionIn) -> Any:
    services.decide_deployment(
        selectors.deployment(request.user, pk), actor=actor_of(request), **_fields(payload)
    )
    return _detail(request, pk)


@router.post("/deployments/{pk}/refusal", response={200: DeploymentDetailOut, **ERRORS})
def refuse_deployment(request: HttpRequest, pk: int, payload: DeploymentRefusalIn) -> Any:
    services.refuse_deployment(
        selectors.deployment(request.user, pk), actor=actor_of(request), **_fields(payload)
    )
    return _detail(request, pk)


@router.post("/deployments/{pk}/command", response={200: DeploymentDetailOut, **ERRORS})
def set_command(request: HttpRequest, pk: int, payload: DeploymentCommandIn) -> Any:
    d = selectors.deployment(request.user, pk)
    services.set_command(
        d,
        actor=actor_of(request),
        version=payload.version,
        lead_state=_state(payload.lead_state, "lead_state"),
        commander_ru=payload.commander_ru,
        commander_en=payload.commander_en,
    )
    return _detail(request, pk)


@router.post("/deployments/{pk}/contingents", response={201: ContingentOut, **ERRORS})
def offer_contingent(request: HttpRequest, pk: int, payload: ContingentOfferIn) -> Any:
    """The caller's state offers its contingent."""
    d = selectors.deployment(request.user, pk)
    # Only a unit the caller may see in detail: another state's is "no such unit", not a hint.
    unit = units_visible_to(request.user).filter(pk=payload.unit).first() if payload.unit else None
    if payload.unit and unit is None:
        raise DomainError(Code.NOT_IN_DEPLOYMENT, _("No such unit."), field="unit")
    c = services.offer_contingent(
        d,
        _state(payload.state, "state"),
        actor=actor_of(request),
        offered=payload.offered,
        offered_at=_aware(payload.offered_at),
        unit=unit,
    )
    return Status(201, _contingent_out(c))


@router.post("/contingents/{pk}/acceptance", response={200: ContingentOut, **ERRORS})
def accept_contingent(request: HttpRequest, pk: int, payload: ContingentAcceptanceIn) -> Any:
    c = services.accept_contingent(
        _contingent(request, pk), actor=actor_of(request), **_fields(payload)
    )
    return _contingent_out(c)


@router.post("/contingents/{pk}/arrival", response={200: ContingentOut, **ERRORS})
def record_arrival(request: HttpRequest, pk: int, payload: ContingentArrivalIn) -> Any:
    c = services.record_arrival(
        _contingent(request, pk), actor=actor_of(request), **_fields(payload)
    )
    return _contingent_out(c)


@router.post("/contingents/{pk}/withdrawal", response={200: ContingentOut, **ERRORS})
def withdraw_contingent(request: HttpRequest, pk: int, payload: ContingentWithdrawalIn) -> Any:
    c = services.withdraw_contingent(
        _contingent(request, pk), actor=actor_of(request), **_fields(payload)
    )
    return _contingent_out(c)


@router.post("/deployments/{pk}/sites", response={201: ProtectedSiteOut, **ERRORS})
def protect_site(request: HttpRequest, pk: int, payload: ProtectedSiteIn) -> Any:
    d = selectors.deployment(request.user, pk)
    contingent = None
    if payload.contingent is not None:
        contingent = d.contingents.filter(pk=payload.contingent).first()
        if contingent is None:
            raise DomainError(
                Code.NOT_IN_DEPLOYMENT, _("No such contingent in this force."), field="contingent"
            )
    site = services.protect_site(
        d,
        actor=actor_of(request),
        name_ru=payload.name_ru,
        name_en=payload.name_en,
        since=_aware(payload.since),
        contingent=contingent,
        latitude=payload.latitude,
        longitude=payload.longitude,
    )
    return Status(201, _site_out(site))


@router.post("/deployments/{pk}/log", response={201: DeploymentDetailOut, **ERRORS})
def log_entry(request: HttpRequest, pk: int, payload: DeploymentLogIn) -> Any:
    d = selectors.deployment(request.user, pk)
    services.log_entry(
        d,
        actor=actor_of(request),
        kind=payload.kind,
        at=_aware(payload.at),
        text_ru=payload.text_ru,
        text_en=payload.text_en,
    )
    return Status(201, _detail(request, pk))


@router.post("/deployments/{pk}/un-informed", response={200: DeploymentDetailOut, **ERRORS})
def inform_un(request: HttpRequest, pk: int, payload: UnInformedIn) -> Any:
    d = selectors.deployment(request.user, pk)
    services.inform_un(d, actor=actor_of(request), version=payload.version, on=payload.on)
    return _detail(request, pk)


@router.post("/deployments/{pk}/completion", response={200: DeploymentDetailOut, **ERRORS})
def complete_deployment(request: HttpRequest, pk: int, payload: DeploymentCompletionIn) -> Any:
    services.complete_deployment(
        selectors.deployment(request.user, pk), actor=actor_of(request), **_fields(payload)
    )
    return _detail(request, pk)


@router.post("/deployments/{pk}/report", response={200: DeploymentDetailOut, **ERRORS})
def record_report(request: HttpRequest, pk: int, payload: DeploymentReportIn) -> Any:
    services.record_report(
        selectors.deployment(request.user, pk), actor=actor_of(request), **_fields(payload)
    )
    return _detail(request, pk)
