"""Pages of the implementation of decisions: action plans with their tasks and rates, a state's or
body's own tasks, reports, the chairman's approval; the chairmanship's priorities."""

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

from concord.core.actors import actor_of
from concord.core.pagecache import cached_page
from concord.core.views import int_param, submit

from . import outputs, permissions
from . import plan_selectors as selectors
from . import plans as services
from .forms import ApproveForm, PlanForm, ReportForm, ReturnForm, TaskForm, ValueForm
from .models import ActionPlan
from .views import download

PAGE = 100  # parts shown per page of the tasks list


@login_required
@cached_page
def plan_list(request: HttpRequest) -> HttpResponse:
    drafts = permissions.can_draft_plan(request.user)
    sessions = selectors.session_choices(request.user)
    form = PlanForm(request.POST or None, sessions=sessions) if drafts else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied

        def draft(d: dict[str, Any]) -> None:
            plan = services.draft_plan(actor=actor_of(request), session_id=d.pop("session").pk, **d)
            d["plan"] = plan

        if submit(form, draft):
            messages.success(request, _("Action plan drafted."))
            return redirect("programmes:plan-detail", pk=form.cleaned_data["plan"].pk)
    return render(
        request,
        "programmes/plan_list.html",
        {"plans": selectors.plans(request.user), "form": form},
        status=400 if form is not None and form.errors else 200,
    )


def _detail(request: HttpRequest, plan: ActionPlan, **bound: Any) -> HttpResponse:
    today = timezone.localdate()
    user = request.user
    drafting = plan.status == "draft"
    context = {
        "plan": plan,
        "tasks": selectors.tasks(user, plan),
        "by_state": selectors.rates_by_state(user, today=today, plan=plan),
        "by_body": selectors.rates_by_body(user, today=today, plan=plan),
        "by_decision": selectors.rates_by_decision(user, today=today, plan=plan),
        "today": today,
        "reportable": _reportable(user, plan),
        "returns": permissions.can_return_report(user) and not drafting,
        "task_form": bound.get("task_form")
        or (
            TaskForm(decisions=selectors.decisions_adopted_at(user, plan))
            if drafting and permissions.can_draft_plan(user)
            else None
        ),
        "approve_form": bound.get("approve_form")
        or (
            ApproveForm(initial={"version": plan.version, "on": today})
            if drafting and permissions.can_approve_plan(user, plan)
            else None
        ),
        "report_errors": bound.get("report_errors"),
    }
    return render(request, "programmes/plan_detail.html", context, status=400 if bound else 200)


def _reportable(user: Any, plan: ActionPlan) -> set[int]:
    """The parts the user may report on: none before the plan is approved."""
    if plan.status != "approved":
        return set()
    return set(selectors.reportable(user).filter(task__plan=plan).values_list("pk", flat=True))


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, selectors.plan(request.user, pk))


