from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.models import viewer_of
from concord.core.pagecache import cached_page
from concord.core.views import int_param, show_error
from concord.organization.models import MemberState

from . import outputs, permissions, selectors, services
from .forms import FigureForm, PressReleaseForm, UploadForm
from .models import NationalReport, Stage
from .spreadsheets import write_template
from .states import ReportStatus


@login_required
@cached_page
def operation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "operations/operation_list.html",
        {"operations": selectors.operations(request.user)},
    )


@login_required
def operation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    op = selectors.operation(request.user, pk)
    return render(
        request,
        "operations/operation_detail.html",
        {
            "op": op,
            "stages": op.stages.select_related("host_state").order_by("-starts_on"),
            "states": op.states.all(),
            "agencies": op.agencies.select_related("state"),
            "observers": op.observers.all(),
            "indicators": op.indicators.select_related("unit", "breakdown"),
            "sees_results": permissions.sees_results(request.user),
        },
    )


def _results(request: HttpRequest, pk: int) -> tuple[Any, selectors.Results, dict[str, Any]]:
    op = selectors.operation(request.user, pk)
    stage_id = int_param(request.GET.get("stage"))
    stage = op.stages.filter(pk=stage_id).first() if stage_id else None

    state = (
        MemberState.objects.filter(iso2=request.GET.get("state", "").upper()[:2]).first()
        if request.GET.get("state")
        else None
    )
    year = int_param(request.GET.get("year"))
    res = selectors.results(request.user, op, stage=stage, year=year, state=state)
    filters = {"stage": stage, "state": state, "year": year}
    return op, res, filters


@login_required
def results(request: HttpRequest, pk: int) -> HttpResponse:
    op, res, filters = _results(request, pk)
    chosen = int_param(request.GET.get("indicator"))
    reported = res.reported
    current = next(
        (r for r in reported if r.indicator.pk == chosen), reported[0] if reported else None
    )
    charts = {kind: outputs.chart(res, current, kind) for kind in outputs.CHARTS} if current else {}
    if current is not None and not current.indicator.breakdown_id:
        charts.pop("breakdown")
    download = _results_download(request, op, res, charts)
    if download is not None:
        return download
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "operations/results.html",
        {
            "op": op,
            "res": res,
            "filters": filters,
            "current": current,
            "charts": charts,
            "query": query.urlencode(),
            "years": sorted({s.year for s in op.stages.all()}),
            "all_stages": op.stages.order_by("starts_on"),
            "seizures": selectors.seizures(op.states.all()) if op.shows_drug_seizures else None,
        },
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _results_download(
    request: HttpRequest, op: Any, res: selectors.Results, charts: dict[str, str]
) -> HttpResponse | None:
    """The results as the file `?format=` asks for (csv, xlsx, pdf, or svg of `?chart=`), if any."""
    fmt, chart, name = request.GET.get("format"), request.GET.get("chart", ""), f"{op.code}-results"
    if fmt == "csv":
        return _download(outputs.as_csv(res), f"{name}.csv", "text/csv; charset=utf-8")
    if fmt == "xlsx":
        return _download(outputs.as_xlsx(res), f"{name}.xlsx", XLSX)
    if fmt == "pdf":
        title = _("%(name)s: consolidated results") % {"name": op.name}
        return _download(outputs.as_pdf(res, title=title), f"{name}.pdf", "application/pdf")
    if fmt == "svg" and chart in charts:
        return _download(charts[chart].encode(), f"{name}-{chart}.svg", "image/svg+xml")
    return None


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def stage_detail(request: HttpRequest, pk: int) -> HttpResponse:
    stage = selectors.stage(request.user, pk)
    viewer = viewer_of(request.user)
    my_state = MemberState.objects.filter(pk=viewer.state_id).first() if viewer.state_id else None
    return render(
        request,
        "operations/stage_detail.html",
        {
            "stage": stage,
            "reports": selectors.reports(request.user, stage),
            "states": stage.states.all(),
            "agencies": stage.agencies.select_related("state"),
            "observers": stage.observers.all(),
            "my_state": my_state
            if my_state and permissions.can_report(request.user, stage, my_state)
            else None,
            "is_secretariat": permissions.is_secretariat(request.user),
            "sees_results": permissions.sees_results(request.user),
        },
    )


@login_required
@require_POST
def open_report(request: HttpRequest, pk: int) -> HttpResponse:
    stage = selectors.stage(request.user, pk)
    state_id = viewer_of(request.user).state_id
    state = MemberState.objects.filter(pk=state_id).first() if state_id else None
    if state is None:
        raise PermissionDenied
    try:
        report = services.current_report(stage, state) or services.open_draft(
            stage, state, actor=actor_of(request)
        )
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("operations:stage-detail", pk=pk)
    return redirect("operations:report-detail", pk=report.pk)


