from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.pagecache import cached_page

from . import permissions, selectors, services
from .forms import ChairmanshipForm


@login_required
@cached_page
def state_list(request: HttpRequest) -> HttpResponse:
    return render(request, "organization/state_list.html", {"states": selectors.member_states()})


@login_required
def state_detail(request: HttpRequest, iso2: str) -> HttpResponse:
    state = get_object_or_404(selectors.member_states(), iso2=iso2.upper())
    chairs = selectors.chairmanships().filter(state=state)
    return render(request, "organization/state_detail.html", {"state": state, "chairs": chairs})


@login_required
@cached_page
def body_list(request: HttpRequest) -> HttpResponse:
    bodies = list(selectors.bodies())
    children: dict[int | None, list[object]] = {}
    for body in bodies:
        children.setdefault(body.parent_id, []).append(body)
    outlook = selectors.chair_outlook(timezone.localdate())
    return render(
        request,
        "organization/body_list.html",
        {"roots": children.get(None, []), "children": children, "outlook": outlook},
    )


@login_required
def body_detail(request: HttpRequest, code: str) -> HttpResponse:
    body = get_object_or_404(selectors.bodies(), code=code)
    outlook = selectors.chair_outlook(timezone.localdate())
    return render(
        request,
        "organization/body_detail.html",
        {"body": body, "children": selectors.bodies().filter(parent=body), "outlook": outlook},
    )


@login_required
@require_http_methods(["GET", "POST"])
@cached_page
def chairmanship_list(request: HttpRequest) -> HttpResponse:
    can_record = permissions.can_record_acts(request.user)
    form = None
    status = 200
    if can_record:
        form = ChairmanshipForm(request.POST or None, initial=_next_decision_initial())
        if request.method == "POST":
            if form.is_valid():
                try:
                    chairmanship = services.record_chairmanship(
                        actor=actor_of(request), **form.cleaned_data
                    )
                except DomainError as error:
                    form.add_error(error.field, str(error.message))
                else:
                    messages.success(
                        request,
                        _("Chairmanship for %(year)s recorded: %(state)s.")
                        % {"year": chairmanship.year, "state": chairmanship.state},
                    )
                    return redirect("organization:chairmanship-list")
            status = 400
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "organization/chairmanship_list.html",
        {
            "chairmanships": selectors.chairmanships(),
            "outlook": selectors.chair_outlook(timezone.localdate()),
            "form": form,
            "can_record": can_record,
        },
        status=status,
    )


def _next_decision_initial() -> dict[str, object]:
    last = selectors.chairmanships().order_by("-year").first()
    year = last.year + 1 if last else timezone.localdate().year
    return {"year": year, "state": selectors.proposed_chair(year)}


@login_required
@cached_page
def secretary_general_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "organization/secretary_general_list.html",
        {
            "terms": selectors.secretary_general_terms(),
            "current": selectors.secretary_general_on(timezone.localdate()),
        },
    )
