"""Page actions that create partners, status applications and working groups, keep the groups'
half-year work plans and reports to their council, and turn a meeting's follow-up into a task of
an action plan. Each calls the service its API operation calls."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core.actors import actor_of
from concord.core.views import submit

from . import groupwork, permissions, selectors, services
from .forms import (
    ApplicationForm,
    GroupForm,
    ItemStatusForm,
    PartnerForm,
    PlanItemForm,
    ReportForm,
    WorkPlanForm,
)
from .models import WorkingGroup
from .views import _meeting, group_page, groups_page, partners_page, track_form


def _keeper(request: HttpRequest) -> None:
    if not permissions.can_keep(request.user):
        raise PermissionDenied


@login_required
@require_POST
def partner_create(request: HttpRequest) -> HttpResponse:
    _keeper(request)
    form = PartnerForm(request.POST)
    if submit(form, lambda d: services.create_partner(actor=actor_of(request), **d)):
        messages.success(request, _("Partner organization recorded."))
        return redirect("relations:partner-list")
    return partners_page(request, partner_form=form)


@login_required
@require_POST
def application_create(request: HttpRequest) -> HttpResponse:
    _keeper(request)
    form = ApplicationForm(request.POST)
    if submit(form, lambda d: services.apply_for_status(actor=actor_of(request), **d)):
        messages.success(request, _("Application recorded."))
        return redirect("relations:partner-list")
    return partners_page(request, application_form=form)


def _members(d: dict[str, Any]) -> list[tuple[Any, dict[str, Any]]]:
    role = d.pop("role_ru")
    return [(s, {"role_ru": role}) for s in d.pop("states")]


@login_required
@require_POST
def group_create(request: HttpRequest) -> HttpResponse:
    _keeper(request)
    form = GroupForm(request.POST)

    made: list[WorkingGroup] = []

    def create(d: dict[str, Any]) -> None:
        data = dict(d)
        members = _members(data)
        body = data.pop("body")
        made.append(services.create_group(body, actor=actor_of(request), members=members, **data))

    if submit(form, create):
        messages.success(request, _("Working group recorded."))
        return redirect("relations:group-detail", code=made[0].body.code)
    return groups_page(request, form)


def _kept_group(request: HttpRequest, code: str) -> WorkingGroup:
    g = selectors.group(request.user, code)
    _keeper(request)
    return g


@login_required
@require_POST
def work_plan_create(request: HttpRequest, code: str) -> HttpResponse:
    g = _kept_group(request, code)
    form = WorkPlanForm(request.POST)
    if submit(form, lambda d: groupwork.create_work_plan(g, actor=actor_of(request), **d)):
        messages.success(request, _("Work plan recorded."))
        return redirect("relations:group-detail", code=code)
    return group_page(request, g, plan_form=form)


@login_required
@require_POST
def plan_item_add(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    g = _kept_group(request, code)
    plan = selectors.work_plan(request.user, g, pk)
    form = PlanItemForm(request.POST)
    if submit(form, lambda d: groupwork.add_plan_item(plan, actor=actor_of(request), **d)):
        messages.success(request, _("Item added."))
        return redirect("relations:group-detail", code=code)
    return group_page(request, g, item_form=form, item_plan=plan)  # type: ignore[arg-type]


@login_required
@require_POST
def plan_item_status(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    g = _kept_group(request, code)
    item = selectors.plan_item(request.user, g, pk)
    form = ItemStatusForm(request.POST)
    if submit(form, lambda d: groupwork.mark_item(item, actor=actor_of(request), **d)):
        messages.success(request, _("Item status changed."))
    else:
        messages.error(request, "; ".join(str(e) for e in form.errors.values()))
    return redirect("relations:group-detail", code=code)


@login_required
@require_POST
def report_create(request: HttpRequest, code: str) -> HttpResponse:
    g = _kept_group(request, code)
    form = ReportForm(request.POST)
    if submit(form, lambda d: groupwork.draft_report(g, actor=actor_of(request), **d)):
        messages.success(request, _("Report drafted."))
        return redirect("relations:group-detail", code=code)
    return group_page(request, g, report_form=form)


@login_required
@require_POST
def follow_up_track(request: HttpRequest, pk: int) -> HttpResponse:
    m = selectors.meeting(request.user, pk)
    _keeper(request)
    form = track_form(request, m, request.POST)
    if form is None:
        return redirect("relations:meeting-detail", pk=pk)

    def track(d: dict[str, Any]) -> object:
        return groupwork.track_follow_up(
            selectors.follow_up(request.user, m, d["follow_up"]),
            actor=actor_of(request),
            plan_id=d["plan"],
            decision_id=d["decision"],
            bodies=list(d["bodies"]),
            deadline=d["deadline"],
        )

    if submit(form, track):
        messages.success(request, _("The follow-up is now a task of the action plan."))
        return redirect("relations:meeting-detail", pk=pk)
    return _meeting(request, m, track_form=form)
