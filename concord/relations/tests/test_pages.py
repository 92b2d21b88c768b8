import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.relations import permissions, services
from concord.relations.models import Meeting, WorkingGroup
from conftest import PERSONAS

NOT_KEEPERS = {
    "kazakh_representative",
    "kazakh_coordinator",
    "armenian_representative",
    "russian_representative",
    "staff_officer",
    "member_of_parliament",
    "public_visitor",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_keeps_relations(persona, request, db):
    user = request.getfixturevalue(persona)
    if persona in NOT_KEEPERS:
        assert not permissions.can_keep(user)
    if persona == "secretariat_officer":
        assert permissions.can_keep(user)
    assert permissions.can_read(user) == (persona != "public_visitor")
    assert permissions.can_have_feed(user) == (persona != "public_visitor")


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_restricted_meeting_exists_only_for_the_secretariat(persona, request, db):
    user = request.getfixturevalue(persona)
    restricted = Meeting.objects.get(marking="restricted", demo=True)
    visible = permissions.meetings_visible_to(user).filter(pk=restricted.pk).exists()
    assert visible == (persona in {"secretariat_officer", "secretariat_administrator", "analyst"})


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_pages_answer_every_persona(persona, client_as):
    client = client_as(persona)
    for name, args in [
        ("relations:partner-list", []),
        ("relations:partner-detail", ["sco"]),
        ("relations:group-list", []),
        ("relations:group-detail", ["wg-afghanistan"]),
        ("relations:meeting-list", []),
        ("relations:resolution-list", []),
        ("relations:calendar", []),
        ("relations:feed-list", []),
    ]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == (302 if persona == "public_visitor" else 200), name


def test_a_restricted_meeting_is_404_for_whoever_may_not_see_it(client_as):
    restricted = Meeting.objects.get(marking="restricted", demo=True)
    url = reverse("relations:meeting-detail", args=[restricted.pk])
    assert client_as("kazakh_representative").get(url).status_code == 404
    assert client_as("secretariat_officer").get(url).status_code == 200
    assert (
        client_as("kazakh_representative").get(f"/api/v1/meetings/{restricted.pk}").status_code
        == 404
    )


def test_the_group_page_says_the_39th_meeting_was_not_found(client_as):
    page = client_as("kazakh_representative").get(
        "/en" + reverse("relations:group-detail", args=["wg-afghanistan"])[3:]
    )
    text = page.content.decode()
    assert "Not found in the sources." in text and "11.12.2024" in text


def test_the_resolutions_table(client_as):
    page = (
        client_as("russian_representative")
        .get(reverse("relations:resolution-list"))
        .content.decode()
    )
    assert "59/50" in page and "67" in page and "69" in page


def test_adding_a_group_meeting_on_the_page(client_as):
    client = client_as("secretariat_officer")
    url = reverse("relations:group-detail", args=["wg-afghanistan"])
    data = {
        "title_ru": "Внеочередное заседание",
        "starts_on": "2027-02-10",
        "format": "video",
        "marking": "official",
    }
    bad = client.post(url, {**data, "ends_on": "2027-02-09"})
    assert bad.status_code == 400 and "errorlist" in bad.content.decode()
    assert client.post(url, data).status_code == 302
    assert (
        WorkingGroup.objects.get(body__code="wg-afghanistan")
        .meetings.filter(starts_on=dt.date(2027, 2, 10))
        .exists()
    )
    assert client_as("kazakh_representative").post(url, data).status_code == 403


def test_the_api(client_as):
    client = client_as("secretariat_officer")
    partners = client.get("/api/v1/partners").json()
    assert any(p["code"] == "sco" for p in partners["items"])
    groups = client.get("/api/v1/working-groups").json()
    assert any(g["code"] == "wg-afghanistan" for g in groups)
    resolutions = client.get("/api/v1/resolutions").json()
    assert [r["in_favour"] for r in resolutions if r["session"] == 79] == [67]
    created = client.post(
        "/api/v1/working-groups/wg-afghanistan/meetings",
        {"title_ru": "Заседание", "starts_on": "2027-04-01"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    held = client.post(f"/api/v1/meetings/{pk}/held", {}, content_type="application/json")
    assert held.json()["status"] == "held"
    bad = client.post(
        "/api/v1/meetings",
        {"title_ru": "x", "starts_on": "2027-04-02", "ends_on": "2027-04-01"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "ends_on"
    over = client.post(
        "/api/v1/resolutions",
        {"session": 79, "title_ru": "x", "vote": "recorded", "in_favour": 190, "against": 8},
        content_type="application/json",
    )
    assert over.status_code == 400 and over.json()["code"] == "bad_vote"
    unknown = client.post(
        "/api/v1/status-applications/999999/decision",
        {"granted": True, "decided_on": "2025-01-01"},
        content_type="application/json",
    )
    assert unknown.status_code == 400 and unknown.json()["code"] == "unknown_application"
    feed = client.post("/api/v1/calendar/addresses", {}, content_type="application/json").json()
    assert feed["address"].endswith(".ics")
    revoked = client.post(
        f"/api/v1/calendar/addresses/{feed['id']}/revoke", {}, content_type="application/json"
    )
    assert revoked.json()["revoked_at"]
    assert client.get(feed["address"]).status_code == 404


def _list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/meetings").status_code == 200
    return len(queries)


def test_the_meeting_list_costs_the_same_queries_at_two_sizes(client_as, secretariat_officer):
    client = client_as("secretariat_officer")
    before = _list_queries(client)
    for i in range(12):
        services.create_meeting(
            actor=secretariat_officer, title_ru=f"М{i}", starts_on=dt.date(2027, 6, 1 + i)
        )
    assert _list_queries(client) == before
