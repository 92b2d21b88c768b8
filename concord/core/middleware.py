from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
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


class RememberLanguageMiddleware:
    """Keep the language of the last page a signed-in reader opened in the language cookie, so that
    the pages outside the language prefix (the reference-data admin, its refusals) speak it too.

    Django reads the cookie for addresses without a prefix; without this, a reader of /en/ pages who
    never pressed the switch would get the admin in the browser's or the default language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        language = getattr(request, "LANGUAGE_CODE", "")
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith(f"/{language}/")
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
