"""Pages of target programmes. Budgets are in `budget_views.py`, action plans and priorities in
`plan_views.py`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.consultations.permissions import opened_by
from concord.core.actors import actor_of
from concord.core.pagecache import cached_page
from concord.core.views import int_param, submit

from . import outputs, permissions, selectors, services
from .forms import ChangeForm, ContractForm, DeliveryForm
from .models import Programme


def download(content: bytes, filename: str, content_type: str = outputs.XLSX) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@cached_page
def programme_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "programmes/programme_list.html",
        {
            "programmes": selectors.programmes(request.user),
            "keeps": permissions.can_keep_programme(request.user),
        },
    )


def _detail(request: HttpRequest, programme: Programme, **bound: Any) -> HttpResponse:
    executes = permissions.can_execute(request.user, programme)
    page = int_param(request.GET.get("page")) or 1
    figures = selectors.stage_figures(programme)
    changes = list(programme.changes.select_related("consultation"))
    opens = opened_by(request.user, [programme.decision_id, *(c.consultation_id for c in changes)])
    context = {
        "p": programme,
        "figures": figures,
        "timeline": outputs.timeline(programme, figures, today=timezone.localdate()),
        "customers": programme.customers.select_related("state"),
        "activities": selectors.activities(programme, page=page),
        "deliveries": selectors.deliveries(programme),
        "contracts": selectors.contracts(programme),
        "changes": changes,
        "opens": opens,
        "page": page,
        "keeps": permissions.can_keep_programme(request.user),
        "next_page": page + 1 if programme.activities.count() > page * selectors.PAGE else None,
        "delivery_form": bound.get("delivery_form")
        or (DeliveryForm(programme=programme) if executes else None),
        "contract_form": bound.get("contract_form")
        or (ContractForm(programme=programme) if executes else None),
        "change_form": bound.get("change_form")
        or (ChangeForm() if permissions.can_propose_change(request.user) else None),
    }
    return render(
        request, "programmes/programme_detail.html", context, status=400 if bound else 200
    )


@login_required
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, selectors.programme(request.user, pk))


@login_required
def timeline(request: HttpRequest, pk: int) -> HttpResponse:
    programme = selectors.programme(request.user, pk)
    svg = outputs.timeline(
        programme, selectors.stage_figures(programme), today=timezone.localdate()
    )
    return HttpResponse(svg, content_type="image/svg+xml")


@login_required
def stage_report(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    programme = selectors.programme(request.user, pk)
    figures = next(
        (f for f in selectors.stage_figures(programme) if f.stage.number == number), None
    )
    if figures is None:
        raise Http404
    return render(
        request,
        "programmes/stage_report.html",
        {"p": programme, "f": figures, "paragraphs": outputs.stage_report(programme, figures)},
    )


@login_required
@require_POST
def record_delivery(request: HttpRequest, pk: int) -> HttpResponse:
    programme = selectors.programme(request.user, pk)
    if not permissions.can_execute(request.user, programme):
        raise PermissionDenied
    form = DeliveryForm(request.POST, programme=programme)
    if submit(form, lambda d: services.record_delivery(programme, actor=actor_of(request), **d)):
        messages.success(request, _("Delivery recorded."))
        return redirect("programmes:programme-detail", pk=pk)
    return _detail(request, programme, delivery_form=form)


@login_required
@require_POST
def record_contract(request: HttpRequest, pk: int) -> HttpResponse:
    programme = selectors.programme(request.user, pk)
    if not permissions.can_execute(request.user, programme):
        raise PermissionDenied
    form = ContractForm(request.POST, programme=programme)
    if submit(
        form,
        lambda d: services.record_contract(
            d.pop("activity"), actor=actor_of(request), currency_code=d.pop("currency"), **d
        ),
    ):
        messages.success(request, _("Contract recorded."))
        return redirect("programmes:programme-detail", pk=pk)
    return _detail(request, programme, contract_form=form)


@login_required
@require_POST
def propose_change(request: HttpRequest, pk: int) -> HttpResponse:
    programme = selectors.programme(request.user, pk)
    if not permissions.can_propose_change(request.user):
        raise PermissionDenied
    form = ChangeForm(request.POST)
    now = timezone.now()
    if submit(
        form, lambda d: services.propose_change(programme, actor=actor_of(request), now=now, **d)
    ):
        messages.success(request, _("The change is before the bodies as a consultation."))
        return redirect("programmes:programme-detail", pk=pk)
    return _detail(request, programme, change_form=form)


@login_required
def programme_export(request: HttpRequest, pk: int) -> HttpResponse:
    programme = selectors.programme(request.user, pk)
    return download(outputs.programme_workbook(programme), f"{programme.code}.xlsx")
