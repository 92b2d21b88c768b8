from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.agreements import services
from concord.agreements.models import Agreement
from concord.organization.models import MemberState
from conftest import PERSONAS


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_and_api_for_every_persona(client_as, persona):
    client = client_as(persona)
    a = Agreement.objects.order_by("pk").first()
    for url in ["/en/agreements/", f"/en/agreements/{a.pk}/", "/en/agreements/mine/"]:
        assert client.get(url).status_code == (302 if persona == "public_visitor" else 200)
    for url in [
        "/api/v1/agreements",
        f"/api/v1/agreements/{a.pk}",
        f"/api/v1/agreements/{a.pk}/status",
    ]:
        assert client.get(url).status_code == (401 if persona == "public_visitor" else 200)


@pytest.mark.parametrize("persona", ["kazakh_representative", "analyst", "member_of_parliament"])
def test_only_the_depositary_records_through_the_page(client_as, persona):
    a = Agreement.objects.get(title_en="Collective Security Treaty")
    kz = MemberState.objects.get(iso2="KZ")
    response = client_as(persona).post(
        f"/en/agreements/{a.pk}/", {"state": kz.pk, "type": "signature", "date": "1992-05-15"}
    )
    assert response.status_code == 403
    assert not a.actions.exists()


def test_the_depositary_records_through_the_page_and_bad_input_is_a_field_error(client_as):
    a = Agreement.objects.get(title_en="Collective Security Treaty")
    kz = MemberState.objects.get(iso2="KZ")
    client = client_as("secretariat_officer")
    bad = client.post(
        f"/en/agreements/{a.pk}/", {"state": kz.pk, "type": "notification", "date": "1993-01-01"}
    )
    assert bad.status_code == 400 and bad.context["form"].errors
    assert (
        client.post(
            f"/en/agreements/{a.pk}/", {"state": kz.pk, "type": "signature", "date": "1992-05-15"}
        ).status_code
        == 302
    )
    status = client.get(f"/api/v1/agreements/{a.pk}/status").json()
    assert (
        set(status["states"]) == {"AM", "BY", "KZ", "KG", "RU", "TJ"}
        and status["states"]["KZ"] is None
    )


def test_the_overview_does_a_constant_number_of_queries(client_as, secretariat_officer):
    client = client_as("kazakh_representative")
    with CaptureQueriesContext(connection) as before:
        client.get("/en/agreements/")
    kz = MemberState.objects.get(iso2="KZ")
    for i in range(10):
        a = services.create_agreement(
            actor=secretariat_officer,
            kind="agreement",
            title_ru=f"С{i}",
            title_en=f"A{i}",
            rule={"threshold": {"count": 1}},
        )
        services.record_action(
            a,
            actor=secretariat_officer,
            state=kz,
            type="signature",
            date=__import__("datetime").date(2024, 1, 1),
        )
    with CaptureQueriesContext(connection) as after:
        client.get("/en/agreements/")
    assert len(after.captured_queries) == len(before.captured_queries)


def test_status_api_is_404_for_unknown_agreements(client_as):
    assert (
        client_as("kazakh_representative").get("/api/v1/agreements/999999/status").status_code
        == 404
    )
    assert (
        json.loads(client_as("kazakh_representative").get("/api/v1/agreements/999999").content)[
            "code"
        ]
        == "not_found"
    )


def test_a_member_of_parliament_chooses_the_state_to_follow(client_as, secretariat_officer):
    import datetime as dt

    a = Agreement.objects.get(title_en="Collective Security Treaty")
    services.record_action(
        a,
        actor=secretariat_officer,
        state=MemberState.objects.get(iso2="TJ"),
        type="signature",
        date=dt.date(1992, 5, 15),
    )
    client = client_as("member_of_parliament")
    assert client.get("/en/agreements/mine/").context["choose"] is True
    page = client.get("/en/agreements/mine/?state=tj")
    assert [s.agreement for s in page.context["statuses"]] == [a]
    assert (
        client_as("kazakh_representative")
        .get("/en/agreements/mine/?state=tj")
        .context["state"]
        .iso2
        == "KZ"
    )
