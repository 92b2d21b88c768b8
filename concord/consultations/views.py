from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.models import viewer_of
from concord.core.pagecache import cached_page
from concord.core.views import show_error
from concord.documents.permissions import documents_visible_to

from . import closing, permissions, selectors, services
from .forms import ConsultationForm, EmergencyForm, ExtendForm, PositionForm, StageForm
from .models import Notification, Stage
from .notifications import mark_read
from .states import ConsultationStatus, QuestionKind, StageStatus


@login_required
@cached_page
def consultation_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in ConsultationStatus.values else ""
    page = Paginator(selectors.consultations(request.user, status=status), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "consultations/consultation_list.html",
        {
            "page": page,
            "status": status,
            "statuses": ConsultationStatus.choices,
            "can_open": permissions.can_open(request.user),
        },
    )


@login_required
def consultation_create(request: HttpRequest, emergency: bool = False) -> HttpResponse:
    if not permissions.can_open(request.user):
        raise PermissionDenied
    form_class = EmergencyForm if emergency else ConsultationForm
    initial = (
        {"reason": request.GET.get("reason", ""), "kind": QuestionKind.ASSESSMENT}
        if emergency
        else {k: request.GET[k] for k in ("kind", "planned_year") if k in request.GET}
    )
    form = form_class(
        request.POST or None,
        initial=initial,
        documents=documents_visible_to(request.user),
        statements=selectors.consultations(request.user, kind=QuestionKind.JOINT_STATEMENT),
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            consultation = services.open_consultation(
                actor=actor_of(request),
                title_ru=d["title_ru"],
                title_en=d["title_en"],
                kind=d["kind"],
                route=d["route"],
                marking=d["marking"],
                document=d["document"],
                planned_year=d["planned_year"],
                statements=list(d["statements"]),
                now=timezone.now(),
                emergency=emergency,
                reason=d.get("reason", ""),
                clock=dt.timedelta(hours=d["hours"]) if emergency else None,
            )
        except DomainError as error:
            show_error(form, error)
        else:
            return redirect("consultations:consultation-detail", pk=consultation.pk)
    return render(
        request,
        "consultations/consultation_form.html",
        {"form": form, "emergency": emergency},
        status=400 if form.errors else 200,
    )


@login_required
@cached_page
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _board(request, pk)


def _board(
    request: HttpRequest, pk: int, form: PositionForm | None = None, status: int = 200
) -> HttpResponse:
    """The question's page; with `form`, the position form as the user filled it (nothing typed is
    lost when a position is refused)."""
    consultation = selectors.consultation(request.user, pk)
    now = timezone.now()
    board = selectors.board(
        consultation,
        now=now,
        stage_id=request.GET.get("stage"),
        page_number=request.GET.get("page"),
    )
    state_id = permissions.speaking_state(request.user)
    current = board.current
    can_position = bool(
        state_id
        and current
        and current.status == StageStatus.OPEN
        and not (current.deadline and now >= current.deadline)
    )
    if form is None and can_position:
        form = PositionForm(
            initial={"version": current.version_id if current else None},
            units=_units(current),
            lang=get_language(),
        )
    runs = permissions.runs_procedures(request.user)
    return render(
        request,
        "consultations/board.html",
        {
            "c": consultation,
            "board": board,
            "now": now,
            "position_form": form,
            "stage_form": StageForm() if runs else None,
            "extend_form": ExtendForm() if runs else None,
            "listed": selectors.listed(consultation),
            "runs": runs,
            "my_state": state_id,
        },
        status=status,
    )


def _units(stage: Stage | None) -> list[Any]:
    """The numbered text a position on this stage may point at (none without a text)."""
    return stage.version.text if stage is not None and stage.version is not None else []


def _stage(request: HttpRequest, pk: int, stage_id: int) -> Stage:
    consultation = selectors.consultation(request.user, pk)
    return get_object_or_404(
        Stage.objects.select_related("version", "consultation"),
        pk=stage_id,
        consultation=consultation,
    )


@login_required
@require_POST
def record_position(request: HttpRequest, pk: int, stage_id: int) -> HttpResponse:
    stage = _stage(request, pk, stage_id)
    form = PositionForm(request.POST, units=_units(stage), lang=get_language())
    if not form.is_valid():  # shown again as filled in, with the message beside its field
        return _board(request, pk, form, status=400)
    d = form.cleaned_data
    try:
        services.record_position(
            stage,
            actor=actor_of(request),
            stance=d["stance"],
            version_id=d["version"],
            now=timezone.now(),
            statement=d["statement"],
            clauses=d["clauses"],
        )
    except DomainError as error:
        return _board_with_error(request, pk, form, error)
    messages.success(request, _("Position recorded."))
    return redirect("consultations:consultation-detail", pk=pk)


def _board_with_error(
    request: HttpRequest, pk: int, form: PositionForm, error: DomainError
) -> HttpResponse:
    form.add_error(
        error.field if error.field in form.fields and error.field != "version" else None,
        str(error.message),
    )
    return _board(request, pk, form, status=409 if error.status == 409 else 400)


@login_required
@require_POST
def open_stage(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.consultation(request.user, pk)
    if not permissions.runs_procedures(request.user):
        raise PermissionDenied
    form = StageForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.open_stage(
                consultation,
                actor=actor_of(request),
                now=timezone.now(),
                mode=d["mode"],
                consent=d["consent"] or "explicit",
                term=form.term_asked(),
                session=d["session"],
                agenda_note=d["agenda_note"],
            )
        except DomainError as error:
            messages.error(request, str(error.message))
    else:
        messages.error(request, _("The stage could not be opened: check the fields."))
    return redirect("consultations:consultation-detail", pk=pk)


@login_required
@require_POST
def close_stage(request: HttpRequest, pk: int, stage_id: int) -> HttpResponse:
    stage = _stage(request, pk, stage_id)
    if not permissions.runs_procedures(request.user):
        raise PermissionDenied
    try:
        closing.close_stage(
            stage,
            actor=actor_of(request),
            now=timezone.now(),
            drop=bool(request.POST.get("drop")),
            note=request.POST.get("note", ""),
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("consultations:consultation-detail", pk=pk)


@login_required
@require_POST
def extend_stage(request: HttpRequest, pk: int, stage_id: int) -> HttpResponse:
    stage = _stage(request, pk, stage_id)
    if not permissions.runs_procedures(request.user):
        raise PermissionDenied
    form = ExtendForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the new deadline and the reason."))
        return redirect("consultations:consultation-detail", pk=pk)
    try:
        closing.extend_stage(
            stage,
            actor=actor_of(request),
            until=form.cleaned_data["until"],
            reason=form.cleaned_data["reason"],
            now=timezone.now(),
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The deadline was extended; the states are told."))
    return redirect("consultations:consultation-detail", pk=pk)


@login_required
@require_POST
def put_version(request: HttpRequest, pk: int, stage_id: int) -> HttpResponse:
    stage = _stage(request, pk, stage_id)
    if not permissions.runs_procedures(request.user):
        raise PermissionDenied
    try:
        services.put_latest_version(stage, actor=actor_of(request), now=timezone.now())
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("consultations:consultation-detail", pk=pk)


@login_required
@require_POST
def sign(request: HttpRequest, pk: int, stage_id: int) -> HttpResponse:
    stage = _stage(request, pk, stage_id)
    try:
        services.sign_decision(stage, actor=actor_of(request), on=timezone.localdate())
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Signed."))
    if request.POST.get("from") == "session" and stage.session_id:
        return redirect("consultations:session-detail", pk=stage.session_id)
    return redirect("consultations:consultation-detail", pk=pk)


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    state_id = viewer_of(request.user).state_id
    page = (
        Paginator(selectors.inbox(request.user, state_id), 50).get_page(request.GET.get("page"))
        if state_id
        else None
    )
    return render(request, "consultations/inbox.html", {"page": page, "now": timezone.now()})


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        mark_read(int(request.user.pk or 0), ids=None, now=timezone.now())
        return redirect("consultations:notifications")
    page = Paginator(Notification.objects.filter(user_id=int(request.user.pk or 0)), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "consultations/notifications.html", {"page": page})


@login_required
@cached_page
def annual_list(request: HttpRequest, year: int) -> HttpResponse:
    """The statements proposed for `year`, and the Permanent Council's lists that decide them."""
    statements = selectors.consultations(request.user, kind=QuestionKind.JOINT_STATEMENT)
    lists = selectors.consultations(request.user, kind=QuestionKind.ANNUAL_LIST).filter(
        planned_year=year
    )
    listed = set(
        statements.filter(lists__in=lists.filter(status=ConsultationStatus.ADOPTED)).values_list(
            "pk", flat=True
        )
    )
    return render(
        request,
        "consultations/annual_list.html",
        {
            "year": year,
            "items": statements.filter(planned_year=year),
            "lists": lists,
            "listed": listed,
            "can_propose_list": permissions.runs_procedures(request.user),
        },
    )
