"""Pages of deployments: the list, the request form, a deployment's chronology with the forms of its
next steps, and the crisis picture (refreshing itself while the deployment is open). Each step's POST
calls one service; its error is shown beside the field it names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.views.decorators.http import require_POST

from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.models import viewer_of
from concord.core.pagecache import cached_page
from concord.core.rules import speaks_for
from concord.core.views import show_error
from concord.organization.models import MemberState

from . import deployment_selectors as selectors
from . import deployments as services
from . import permissions
from .deployment_forms import (
    AcceptanceForm,
    ArrivalForm,
    CommandForm,
    CompletionForm,
    DecisionForm,
    LogForm,
    OfferForm,
    RefusalForm,
    ReportForm,
    RequestForm,
    SiteForm,
    UnInformedForm,
    WithdrawalForm,
)
from .deployment_rules import time_zone_of
from .models import Contingent, Deployment
from .states import DeploymentStatus

OVER = {DeploymentStatus.CLOSED, DeploymentStatus.REFUSED}


@login_required
@cached_page
def deployment_list(request: HttpRequest) -> HttpResponse:
    found = list(selectors.deployments(request.user))
    return render(
        request,
        "forces/deployment_list.html",
        {
            "deployments": found,
            "can_request": permissions.states_requesting_for(request.user).exists(),
            "crisis_ids": {d.pk for d in found if permissions.sees_crisis_of(request.user, d)},
        },
    )


@login_required
def deployment_new(request: HttpRequest) -> HttpResponse:
    states = permissions.states_requesting_for(request.user)
    if not states.exists():
        raise PermissionDenied
    host_id = _int(request.POST.get("host"))
    host = states.filter(pk=host_id).first() if host_id is not None else None
    with timezone.override(ZoneInfo(time_zone_of(host.iso2 if host else ""))):
        form = RequestForm(request.POST or None, states=states)
        if request.method == "POST" and form.is_valid():
            try:
                d = services.request_deployment(
                    form.cleaned_data["host"],
                    actor=actor_of(request),
                    requested_at=form.cleaned_data["requested_at"],
                    **_kw(
                        form.cleaned_data,
                        "letter_reference_ru",
                        "letter_reference_en",
                        "request_text_ru",
                        "request_text_en",
                    ),
                    formation=form.cleaned_data["formation"],
                )
            except DomainError as error:
                _add_error(form, error)
            else:
                return redirect("forces:deployment-detail", pk=d.pk)
    return render(request, "forces/deployment_new.html", {"form": form})


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() and len(value) < 10 else None


def _add_error(form: forms.Form, error: DomainError) -> None:
    show_error(form, error)


# --- One deployment ----------------------------------------------------------------------------


def _next_forms(request: HttpRequest, d: Deployment) -> dict[str, Any]:
    """The forms of the steps the user may take now, unbound, with the record's edit counter."""
    user, status = request.user, d.status
    v: dict[str, Any] = {"version": d.version}
    decides, runs = permissions.can_record_decision(user), permissions.can_run_deployment(user)
    offered = {c.state_id for c in d.contingents.all()}
    after = status in (DeploymentStatus.DECIDED, DeploymentStatus.DEPLOYED)
    wanted = {
        "decision": decides and status == DeploymentStatus.REQUESTED,
        "refusal": decides and status == DeploymentStatus.REQUESTED,
        "offer": after and _may_offer(user, offered),
        "command": runs and after and bool(offered),
        "site": runs and status == DeploymentStatus.DEPLOYED,
        "log": runs,
        "un": decides and d.decided_at is not None and status != DeploymentStatus.REFUSED,
        "completion": decides and status == DeploymentStatus.DEPLOYED,
        "report": decides and status == DeploymentStatus.WITHDRAWN,
    }
    initial: dict[str, dict[str, Any]] = {
        "command": {
            **v,
            "lead_state": d.lead_state_id,
            "commander_ru": d.commander_ru,
            "commander_en": d.commander_en,
        },
        "un": {**v, "on": d.un_informed_on},
    }
    found: dict[str, Any] = {}
    for name, _url, form_class, _call in STEPS:
        if wanted[name]:
            extra: dict[str, Any] = (
                {"deployment": d} if form_class in (CommandForm, SiteForm) else {}
            )
            found[name] = form_class(initial=initial.get(name, v), prefix=name, **extra)
    return found


def _may_offer(user: Any, offered: set[int]) -> bool:
    """Who speaks for a state that has not offered yet."""
    viewer = viewer_of(user)
    return (
        viewer.state_id is not None
        and speaks_for(viewer, viewer.state_id)
        and viewer.state_id not in offered
    )


