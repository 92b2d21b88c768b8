"""Pages of budgets: the items and total, each state's contribution and payments (its own for a
state, all for the Secretariat), arrears, payments recorded by the Secretariat."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.consultations.permissions import opened_by
from concord.core.actors import actor_of
from concord.core.pagecache import cached_page
from concord.core.views import submit

from . import budgets as services
from . import outputs, permissions, selectors
from .forms import PaymentForm
from .models import Budget
from .views import download


@login_required
@cached_page
def budget_list(request: HttpRequest) -> HttpResponse:
    found = list(selectors.budgets(request.user))
    tables = selectors.budget_tables(request.user, found, today=timezone.localdate())
    keeps = permissions.can_keep_budget(request.user)
    return render(request, "programmes/budget_list.html", {"tables": tables, "keeps": keeps})


def _detail(request: HttpRequest, budget: Budget, form: PaymentForm | None = None) -> HttpResponse:
    keeps = permissions.can_keep_budget(request.user)
    table = selectors.budget_tables(request.user, [budget], today=timezone.localdate())[0]
    context: dict[str, Any] = {
        "b": budget,
        "keeps": keeps,
        "t": table,
        "items": budget.items.all(),
        "opens": opened_by(request.user, [budget.decision_id]),
        "not_bound": budget.not_bound.all(),
        "payments": selectors.payments(request.user, budget),
        "form": form
        or (PaymentForm(initial={"currency": budget.currency.code}) if keeps else None),
    }
    return render(request, "programmes/budget_detail.html", context, status=400 if form else 200)


@login_required
def budget_detail(request: HttpRequest, year: int) -> HttpResponse:
    return _detail(request, selectors.budget(request.user, year))


@login_required
@require_POST
def record_payment(request: HttpRequest, year: int) -> HttpResponse:
    budget = selectors.budget(request.user, year)
    if not permissions.can_keep_budget(request.user):
        raise PermissionDenied
    form = PaymentForm(request.POST)
    if submit(
        form,
        lambda d: services.record_payment(
            budget, actor=actor_of(request), currency_code=d.pop("currency"), **d
        ),
    ):
        messages.success(request, _("Payment recorded."))
        return redirect("programmes:budget-detail", year=year)
    return _detail(request, budget, form)


@login_required
def budget_export(request: HttpRequest, year: int) -> HttpResponse:
    budget = selectors.budget(request.user, year)
    table = selectors.budget_tables(request.user, [budget], today=timezone.localdate())[0]
    content = outputs.workbook(
        [
            (
                _("Items"),
                [_("Item"), _("Amount")],
                ([i.name, float(i.amount)] for i in budget.items.all()),
            ),
            (
                _("Contributions"),
                [_("State"), _("Share, %"), _("Due"), _("Paid"), _("Balance"), _("Arrears")],
                (
                    [
                        r.state_name,
                        float(r.share),
                        float(r.standing.due),
                        float(r.standing.paid),
                        float(r.standing.balance),
                        float(r.standing.arrears),
                    ]
                    for r in table.rows
                ),
            ),
            (
                _("Payments"),
                [_("Paid on"), _("State"), _("Amount"), _("Currency"), _("Payment document")],
                (
                    [p.paid_on, p.state.name, float(p.amount), p.currency.code, p.reference]
                    for p in selectors.payments(request.user, budget)
                ),
            ),
        ]
    )
    return download(content, f"budget-{year}.xlsx")
