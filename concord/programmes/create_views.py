"""Pages that build a programme or a budget: the programme, its stages, national customers,
activities, each stage's funding and its adoption; the budget, its items, shares and adoption.

Each page calls the service its API operation calls (`api.py`, `budget_api.py`), with the same
checks: only the Secretariat sees the forms and may post (403; 404 for what one may not see), a
service's error is shown beside its field with nothing saved, the edit counter is carried where the
service takes one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from concord.consultations import selectors as consultations
from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.organization.models import MemberState

from . import budgets, permissions, selectors, services
from .models import Budget, Programme
from .structure_forms import (
    ActivityForm,
    AdoptionForm,
    BudgetForm,
    BudgetSharesForm,
    CustomerForm,
    FundingForm,
    ItemForm,
    PageForm,
    ProgrammeForm,
    StageForm,
)

FORM = "programmes/structure_form.html"


def _data(request: HttpRequest) -> Any:
    """What was posted (the form is bound even when empty), or None for a blank form."""
    return request.POST if request.method == "POST" else None


def _may(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _submit(form: PageForm, call: Callable[[dict[str, Any]], Any]) -> tuple[int, Any]:
    """Check the form and call the service: (0, what it returned), or the status to answer with
    the errors on the form and nothing saved."""
    if not form.is_valid():
        return 400, None
    try:
        return 0, call(dict(form.cleaned_data))
    except DomainError as error:
        form.place(error)
        return error.status, None


def _page(
    request: HttpRequest,
    form: PageForm,
    *,
    title: str | Promise,
    back: str,
    submit: str | Promise,
    status: int = 200,
    intro: str | Promise = "",
) -> HttpResponse:
    context = {"form": form, "title": title, "back": back, "submit": submit, "intro": intro}
    return render(request, FORM, context, status=status)


def _decisions(request: HttpRequest) -> Any:
    """The adopted decisions the user may see: what a programme or a budget is adopted by."""
    return consultations.consultations(request.user, status="adopted")


# --- Programmes -----------------------------------------------------------------------------------


@login_required
def create_programme(request: HttpRequest) -> HttpResponse:
    _may(permissions.can_keep_programme(request.user))
    form = ProgrammeForm(_data(request))
    status = 200
    if request.method == "POST":

        def create(d: dict[str, Any]) -> Programme:
            return services.create_programme(
                actor=actor_of(request), currency_code=d.pop("currency"), **d
            )

        status, programme = _submit(form, create)
        if not status:
            messages.success(
                request, _("Programme created: add its stages, customers and activities.")
            )
            return redirect("programmes:programme-detail", pk=programme.pk)
    return _page(
        request,
        form,
        title=_("New target programme"),
        back=reverse("programmes:programme-list"),
        submit=_("Create"),
        status=status,
    )


def _keeping(request: HttpRequest, pk: int) -> Programme:
    """The programme (404 when the user may not see it), for who keeps programmes (403)."""
    programme = selectors.programme(request.user, pk)
    _may(permissions.can_keep_programme(request.user))
    return programme


def _back(programme: Programme) -> str:
    return reverse("programmes:programme-detail", kwargs={"pk": programme.pk})


def _structure(
    request: HttpRequest,
    programme: Programme,
    form: PageForm,
    call: Callable[[dict[str, Any]], Any],
    *,
    title: str,
    done: str,
) -> HttpResponse:
    """A page adding to a programme's structure: the form, or the programme once done."""
    status = 200
    if request.method == "POST":
        status, _result = _submit(form, call)
        if not status:
            messages.success(request, done)
            return redirect("programmes:programme-detail", pk=programme.pk)
    return _page(request, form, title=title, back=_back(programme), submit=_("Save"), status=status)


