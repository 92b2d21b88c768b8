"""Pages of the training plan: the plans, a plan by month with its exports and calendar feed, an
event with its after-action report and lessons, the exercise series, the open lessons. Every insider
reads; the Joint Staff writes. Thin: parse, load for the user, call one service, render."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.consultations.permissions import opened_by
from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.pagecache import cached_page
from concord.core.views import int_param, show_error

from . import calendar, permissions, training, training_execution, training_outputs
from . import training_selectors as selectors
from .models import Lesson, TrainingEvent, TrainingPlan
from .states import LessonStatus, PlanStatus
from .training_forms import (
    AfterActionForm,
    AmendmentForm,
    CloseLessonForm,
    EventForm,
    LessonForm,
    PlanForm,
    StatusForm,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _failed(form: forms.Form, error: DomainError) -> None:
    """The service's refusal beside the field it names (a 403 stays a 403)."""
    if error.status == 403:
        raise PermissionDenied(str(error.message)) from error
    show_error(form, error)


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _reader(request: HttpRequest) -> None:
    """Every insider reads the plan; for anyone else it does not exist."""
    if not permissions.sees_forces(request.user):
        raise Http404


def _can_plan(request: HttpRequest) -> bool:
    return permissions.can_plan(request.user)


# --- Plans ----------------------------------------------------------------------------------------


@login_required
@cached_page
def plan_list(request: HttpRequest) -> HttpResponse:
    _reader(request)
    form = PlanForm(request.POST or None)
    if request.method == "POST":
        if not _can_plan(request):
            raise PermissionDenied
        if form.is_valid():
            try:
                plan = training.create_plan(form.cleaned_data["year"], actor=actor_of(request))
            except DomainError as error:
                _failed(form, error)
            else:
                messages.success(request, _("Plan created."))
                return redirect("forces:plan-detail", year=plan.year)
    return render(
        request,
        "forces/plan_list.html",
        {"plans": selectors.plans(request.user), "form": form, "can_plan": _can_plan(request)},
        status=400 if form.errors else 200,
    )


@login_required
def plan_detail(request: HttpRequest, year: int) -> HttpResponse:
    plan = selectors.plan(request.user, year)
    rows = list(selectors.events(request.user, plan))
    fmt = request.GET.get("format")
    if fmt == "csv":
        return _download(
            training_outputs.as_csv(rows), f"training-plan-{year}.csv", "text/csv; charset=utf-8"
        )
    if fmt == "xlsx":
        return _download(training_outputs.as_xlsx(plan, rows), f"training-plan-{year}.xlsx", XLSX)
    return render(
        request,
        "forces/plan_detail.html",
        {
            "plan": plan,
            "opens": opened_by(request.user, [plan.consultation_id]),
            "months": selectors.by_month(rows),
            "event_count": len(rows),
            "demo_shown": plan.demo or any(e.demo for e in rows),
            "amendments": selectors.amendments(plan),
            "can_plan": _can_plan(request),
            "changeable": plan.status != PlanStatus.UNDER_CONSULTATION,
        },
    )


def _feed(request: HttpRequest, title: str, rows: list[TrainingEvent], name: str) -> HttpResponse:
    urls = {
        e.pk: request.build_absolute_uri(reverse("forces:event-detail", args=[e.pk])) for e in rows
    }
    content = calendar.feed(title, rows, url_of=urls, host=request.get_host().split(":")[0])
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@login_required
def plan_calendar(request: HttpRequest, year: int) -> HttpResponse:
    plan = selectors.plan(request.user, year)
    return _feed(
        request, str(plan), list(selectors.events(request.user, plan)), f"training-plan-{year}.ics"
    )


@login_required
def plans_calendar(request: HttpRequest) -> HttpResponse:
    _reader(request)
    rows = list(
        TrainingEvent.objects.select_related("plan", "host")
        .prefetch_related("states")
        .order_by("starts_on")
    )
    return _feed(request, _("Joint training plans"), rows, "training-plans.ics")


def _plan_action(request: HttpRequest, year: int, act: Any, done: str) -> HttpResponse:
    plan = selectors.plan(request.user, year)
    try:
        act(plan, actor=actor_of(request), version=int_param(request.POST.get("version")))
    except DomainError as error:
        if error.status == 403:
            raise PermissionDenied(str(error.message)) from error
        messages.error(request, str(error.message))
    else:
        messages.success(request, done)
    return redirect("forces:plan-detail", year=year)


