"""Formations: what each is, who takes part, what it needs against what is pledged and certified."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from concord.core.pagecache import cached_page

from . import permissions, selectors


def _insiders_only(request: HttpRequest) -> None:
    if not permissions.sees_forces(request.user):
        raise PermissionDenied


@login_required
@cached_page
def formation_list(request: HttpRequest) -> HttpResponse:
    _insiders_only(request)
    return render(
        request, "forces/formation_list.html", {"overviews": selectors.overviews(request.user)}
    )


@login_required
def formation_detail(request: HttpRequest, code: str) -> HttpResponse:
    _insiders_only(request)
    return render(
        request, "forces/formation_detail.html", {"o": selectors.overview(request.user, code)}
    )
