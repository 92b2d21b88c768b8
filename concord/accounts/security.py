"""The client's address, and the count of failed API token attempts per address.

Both lockouts (django-axes for the sign-in form, this module for tokens) key on the same address, so
one proxy setting serves both."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind N trusted proxies (CONCORD_TRUSTED_PROXY_COUNT) that each append the
    address they saw to X-Forwarded-For, the N-th address from the right: the one the outermost
    trusted proxy saw. Anything to its left the client may have written itself."""
    remote = str(request.META.get("REMOTE_ADDR") or "")
    proxies = settings.CONCORD_TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]


def _window(now: float) -> tuple[str, int]:
    """The current fixed window's number and the seconds left in it."""
    length = settings.CONCORD_TOKEN_FAILURE_WINDOW
    return str(int(now // length)), length - int(now % length)


def _key(request: HttpRequest, window: str) -> str:
    return f"concord:token-failures:{client_address(request)}:{window}"


def token_attempts_blocked(request: HttpRequest, *, now: float | None = None) -> int | None:
    """Seconds to wait when this address failed too many tokens in the current window, else None."""
    window, left = _window(time.time() if now is None else now)
    failures = cache.get(_key(request, window), 0)
    return left if failures >= settings.CONCORD_TOKEN_FAILURE_LIMIT else None


def count_token_failure(request: HttpRequest, *, now: float | None = None) -> None:
    window, left = _window(time.time() if now is None else now)
    key = _key(request, window)
    # add() is a no-op when the key exists; incr() is atomic in the shared cache backends.
    cache.add(key, 0, timeout=left + 1)
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=left + 1)
