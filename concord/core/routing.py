"""Reads from the streaming read replica where a few seconds of staleness do no harm (docs/replica.md).

Three pieces, active only when settings name a `replica` database (DATABASE_REPLICA_URL):

- `ReadReplicaMiddleware` marks a request as replica-friendly when it is a GET or HEAD of a view in
  `CONCORD_REPLICA_VIEWS` (or a view decorated with `@reads_from_replica`) and its sender has not
  written anything in the last `CONCORD_REPLICA_PIN_SECONDS`: every unsafe request (POST, PUT,
  PATCH, DELETE) pins its sender to the primary for that long, by a signed cookie.
- `ReplicaRouter` sends the reads of a replica-friendly request to the replica, except reads of who
  is signed in (sessions, users, tokens, lockouts: a revoked token or a closed account takes effect
  at once), reads inside `transaction.atomic` (they must see what the transaction wrote), and any
  read while the replica lags more than `CONCORD_REPLICA_MAX_LAG_SECONDS` or cannot be reached.
  Writes and migrations go to the primary only.
- Read-your-writes holds when the lag tolerated plus the interval between lag checks is at most
  the pin: when the pin ends, the replica is known to be at most that far behind (settings check it).
"""

from __future__ import annotations

import contextlib
import fnmatch
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
PRIMARY = DEFAULT_DB_ALIAS
PIN_COOKIE = "concord_primary"
_PIN_SALT = "concord.core.routing.pin"
SAFE_METHODS = frozenset({"GET", "HEAD"})

# Who is signed in and what they may do is always read from the primary.
PRIMARY_ONLY_APPS = frozenset({"sessions", "auth", "accounts", "axes", "contenttypes", "admin"})

_replica_ok: ContextVar[bool] = ContextVar("concord_replica_ok", default=False)
log = logging.getLogger(__name__)

View = TypeVar("View", bound=Callable[..., Any])


def reads_from_replica(view: View) -> View:
    """Mark a view whose GET may read from the replica (the middleware still applies the pin)."""
    view.reads_from_replica = True  # type: ignore[attr-defined]
    return view


@contextlib.contextmanager
def replica_reads() -> Iterator[None]:
    """Reads in this block may go to the replica (the router still checks transactions and lag)."""
    token = _replica_ok.set(True)
    try:
        yield
    finally:
        _replica_ok.reset(token)


def replica_friendly(view: Callable[..., Any], view_name: str) -> bool:
    if getattr(view, "reads_from_replica", False):
        return True
    return any(fnmatch.fnmatchcase(view_name, p) for p in settings.CONCORD_REPLICA_VIEWS)


def pinned(request: HttpRequest) -> bool:
    """Has this sender written something within the pin?"""
    value = request.get_signed_cookie(
        PIN_COOKIE, default=None, salt=_PIN_SALT, max_age=settings.CONCORD_REPLICA_PIN_SECONDS
    )
    return value is not None


class ReadReplicaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _replica_ok.set(False)
        try:
            response = self.get_response(request)
        finally:
            _replica_ok.reset(token)
        if request.method not in SAFE_METHODS:
            # Whether it committed or not: a needless pin only sends a few reads to the primary.
            response.set_signed_cookie(
                PIN_COOKIE,
                "1",
                salt=_PIN_SALT,
                max_age=settings.CONCORD_REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> None:
        match = request.resolver_match
        if (
            request.method in SAFE_METHODS
            and match is not None
            and replica_friendly(view, match.view_name)
            and not pinned(request)
        ):
            _replica_ok.set(True)  # undone when __call__ resets the token


class _Freshness:
    """Whether the replica is within the lag tolerated, checked at most once per interval."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._checked_at = float("-inf")
        self._fresh = False

    def __call__(self) -> bool:
        interval = settings.CONCORD_REPLICA_LAG_CHECK_SECONDS
        with self._lock:
            now = time.monotonic()
            if now - self._checked_at >= interval:
                self._fresh = replica_lag() <= settings.CONCORD_REPLICA_MAX_LAG_SECONDS
                self._checked_at = now
            return self._fresh


# A standby that streams and has applied all it received is current; otherwise its lag is the age
# of the last transaction it applied (an over-estimate after a quiet spell: it errs towards the
# primary). Not streaming, or not a standby at all: infinitely behind.
LAG_SQL = """
SELECT CASE
  WHEN NOT pg_is_in_recovery() THEN NULL
  WHEN NOT EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') THEN NULL
  WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
  ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())
END
"""


def replica_lag() -> float:
    """Seconds the replica is behind the primary; infinity when it cannot say or be reached."""
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(LAG_SQL)
            row = cursor.fetchone()
    except DatabaseError:
        log.warning("The read replica cannot be reached; reading from the primary.", exc_info=True)
        connections[REPLICA].close()
        return float("inf")
    lag = row[0] if row else None
    return float("inf") if lag is None else float(lag)


fresh = _Freshness()


class ReplicaRouter:
    def db_for_read(self, model: Any, **hints: Any) -> str:
        if (
            _replica_ok.get()
            and model._meta.app_label not in PRIMARY_ONLY_APPS
            and not connections[PRIMARY].in_atomic_block
            and fresh()
        ):
            return REPLICA
        return PRIMARY

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db == REPLICA else None
