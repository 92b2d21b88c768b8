from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Status, UploadedFile

from concord.core.actors import actor_of
from concord.core.api import ErrorOut
from concord.core.errors import Code as CoreCode
from concord.core.errors import DomainError, NotAllowed
from concord.core.models import viewer_of
from concord.organization.models import MemberState

from . import outputs, permissions, selectors, services
from .codes import Code
from .forms import MAX_UPLOAD
from .models import NationalReport
from .schemas import (
    FigureIn,
    FigureSaved,
    NationalReportOut,
    OperationOut,
    OperationStageOut,
    PressReleaseIn,
    PressReleaseOut,
    PublicityIn,
    RejectedOut,
    ReportIn,
    ReportSaved,
    ResultOut,
    StepIn,
)

router = Router(tags=["operations"])


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
            "id": f.pk,
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


def _my_state(request: HttpRequest, claimed: str | None = None) -> MemberState:
    """The state the caller's delegation speaks for (and, if the request names one, that one)."""
    state_id = viewer_of(request.user).state_id
    state = MemberState.objects.filter(pk=state_id).first() if state_id else None
    if state is None or (claimed and claimed.upper() != state.iso2):
        raise NotAllowed(
            CoreCode.NOT_ALLOWED,
            _("Only a delegation of a participating state files its report."),
            field="state",
        )
    return state


def _saved(report: NationalReport, count: int, warnings: list[Any]) -> dict[str, Any]:
    return {
        "report": _report_out(report),
        "imported": count,
        "warnings": [w.__dict__ for w in warnings],
    }


def _rejected(error: services.ImportRejected) -> Status[dict[str, Any]]:
    """Nothing was imported: every bad row, each with its column and why."""
    return Status(
        400,
        {
            "code": error.code,
            "message": str(error.message),
            "errors": [],
            "problems": [p.__dict__ for p in error.problems],
        },
    )


FILING = {400: RejectedOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
EDITING = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


@router.post("/stages/{pk}/reports/open", response={200: NationalReportOut, **EDITING})
def open_report(request: HttpRequest, pk: int) -> Any:
    """The report of the caller's state on the stage: the latest revision, or a new draft if there is
    none yet (the page's "open the report")."""
    stage = selectors.stage(request.user, pk)
    state = _my_state(request)
    report = services.current_report(stage, state) or services.open_draft(
        stage, state, actor=actor_of(request)
    )
    return _report_out(report)


@router.post("/stages/{pk}/reports", response={200: ReportSaved, **FILING})
def put_report(request: HttpRequest, pk: int, payload: ReportIn) -> Any:
    """Replace the draft of the caller's state by these figures, all or nothing (the JSON twin of the
    spreadsheet upload); with `submit`, submit it too."""
    stage = selectors.stage(request.user, pk)
    state = _my_state(request, payload.state)
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
        return _rejected(error)
    return _saved(report, count, warnings)


# Before /reports/{pk}/{step}, which would otherwise take "figures" and "spreadsheet" for steps.


@router.post("/reports/{pk}/spreadsheet", response={200: ReportSaved, **FILING})
def upload_report(
    request: HttpRequest,
    pk: int,
    file: File[UploadedFile],
    version: Form[int],
) -> Any:
    """Replace the draft's figures by those of the stage's template (XLSX or CSV), all or nothing."""
    report = selectors.report(request.user, pk)
    if (file.size or 0) > MAX_UPLOAD:
        raise DomainError(Code.FILE_TOO_LARGE, _("The file is larger than 50 MB."), field="file")
    try:
        report, count, warnings = services.import_report(
            report.stage, report.state, file, actor=actor_of(request), version=version
        )
    except services.ImportRejected as error:
        return _rejected(error)
    return _saved(report, count, warnings)


@router.post("/reports/{pk}/figures", response={200: FigureSaved, **EDITING})
def set_figure(request: HttpRequest, pk: int, payload: FigureIn) -> Any:
    """Add or change one line of a draft, as the report's form does."""
    report = selectors.report(request.user, pk)
    _figure, warnings = services.set_figure(
        report,
        payload.model_dump(exclude={"version"}),
        actor=actor_of(request),
        version=payload.version,
    )
    report.refresh_from_db()
    return {"report": _report_out(report), "warnings": warnings}


@router.delete("/reports/{pk}/figures/{figure_id}", response={200: NationalReportOut, **EDITING})
def remove_figure(request: HttpRequest, pk: int, figure_id: int, version: int) -> Any:
    """Take one line out of a draft; `version` is the report's edit counter the removal was made on."""
    report = selectors.report(request.user, pk)
    services.remove_figure(report, figure_id, actor=actor_of(request), version=version)
    report.refresh_from_db()
    return _report_out(report)


@router.post("/reports/{pk}/{step}", response={200: NationalReportOut, **EDITING})
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


@router.post("/stages/{pk}/publicity", response={200: OperationStageOut, **EDITING})
def set_publicity(request: HttpRequest, pk: int, payload: PublicityIn) -> Any:
    """Whether the stage's consolidated results go to the public site (the Secretariat decides)."""
    stage = selectors.stage(request.user, pk)
    return _stage_out(
        services.set_results_public(stage, actor=actor_of(request), public=payload.public)
    )


def _secretariat_stage(request: HttpRequest, pk: int) -> Any:
    """As the press release page loads the stage: 404 if unseen, 403 for anyone but the Secretariat."""
    stage = selectors.stage(request.user, pk)
    if not permissions.is_secretariat(request.user):
        raise NotAllowed(CoreCode.NOT_ALLOWED, services.SECRETARIAT_ONLY)
    return stage


@router.get(
    "/stages/{pk}/press-release", response={200: PressReleaseOut, 403: ErrorOut, 404: ErrorOut}
)
def get_press_release(request: HttpRequest, pk: int) -> Any:
    """The saved press release, or the draft the Secretariat starts from (written from the results)."""
    stage = _secretariat_stage(request, pk)
    return outputs.press_release_texts(request.user, stage)


@router.post("/stages/{pk}/press-release", response={200: PressReleaseOut, **EDITING})
def save_press_release(request: HttpRequest, pk: int, payload: PressReleaseIn) -> Any:
    """Save the press release; it becomes a draft for the publications editors."""
    stage = selectors.stage(request.user, pk)
    services.save_press_release(stage, actor=actor_of(request), **payload.model_dump())
    return outputs.press_release_texts(request.user, stage)


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
