"""Named personas, each a user of the demo world with a one-line story (see concord/accounts/demo.py).

The demo world is built once per test session with `seed_demo`, so tests run against the same
organization a new user sees; each test runs in a transaction that is rolled back.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client

from concord.accounts.models import User

PASSWORD = "persona-password-1"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", password=PASSWORD, stdout=io.StringIO())


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: cached pages and counters never leak between tests."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture
def uncached_pages(settings):
    """Every page built again on every request (core.pagecache keeps none): for the tests that count
    what a page's own view reads as the data grows."""
    settings.CONCORD_PAGE_SECONDS = 0


def _user(username: str) -> User:
    return User.objects.get(username=username)


@pytest.fixture
def kazakh_representative(db) -> User:
    """Permanent representative of Kazakhstan, the 2024 chair: speaks for Kazakhstan only."""
    return _user("kz_rep")


@pytest.fixture
def kazakh_coordinator(db) -> User:
    """National coordinator of Kazakhstan: the second pair of eyes on the reports kz_rep submits."""
    return _user("kz_coord")


@pytest.fixture
def armenian_representative(db) -> User:
    """Permanent representative of Armenia: a full member whose participation is frozen."""
    return _user("am_rep")


@pytest.fixture
def russian_representative(db) -> User:
    """Permanent representative of Russia."""
    return _user("ru_rep")


@pytest.fixture
def secretariat_officer(db) -> User:
    """Runs procedures for the Secretariat and reads the audit log; speaks for no state."""
    return _user("secretariat")


@pytest.fixture
def secretariat_administrator(db) -> User:
    """Keeps the reference data in the admin."""
    return _user("admin")


@pytest.fixture
def analyst(db) -> User:
    """Analyst at the Secretariat, who can also act for the Joint Staff."""
    return _user("analyst")


@pytest.fixture
def staff_officer(db) -> User:
    """Officer of the Joint Staff."""
    return _user("staff")


@pytest.fixture
def member_of_parliament(db) -> User:
    """Member of the Parliamentary Assembly: a deputy of Kazakhstan's Mazhilis in its delegation."""
    return _user("mp")


@pytest.fixture
def belarusian_member_of_parliament(db) -> User:
    """Member of the Parliamentary Assembly from Belarus's House of Representatives (not in
    PERSONAS: the permission tables over every persona stay as they are)."""
    return _user("mp_by")


@pytest.fixture
def public_visitor() -> None:
    """Someone who has not signed in."""
    return None


PERSONAS = [
    "kazakh_representative",
    "kazakh_coordinator",
    "armenian_representative",
    "russian_representative",
    "secretariat_officer",
    "secretariat_administrator",
    "analyst",
    "staff_officer",
    "member_of_parliament",
    "public_visitor",
]


@pytest.fixture
def client_as(request, db):
    """client_as("kazakh_representative") -> a test client signed in as that persona."""

    def make(persona: str) -> Client:
        user = request.getfixturevalue(persona)
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make
