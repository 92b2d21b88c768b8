from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from concord.core.actors import actor_of
from concord.core.api import ErrorOut, StrictIn
from concord.core.errors import Code as CoreCode
from concord.core.errors import NotAllowed
from concord.core.models import viewer_of
from concord.organization.models import MemberState

from . import selectors, services
from .models import NationalReport

router = Router(tags=["operations"])


class OperationOut(Schema):
    id: int
    code: str
    name_ru: str
    name_en: str
    purpose_ru: str
    purpose_en: str
    marking: str
    since: int | None
    states: list[str]


class OperationStageOut(Schema):
    id: int
    operation: int
    kind: str
    name_ru: str
    name_en: str
    starts_on: dt.date
    ends_on: dt.date
    host_state: str | None
    headquarters_ru: str
    headquarters_en: str
    states: list[str]
    results_public: bool


class FigureIO(StrictIn):
    agency: str = ""
    indicator: str
    item: str = ""
    value: str
    unit: str = ""


class NationalReportOut(Schema):
    id: int
    stage: int
    state: str
    revision: int
    status: str
    version: int
    figures: list[FigureIO]


class ReportIn(StrictIn):
    state: str | None = None
    version: int | None = None
    submit: bool = False
    figures: list[FigureIO]


class ProblemOut(Schema):
    row: int
    column: str
    value: str
    why: str


class RejectedOut(ErrorOut):
    problems: list[ProblemOut]


class ReportSaved(Schema):
    report: NationalReportOut
    imported: int
    warnings: list[ProblemOut]


class StepIn(StrictIn):
    version: int | None = None


class ResultOut(Schema):
    indicator: str
    name_ru: str
    name_en: str
    unit: str
    total: float
    by_state: dict[str, float]
    by_item: dict[str, float]


def _operation_out(op: Any) -> dict[str, Any]:
    return {
        **{
            f: getattr(op, f)
            for f in (
                "id",
                "code",
                "name_ru",
                "name_en",
                "purpose_ru",
                "purpose_en",
                "marking",
                "since",
            )
        },
        "states": [s.iso2 for s in op.states.all()],
    }


def _stage_out(stage: Any) -> dict[str, Any]:
    return {
        **{
            f: getattr(stage, f)
            for f in (
                "id",
                "kind",
                "name_ru",
                "name_en",
                "starts_on",
                "ends_on",
                "headquarters_ru",
                "headquarters_en",
                "results_public",
            )
        },
        "operation": stage.operation_id,
        "host_state": stage.host_state.iso2 if stage.host_state else None,
        "states": [s.iso2 for s in stage.states.all()],
    }


def _report_out(report: NationalReport) -> dict[str, Any]:
    figures = [
        {
            "agency": f.agency.code if f.agency else "",
            "indicator": f.indicator.code,
            "item": f.item.code if f.item else "",
            "value": str(f.value),
            "unit": f.indicator.unit.code if f.indicator.unit else "",
        }
        for f in report.figures.select_related("agency", "indicator__unit", "item")
    ]
    return {
        "id": report.pk,
        "stage": report.stage_id,
        "state": report.state.iso2,
        "revision": report.revision,
        "status": report.status,
        "version": report.version,
        "figures": figures,
    }


@router.get("/operations", response=list[OperationOut])
def list_operations(request: HttpRequest) -> Any:
    return [
        _operation_out(op) for op in selectors.operations(request.user).prefetch_related("states")
    ]


@router.get("/operations/{pk}/stages", response={200: list[OperationStageOut], 404: ErrorOut})
def list_stages(request: HttpRequest, pk: int) -> Any:
    op = selectors.operation(request.user, pk)
    return [
        _stage_out(s) for s in op.stages.select_related("host_state").prefetch_related("states")
    ]


@router.get("/stages/{pk}/reports", response={200: list[NationalReportOut], 404: ErrorOut})
def list_reports(request: HttpRequest, pk: int) -> Any:
    """The stage's national reports the caller may see (their own state's, or all for the Secretariat)."""
    stage = selectors.stage(request.user, pk)
    return [_report_out(r) for r in selectors.reports(request.user, stage)]


@router.post(
    "/stages/{pk}/reports",
    response={
        200: ReportSaved,
        400: RejectedOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
    },
)
def put_report(request: HttpRequest, pk: int, payload: ReportIn) -> Any:
    """Replace the draft of the caller's state by these figures, all or nothing (the JSON twin of the
    spreadsheet upload); with `submit`, submit it too."""
    stage = selectors.stage(request.user, pk)
    state_id = viewer_of(request.user).state_id
    state = MemberState.objects.filter(pk=state_id).first() if state_id else None
    if state is None or (payload.state and payload.state.upper() != state.iso2):
        raise NotAllowed(
            CoreCode.NOT_ALLOWED,
            _("Only a delegation of a participating state files its report."),
            field="state",
        )
    rows = ((i, f.model_dump()) for i, f in enumerate(payload.figures, start=1))
    try:
        report, count, warnings = services.import_rows(
            stage,
            state,
            rows,
            actor=actor_of(request),
            version=payload.version,
            submit=payload.submit,
        )
    except services.ImportRejected as error:
        return Status(
            400,
            {
                "code": error.code,
                "message": str(error.message),
                "errors": [],
                "problems": [p.__dict__ for p in error.problems],
            },
        )
    return {
        "report": _report_out(report),
        "imported": count,
        "warnings": [w.__dict__ for w in warnings],
    }


@router.post(
    "/reports/{pk}/{step}",
    response={200: NationalReportOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def report_step(request: HttpRequest, pk: int, step: str, payload: StepIn) -> Any:
    """`submit`, `return`, `approve`, `consolidate` or `correct` (a new revision of an approved report)."""
    report = selectors.report(request.user, pk)
    if step == "correct":
        return _report_out(services.start_correction(report, actor=actor_of(request)))
    steps = {
        "submit": services.submit_report,
        "return": services.return_report,
        "approve": services.approve_report,
        "consolidate": services.consolidate_report,
    }
    if step not in steps:
        raise Http404
    return _report_out(steps[step](report, actor=actor_of(request), version=payload.version))


@router.get("/stages/{pk}/results", response={200: list[ResultOut], 404: ErrorOut})
def stage_results(request: HttpRequest, pk: int) -> Any:
    stage = selectors.stage(request.user, pk)
    res = selectors.results(request.user, stage.operation, stage=stage)
    states = {s.pk: s.iso2 for s in res.states}
    return [
        {
            "indicator": r.indicator.code,
            "name_ru": r.indicator.name_ru,
            "name_en": r.indicator.name_en,
            "unit": r.indicator.unit.code if r.indicator.unit else "",
            "total": float(r.total),
            "by_state": {states[k]: float(v) for k, v in r.by_state.items()},
            "by_item": {(res.items[k].code if k else ""): float(v) for k, v in r.by_item.items()},
        }
        for r in res.reported
    ]
