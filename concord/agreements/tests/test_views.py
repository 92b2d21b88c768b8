from __future__ import annotations

import json
import re

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
        f"/api/v1/agreements/{a.pk}/notices",
        "/api/v1/agreements/pending?state=KZ",
    ]:
        assert client.get(url).status_code == (401 if persona == "public_visitor" else 200)


@pytest.mark.parametrize("persona", ["kazakh_representative", "analyst", "member_of_parliament"])
def test_only_the_depositary_records_through_the_page(client_as, persona):
    a = Agreement.objects.get(title_en="Collective Security Treaty")
    kz = MemberState.objects.get(iso2="KZ")
    before = a.actions.count()
    response = client_as(persona).post(
        f"/en/agreements/{a.pk}/", {"state": kz.pk, "type": "declaration", "date": "1993-01-01"}
    )
    assert response.status_code == 403
    assert a.actions.count() == before


def test_the_depositary_records_through_the_page_and_bad_input_is_a_field_error(client_as):
    a = Agreement.objects.get(title_en="Collective Security Treaty")
    kz = MemberState.objects.get(iso2="KZ")
    client = client_as("secretariat_officer")
    bad = client.post(
        f"/en/agreements/{a.pk}/", {"state": kz.pk, "type": "signature", "date": "1992-05-16"}
    )
    assert bad.status_code == 400 and list(bad.context["form"].errors) == ["type"]
    assert a.actions.count() == 6
    recorded = client.post(
        f"/en/agreements/{a.pk}/",
        {"state": kz.pk, "type": "declaration", "date": "1993-01-01", "reservation": "Text"},
    )
    assert recorded.status_code == 302
    status = client.get(f"/api/v1/agreements/{a.pk}/status").json()
    kz_row = next(p for p in status["participants"] if p["state"] == "KZ")
    assert kz_row["statements"] == ["Text"] and kz_row["signed_on"] == "1992-05-15"
    assert status["computed"] is None and [g["code"] for g in status["gaps"]] == [
        "clause_not_recorded",
        "signatories_not_recorded",
        "deposits_not_recorded",
    ]


@pytest.mark.usefixtures("uncached_pages")
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


def test_a_member_of_parliament_chooses_the_state_to_follow(client_as):
    demo = Agreement.objects.get(illustrative=True)
    client = client_as("member_of_parliament")
    assert client.get("/en/agreements/mine/").context["choose"] is True
    page = client.get("/en/agreements/mine/?state=tj")
    assert demo in [e.standing.agreement for e in page.context["open"]]
    kz = client_as("kazakh_representative").get("/en/agreements/mine/?state=tj")
    assert kz.context["state"].iso2 == "KZ" and kz.context["choose"] is False


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_pages_speak_one_language(client_as, language):
    demo = Agreement.objects.get(illustrative=True)
    client = client_as("secretariat_officer")
    for url in ["agreements/", f"agreements/{demo.pk}/", "agreements/mine/?state=KZ"]:
        html = client.get(f"/{language}/{url}").content.decode()
        text = re.sub(r"<[^>]+>", " ", html[html.index("<main") :])
        for code in ["clause_not_recorded", "deposits_not_recorded", "not_signed", "in_force"]:
            assert code not in text
        if language == "ru":
            assert "Not in force" not in text and "notification" not in text
        else:
            assert "Уведомление" not in text and "не записан" not in text


def test_the_instrument_page_does_a_constant_number_of_queries(client_as, secretariat_officer):
    from django.utils import timezone

    demo = Agreement.objects.get(illustrative=True)
    client = client_as("secretariat_officer")
    url = f"/en/agreements/{demo.pk}/"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
            assert client.get(f"/api/v1/agreements/{demo.pk}/status").status_code == 200
        return len(captured.captured_queries)

    before = queries()
    for iso2 in ("KZ", "KG", "TJ"):
        services.record_action(
            demo,
            actor=secretariat_officer,
            state=MemberState.objects.get(iso2=iso2),
            type="declaration",
            date=timezone.localdate(),
            reservation=f"Declaration of {iso2}",
        )
    assert queries() == before


def test_recorded_from_the_russian_page_the_english_notice_is_english(client_as):
    demo = Agreement.objects.get(illustrative=True)
    am = MemberState.objects.get(iso2="AM")
    response = client_as("secretariat_officer").post(
        f"/ru/agreements/{demo.pk}/",
        {"state": am.pk, "type": "declaration", "date": demo.signed_on, "reservation": "—"},
    )
    assert response.status_code == 302
    notice = demo.actions.latest("pk")
    assert "State: Armenia." in notice.notification_en
    assert "Act: reservation or declaration." in notice.notification_en
    assert not re.search("[а-яё]", notice.notification_en.replace(demo.title_ru, ""), re.I)
    assert "Государство: Армения." in notice.notification_ru
