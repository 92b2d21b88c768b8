from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .backends import is_secretariat_administrator


class ConcordAdminSite(admin.AdminSite):
    site_header = _("Concord reference data")
    site_title = _("Concord administration")
    index_title = _("Reference data")

    def has_permission(self, request: HttpRequest) -> bool:
        # Only Secretariat administrators, acting for the Secretariat; not even superusers otherwise.
        return is_secretariat_administrator(request.user)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        # One login page for the whole system; the admin has none of its own. Someone signed in
        # without the right to be here is told so rather than sent round to log in again.
        if request.user.is_authenticated:
            raise PermissionDenied
        next_url = request.GET.get("next") or reverse("admin:index")
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': next_url})}")
