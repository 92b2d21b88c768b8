"""Signed-in pages kept until the record changes (concord/core/pagecache.py, issue 23): a kept page
reaches only the session that read it, a change recorded through a service shows on the next reading,
and only what reads the same twice is kept."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.contrib.messages import get_messages, info
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from concord.accounts.models import User
from concord.core.pagecache import cached_page
from concord.relations import services as relations
from conftest import PERSONAS

SIGNED_IN = [p for p in PERSONAS if p != "public_visitor"]


def shown_name(user: User) -> str:
    """How the header's menu names the signed-in user."""
    return f'<li class="menu-heading">{user.get_full_name() or user.username}</li>'


def read(client: Client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries.captured_queries)


def test_a_kept_page_costs_one_query_and_a_recorded_change_shows_at_once(
    client_as, secretariat_officer
):
    client = client_as("secretariat_officer")
    read(client, "/en/relations/")  # sets the CSRF cookie: not kept
    first, built = read(client, "/en/relations/")
    again, kept = read(client, "/en/relations/")
    assert again == first
    assert kept == 1 < built  # the record's version, nothing else

    relations.create_partner(
        actor=secretariat_officer,
        code="page-cache",
        name_ru="Партнёр, добавленный только что",
        name_en="A partner added just now",
        kind="other",
    )
    after, queries = read(client, "/en/relations/")
    assert "A partner added just now" in after
    assert queries == built


@pytest.mark.parametrize("url", ["/en/", "/ru/", "/en/documents/", "/en/consultations/"])
def test_a_kept_page_never_reaches_another_reader(client_as, request, url, db):
    """Every persona reads the same address twice (the second reading kept), then again: each sees
    only the page drawn for them, with their own name in the header."""
    clients = {persona: client_as(persona) for persona in SIGNED_IN}
    for _ in range(2):
        for client in clients.values():
            read(client, url)
    names = {persona: shown_name(request.getfixturevalue(persona)) for persona in SIGNED_IN}
    assert len(set(names.values())) == len(names)
    for persona, client in clients.items():
        page = read(client, url)[0]
        assert [name for name in names.values() if name in page] == [names[persona]]


def csrf_token_in(page: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert found, "no form on the page"
    return found[1]


def test_the_same_person_in_two_browsers_gets_forms_their_own_browser_can_send(
    kazakh_representative, db
):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for client in (first, second):
        client.force_login(kazakh_representative)
    for _ in range(2):
        read(first, "/en/")
    for _ in range(2):
        page = read(second, "/en/")[0]
    response = second.post(
        "/i18n/setlang/",
        {"csrfmiddlewaretoken": csrf_token_in(page), "language": "ru", "next": "/ru/"},
    )
    assert response.status_code == 302


# The decorator itself, on a view that counts how often it runs.


@pytest.fixture
def counted(kazakh_representative):
    calls = []

    def view(request, content_type="text/html; charset=utf-8", body="page"):
        calls.append(request)
        return HttpResponse(body, content_type=content_type)

    return cached_page(view), calls


def request_of(user, *, method="get", path="/en/x/", cookie=True, **headers):
    request = getattr(RequestFactory(), method)(path, **headers)
    request.user = user
    request.session = SessionStore()
    request.session.create()
    request.session.modified = False  # as a session read from its cookie
    if cookie:
        request.COOKIES["csrftoken"] = "c" * 32
    request._messages = FallbackStorage(request)
    return request


def twice(view, request, **kwargs):
    with translation.override("en"):
        return view(request, **kwargs).content, view(request, **kwargs).content


def test_a_page_read_twice_runs_the_view_once(counted, kazakh_representative):
    view, calls = counted
    assert twice(view, request_of(kazakh_representative)) == (b"page", b"page")
    assert len(calls) == 1


@pytest.mark.parametrize(
    "why",
    ["post", "no csrf cookie", "htmx", "message waiting", "not html", "session written", "404"],
)
def test_what_would_not_read_the_same_twice_is_never_kept(counted, kazakh_representative, why):
    view, calls = counted
    kwargs = {}
    if why == "post":
        request = request_of(kazakh_representative, method="post")
    elif why == "no csrf cookie":
        request = request_of(kazakh_representative, cookie=False)
    elif why == "htmx":
        request = request_of(kazakh_representative, HTTP_HX_REQUEST="true")
    else:
        request = request_of(kazakh_representative)
    if why == "message waiting":
        info(request, "Saved.")
    if why == "not html":
        kwargs["content_type"] = "text/csv"
    if why == "session written":
        request.session["seen"] = True
    if why == "404":

        def missing(request):
            calls.append(request)
            return HttpResponse("gone", status=404)

        view = cached_page(missing)
    twice(view, request, **kwargs)
    assert len(calls) == 2
    if why == "message waiting":
        assert len(get_messages(request)) == 1  # left for the page that shows it


def test_each_language_and_address_and_session_is_kept_apart(counted, kazakh_representative):
    view, calls = counted
    request = request_of(kazakh_representative)
    with translation.override("en"):
        view(request)
    with translation.override("ru"):
        view(request)
    with translation.override("en"):
        view(request_of(kazakh_representative, path="/en/x/?page=2"))
        other_session = request_of(kazakh_representative)
        view(other_session)
        view(request)  # kept
    assert len(calls) == 4


def test_a_kept_page_lives_at_most_the_configured_seconds(counted, kazakh_representative, settings):
    view, calls = counted
    request = request_of(kazakh_representative)
    start = dt.datetime(2026, 12, 5, 12, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        twice(view, request)
    with time_machine.travel(start + dt.timedelta(seconds=settings.CONCORD_PAGE_SECONDS - 1)):
        twice(view, request)
    assert len(calls) == 1
    with time_machine.travel(start + dt.timedelta(seconds=settings.CONCORD_PAGE_SECONDS + 1)):
        twice(view, request)
    assert len(calls) == 2


def test_no_seconds_keeps_nothing(counted, kazakh_representative, settings):
    settings.CONCORD_PAGE_SECONDS = 0
    view, calls = counted
    twice(view, request_of(kazakh_representative))
    assert len(calls) == 2
