"""Readiness pages: the readiness table (and its CSV/XLSX exports), the register of units, a unit's
page with its assessments, and an assessment's questionnaire. Thin: load for the user (404 when they
may not see it in detail), call one service, show its error beside the field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.pagecache import cached_page
from concord.core.views import show_error

from . import permissions, readiness, readiness_exports, services
from . import readiness_selectors as selectors
from .models import Assessment, Unit
from .readiness_forms import (
    AnswersForm,
    CertifyForm,
    FilterForm,
    OpenAssessmentForm,
    StepForm,
    UnitForm,
)
from .readiness_html import rows_html
from .states import AssessmentStatus


def _apply(form: Form, call: Callable[[], Any]) -> tuple[Any, int]:
    """The service's result, or None with its error put on the form's field (or above the form)
    and the status to answer with."""
    try:
        return call(), 200
    except DomainError as error:
        show_error(form, error)
        return None, error.status
    except ValidationError as error:  # the model's own checks (full_clean) in the service
        for name, problems in error.message_dict.items():
            form.add_error(name if name in form.fields else None, problems)
        return None, 400


@login_required
def readiness_table(request: HttpRequest) -> HttpResponseBase:
    """The Joint Staff: every unit; a state's delegation: its own units; every insider: aggregates."""
    if not permissions.sees_forces(request.user):
        raise PermissionDenied
    form = FilterForm(request.GET or None)
    filters = form.filters()
    detail = permissions.sees_units_in_detail(request.user)
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        table = request.GET.get("table") or ("units" if detail else "aggregates")
        return readiness_exports.download(request.user, filters, table=table, fmt=fmt)
    by = "half" if request.GET.get("trend") == "half" else "year"
    query = request.GET.copy()
    query.pop("format", None)
    rows = selectors.readiness_table(request.user, filters) if detail else []
    return render(
        request,
        "forces/readiness.html",
        {
            "form": form,
            "detail": detail,
            "rows": rows,
            "rows_html": rows_html(rows),
            "aggregates": selectors.aggregates(request.user, filters),
            "trend": selectors.formation_trend(request.user, by=by),
            "by": by,
            "query": query.urlencode(),
            "is_joint_staff": permissions.is_joint_staff(request.user),
        },
    )


@login_required
@cached_page
def unit_list(request: HttpRequest) -> HttpResponse:
    """The register of units the user sees in detail; the Joint Staff pledges new ones here."""
    if not permissions.sees_forces(request.user):
        raise PermissionDenied
    keeps = permissions.keeps_register(request.user)
    form = UnitForm(initial={"demo": False})
    status = 200
    if request.method == "POST":
        if not keeps:
            raise PermissionDenied
        form = UnitForm(request.POST)
        if form.is_valid():
            unit, status = _apply(
                form,
                lambda: services.pledge_unit(actor=actor_of(request), **form.unit_fields()),
            )
            if unit is not None:
                messages.success(request, _("Unit recorded in the register."))
                return redirect("forces:unit-detail", pk=unit.pk)
        else:
            status = 400
    filters = FilterForm(request.GET or None).filters()
    return render(
        request,
        "forces/readiness_units.html",
        {
            "rows": selectors.readiness_table(request.user, filters),
            "detail": permissions.sees_units_in_detail(request.user),
            "form": form if keeps else None,
        },
        status=status,
    )


def _unit_page(
    request: HttpRequest, unit: Unit, *, status: int = 200, **forms: Form | None
) -> HttpResponse:
    keeps = permissions.keeps_register(request.user)
    history = list(selectors.unit_history(unit))
    under_way = next((a for a in history if a.status != AssessmentStatus.REVIEWED), None)
    can_open = permissions.can_fill(request.user, unit) and under_way is None
    context = {
        "unit": unit,
        "history": history,
        "reviewed": [a for a in reversed(history) if a.status == AssessmentStatus.REVIEWED],
        "under_way": under_way,
        "edit_form": forms.get("edit_form") or (UnitForm.of(unit) if keeps else None),
        "certify_form": forms.get("certify_form")
        or (CertifyForm(initial={"version": unit.version}) if keeps else None),
        "open_form": forms.get("open_form") or (OpenAssessmentForm() if can_open else None),
    }
    return render(request, "forces/readiness_unit.html", context, status=status)


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit in detail with its assessments; the Joint Staff changes it here."""
    unit = selectors.unit(request.user, pk)
    if request.method != "POST":
        return _unit_page(request, unit)
    form = UnitForm(request.POST)
    if not form.is_valid():
        return _unit_page(request, unit, status=400, edit_form=form)
    changed, status = _apply(
        form,
        lambda: services.change_unit(
            unit,
            actor=actor_of(request),
            version=form.cleaned_data["version"],
            **form.unit_fields(),
        ),
    )
    if changed is None:
        unit.refresh_from_db()
        return _unit_page(request, unit, status=status, edit_form=form)
    messages.success(request, _("Unit saved."))
    return redirect("forces:unit-detail", pk=pk)


@login_required
@require_POST
def unit_certify(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit(request.user, pk)
    form = CertifyForm(request.POST)
    if not form.is_valid():
        return _unit_page(request, unit, status=400, certify_form=form)
    done, status = _apply(
        form,
        lambda: services.certify_unit(
            unit,
            actor=actor_of(request),
            on=form.cleaned_data["on"],
            version=form.cleaned_data["version"],
        ),
    )
    if done is None:
        return _unit_page(request, unit, status=status, certify_form=form)
    messages.success(request, _("Unit certified."))
    return redirect("forces:unit-detail", pk=pk)


@login_required
@require_POST
def assessment_open(request: HttpRequest, pk: int) -> HttpResponse:
    """The unit's state opens an assessment as of a day."""
    unit = selectors.unit(request.user, pk)
    form = OpenAssessmentForm(request.POST)
    if not form.is_valid():
        return _unit_page(request, unit, status=400, open_form=form)
    opened, status = _apply(
        form,
        lambda: readiness.open_assessment(
            unit, actor=actor_of(request), as_of=form.cleaned_data["as_of"]
        ),
    )
    if opened is None:
        return _unit_page(request, unit, status=status, open_form=form)
    return redirect("forces:assessment-detail", pk=opened.pk)


