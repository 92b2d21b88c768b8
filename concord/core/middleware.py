from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _


class RejectNulMiddleware:
    """Answer 400 to a NUL character in the address, the query or a header.

    No legitimate request carries one, PostgreSQL cannot store one, and a NUL in the User-Agent would
    otherwise make the login-failure bookkeeping crash (and so let an attacker dodge the lockout).
    Bodies are checked by the forms and API schemas, since uploaded files may contain NULs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "")
        headers = (
            v for k, v in request.META.items() if k.startswith("HTTP_") and isinstance(v, str)
        )
        if (
            "\x00" in request.path
            or "%00" in query.lower()
            or "\x00" in query
            or any("\x00" in v for v in headers)
        ):
            return HttpResponseBadRequest(
                _("The request contains a NUL character."), content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