@login_required
@require_POST
def plan_consultation(request: HttpRequest, year: int) -> HttpResponse:
    def put(plan: TrainingPlan, **kwargs: Any) -> TrainingPlan:
        return training.put_plan_to_consultation(plan, now=timezone.now(), **kwargs)

    return _plan_action(request, year, put, _("The plan was put before the bodies."))


@login_required
@require_POST
def plan_withdraw(request: HttpRequest, year: int) -> HttpResponse:
    return _plan_action(request, year, training.withdraw_plan, _("The plan is a draft again."))


# --- Events ---------------------------------------------------------------------------------------


def _event_form_page(
    request: HttpRequest, plan: TrainingPlan, event: TrainingEvent | None
) -> HttpResponse:
    if not _can_plan(request):
        raise PermissionDenied
    amending = plan.status == PlanStatus.ADOPTED
    initial: dict[str, Any] = {}
    if event is not None:
        initial = {f: getattr(event, f) for f in training.EVENT_FIELDS}
        initial |= {
            "states": event.states.all(),
            "units": getattr(event, "visible_units", []),
            "version": event.version,
        }
    form = EventForm(request.POST or None, initial=initial, amending=amending)
    if request.method == "POST" and form.is_valid():
        try:
            if event is None:
                event = training.add_event(
                    plan, actor=actor_of(request), amendment=form.amendment(), **form.event_fields()
                )
            else:
                event = training.change_event(
                    event,
                    actor=actor_of(request),
                    version=form.cleaned_data["version"],
                    amendment=form.amendment(),
                    **form.event_fields(),
                )
        except DomainError as error:
            _failed(form, error)
        else:
            messages.success(request, _("Event saved."))
            return redirect("forces:event-detail", pk=event.pk)
    return render(
        request,
        "forces/event_form.html",
        {"form": form, "plan": plan, "event": event, "amending": amending},
        status=400 if form.errors else 200,
    )


@login_required
def event_add(request: HttpRequest, year: int) -> HttpResponse:
    return _event_form_page(request, selectors.plan(request.user, year), None)


@login_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event(request.user, pk)
    return _event_form_page(request, event.plan, event)