@login_required
def template(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The report template of the stage for the user's state (the Secretariat chooses the state)."""
    stage = selectors.stage(request.user, pk)
    viewer = viewer_of(request.user)
    state = (
        MemberState.objects.filter(pk=viewer.state_id).first()
        if viewer.state_id
        else (MemberState.objects.filter(iso2=request.GET.get("state", "").upper()[:2]).first())
    )
    if state is None:
        raise Http404
    language = request.GET.get("lang") or get_language() or "ru"
    language = "en" if language.startswith("en") else "ru"
    if fmt not in ("csv", "xlsx"):
        raise Http404
    rows = selectors.template_rows(stage, state, language)
    content = write_template(rows, language=language, kind=fmt)
    kind = "text/csv; charset=utf-8" if fmt == "csv" else XLSX
    return _download(
        content, f"{stage.operation.code}-{stage.pk}-{state.iso2}-{language}.{fmt}", kind
    )


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report(request.user, pk)
    can_edit = report.editable and permissions.can_report(request.user, report.stage, report.state)
    figure_form = FigureForm(report=report, initial={"version": report.version})
    upload_form = UploadForm(initial={"version": report.version})
    problems: list[services.Problem] = []
    warnings: list[services.Problem] = []
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        try:
            if "file" in request.FILES or request.POST.get("action") == "upload":
                upload_form = UploadForm(request.POST, request.FILES)
                if upload_form.is_valid():
                    report, count, warnings = services.import_report(
                        report.stage,
                        report.state,
                        upload_form.cleaned_data["file"],
                        actor=actor_of(request),
                        version=upload_form.cleaned_data["version"],
                    )
                    messages.success(request, _("%(count)s figures imported.") % {"count": count})
                    if not warnings:
                        return redirect("operations:report-detail", pk=report.pk)
                else:
                    status = 400
            else:
                figure_form = FigureForm(request.POST, report=report)
                if figure_form.is_valid():
                    services.set_figure(
                        report,
                        figure_form.cells(),
                        actor=actor_of(request),
                        version=figure_form.cleaned_data["version"],
                    )
                    messages.success(request, _("Figure saved."))
                    return redirect("operations:report-detail", pk=report.pk)
                status = 400
        except services.ImportRejected as error:
            problems, status = error.problems, 400
            upload_form.add_error("file", str(error.message))
        except DomainError as error:
            status = error.status
            form = upload_form if "file" in request.FILES else figure_form
            show_error(form, error)
        report.refresh_from_db()
    figures = report.figures.select_related("agency", "indicator__unit", "item").order_by(
        "agency__code", "indicator__position", "item__position"
    )
    return render(
        request,
        "operations/report_detail.html",
        {
            "report": report,
            "figures": figures,
            "can_edit": can_edit,
            "figure_form": figure_form,
            "upload_form": upload_form,
            "problems": problems,
            "warnings": warnings,
            "can_approve": permissions.can_decide(request.user, report),
            # why a coordinator who submitted the report is not offered to approve it (four eyes)
            "submitted_it": permissions.can_approve(request.user, report.state)
            and permissions.submitted_it(request.user, report),
            "can_report": permissions.can_report(request.user, report.stage, report.state),
            "is_secretariat": permissions.is_secretariat(request.user),
            "Status": ReportStatus,
            "revisions": NationalReport.objects.filter(
                stage=report.stage, state=report.state
            ).order_by("-revision"),
        },
        status=status,
    )


STEPS = {
    "submit": services.submit_report,
    "return": services.return_report,
    "approve": services.approve_report,
    "consolidate": services.consolidate_report,
}


@login_required
@require_POST
def report_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    report = selectors.report(request.user, pk)
    version = int_param(request.POST.get("version"))
    try:
        if step == "correct":
            report = services.start_correction(report, actor=actor_of(request))
        elif step == "remove":
            services.remove_figure(
                report,
                int_param(request.POST.get("figure")) or 0,
                actor=actor_of(request),
                version=version,
            )
        elif step in STEPS:
            report = STEPS[step](report, actor=actor_of(request), version=version)
        else:
            raise Http404
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request, _("Done: the report is %(status)s.") % {"status": report.get_status_display()}
        )
    return redirect("operations:report-detail", pk=report.pk)


@login_required
@require_POST
def publicity(request: HttpRequest, pk: int) -> HttpResponse:
    stage = selectors.stage(request.user, pk)
    try:
        services.set_results_public(
            stage, actor=actor_of(request), public=request.POST.get("public") == "1"
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("operations:stage-detail", pk=pk)


@login_required
def press_release(request: HttpRequest, pk: int) -> HttpResponse:
    stage: Stage = selectors.stage(request.user, pk)
    if not permissions.is_secretariat(request.user):
        raise PermissionDenied
    initial = outputs.press_release_texts(request.user, stage)
    form = PressReleaseForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.save_press_release(
                stage,
                actor=actor_of(request),
                title_ru=d["title_ru"],
                title_en=d["title_en"],
                body_ru=d["body_ru"],
                body_en=d["body_en"],
                version=d["version"],
            )
        except DomainError as error:
            form.add_error(None, str(error.message))
            status = error.status  # 409 stale, 422 a form drawn before the first save
        else:
            messages.success(
                request, _("Press release saved as a draft for the publications editors.")
            )
            return redirect("operations:press-release", pk=pk)
    return render(
        request,
        "operations/press_release.html",
        {"stage": stage, "form": form, "saved": initial["saved"]},
        status=status if status != 200 else (400 if form.errors else 200),
    )
