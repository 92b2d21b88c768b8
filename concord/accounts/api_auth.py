from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, django_auth

from .services import user_for_token


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` with a personal API token."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


# Either a personal token or the browser session (which then needs its CSRF token to write).
signed_in = [TokenAuth(), django_auth]

NOT_AUTHENTICATED = "not_authenticated"


def not_authenticated_message() -> str:
    return _("Sign in, or send a valid personal token as “Authorization: Bearer <token>”.")


def docs_access(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The OpenAPI document and its page, for whoever may use the API: a signed-in browser or a
    personal token (a client generator has no session). Anyone else is refused as the API refuses
    them, with 401; a browser that sent no credentials at all, asking for the page, is sent to sign
    in instead."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated or TokenAuth()(request) is not None:
            return view(request, *args, **kwargs)
        match = request.resolver_match
        wants_page = match is not None and match.url_name != "openapi-json"  # ninja's name
        if wants_page and "HTTP_AUTHORIZATION" not in request.META:
            return redirect_to_login(request.get_full_path())
        return JsonResponse(
            {"code": NOT_AUTHENTICATED, "message": not_authenticated_message(), "errors": []},
            status=401,
        )

    return guarded