def _assessment_page(
    request: HttpRequest,
    assessment: Assessment,
    *,
    answers_form: AnswersForm | None = None,
    step_form: StepForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user, unit, state = request.user, assessment.unit, assessment.status
    criteria = selectors.sheet(assessment)
    editable = state in readiness.EDITABLE
    can_fill = editable and permissions.can_fill(user, unit)
    form = answers_form or AnswersForm.of(assessment, criteria)
    return render(
        request,
        "forces/assessment.html",
        {
            "assessment": assessment,
            "unit": unit,
            "criteria": criteria,
            "form": form,
            "rows": form.rows(),
            "can_fill": can_fill,
            "can_submit": editable and permissions.can_submit(user, unit),
            "can_review": state == AssessmentStatus.SUBMITTED and permissions.can_review(user),
            "step_form": step_form or StepForm(initial={"version": assessment.version}),
        },
        status=status,
    )


@login_required
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The questionnaire with the unit's answers; the state's delegation saves them here."""
    assessment = selectors.assessment(request.user, pk)
    if request.method != "POST":
        return _assessment_page(request, assessment)
    form = AnswersForm(request.POST, assessment=assessment, criteria=selectors.sheet(assessment))
    if not form.is_valid():
        return _assessment_page(request, assessment, answers_form=form, status=400)
    saved, status = _apply(
        form,
        lambda: readiness.save_answers(
            assessment,
            form.answers(),
            actor=actor_of(request),
            version=form.cleaned_data["version"],
        ),
    )
    if saved is None:
        assessment.refresh_from_db()
        return _assessment_page(request, assessment, answers_form=form, status=status)
    messages.success(request, _("Answers saved."))
    return redirect("forces:assessment-detail", pk=pk)


DONE = {
    "submit": gettext_lazy("Assessment submitted to the Joint Staff."),
    "return": gettext_lazy("Assessment returned to the state."),
    "review": gettext_lazy("Assessment reviewed: the unit's score is updated."),
}


@login_required
@require_POST
def assessment_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Submit (the state), return or review (the Joint Staff)."""
    if step not in readiness.STEPS:
        raise Http404
    assessment = selectors.assessment(request.user, pk)
    form = StepForm(request.POST)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    try:
        readiness.take_step(
            assessment,
            step,
            actor=actor_of(request),
            version=data.get("version"),
            note=data.get("note") or "",
        )
    except DomainError as error:
        assessment.refresh_from_db()
        answers = AnswersForm.of(assessment, selectors.sheet(assessment), bound=True)
        target: Form = answers if error.field in answers.fields else form
        target.add_error(error.field if error.field in target.fields else None, str(error.message))
        return _assessment_page(
            request, assessment, answers_form=answers, step_form=form, status=error.status
        )
    messages.success(request, str(DONE[step]))
    return redirect("forces:assessment-detail", pk=pk)


urlpatterns: list[URLPattern] = [
    path("readiness/", readiness_table, name="readiness"),
    path("units/", unit_list, name="unit-list"),
    path("units/<int:pk>/", unit_detail, name="unit-detail"),
    path("units/<int:pk>/certify/", unit_certify, name="unit-certify"),
    path("units/<int:pk>/assessments/", assessment_open, name="assessment-open"),
    path("assessments/<int:pk>/", assessment_detail, name="assessment-detail"),
    path("assessments/<int:pk>/<str:step>/", assessment_step, name="assessment-step"),
]
