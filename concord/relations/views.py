"""Pages of partners, working groups, meetings and resolutions. The calendar: `calendar_views.py`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core.actors import actor_of
from concord.core.pagecache import cached_page
from concord.core.paging import page_of
from concord.core.views import submit

from . import permissions, selectors, services
from .forms import (
    ApplicationForm,
    FollowUpForm,
    GroupForm,
    MeetingForm,
    OutcomeForm,
    PartnerForm,
    PartnerMeetingForm,
    PlanItemForm,
    ReportForm,
    StatusForm,
    TrackForm,
    WorkPlanForm,
)
from .models import Meeting, WorkingGroup


def partners_page(request: HttpRequest, **bound: forms.Form) -> HttpResponse:
    keeps = permissions.can_keep(request.user)
    context = {
        "partners": (
            page := page_of(request, selectors.partners(request.user).order_by("position", "code"))
        ),
        "page": page,
        "applications": selectors.applications(request.user),
        "partner_form": bound.get("partner_form") or (PartnerForm() if keeps else None),
        "application_form": bound.get("application_form") or (ApplicationForm() if keeps else None),
    }
    return render(request, "relations/partner_list.html", context, status=400 if bound else 200)


@login_required
@cached_page
def partner_list(request: HttpRequest) -> HttpResponse:
    return partners_page(request)


@login_required
def partner_detail(request: HttpRequest, code: str) -> HttpResponse:
    p = selectors.partner(request.user, code)
    context = {"p": p, "meetings": selectors.partner_meetings(request.user, p)}
    return render(request, "relations/partner_detail.html", context)


def groups_page(request: HttpRequest, form: GroupForm | None = None) -> HttpResponse:
    keeps = permissions.can_keep(request.user)
    context = {
        "groups": selectors.groups(request.user),
        "form": form or (GroupForm() if keeps else None),
    }
    return render(request, "relations/group_list.html", context, status=400 if form else 200)


@login_required
@cached_page
def group_list(request: HttpRequest) -> HttpResponse:
    return groups_page(request)


def group_page(request: HttpRequest, g: WorkingGroup, **bound: forms.Form) -> HttpResponse:
    keeps = permissions.can_keep(request.user)
    context = {
        "g": g,
        "keeps": keeps,
        "members": g.members.select_related("state"),
        "sequence": selectors.group_meetings(request.user, g),
        "work_plans": selectors.work_plans(request.user, g),
        "reports": selectors.group_reports(request.user, g),
        "form": bound.get("form") or (MeetingForm() if keeps else None),
        "plan_form": bound.get("plan_form") or (WorkPlanForm() if keeps else None),
        "item_form": bound.get("item_form") or (PlanItemForm() if keeps else None),
        "item_plan": bound.get("item_plan"),
        "blank_item_form": PlanItemForm() if keeps else None,
        "report_form": bound.get("report_form") or (ReportForm() if keeps else None),
    }
    return render(request, "relations/group_detail.html", context, status=400 if bound else 200)


@login_required
def group_detail(request: HttpRequest, code: str) -> HttpResponse:
    g = selectors.group(request.user, code)
    if request.method != "POST":
        return group_page(request, g)
    if not permissions.can_keep(request.user):
        raise PermissionDenied
    form = MeetingForm(request.POST)
    if submit(form, lambda d: services.create_meeting(actor=actor_of(request), group=g, **d)):
        messages.success(request, _("Meeting recorded."))
        return redirect("relations:group-detail", code=code)
    return group_page(request, g, form=form)


@login_required
@cached_page
def meeting_list(request: HttpRequest) -> HttpResponse:
    keeps = permissions.can_keep(request.user)
    form = PartnerMeetingForm(request.POST) if request.method == "POST" else None
    if form is not None:
        if not keeps:
            raise PermissionDenied

        def add(d: dict[str, Any]) -> None:
            services.create_meeting(actor=actor_of(request), partners=list(d.pop("partners")), **d)

        if submit(form, add):
            messages.success(request, _("Meeting recorded."))
            return redirect("relations:meeting-list")
    context = {
        "meetings": (
            page := page_of(
                request, selectors.meetings(request.user, kind=request.GET.get("kind", ""))
            )
        ),
        "page": page,
        "form": form or (PartnerMeetingForm() if keeps else None),
    }
    return render(request, "relations/meeting_list.html", context, status=400 if form else 200)


def track_form(request: HttpRequest, m: Meeting, data: Any = None) -> TrackForm | None:
    """The form turning a follow-up into an action-plan task: None when there is nothing to turn."""
    from concord.programmes import plan_selectors

    open_ones = [f for f in m.follow_ups.all() if f.task_id is None]
    if not open_ones:
        return None
    drafts = plan_selectors.plans(request.user).filter(status="draft")
    return TrackForm(data, follow_ups=open_ones, plans=drafts)


def _meeting(request: HttpRequest, m: Meeting, **bound: forms.Form) -> HttpResponse:
    keeps = permissions.can_keep(request.user)
    context = {
        "m": m,
        "keeps": keeps,
        "outcome_form": bound.get("outcome_form")
        or (OutcomeForm(initial={"version": m.version}) if keeps else None),
        "follow_up_form": bound.get("follow_up_form") or (FollowUpForm() if keeps else None),
        "status_form": StatusForm(initial={"version": m.version}),
        "track_form": bound.get("track_form") or (track_form(request, m) if keeps else None),
    }
    return render(request, "relations/meeting_detail.html", context, status=400 if bound else 200)


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _meeting(request, selectors.meeting(request.user, pk))


def _kept_meeting(request: HttpRequest, pk: int) -> Meeting:
    m = selectors.meeting(request.user, pk)
    if not permissions.can_keep(request.user):
        raise PermissionDenied
    return m


@login_required
@require_POST
def meeting_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    m = _kept_meeting(request, pk)
    form = OutcomeForm(request.POST)
    if submit(form, lambda d: services.record_outcome(m, actor=actor_of(request), **d)):
        messages.success(request, _("Outcome recorded."))
        return redirect("relations:meeting-detail", pk=pk)
    return _meeting(request, m, outcome_form=form)


@login_required
@require_POST
def meeting_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    m = _kept_meeting(request, pk)
    form = FollowUpForm(request.POST)
    if submit(form, lambda d: services.add_follow_up(m, actor=actor_of(request), **d)):
        messages.success(request, _("Follow-up added."))
        return redirect("relations:meeting-detail", pk=pk)
    return _meeting(request, m, follow_up_form=form)


@login_required
@require_POST
def meeting_status(request: HttpRequest, pk: int, to: str) -> HttpResponse:
    m = _kept_meeting(request, pk)
    form = StatusForm(request.POST)
    call = services.hold_meeting if to == "held" else services.cancel_meeting
    if submit(form, lambda d: call(m, actor=actor_of(request), **d)):
        messages.success(request, _("Meeting status changed."))
        return redirect("relations:meeting-detail", pk=pk)
    messages.error(request, "; ".join(str(e) for e in form.non_field_errors()))
    return redirect("relations:meeting-detail", pk=pk)


@login_required
@cached_page
def resolution_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "relations/resolution_list.html",
        {"resolutions": selectors.resolutions(request.user)},
    )
