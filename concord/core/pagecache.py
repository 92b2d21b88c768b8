"""Signed-in pages kept until the record changes (issue 23).

A signed-in page is built from the record, for one reader, in one language. `cached_page` keeps the
HTML a view answered in the shared cache of pages (settings CACHES["pages"]: a cache of its own, so
that making room for pages never evicts a session) under a key naming:

- the reader's session and CSRF cookie (so a page never crosses people, browsers or sign-ins, and the
  CSRF tokens in its forms stay valid),
- the language and the whole address (path and query),
- the **record's version**: a number that moves with every change recorded in the audit log
  (settings.CONCORD_RECORD_VERSION; every write of the product is audited, in the transaction that
  makes it, so a reader sees a change as soon as it commits, their own first of all).

An entry lives at most settings.CONCORD_PAGE_SECONDS (0 keeps nothing): what changes with the clock
alone (a stage closing at its deadline, "closes in 2 hours", a date falling overdue) and the rare
write made outside the services (a command recomputing stored figures) show within that time.

Only what is the same on a second reading is kept: a GET answered 200 with HTML, no message waiting
to be shown, nothing written to the session and no cookie set. HTMX fragments and everything else
pass through.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.module_loading import import_string
from django.utils.translation import get_language

KEPT_HEADERS = ("Content-Type", "Content-Language")

View = Callable[..., HttpResponseBase]


def record_version() -> int:
    """The record's version, from the function settings.CONCORD_RECORD_VERSION names."""
    return int(import_string(settings.CONCORD_RECORD_VERSION)())


def page_key(request: HttpRequest) -> str | None:
    """Where `request`'s page is kept, or None when it is not to be kept."""
    if (
        not settings.CONCORD_PAGE_SECONDS
        or request.method != "GET"
        or not request.user.is_authenticated
    ):
        return None
    session_key = getattr(request, "session", None) and request.session.session_key
    csrf_cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if not session_key or not csrf_cookie or request.headers.get("HX-Request"):
        return None
    if len(get_messages(request)):  # shown once, never kept
        return None
    reader = hashlib.sha256(f"{session_key}\n{csrf_cookie}".encode()).hexdigest()[:32]
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"concord:page:{reader}:{get_language()}:{record_version()}:{address}"


def keepable(request: HttpRequest, response: HttpResponseBase) -> bool:
    return (
        isinstance(response, HttpResponse)  # not a streamed or a file response
        and response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not request.session.modified
        and not len(get_messages(request))
    )


def cached_page(view: View) -> View:
    """Answer a signed-in GET from the page kept for this reader, address and record version."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        key = page_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        kept = caches["pages"].get(key)
        if kept is not None:
            content, headers = kept
            page = HttpResponse(content)
            for name, value in headers:
                page[name] = value
            return page
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        if keepable(request, response):
            assert isinstance(response, HttpResponse)
            headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
            caches["pages"].set(key, (response.content, headers), settings.CONCORD_PAGE_SECONDS)
        return response

    return wrapper
