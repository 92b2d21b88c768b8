"""Security middleware: the second factor's gate, and the headers django-csp and Django don't send."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .second_factor import needs_second_factor

SECOND_FACTOR_REQUIRED = "second_factor_required"
# Reachable before the code is given: the sign-in and second-factor pages themselves, signing out,
# the language switch and static files (the pages need their CSS and scripts).
_OPEN_URL_NAMES = {
    "accounts:login",
    "accounts:logout",
    "accounts:otp-verify",
    "accounts:otp-enrol",
    "set_language",
    "healthz",
}


class SecondFactorMiddleware:
    """A user who must give a TOTP code (see `needs_second_factor`) and has not yet given one in
    this session reaches nothing but the pages that ask for it. Pages redirect there; the API,
    signed in through the browser session, answers 403 in its error shape. Personal API tokens are
    issued on the profile page, so only after the second factor; they are not asked again."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        # Here rather than in __call__: the handler has resolved the path already (an unknown path
        # answers 404 as usual, before this), so it is not resolved a second time per request.
        return self._refuse(request) if self._must_verify(request) else None

    def _must_verify(self, request: HttpRequest) -> bool:
        if not settings.CONCORD_REQUIRE_2FA:
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return False
        match = request.resolver_match
        if match is None or match.view_name in _OPEN_URL_NAMES:
            return False
        return needs_second_factor(user)

    def _refuse(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith("/api/"):
            message = _("Give your one-time code on the sign-in page first.")
            return JsonResponse(
                {"code": SECOND_FACTOR_REQUIRED, "message": message, "errors": []}, status=403
            )
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse('accounts:otp-verify')}?{query}")


class SecurityHeadersMiddleware:
    """Permissions-Policy and Cross-Origin-Resource-Policy on every response (Django sends
    Referrer-Policy, Cross-Origin-Opener-Policy, X-Content-Type-Options and HSTS itself)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.CONCORD_PERMISSIONS_POLICY)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CONCORD_CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response