def _row_forms(request: HttpRequest, rec: selectors.Record) -> dict[int, tuple[str, forms.Form]]:
    """Per contingent, the one next step the Joint Staff may record: accept, arrival, withdrawal."""
    if not permissions.can_run_deployment(request.user):
        return {}
    status = rec.deployment.status
    rows: dict[int, tuple[str, forms.Form]] = {}
    for c in rec.contingents:
        v = {"version": c.version}
        if c.accepted_at is None and status in services.AFTER_DECISION:
            rows[c.pk] = (
                "acceptance",
                AcceptanceForm(initial={**v, "strength": c.offered}, prefix=f"c{c.pk}"),
            )
        elif c.arrived_at is None and c.accepted_at and status in services.AFTER_DECISION:
            rows[c.pk] = ("arrival", ArrivalForm(initial=v, prefix=f"c{c.pk}"))
        elif c.arrived_at and c.withdrawn_at is None and status == DeploymentStatus.COMPLETING:
            rows[c.pk] = ("withdrawal", WithdrawalForm(initial=v, prefix=f"c{c.pk}"))
    return rows


def _detail(
    request: HttpRequest,
    d: Deployment,
    *,
    bound: tuple[str, forms.Form] | None = None,
    row: tuple[int, str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    rec = selectors.record(d)
    found = _next_forms(request, d)
    rows = _row_forms(request, rec)
    if bound is not None:
        found[bound[0]] = bound[1]
    if row is not None:
        rows[row[0]] = (row[1], row[2])
    return render(
        request,
        "forces/deployment_detail.html",
        {
            "d": d,
            "rec": rec,
            "forms": found,
            "rows": rows,
            "sees_crisis": permissions.sees_crisis_of(request.user, d),
        },
        status=status,
    )


@login_required
def deployment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    d = selectors.deployment(request.user, pk)
    with timezone.override(ZoneInfo(time_zone_of(d.host.iso2))):
        return _detail(request, d)


def _crisis_context(request: HttpRequest, d: Deployment) -> dict[str, Any]:
    pic = selectors.picture(request.user, d, now=timezone.now())
    return {"d": d, "pic": pic, "rec": pic.record, "live": d.status not in OVER}


@login_required
def crisis(request: HttpRequest, pk: int) -> HttpResponse:
    d = selectors.deployment(request.user, pk)
    if not permissions.sees_crisis_of(request.user, d):
        raise PermissionDenied
    with timezone.override(ZoneInfo(time_zone_of(d.host.iso2))):
        context = _crisis_context(request, d)
        if request.GET.get("fragment"):
            return render(request, "forces/crisis_fragment.html", context)
        decides = permissions.can_record_decision(request.user)
        if decides and d.status == DeploymentStatus.REQUESTED:
            context["decision_form"] = DecisionForm(
                initial={"version": d.version}, prefix="decision"
            )
        return render(request, "forces/crisis.html", context)


# --- The steps -------------------------------------------------------------------------------------

Call = Callable[[Any, dict[str, Any]], Any]


def _step(
    request: HttpRequest,
    d: Deployment,
    name: str,
    form: forms.Form,
    call: Callable[[dict[str, Any]], Any],
) -> HttpResponse:
    """Validate the step's form and call its service; on an error, the page again with the error
    beside its field (400/403/409 as the service says)."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except DomainError as error:
            _add_error(form, error)
            return _detail(request, d, bound=(name, form), status=error.status)
        if request.POST.get("next") == "crisis" and permissions.sees_crisis_of(request.user, d):
            return redirect("forces:crisis", pk=d.pk)
        return redirect("forces:deployment-detail", pk=d.pk)
    return _detail(request, d, bound=(name, form), status=400)


def _deployment_step(
    name: str, form_class: type[forms.Form], service: Call
) -> Callable[..., HttpResponse]:
    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        d = selectors.deployment(request.user, pk)
        with timezone.override(ZoneInfo(time_zone_of(d.host.iso2))):
            extra: dict[str, Any] = (
                {"deployment": d} if form_class in (CommandForm, SiteForm) else {}
            )
            form = form_class(request.POST, prefix=name, **extra)
            return _step(
                request,
                d,
                name,
                form,
                lambda data: service(d, {**data, "actor": actor_of(request)}),
            )

    view.__name__ = f"deployment_{name}"
    return view


def _contingent_step(
    name: str, form_class: type[forms.Form], service: Call
) -> Callable[..., HttpResponse]:
    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        c = get_object_or_404(Contingent.objects.select_related("state"), pk=pk)
        d = selectors.deployment(request.user, c.deployment_id)
        with timezone.override(ZoneInfo(time_zone_of(d.host.iso2))):
            form = form_class(request.POST, prefix=f"c{c.pk}")
            if not form.is_valid():
                return _detail(request, d, row=(c.pk, name, form), status=400)
            try:
                service(c, {**form.cleaned_data, "actor": actor_of(request)})
            except DomainError as error:
                _add_error(form, error)
                return _detail(request, d, row=(c.pk, name, form), status=error.status)
            return redirect("forces:deployment-detail", pk=d.pk)

    view.__name__ = f"contingent_{name}"
    return view


def _offer(d: Deployment, data: dict[str, Any]) -> Any:
    state_id = viewer_of(data["actor"]).state_id
    state = MemberState.objects.filter(pk=state_id).first() if state_id else None
    if state is None:
        raise PermissionDenied
    return services.offer_contingent(
        d, state, actor=data["actor"], offered=data["offered"], offered_at=data["offered_at"]
    )


def _kw(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {n: data[n] for n in names}


STEPS: list[tuple[str, str, type[forms.Form], Call]] = [
    (
        "decision",
        "deployment-decision",
        DecisionForm,
        lambda d, x: services.decide_deployment(
            d,
            **_kw(
                x,
                "actor",
                "version",
                "decided_at",
                "decision_reference_ru",
                "decision_reference_en",
                "legal_basis_ru",
                "legal_basis_en",
                "tasks_ru",
                "tasks_en",
                "area_ru",
                "area_en",
                "duration_ru",
                "duration_en",
            ),
        ),
    ),
    (
        "refusal",
        "deployment-refusal",
        RefusalForm,
        lambda d, x: services.refuse_deployment(
            d,
            **_kw(
                x,
                "actor",
                "version",
                "decided_at",
                "decision_reference_ru",
                "decision_reference_en",
            ),
        ),
    ),
    (
        "command",
        "deployment-command",
        CommandForm,
        lambda d, x: services.set_command(
            d, **_kw(x, "actor", "version", "lead_state", "commander_ru", "commander_en")
        ),
    ),
    ("offer", "contingent-offer", OfferForm, _offer),
    (
        "site",
        "site-new",
        SiteForm,
        lambda d, x: services.protect_site(
            d,
            **_kw(x, "actor", "name_ru", "name_en", "since", "contingent", "latitude", "longitude"),
        ),
    ),
    (
        "log",
        "log-new",
        LogForm,
        lambda d, x: services.log_entry(d, **_kw(x, "actor", "kind", "at", "text_ru", "text_en")),
    ),
    (
        "un",
        "un-informed",
        UnInformedForm,
        lambda d, x: services.inform_un(d, **_kw(x, "actor", "version", "on")),
    ),
    (
        "completion",
        "deployment-completion",
        CompletionForm,
        lambda d, x: services.complete_deployment(
            d,
            **_kw(
                x,
                "actor",
                "version",
                "decided_at",
                "decision_reference_ru",
                "decision_reference_en",
            ),
        ),
    ),
    (
        "report",
        "deployment-report",
        ReportForm,
        lambda d, x: services.record_report(
            d,
            **_kw(
                x, "actor", "version", "reported_at", "report_reference_ru", "report_reference_en"
            ),
        ),
    ),
]

CONTINGENT_STEPS: list[tuple[str, str, type[forms.Form], Call]] = [
    (
        "acceptance",
        "contingent-acceptance",
        AcceptanceForm,
        lambda c, x: services.accept_contingent(
            c, **_kw(x, "actor", "version", "accepted_at", "strength", "equipment")
        ),
    ),
    (
        "arrival",
        "contingent-arrival",
        ArrivalForm,
        lambda c, x: services.record_arrival(c, **_kw(x, "actor", "version", "arrived_at")),
    ),
    (
        "withdrawal",
        "contingent-withdrawal",
        WithdrawalForm,
        lambda c, x: services.withdraw_contingent(c, **_kw(x, "actor", "version", "withdrawn_at")),
    ),
]

urlpatterns: list[URLPattern] = [
    path("deployments/", deployment_list, name="deployment-list"),
    path("deployments/new/", deployment_new, name="deployment-new"),
    path("deployments/<int:pk>/", deployment_detail, name="deployment-detail"),
    path("deployments/<int:pk>/crisis/", crisis, name="crisis"),
    *(
        path(f"deployments/<int:pk>/{step}/", _deployment_step(step, form, call), name=name)
        for step, name, form, call in STEPS
    ),
    *(
        path(f"contingents/<int:pk>/{step}/", _contingent_step(step, form, call), name=name)
        for step, name, form, call in CONTINGENT_STEPS
    ),
]
