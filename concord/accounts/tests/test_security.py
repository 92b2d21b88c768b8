"""The security measures around signing in: the CSP and other headers, lockout per username and
address, the rate limit on wrong API tokens, and how long a session lasts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.utils import timezone

from concord.accounts import security
from concord.accounts.security import client_address
from concord.accounts.services import create_api_token
from conftest import PASSWORD

STRANGER = "203.0.113.66"
SECRETARIAT_DESK = "198.51.100.7"


@pytest.fixture(autouse=True)
def _fresh_counts():
    cache.clear()
    yield
    cache.clear()


def login(client: Client, username: str, password: str, address: str):
    return client.post(
        "/en/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


# --- Headers ---------------------------------------------------------------------------------------


def test_every_page_forbids_inline_script_and_foreign_sources(client_as):
    response = client_as("analyst").get("/ru/monitoring/")
    policy = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]


def test_the_sign_in_page_and_the_api_carry_the_policy_too(client):
    assert "script-src 'self'" in client.get("/en/accounts/login/")["Content-Security-Policy"]
    assert "Content-Security-Policy" in client.get("/api/v1/member-states")


def test_pages_have_no_inline_script_or_event_handlers(client_as):
    client = client_as("secretariat_officer")
    for url in ["/ru/", "/ru/monitoring/", "/ru/agreements/my-state/", "/ru/forces/exercises/"]:
        page = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", page), url
        assert not re.search(r"\son[a-z]+\s*=", page), url
        assert "javascript:" not in page, url


def test_pages_send_the_other_security_headers(client_as):
    response = client_as("kazakh_representative").get("/en/")
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_charts_drawn_in_pages_carry_no_script(client_as):
    page = client_as("analyst").get("/en/monitoring/").content.decode()
    assert "pygal-chart" in page and "window.pygal" not in page


# --- Lockout per username and address -----------------------------------------------------------


def test_a_stranger_cannot_lock_the_secretariat_out_from_another_address(db, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        login(Client(), "secretariat", "guess", STRANGER)
    # The stranger is locked out of this account, even when they guess right...
    locked = login(Client(), "secretariat", PASSWORD, STRANGER)
    assert locked.status_code == 429
    assert "Account locked" in locked.content.decode()
    # ...and the officer at their own desk signs in.
    desk = login(Client(), "secretariat", PASSWORD, SECRETARIAT_DESK)
    assert desk.status_code == 302


@pytest.mark.parametrize("persona", ["kz_rep", "secretariat", "analyst"])
def test_failures_from_one_address_lock_only_that_address(db, settings, persona):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(Client(), persona, "wrong", STRANGER)
    assert login(Client(), persona, PASSWORD, STRANGER).status_code == 429
    assert login(Client(), persona, PASSWORD, SECRETARIAT_DESK).status_code == 302


def test_the_lockout_page_is_translated(db, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post("/ru/accounts/login/", {"username": "kz_rep", "password": "x"})
    response = Client().post("/ru/accounts/login/", {"username": "kz_rep", "password": PASSWORD})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Учётная запись заблокирована" in page or "заблокирован" in page
    assert "Too many failed" not in page


# --- Wrong API tokens ----------------------------------------------------------------------------


def bearer(client: Client, token: str, address: str = STRANGER):
    return client.get(
        "/api/v1/member-states", HTTP_AUTHORIZATION=f"Bearer {token}", REMOTE_ADDR=address
    )


def test_wrong_tokens_are_refused_with_429_after_the_limit(db, settings, kazakh_representative):
    settings.CONCORD_TOKEN_FAILURE_LIMIT = 3
    _token, right = create_api_token(
        kazakh_representative, actor=kazakh_representative, name="script"
    )
    client = Client()
    for _ in range(3):
        assert bearer(client, "cnc_guess").status_code == 401
    refused = bearer(client, "cnc_guess")
    assert refused.status_code == 429
    body = refused.json()
    assert body["code"] == "too_many_attempts" and body["errors"] == [] and body["message"]
    assert 0 < int(refused["Retry-After"]) <= settings.CONCORD_TOKEN_FAILURE_WINDOW
    # A right token from that address waits too: guessing must not be able to go on.
    assert bearer(client, right).status_code == 429
    # Another address is not affected.
    assert bearer(client, right, SECRETARIAT_DESK).status_code == 200


def test_the_limit_is_counted_per_window(db, settings):
    settings.CONCORD_TOKEN_FAILURE_LIMIT = 2
    settings.CONCORD_TOKEN_FAILURE_WINDOW = 60
    request = RequestFactory().get("/", REMOTE_ADDR=STRANGER)
    for _ in range(2):
        security.count_token_failure(request, now=1_020_010.0)
    assert security.token_attempts_blocked(request, now=1_020_030.0) == 30
    assert security.token_attempts_blocked(request, now=1_020_060.0) is None


def test_the_429_is_in_the_readers_language(db, settings):
    settings.CONCORD_TOKEN_FAILURE_LIMIT = 1
    client = Client()
    bearer(client, "cnc_guess")
    refused = client.get(
        "/api/v1/member-states",
        HTTP_AUTHORIZATION="Bearer cnc_guess",
        HTTP_ACCEPT_LANGUAGE="ru",
        REMOTE_ADDR=STRANGER,
    )
    assert refused.status_code == 429
    assert "Too many" not in refused.json()["message"]


def test_a_session_is_not_counted_as_a_wrong_token(client_as, settings):
    settings.CONCORD_TOKEN_FAILURE_LIMIT = 1
    client = client_as("kazakh_representative")
    for _ in range(3):
        assert client.get("/api/v1/member-states").status_code == 200


def test_the_client_address_is_read_behind_trusted_proxies_only(settings):
    factory = RequestFactory()
    spoofed = factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    settings.CONCORD_TRUSTED_PROXY_COUNT = 0
    assert client_address(spoofed) == "10.0.0.1"
    settings.CONCORD_TRUSTED_PROXY_COUNT = 1
    proxied = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8")
    assert client_address(proxied) == "5.6.7.8"


# --- Sessions -------------------------------------------------------------------------------------


def test_a_session_lasts_a_working_day_and_ends_with_the_browser(db, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    client = Client()
    client.post("/en/accounts/login/", {"username": "kz_rep", "password": PASSWORD})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]  # a browser-session cookie
    assert 0 < client.session.get_expiry_age() <= 8 * 60 * 60


def test_a_session_older_than_its_age_is_signed_out(db):
    client = Client()
    client.post("/en/accounts/login/", {"username": "kz_rep", "password": PASSWORD})
    assert client.get("/en/").status_code == 200
    later = timezone.now() + dt.timedelta(hours=8, minutes=1)
    with time_machine.travel(later, tick=False):
        response = client.get("/en/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
