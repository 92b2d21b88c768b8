from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.pagecache import cached_page
from concord.core.paging import page_of

from . import copies, permissions, selectors, services
from .forms import ActionForm
from .standing import in_words
from .wording import describe_rule


@login_required
@cached_page
def agreement_list(request: HttpRequest) -> HttpResponse:
    """A page of the instruments with their stored standings (a constant number of queries)."""
    names = selectors.state_names()
    checks = permissions.is_depositary(request.user)
    page = page_of(request, selectors.overview_agreements(request.user))
    rows = [
        in_words(s, names, checks=checks)
        for s in selectors.stored_standings(page, today=timezone.localdate())
    ]
    return render(request, "agreements/agreement_list.html", {"rows": rows, "page": page})


@login_required
def my_state(request: HttpRequest) -> HttpResponse:
    """A delegation sees its own state; anyone else (a member of parliament, the Secretariat) chooses one."""
    state = selectors.state_to_follow(request.user, request.GET.get("state", ""))
    entries = selectors.pending(request.user, state, today=timezone.localdate()) if state else []
    return render(
        request,
        "agreements/my_state.html",
        {
            "state": state,
            "open": [e for e in entries if e.known],
            "unknown": [e for e in entries if not e.known],
            "choose": selectors.chooses_state(request.user),
            "states": selectors.member_states(),
        },
    )


@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement(request.user, pk)
    depositary = permissions.is_depositary(request.user)
    form = ActionForm(request.POST or None, agreement=agreement) if depositary else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.record_action(agreement, actor=actor_of(request), **form.cleaned_data)
            except DomainError as error:
                form.add_error(
                    error.field if error.field in form.fields else None, str(error.message)
                )
            else:
                messages.success(request, _("Action recorded."))
                return redirect("agreements:agreement-detail", pk=pk)
    standing, rows, actions = selectors.status_table(agreement, today=timezone.localdate())
    names = selectors.state_names()
    return render(
        request,
        "agreements/agreement_detail.html",
        {
            "a": agreement,
            "p": in_words(standing, names, checks=depositary),
            "rule": describe_rule(agreement.rule, names),
            "rows": rows,
            "copies": copies.may_have(request.user, agreement, rows),
            "actions": actions,
            "form": form,
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
def certified_copy(request: HttpRequest, pk: int, iso2: str) -> HttpResponse:
    """The final text as a PDF with its fingerprint, certified for one signatory."""
    agreement = selectors.agreement(request.user, pk)
    state = selectors.signatory(agreement, iso2)
    if state is None or not copies.may_take(request.user, state):
        raise Http404
    try:
        data, filename = copies.certified_copy(agreement, state)
    except DomainError as error:
        raise Http404(str(error.message)) from error
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