@login_required
def add_stage(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _keeping(request, pk)
    following = (
        programme.stages.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    form = StageForm(_data(request), programme=programme, initial={"number": following})
    return _structure(
        request,
        programme,
        form,
        lambda d: services.add_stage(programme, actor=actor_of(request), **d),
        title=_("Add a stage: %(programme)s") % {"programme": programme.name},
        done=_("Stage added."),
    )


@login_required
def add_customer(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _keeping(request, pk)
    form = CustomerForm(_data(request))
    return _structure(
        request,
        programme,
        form,
        lambda d: services.add_customer(programme, actor=actor_of(request), **d),
        title=_("Add a national customer: %(programme)s") % {"programme": programme.name},
        done=_("National customer added."),
    )


@login_required
def add_activity(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _keeping(request, pk)
    form = ActivityForm(_data(request), programme=programme)
    return _structure(
        request,
        programme,
        form,
        lambda d: services.add_activity(programme, actor=actor_of(request), **d),
        title=_("Add an activity: %(programme)s") % {"programme": programme.name},
        done=_("Activity added."),
    )


@login_required
def set_funding(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    programme = _keeping(request, pk)
    stage = programme.stages.filter(number=number).first()
    if stage is None:
        raise Http404
    current = {f.state.iso2.lower(): f for f in stage.funding.select_related("state")}
    initial = {
        **{f"share_{k}": f.share for k, f in current.items()},
        **{f"amount_{k}": f.amount for k, f in current.items()},
        "version": programme.version,
    }
    form = FundingForm(
        _data(request), programme=programme, states=MemberState.objects.all(), initial=initial
    )

    def fund(d: dict[str, Any]) -> Any:
        amounts = form.amounts_of()
        rows = [services.FundingRow(s, share, amounts[s]) for s, share in form.shares().items()]
        return services.set_funding(
            programme,
            stage,
            actor=actor_of(request),
            rows=rows,
            change=d.get("change"),
            demo=d["demo"],
            version=d["version"],
        )

    return _structure(
        request,
        programme,
        form,
        fund,
        title=_("Funding of stage %(number)s: %(programme)s")
        % {"number": number, "programme": programme.name},
        done=_("Funding saved."),
    )


@login_required
def adopt_programme(request: HttpRequest, pk: int) -> HttpResponse:
    programme = _keeping(request, pk)
    form = AdoptionForm(
        _data(request),
        decisions=_decisions(request),
        initial={"version": programme.version},
    )
    return _structure(
        request,
        programme,
        form,
        lambda d: services.adopt_programme(
            programme,
            actor=actor_of(request),
            decision_id=d["decision"].pk,
            version=d["version"],
        ),
        title=_("Record the adoption: %(programme)s") % {"programme": programme.name},
        done=_("The programme is recorded adopted."),
    )


# --- Budgets --------------------------------------------------------------------------------------


@login_required
def create_budget(request: HttpRequest) -> HttpResponse:
    _may(permissions.can_keep_budget(request.user))
    form = BudgetForm(_data(request))
    status = 200
    if request.method == "POST":

        def create(d: dict[str, Any]) -> Budget:
            return budgets.create_budget(
                actor=actor_of(request), currency_code=d.pop("currency"), **d
            )

        status, budget = _submit(form, create)
        if not status:
            messages.success(request, _("Budget created: add its items and shares."))
            return redirect("programmes:budget-detail", year=budget.year)
    return _page(
        request,
        form,
        title=_("New budget"),
        back=reverse("programmes:budget-list"),
        submit=_("Create"),
        status=status,
    )


def _budget(request: HttpRequest, year: int) -> Budget:
    """The budget (404 when the user may not see it), for who keeps budgets (403)."""
    budget = selectors.budget(request.user, year)
    _may(permissions.can_keep_budget(request.user))
    return budget


def _budget_page(
    request: HttpRequest,
    budget: Budget,
    form: PageForm,
    call: Callable[[dict[str, Any]], Any],
    *,
    title: str,
    done: str,
) -> HttpResponse:
    status = 200
    if request.method == "POST":
        status, _result = _submit(form, call)
        if not status:
            messages.success(request, done)
            return redirect("programmes:budget-detail", year=budget.year)
    back = reverse("programmes:budget-detail", kwargs={"year": budget.year})
    return _page(request, form, title=title, back=back, submit=_("Save"), status=status)


@login_required
def save_item(request: HttpRequest, year: int) -> HttpResponse:
    """A new item, or the one at a position changed (`?position=` fills the form with it)."""
    budget = _budget(request, year)
    items = list(budget.items.all())
    wanted = next((i for i in items if str(i.position) == request.GET.get("position")), None)
    initial: dict[str, Any] = (
        {"position": wanted.position, "name_ru": wanted.name_ru}
        | {"name_en": wanted.name_en, "amount": wanted.amount}
        if wanted
        else {"position": max((i.position for i in items), default=0) + 1}
    ) | {"version": budget.version}
    form = ItemForm(_data(request), initial=initial)
    return _budget_page(
        request,
        budget,
        form,
        lambda d: budgets.save_item(budget, actor=actor_of(request), **d),
        title=_("Budget item: %(budget)s") % {"budget": budget},
        done=_("Item saved."),
    )


@login_required
def set_shares(request: HttpRequest, year: int) -> HttpResponse:
    budget = _budget(request, year)
    current = {c.state.iso2.lower(): c.share for c in budget.contributions.select_related("state")}
    form = BudgetSharesForm(
        _data(request),
        states=MemberState.objects.all(),
        initial={f"share_{k}": v for k, v in current.items()} | {"version": budget.version},
    )
    return _budget_page(
        request,
        budget,
        form,
        lambda d: budgets.set_shares(
            budget, actor=actor_of(request), shares=form.shares(), version=d["version"]
        ),
        title=_("Contribution shares: %(budget)s") % {"budget": budget},
        done=_("Shares saved."),
    )


@login_required
def adopt_budget(request: HttpRequest, year: int) -> HttpResponse:
    budget = _budget(request, year)
    form = AdoptionForm(
        _data(request), decisions=_decisions(request), initial={"version": budget.version}
    )
    return _budget_page(
        request,
        budget,
        form,
        lambda d: budgets.adopt_budget(
            budget, actor=actor_of(request), decision_id=d["decision"].pk, version=d["version"]
        ),
        title=_("Record the adoption: %(budget)s") % {"budget": budget},
        done=_("The budget is recorded adopted."),
    )
