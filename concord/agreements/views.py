from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.models import viewer_of
from concord.organization.models import MemberState

from . import permissions, selectors, services
from .forms import ActionForm


@login_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "agreements/agreement_list.html",
        {"statuses": selectors.overview(request.user, today=timezone.localdate())},
    )


@login_required
def my_state(request: HttpRequest) -> HttpResponse:
    """A delegation sees its own state; anyone else (a member of parliament, the Secretariat) chooses one."""
    state_id = viewer_of(request.user).state_id
    if state_id:
        state = MemberState.objects.filter(pk=state_id).first()
    else:
        state = MemberState.objects.filter(iso2=request.GET.get("state", "").upper()[:2]).first()
    statuses = (
        selectors.still_to_ratify(request.user, state.iso2, today=timezone.localdate())
        if state
        else []
    )
    return render(
        request,
        "agreements/my_state.html",
        {
            "state": state,
            "statuses": statuses,
            "choose": not state_id,
            "states": MemberState.objects.all(),
        },
    )


@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement(request.user, pk)
    form = (
        ActionForm(request.POST or None, agreement=agreement)
        if permissions.is_depositary(request.user)
        else None
    )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.record_action(
                    agreement,
                    actor=actor_of(request),
                    state=d["state"],
                    type=d["type"],
                    date=d["date"],
                    step=d["step"],
                    reservation=d["reservation"],
                    evidence=d["evidence"],
                    corrects=d["corrects"],
                )
            except DomainError as error:
                form.add_error(
                    error.field if error.field in form.fields else None, str(error.message)
                )
            else:
                messages.success(
                    request,
                    _("Action recorded; the depositary notification was sent to the parties."),
                )
                return redirect("agreements:agreement-detail", pk=pk)
    status, rows, steps, actions = selectors.status_table(agreement, today=timezone.localdate())
    return render(
        request,
        "agreements/agreement_detail.html",
        {
            "a": agreement,
            "status": status,
            "rows": rows,
            "steps": steps,
            "actions": actions,
            "form": form,
        },
        status=400 if form is not None and form.errors else 200,
    )
