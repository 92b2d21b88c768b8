"""The signed-in request made cheap (issue 23) without loosening anything: sessions in the shared cache,
the user kept per change (concord/accounts/signed_in.py), persistent connections. What a signed-in
request costs in queries, and that expiry, signing out, a new password, a closed account, a switched
affiliation and a new role still tell on the very next request, in any worker."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.conf import settings
from django.core.cache.backends.filebased import FileBasedCache
from django.test import Client, override_settings
from django.utils import timezone

from concord.accounts import services
from concord.accounts.models import Affiliation, RoleChoices, User
from concord.organization.models import Body
from conftest import PASSWORD


def signed_in(username: str) -> Client:
    client = Client()
    response = client.post("/en/accounts/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def ping(client: Client) -> str:
    response = client.get("/en/ping/")
    assert response.status_code == 200 and response.content == b"ok"
    return "ok: signed in" if response["X-Signed-In"] == "1" else "ok"


def acting_for(client: Client) -> str | None:
    me = client.get("/api/v1/me").json()
    return me["acting_for"]["id"] if me["acting_for"] else None


def test_the_trivial_view_answers_whoever_asks(db):
    assert ping(Client()) == "ok"
    assert ping(signed_in("kz_rep")) == "ok: signed in"


@override_settings(CONCORD_REQUIRE_2FA=True)
def test_a_signed_in_request_runs_no_query_once_its_user_is_loaded(
    db, django_assert_max_num_queries, django_assert_num_queries
):
    client = signed_in("kz_rep")
    with django_assert_max_num_queries(1):  # the user, affiliation and roles, in one query
        assert ping(client) == "ok: signed in"
    with django_assert_num_queries(0):  # session and user from the shared cache
        assert ping(client) == "ok: signed in"


def test_the_session_still_ends_after_eight_hours(db):
    client = signed_in("kz_rep")
    assert ping(client) == "ok: signed in"
    with time_machine.travel(timezone.now() + dt.timedelta(hours=8, minutes=1), tick=False):
        assert ping(client) == "ok"


def test_signing_out_ends_the_session_for_every_worker(db, tmp_path):
    """Two workers share the session through the cache directory; each has its own cache client."""
    caches = {"default": {"BACKEND": FileBasedCache.__module__ + ".FileBasedCache"}}
    caches["default"]["LOCATION"] = str(tmp_path)
    with override_settings(CACHES=caches):
        browser = signed_in("kz_rep")
        key = browser.cookies[settings.SESSION_COOKIE_NAME].value
        other_worker = FileBasedCache(str(tmp_path), {})
        cache_key = f"django.contrib.sessions.cached_db{key}"
        assert other_worker.get(cache_key) is not None
        same_cookie = Client()
        same_cookie.cookies[settings.SESSION_COOKIE_NAME] = key
        assert ping(same_cookie) == "ok: signed in"

        browser.post("/en/accounts/logout/")

        assert other_worker.get(cache_key) is None
        assert ping(same_cookie) == "ok"


def test_a_new_password_signs_out_the_other_sessions_at_once(db):
    here, elsewhere = signed_in("kz_rep"), signed_in("kz_rep")
    assert ping(elsewhere) == "ok: signed in"  # its user is now kept in the cache
    user = User.objects.get(username="kz_rep")
    response = here.post(
        "/en/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-pass-phrase-9",
            "new_password2": "a-new-pass-phrase-9",
        },
    )
    assert response.status_code == 302
    assert ping(here) == "ok: signed in"
    assert ping(elsewhere) == "ok"
    assert User.objects.get(pk=user.pk).check_password("a-new-pass-phrase-9")


def test_a_closed_account_is_signed_out_on_its_next_request(db):
    client = signed_in("kz_rep")
    assert ping(client) == "ok: signed in"
    user = User.objects.get(username="kz_rep")
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert ping(client) == "ok"


def test_a_switched_affiliation_is_seen_on_the_next_request(db):
    client = signed_in("analyst")
    user = User.objects.get(username="analyst")
    first, second = Affiliation.objects.filter(user=user, active=True).order_by("pk")[:2]
    assert acting_for(client) == user.current_affiliation_id
    other = second if user.current_affiliation_id == first.pk else first
    response = client.post("/en/accounts/affiliation/", {"affiliation": other.pk})
    assert response.status_code == 302
    assert acting_for(client) == other.pk


def test_an_affiliation_withdrawn_elsewhere_is_seen_on_the_next_request(db):
    client = signed_in("kz_rep")
    user = User.objects.get(username="kz_rep")
    assert acting_for(client) == user.current_affiliation_id
    affiliation = Affiliation.objects.get(pk=user.current_affiliation_id)
    affiliation.active = False
    affiliation.save(update_fields=["active"])
    assert acting_for(client) is None


@override_settings(CONCORD_REQUIRE_2FA=True)
def test_a_role_that_needs_the_second_factor_asks_for_it_on_the_next_request(db):
    client = signed_in("kz_rep")
    assert ping(client) == "ok: signed in"
    user = User.objects.get(username="kz_rep")
    administrator = User.objects.get(username="admin")
    services.add_affiliation(
        user,
        actor=administrator,
        role=RoleChoices.SECRETARIAT_OFFICER,
        body=Body.objects.get(code="secretariat"),
    )
    response = client.get("/en/ping/")
    assert response.status_code == 302 and "/accounts/verify/" in response["Location"]


def test_a_renamed_member_state_is_seen_by_everyone_on_the_next_request(db):
    client = signed_in("kz_rep")
    user = User.objects.get(username="kz_rep")
    assert "Qazaqstan" not in client.get("/en/accounts/profile/").content.decode()
    state = user.current_affiliation.state
    assert state is not None
    state.name_en = "Qazaqstan"
    state.save(update_fields=["name_en"])
    assert "Qazaqstan" in client.get("/en/accounts/profile/").content.decode()


def test_connections_are_kept_between_requests_and_checked_before_reuse():
    database = settings.DATABASES["default"]
    assert database["CONN_MAX_AGE"] > 0 and database["CONN_HEALTH_CHECKS"]
