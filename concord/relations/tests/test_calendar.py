import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar  # type: ignore[import-untyped]

from concord.accounts.models import User
from concord.relations import calendar, feeds, services
from concord.relations.models import Meeting

RESTRICTED = "Consultations of the secretariats with UNOCT (demo)"
DECEMBER = (dt.date(2026, 11, 30), dt.date(2027, 1, 3))


def _titles(user, start, end, **filters):
    return {e.title for e in calendar.entries(user, start, end, **filters)}


def _feed(client, secret, **params):
    response = client.get(reverse("relations:feed", args=[secret]), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(b"".join(response.streaming_content))


@pytest.fixture
def outsider(db):
    """A signed-in user with no affiliation: sees only what is public."""
    return User.objects.create_user(username="outsider", password="x-password-1")


def test_the_restricted_meeting_is_seen_by_the_secretariat_only(
    secretariat_officer, kazakh_representative, settings
):
    settings.LANGUAGE_CODE = "en"
    from django.utils import translation

    with translation.override("en"):
        assert RESTRICTED in _titles(secretariat_officer, *DECEMBER)
        assert RESTRICTED not in _titles(kazakh_representative, *DECEMBER)


def test_the_calendar_gathers_every_kind(secretariat_officer):
    kinds = {
        e.kind
        for e in calendar.entries(secretariat_officer, dt.date(2022, 1, 1), dt.date(2026, 12, 31))
    }
    assert {"working_group", "partner", "exercise", "chairmanship", "session"} <= kinds


def test_filters_by_body_state_and_kind(secretariat_officer):
    span = (dt.date(2022, 1, 1), dt.date(2025, 12, 31))
    by_body = calendar.entries(secretariat_officer, *span, body="wg-afghanistan")
    assert len(by_body) == 6 and {e.kind for e in by_body} == {"working_group"}
    by_kind = calendar.entries(secretariat_officer, *span, kind="chairmanship")
    assert {e.kind for e in by_kind} == {"chairmanship"} and len(by_kind) == 4
    by_state = calendar.entries(secretariat_officer, *span, state="kz")
    assert by_state and all("KZ" in e.states for e in by_state)


def _unfolded(client, secret):
    response = client.get(reverse("relations:feed", args=[secret]), {"year": 2026})
    return b"".join(response.streaming_content).replace(b"\r\n ", b"")


def test_a_restricted_record_and_its_title_never_reach_the_feed(
    client, kazakh_representative, secretariat_officer
):
    _feed_kz, secret_kz = feeds.create_feed(actor=kazakh_representative)
    _feed_sec, secret_sec = feeds.create_feed(actor=secretariat_officer)
    raw_kz = _unfolded(client, secret_kz)
    raw_sec = _unfolded(client, secret_sec)
    assert "КТУ ООН (демонстрационные)".encode() not in raw_kz and b"UNOCT (demo)" not in raw_kz
    assert "КТУ ООН".encode() in raw_sec or b"UNOCT" in raw_sec


def test_exercises_never_reach_someone_who_may_not_see_the_training_plan(
    client, outsider, staff_officer
):
    _f, secret = feeds.create_feed(actor=outsider)
    _g, staff_secret = feeds.create_feed(actor=staff_officer)
    for year in (2022, 2023, 2024):
        seen = _feed(client, secret, year=year)
        assert not [c for c in seen.walk("VEVENT") if c["uid"].startswith("training-event-")]
        assert not [
            c
            for c in seen.walk("VEVENT")
            if c["uid"].startswith("meeting-") and "demo" in str(c["summary"])
        ]
    staff = _feed(client, staff_secret, year=2024)
    assert [c for c in staff.walk("VEVENT") if c["uid"].startswith("training-event-")]


def test_the_feed_is_a_valid_icalendar_file(client, secretariat_officer):
    _f, secret = feeds.create_feed(actor=secretariat_officer)
    parsed = _feed(client, secret, year=2024)
    events = list(parsed.walk("VEVENT"))
    assert events
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))
    fortieth = [
        e
        for e in events
        if ("40" in str(e["summary"]) and "fghan" in str(e["summary"]))
        or "40-е" in str(e["summary"])
    ]
    assert fortieth and fortieth[0].decoded("dtstart") == dt.date(2024, 12, 11)
    assert all(str(e["url"]).startswith("http") for e in events)


def test_an_invalid_or_revoked_address_is_404_without_a_hint(client, kazakh_representative):
    feed, secret = feeds.create_feed(actor=kazakh_representative)
    feeds.revoke_feed(feed, actor=kazakh_representative)
    revoked = client.get(reverse("relations:feed", args=[secret]))
    unknown = client.get(reverse("relations:feed", args=["not-a-secret"]))
    assert revoked.status_code == unknown.status_code == 404
    # The same page but for the per-request CSRF mask.
    # (the address itself is in the language switch of both pages)
    assert _unmasked(revoked.content.replace(secret.encode(), b"not-a-secret")) == _unmasked(
        unknown.content
    )


def _unmasked(content):
    content = re.sub(rb'"X-CSRFToken": "[^"]*"', b"", content)
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)


def test_only_its_owner_revokes_an_address(client_as, kazakh_representative):
    feed, _secret = feeds.create_feed(actor=kazakh_representative)
    response = client_as("russian_representative").post(
        reverse("relations:feed-revoke", args=[feed.pk])
    )
    assert response.status_code == 404
    response = client_as("kazakh_representative").post(
        reverse("relations:feed-revoke", args=[feed.pk])
    )
    assert response.status_code == 302
    feed.refresh_from_db()
    assert feed.revoked_at is not None


def _month_queries(user):
    with CaptureQueriesContext(connection) as queries:
        calendar.entries(user, dt.date(2027, 5, 1), dt.date(2027, 5, 31))
    return len(queries)


def test_a_month_costs_the_same_queries_whatever_it_holds(secretariat_officer):
    before = _month_queries(secretariat_officer)
    for i in range(30):
        services.create_meeting(
            actor=secretariat_officer,
            title_ru=f"Встреча {i}",
            starts_on=dt.date(2027, 5, 1 + i % 28),
        )
    assert Meeting.objects.filter(starts_on__year=2027).count() >= 30
    assert _month_queries(secretariat_officer) == before


def test_the_body_feed_and_the_pages(client_as):
    client = client_as("kazakh_representative")
    response = client.get(reverse("relations:body-feed", args=["wg-afghanistan"]), {"year": 2024})
    parsed = Calendar.from_ical(b"".join(response.streaming_content))
    assert len(list(parsed.walk("VEVENT"))) == 1
    assert client.get(reverse("relations:body-feed", args=["nope"])).status_code == 404
    for view in ("month", "week", "list"):
        page = client.get(reverse("relations:calendar"), {"view": view, "date": "2024-12-11"})
        assert page.status_code == 200
        assert "40" in page.content.decode()
    assert client_as("public_visitor").get(reverse("relations:calendar")).status_code == 302


def test_the_calendar_api(client_as):
    client = client_as("secretariat_officer")
    found = client.get("/api/v1/calendar", {"from": "2024-12-01", "to": "2024-12-31"}).json()
    assert any(e["key"].startswith("meeting-") for e in found)
    bad = client.get("/api/v1/calendar", {"from": "2024-12-31", "to": "2024-12-01"})
    assert bad.status_code == 400 and bad.json()["code"] == "bad_dates"
    kz = (
        client_as("kazakh_representative")
        .get("/api/v1/calendar", {"from": "2026-12-01", "to": "2026-12-31"})
        .json()
    )
    assert not [e for e in kz if "UNOCT" in e["title"] or "КТУ" in e["title"]]