@login_required
@require_POST
def add_task(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan(request.user, pk)
    if not permissions.can_draft_plan(request.user):
        raise PermissionDenied
    form = TaskForm(request.POST, decisions=selectors.decisions_adopted_at(request.user, plan))

    def add(d: dict[str, Any]) -> None:
        services.add_task(
            plan,
            actor=actor_of(request),
            decision_id=d.pop("decision").pk,
            bodies=list(d.pop("bodies")),
            states=list(d.pop("states")),
            **d,
        )

    if submit(form, add):
        messages.success(request, _("Task added."))
        return redirect("programmes:plan-detail", pk=pk)
    return _detail(request, plan, task_form=form)


@login_required
@require_POST
def approve_plan(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan(request.user, pk)
    if not permissions.can_approve_plan(request.user, plan):
        raise PermissionDenied
    form = ApproveForm(request.POST)
    if submit(form, lambda d: services.approve_plan(plan, actor=actor_of(request), **d)):
        messages.success(request, _("Action plan approved."))
        return redirect("programmes:plan-detail", pk=pk)
    return _detail(request, plan, approve_form=form)


@login_required
@require_POST
def report_task(request: HttpRequest, pk: int) -> HttpResponse:
    part = selectors.assignment(request.user, pk)
    if not permissions.can_report(request.user, part):
        raise PermissionDenied
    form = ReportForm(request.POST)
    now = timezone.now()
    if submit(form, lambda d: services.report_task(part, actor=actor_of(request), now=now, **d)):
        messages.success(request, _("Report recorded."))
        return redirect("programmes:plan-detail", pk=part.task.plan_id)
    return _detail(request, part.task.plan, report_errors=(part.pk, form))


@login_required
@require_POST
def return_report(request: HttpRequest, pk: int) -> HttpResponse:
    part = selectors.assignment(request.user, pk)
    if not permissions.can_return_report(request.user):
        raise PermissionDenied
    form = ReturnForm(request.POST)
    now = timezone.now()
    if submit(form, lambda d: services.return_report(part, actor=actor_of(request), now=now, **d)):
        messages.success(request, _("Report returned."))
        return redirect("programmes:plan-detail", pk=part.task.plan_id)
    return _detail(request, part.task.plan, report_errors=(part.pk, form))


@login_required
@cached_page
def task_list(request: HttpRequest) -> HttpResponse:
    """The tasks a state or body answers for (the Secretariat: everyone's), overdue ones first if
    asked."""
    only_overdue = request.GET.get("overdue") == "1"
    today = timezone.localdate()
    found = selectors.my_parts(request.user, only_overdue=only_overdue, today=today)
    page = int_param(request.GET.get("page")) or 1
    start = (page - 1) * PAGE
    parts = list(found[start : start + PAGE + 1])
    return render(
        request,
        "programmes/task_list.html",
        {
            "parts": parts[:PAGE],
            "page": page,
            "next_page": page + 1 if len(parts) > PAGE else None,
            "only_overdue": only_overdue,
            "today": today,
            "by_state": selectors.rates_by_state(request.user, today=today),
            "by_body": selectors.rates_by_body(request.user, today=today),
            "by_decision": selectors.rates_by_decision(request.user, today=today),
            "reportable": set(
                selectors.reportable(request.user)
                .filter(pk__in=[p.pk for p in parts])
                .values_list("pk", flat=True)
            ),
        },
    )


@login_required
def plan_export(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan(request.user, pk)
    tasks = selectors.tasks(request.user, plan)
    content = outputs.workbook(
        [
            (
                _("Tasks"),
                [_("No."), _("Task"), _("Decision"), _("Deadline"), _("Responsible"), _("Status")],
                (
                    [
                        t.number,
                        t.text,
                        str(t.decision),
                        t.deadline,
                        str(p.party),
                        p.get_status_display(),
                    ]
                    for t in tasks
                    for p in t.parts  # type: ignore[attr-defined]
                ),
            )
        ]
    )
    return download(content, f"action-plan-{plan.pk}.xlsx")


def _priorities(
    request: HttpRequest, year: int | None, bound: tuple[int, ValueForm] | None = None
) -> HttpResponse:
    if not permissions.is_insider(request.user):
        raise Http404
    years = selectors.priority_years()
    year = year or (years[0] if years else timezone.localdate().year)
    found = selectors.priorities(year)
    keeps = {p.pk for p, _i in found if permissions.can_keep_priorities(request.user, p.state)}
    return render(
        request,
        "programmes/priorities.html",
        {
            "year": year,
            "years": years,
            "priorities": found,
            "keeps": keeps,
            "form": ValueForm(),
            "bound": bound,
        },
        status=400 if bound else 200,
    )


@login_required
@cached_page
def priority_list(request: HttpRequest, year: int | None = None) -> HttpResponse:
    return _priorities(request, year)


@login_required
@require_POST
def record_value(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = selectors.indicator(pk)
    if indicator is None or not permissions.is_insider(request.user):
        raise Http404
    if not permissions.can_keep_priorities(request.user, indicator.priority.state):
        raise PermissionDenied
    form = ValueForm(request.POST)
    if submit(form, lambda d: services.record_value(indicator, actor=actor_of(request), **d)):
        messages.success(request, _("Value recorded."))
        return redirect("programmes:priority-year", year=indicator.priority.year)
    return _priorities(request, indicator.priority.year, (indicator.pk, form))
