from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.organization.models import Body, Chairmanship, MemberState

PAGES = [
    ("home", {}),
    ("organization:state-list", {}),
    ("organization:state-detail", {"iso2": "AM"}),
    ("organization:body-list", {}),
    ("organization:body-detail", {"code": "csc"}),
    ("organization:chairmanship-list", {}),
    ("organization:secretary-general-list", {}),
]


@pytest.mark.parametrize(
    "persona", ["kazakh_representative", "secretariat_officer", "member_of_parliament"]
)
@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_signed_in_people_see_every_organization_page(client_as, persona, name, kwargs):
    response = client_as(persona).get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_public_visitor_is_sent_to_sign_in(db, name, kwargs):
    response = Client().get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_dashboard_shows_the_organization_as_in_the_demo_world(client_as):
    page = client_as("kazakh_representative").get("/en/").content.decode()
    for name in ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"]:
        assert name in page
    assert "Participation frozen" in page
    assert "Collective Security Council" in page


def test_dashboard_in_russian(client_as):
    page = client_as("kazakh_representative").get("/ru/").content.decode()
    assert "Казахстан" in page
    assert "Участие заморожено" in page
    assert "Совет коллективной безопасности" in page


def test_unknown_state_is_404(client_as):
    assert client_as("kazakh_representative").get("/en/organization/states/XX/").status_code == 404


RECORD = {"year": "2027", "decided_on": "2026-11-20", "decided_by": "CSC decision"}


def test_secretariat_records_the_proposed_chair_through_the_page(client_as):
    tj = MemberState.objects.get(iso2="TJ")
    response = client_as("secretariat_officer").post(
        "/en/organization/chairmanships/", {**RECORD, "state": tj.pk}
    )
    assert response.status_code == 302
    assert Chairmanship.objects.get(year=2027).state == tj


def test_departure_without_a_reason_is_shown_on_the_note_field_and_input_is_kept(client_as):
    am = MemberState.objects.get(iso2="AM")
    response = client_as("secretariat_officer").post(
        "/en/organization/chairmanships/", {**RECORD, "state": am.pk, "theme_en": "Kept theme"}
    )
    assert response.status_code == 400
    assert "needs a note" in response.context["form"].errors["note_ru"][0]
    assert 'value="Kept theme"' in response.content.decode()
    assert not Chairmanship.objects.filter(year=2027).exists()


def test_invalid_year_gets_a_field_error_not_a_500(client_as):
    response = client_as("secretariat_officer").post(
        "/en/organization/chairmanships/", {"year": "next year", "state": "999"}
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"year", "state"}


@pytest.mark.parametrize(
    "persona",
    [
        "kazakh_representative",
        "armenian_representative",
        "analyst",
        "staff_officer",
        "member_of_parliament",
    ],
)
def test_only_secretariat_officers_may_record_a_chairmanship(client_as, persona):
    client = client_as(persona)
    page = client.get("/en/organization/chairmanships/")
    assert page.context["can_record"] is False
    assert "Record a chairmanship decision" not in page.content.decode()
    tj = MemberState.objects.get(iso2="TJ")
    assert (
        client.post("/en/organization/chairmanships/", {**RECORD, "state": tj.pk}).status_code
        == 403
    )
    assert not Chairmanship.objects.filter(year=2027).exists()


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        (
            "organization:state-list",
            lambda: MemberState.objects.create(
                iso2="ZZ",
                iso3="ZZZ",
                name_ru="Зет",
                name_en="Zed",
                member_since="2000-01-01",
                membership_since="2000-01-01",
            ),
        ),
        (
            "organization:body-list",
            lambda: Body.objects.create(
                code="wg-x",
                name_ru="Х",
                name_en="X",
                kind="working_group",
                tier=4,
                parent=Body.objects.get(code="cfm"),
            ),
        ),
        (
            "organization:chairmanship-list",
            lambda: Chairmanship.objects.create(
                year=2030, state=MemberState.objects.get(iso2="RU")
            ),
        ),
        (
            "home",
            lambda: MemberState.objects.create(
                iso2="ZZ",
                iso3="ZZZ",
                name_ru="Зет",
                name_en="Zed",
                member_since="2000-01-01",
                membership_since="2000-01-01",
            ),
        ),
    ],
)
def test_list_pages_do_a_constant_number_of_queries(client_as, name, extra):
    client = client_as("secretariat_officer")
    with CaptureQueriesContext(connection) as before:
        assert client.get(reverse(name)).status_code == 200
    extra()
    client.get(reverse(name))  # a changed state or body loads the signed-in user again, once
    with CaptureQueriesContext(connection) as after:
        assert client.get(reverse(name)).status_code == 200
    assert len(after.captured_queries) == len(before.captured_queries)
    # The dashboard gathers what waits from each module (settings.CONCORD_WAITING) and a panel per
    # module (CONCORD_DASHBOARD_PANELS): the session and the user, then about two queries each; the
    # lists are well under that.
    parts = len(settings.CONCORD_DASHBOARD_PANELS) + len(settings.CONCORD_WAITING)
    assert len(before.captured_queries) <= 2 + 2 * parts
