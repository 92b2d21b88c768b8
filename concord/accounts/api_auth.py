from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja.errors import Throttled
from ninja.security import HttpBearer, django_auth

from .security import count_token_failure, token_attempts_blocked
from .services import user_for_token

TOO_MANY_ATTEMPTS = "too_many_attempts"


class TooManyTokenFailures(Throttled):
    """This address sent too many wrong tokens lately: every token from it waits `wait` seconds."""


def too_many_attempts_message() -> str:
    return _("Too many wrong tokens from your address. Try again later.")


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` with a personal API token. Wrong tokens are counted per
    client address; past CONCORD_TOKEN_FAILURE_LIMIT in the window, the address is refused (429)
    even with a right token, so guessing gains nothing."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        wait = token_attempts_blocked(request)
        if wait is not None:
            raise TooManyTokenFailures(wait=wait)
        user = user_for_token(token)
        if user is None:
            count_token_failure(request)
            return None
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
        try:
            if request.user.is_authenticated or TokenAuth()(request) is not None:
                return view(request, *args, **kwargs)
        except TooManyTokenFailures as refused:
            return too_many_attempts(refused)
        match = request.resolver_match
        wants_page = match is not None and match.url_name != "openapi-json"  # ninja's name
        if wants_page and "HTTP_AUTHORIZATION" not in request.META:
            return redirect_to_login(request.get_full_path())
        return JsonResponse(
            {"code": NOT_AUTHENTICATED, "message": not_authenticated_message(), "errors": []},
            status=401,
        )

    return guarded


def too_many_attempts(refused: Throttled) -> HttpResponse:
    response = JsonResponse(
        {"code": TOO_MANY_ATTEMPTS, "message": too_many_attempts_message(), "errors": []},
        status=429,
    )
    if refused.wait:
        response["Retry-After"] = str(refused.wait)
    return response