@login_required
def event_delete(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event(request.user, pk)
    if not _can_plan(request):
        raise PermissionDenied
    form = AmendmentForm(request.POST or None, initial={"version": event.version})
    amending = event.plan.status == PlanStatus.ADOPTED
    if not amending:
        for name in ("basis", "decided_on", "description"):
            del form.fields[name]
    if request.method == "POST" and form.is_valid():
        try:
            training.remove_event(
                event,
                actor=actor_of(request),
                version=form.cleaned_data["version"],
                amendment=form.amendment() if amending else None,
            )
        except DomainError as error:
            _failed(form, error)
        else:
            messages.success(request, _("Event removed from the plan."))
            return redirect("forces:plan-detail", year=event.plan.year)
    return render(
        request,
        "forces/event_delete.html",
        {"form": form, "event": event, "amending": amending},
        status=400 if form.errors else 200,
    )


def _event_page(
    request: HttpRequest, event: TrainingEvent, status: int = 200, **bound: forms.Form
) -> HttpResponse:
    report = getattr(event, "after_action", None)
    today = timezone.localdate()
    can_plan = _can_plan(request)
    lessons = list(selectors.lessons_of(event, today=today))
    return render(
        request,
        "forces/event_detail.html",
        {
            "event": event,
            "report": report,
            "lessons": lessons,
            "can_plan": can_plan,
            "status_form": bound.get("status_form")
            or StatusForm(initial={"version": event.version, "status": event.status}),
            "report_form": bound.get("report_form")
            or AfterActionForm(
                initial={"summary": report.summary, "version": report.version} if report else {}
            ),
            "lesson_form": bound.get("lesson_form") or LessonForm(),
            "close_forms": {
                lesson.pk: (
                    bound["close_form"]
                    if bound.get("close_lesson") == lesson.pk
                    else CloseLessonForm(initial={"version": lesson.version})
                )
                for lesson in lessons
                if lesson.status == LessonStatus.OPEN
            },
            "executing": event.plan.status == PlanStatus.ADOPTED,
        },
        status=status,
    )


@login_required
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _event_page(request, selectors.event(request.user, pk))


def _event_post(
    request: HttpRequest, pk: int, form_class: type[forms.Form], key: str, act: Any
) -> HttpResponse:
    event = selectors.event(request.user, pk)
    if not _can_plan(request):
        raise PermissionDenied
    form = form_class(request.POST)
    status = 400
    if form.is_valid():
        try:
            act(event, form.cleaned_data)
        except DomainError as error:
            _failed(form, error)
            status = error.status  # 409 for a record changed since the form was drawn
        else:
            messages.success(request, _("Saved."))
            return redirect("forces:event-detail", pk=pk)
    return _event_page(request, event, status=status, **{key: form})


@login_required
@require_POST
def event_status(request: HttpRequest, pk: int) -> HttpResponse:
    def act(event: TrainingEvent, d: dict[str, Any]) -> None:
        training_execution.record_event_status(
            event,
            d["status"],
            actor=actor_of(request),
            personnel=d["personnel"],
            version=d["version"],
        )

    return _event_post(request, pk, StatusForm, "status_form", act)


@login_required
@require_POST
def after_action(request: HttpRequest, pk: int) -> HttpResponse:
    def act(event: TrainingEvent, d: dict[str, Any]) -> None:
        training_execution.save_after_action(
            event, actor=actor_of(request), summary=d["summary"], version=d["version"]
        )

    return _event_post(request, pk, AfterActionForm, "report_form", act)


@login_required
@require_POST
def lesson_add(request: HttpRequest, pk: int) -> HttpResponse:
    def act(event: TrainingEvent, d: dict[str, Any]) -> None:
        training_execution.add_lesson(event, actor=actor_of(request), **d)

    return _event_post(request, pk, LessonForm, "lesson_form", act)


@login_required
@require_POST
def lesson_close(request: HttpRequest, pk: int) -> HttpResponse:
    lesson = (
        Lesson.objects.select_related("report").filter(pk=pk).first()
        if permissions.sees_forces(request.user)
        else None
    )
    if lesson is None:
        raise Http404
    event = selectors.event(request.user, lesson.report.event_id)
    if not _can_plan(request):
        raise PermissionDenied
    form = CloseLessonForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            training_execution.close_lesson(
                lesson,
                actor=actor_of(request),
                note=d["closing_note"],
                on=d["closed_on"],
                version=d["version"],
            )
        except DomainError as error:
            _failed(form, error)
        else:
            messages.success(request, _("Lesson closed."))
            if request.POST.get("next") == "lessons":
                return redirect("forces:lesson-list")
            return redirect("forces:event-detail", pk=event.pk)
    return _event_page(request, event, status=400, close_form=form, close_lesson=lesson.pk)  # type: ignore[arg-type]


# --- Series and lessons ---------------------------------------------------------------------------


@login_required
@cached_page
def exercise_list(request: HttpRequest) -> HttpResponse:
    _reader(request)
    year = int_param(request.GET.get("year"))
    return render(
        request,
        "forces/exercise_list.html",
        {
            "series": selectors.series(request.user, year=year, code=request.GET.get("series", "")),
            "year": year,
            "years": TrainingPlan.objects.order_by("-year").values_list("year", flat=True),
        },
    )


@login_required
@cached_page
def lesson_list(request: HttpRequest) -> HttpResponse:
    _reader(request)
    return render(
        request,
        "forces/lesson_list.html",
        {
            "lessons": selectors.lessons(
                request.user, today=timezone.localdate(), state=request.GET.get("state", "")
            ),
            "can_plan": _can_plan(request),
        },
    )


urlpatterns = [
    path("plans/", plan_list, name="plan-list"),
    path("plans/calendar.ics", plans_calendar, name="plans-calendar"),
    path("plans/<int:year>/", plan_detail, name="plan-detail"),
    path("plans/<int:year>.ics", plan_calendar, name="plan-calendar"),
    path("plans/<int:year>/consultation/", plan_consultation, name="plan-consultation"),
    path("plans/<int:year>/withdrawal/", plan_withdraw, name="plan-withdraw"),
    path("plans/<int:year>/events/new/", event_add, name="event-add"),
    path("events/<int:pk>/", event_detail, name="event-detail"),
    path("events/<int:pk>/edit/", event_edit, name="event-edit"),
    path("events/<int:pk>/delete/", event_delete, name="event-delete"),
    path("events/<int:pk>/status/", event_status, name="event-status"),
    path("events/<int:pk>/after-action/", after_action, name="event-after-action"),
    path("events/<int:pk>/lessons/", lesson_add, name="lesson-add"),
    path("lessons/", lesson_list, name="lesson-list"),
    path("lessons/<int:pk>/closure/", lesson_close, name="lesson-close"),
    path("exercises/", exercise_list, name="exercise-list"),
]
