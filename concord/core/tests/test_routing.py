"""Which reads may go to the read replica: the view list, the pin after a write, the router's refusals.
The same rules against a real primary and standby: tests/test_replica.py (make test-replica)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import resolve

from concord.accounts.models import User
from concord.core import routing
from concord.monitoring.models import Event, Region


def _seen(request: HttpRequest) -> tuple[bool, HttpResponse]:
    """Run `request` through the middleware; say whether its view ran with replica reads allowed."""
    seen: dict[str, bool] = {}

    def view(request: HttpRequest) -> HttpResponse:
        seen["replica"] = routing._replica_ok.get()
        return HttpResponse("ok")

    def get_response(request: HttpRequest) -> HttpResponse:
        match = resolve(request.path)
        request.resolver_match = match
        middleware.process_view(request, match.func, (), {})
        return view(request)

    middleware = routing.ReadReplicaMiddleware(get_response)
    response = middleware(request)
    assert routing._replica_ok.get() is False  # nothing leaks into the next request
    return seen["replica"], response


@pytest.mark.parametrize(
    ("path", "friendly"),
    [
        ("/ru/monitoring/", True),
        ("/ru/monitoring/data.json", True),
        ("/ru/monitoring/regions/", True),
        ("/ru/monitoring/regions/new/", False),
        ("/ru/monitoring/alerts/1/", False),
        ("/ru/documents/", True),
        ("/ru/search/", True),
        ("/ru/public/", True),
        ("/ru/public/p/some-news/", True),
        ("/ru/consultations/inbox/", False),
        ("/ru/accounts/profile/", False),
        ("/api/v1/events", True),
        ("/api/v1/me", False),
    ],
)
def test_only_the_listed_views_read_from_the_replica(path: str, friendly: bool) -> None:
    replica, _response = _seen(RequestFactory().get(path))
    assert replica is friendly


def test_a_decorated_view_is_replica_friendly_whatever_its_name() -> None:
    @routing.reads_from_replica
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse()

    assert routing.replica_friendly(view, "somewhere:detail")
    assert not routing.replica_friendly(lambda r: r, "somewhere:detail")


def test_an_unsafe_request_pins_its_sender_to_the_primary() -> None:
    replica, response = _seen(RequestFactory().post("/ru/monitoring/regions/"))
    assert replica is False
    cookie = response.cookies[routing.PIN_COOKIE]
    assert cookie["httponly"] and int(cookie["max-age"]) == 10

    pinned = RequestFactory().get("/ru/monitoring/")
    pinned.COOKIES[routing.PIN_COOKIE] = cookie.value
    assert _seen(pinned)[0] is False
    assert routing.PIN_COOKIE not in _seen(pinned)[1].cookies  # a read does not renew the pin


def test_the_pin_ends_after_its_seconds_and_cannot_be_forged(monkeypatch) -> None:
    _replica, response = _seen(RequestFactory().delete("/api/v1/events"))
    value = response.cookies[routing.PIN_COOKIE].value
    later = time.time() + 11
    monkeypatch.setattr(signing.time, "time", lambda: later)  # type: ignore[attr-defined]
    expired = RequestFactory().get("/ru/monitoring/")
    expired.COOKIES[routing.PIN_COOKIE] = value
    assert _seen(expired)[0] is True
    forged = RequestFactory().get("/ru/monitoring/")
    forged.COOKIES[routing.PIN_COOKIE] = "1"  # unsigned: ignored, so the reader is not pinned
    assert _seen(forged)[0] is True


@pytest.fixture
def replica_current(monkeypatch) -> None:
    monkeypatch.setattr(routing, "fresh", lambda: True)


def test_the_router_reads_the_replica_only_when_told_and_never_for_who_is_signed_in(
    replica_current: Any,
) -> None:
    router = routing.ReplicaRouter()
    assert router.db_for_read(Event) == routing.PRIMARY
    with routing.replica_reads():
        assert router.db_for_read(Event) == routing.REPLICA
        assert router.db_for_read(Region) == routing.REPLICA
        assert router.db_for_read(User) == routing.PRIMARY
        from django.contrib.sessions.models import Session

        assert router.db_for_read(Session) == routing.PRIMARY
        assert router.db_for_write(Event) == routing.PRIMARY
    assert router.db_for_read(Event) == routing.PRIMARY


def test_reads_inside_a_transaction_stay_on_the_primary(db: Any, replica_current: Any) -> None:
    # Every test with the `db` fixture runs inside a transaction, as a service does.
    with routing.replica_reads():
        assert routing.ReplicaRouter().db_for_read(Event) == routing.PRIMARY


def test_no_migration_runs_on_the_replica() -> None:
    router = routing.ReplicaRouter()
    assert router.allow_migrate(routing.REPLICA, "monitoring") is False
    assert router.allow_migrate(routing.PRIMARY, "monitoring") is None


@override_settings(CONCORD_REPLICA_MAX_LAG_SECONDS=5, CONCORD_REPLICA_LAG_CHECK_SECONDS=0)
@pytest.mark.parametrize(
    ("lag", "fresh"), [(0.0, True), (5.0, True), (5.1, False), (float("inf"), False)]
)
def test_a_replica_behind_more_than_the_tolerated_lag_is_not_read(
    monkeypatch, lag: float, fresh: bool
) -> None:
    monkeypatch.setattr(routing, "replica_lag", lambda: lag)
    assert routing._Freshness()() is fresh


@override_settings(CONCORD_REPLICA_LAG_CHECK_SECONDS=60)
def test_the_lag_is_checked_at_most_once_per_interval(monkeypatch) -> None:
    calls: list[int] = []

    def lag() -> float:
        calls.append(1)
        return 0.0

    monkeypatch.setattr(routing, "replica_lag", lag)
    freshness = routing._Freshness()
    assert freshness() and freshness() and freshness()
    assert len(calls) == 1
