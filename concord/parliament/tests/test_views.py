"""Pages and API of the Parliamentary Assembly over the personas: what members of parliament see
(their Assembly's work, their own parliament's queue first, no negotiating positions), who may act."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.parliament import services
from concord.parliament.models import ModelAct
from concord.parliament.states import ActStatus
from conftest import PERSONAS

from .builders import a_model_law, a_session, state

SIGNED_IN = set(PERSONAS) - {"public_visitor"}
PAGES = [
    "/en/parliament/",
    "/en/parliament/queue/",
    "/en/parliament/model-laws/",
    "/en/parliament/harmonisation/",
    "/en/parliament/cooperation/",
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", PAGES)
def test_the_pages_are_for_signed_in_people(client_as, persona, url):
    response = client_as(persona).get(url)
    if persona in SIGNED_IN:
        assert response.status_code == 200
    else:
        assert response.status_code == 302


def test_the_member_of_parliament_sees_their_seat_and_their_queue_first(client_as):
    client = client_as("member_of_parliament")
    assert "Kazakhstan" in client.get("/en/parliament/").content.decode()
    html = client.get("/en/parliament/queue/").content.decode()
    assert html.index('data-testid="queue-KZ"') < html.index('data-testid="queue-RU"')
    assert "your parliament" in html
    assert "Mazhilis" in html


def test_the_queue_api_filters_by_parliament(client_as):
    client = client_as("member_of_parliament")
    answer = client.get("/api/v1/ratification-queue?parliament=KZ").json()
    assert [q["parliament"] for q in answer] == ["KZ"]
    assert answer[0]["own"] is True
    demo = next(e for e in answer[0]["entries"] if "demo" in e["title_en"])
    assert [c["chamber"] for c in demo["chambers"]] == ["Mazhilis", "Senate"]
    assert demo["chambers"][0]["voted_on"] and demo["chambers"][1]["voted_on"] is None
    assert client.get("/api/v1/ratification-queue?parliament=ZZ").status_code == 404
    everyone = client.get("/api/v1/ratification-queue").json()
    assert everyone[0]["parliament"] == "KZ" and len(everyone) == 6


def test_members_of_parliament_see_no_negotiating_positions(client_as):
    client = client_as("member_of_parliament")
    assert client.get("/api/v1/consultations").json().get("items", []) == []
    html = client.get("/en/parliament/model-laws/").content.decode()
    assert "position" not in html.lower()


def test_a_vote_for_a_chamber_the_state_lacks_is_a_400(client_as):
    from concord.agreements.models import Agreement
    from concord.parliament.models import Chamber

    agreement = Agreement.objects.get(illustrative=True)
    duma = Chamber.objects.get(parliament__state__iso2="RU", position=0)
    response = client_as("secretariat_officer").post(
        "/api/v1/ratification-queue/votes",
        {"agreement": agreement.pk, "state": "KG", "chamber": duma.pk, "date": "2026-12-01"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "no_such_chamber"
    assert response.json()["errors"][0]["field"] == "chamber"


def test_adoption_without_examination_is_refused_on_the_page_and_in_the_api(
    client_as, secretariat_officer
):
    act = a_model_law(secretariat_officer)
    plenary = a_session(secretariat_officer)
    client = client_as("secretariat_officer")
    response = client.post(
        f"/api/v1/model-laws/{act.pk}/adoption",
        {"session": plenary.pk},
        content_type="application/json",
    )
    assert (response.status_code, response.json()["code"]) == (400, "not_examined")
    page = client.post(f"/en/parliament/model-laws/{act.pk}/adopt/", {"session": plenary.pk})
    assert page.status_code == 400
    assert "has not examined" in page.content.decode()
    response = client.post(
        f"/api/v1/model-laws/{act.pk}/examination", {}, content_type="application/json"
    )
    assert response.json()["status"] == ActStatus.EXAMINED
    page = client.post(
        f"/en/parliament/model-laws/{act.pk}/adopt/",
        {"session": plenary.pk, "version": response.json()["version"]},
    )
    assert page.status_code == 302
    act.refresh_from_db()
    assert act.status == ActStatus.ADOPTED


@pytest.mark.parametrize("persona", ["member_of_parliament", "kazakh_representative", "analyst"])
def test_only_the_secretariat_records_an_examination(client_as, persona, secretariat_officer):
    act = a_model_law(secretariat_officer)
    response = client_as(persona).post(
        f"/api/v1/model-laws/{act.pk}/examination", {}, content_type="application/json"
    )
    assert response.status_code == 403
    assert (
        "examine"
        not in client_as(persona).get(f"/en/parliament/model-laws/{act.pk}/").content.decode()
    )


def test_a_model_laws_harmonisation_table(client_as):
    act = ModelAct.objects.get(title_en__startswith="Model law on countering cyberattacks")
    html = (
        client_as("member_of_parliament")
        .get(f"/en/parliament/model-laws/{act.pk}/")
        .content.decode()
    )
    assert "Law on protecting critical infrastructure (demo)" in html
    assert html.count("none recorded") == 3  # Armenia, Russia, Tajikistan
    rows = client_as("analyst").get(f"/api/v1/harmonisation?act={act.pk}").json()
    assert sorted(r["state"] for r in rows) == ["BY", "KG", "KZ"]


def test_harmonisation_for_a_state_that_is_not_a_member_is_a_400(client_as):
    act = ModelAct.objects.filter(status=ActStatus.ADOPTED).first()
    response = client_as("secretariat_officer").post(
        "/api/v1/harmonisation",
        {"act": act.pk, "state": "ZZ", "law_ru": "Закон"},
        content_type="application/json",
    )
    assert (response.status_code, response.json()["errors"][0]["field"]) == (400, "state")


def test_requests_for_information(client_as):
    mp = client_as("member_of_parliament")
    response = mp.post(
        "/api/v1/assembly/requests", {"question": "Сколько?"}, content_type="application/json"
    )
    assert response.status_code == 201
    pk = response.json()["id"]
    assert client_as("kazakh_representative").get("/api/v1/assembly/requests").json() == []
    assert (
        client_as("kazakh_representative")
        .post("/api/v1/assembly/requests", {"question": "?"}, content_type="application/json")
        .status_code
        == 403
    )
    assert (
        mp.post(
            f"/api/v1/assembly/requests/{pk}/answer",
            {"answer": "!"},
            content_type="application/json",
        ).status_code
        == 403
    )
    page = client_as("secretariat_officer").post(
        f"/en/parliament/cooperation/{pk}/answer/", {"answer": "Десять", "version": 1}
    )
    assert page.status_code == 302
    assert any(r["answer"] == "Десять" for r in mp.get("/api/v1/assembly/requests").json())
    assert mp.post("/en/parliament/cooperation/", {"question": "Ещё?"}).status_code == 302


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/assembly/bodies",
        "/api/v1/assembly/sessions",
        "/api/v1/model-laws",
        "/api/v1/harmonisation",
        "/en/parliament/",
        "/en/parliament/harmonisation/",
    ],
)
def test_lists_take_a_constant_number_of_queries(client_as, secretariat_officer, url):
    client = client_as("analyst")
    before = _count(client, url)
    for i in range(3):
        session = a_session(secretariat_officer, day=dt.date(2026, 1, 1 + i))
        session.items.create(position=1, title_ru="Пункт", title_en="Item")
        act = a_model_law(secretariat_officer)
        services.examine_act(act, actor=secretariat_officer, on=None)
        services.adopt_act(act, actor=secretariat_officer, session=session)
        services.record_harmonisation(
            act,
            actor=secretariat_officer,
            state=state("KZ"),
            law_ru="Закон",
        )
    assert _count(client, url) == before


def test_a_commission_the_sources_do_not_name_is_shown_as_assumed(client_as):
    from concord.parliament.models import ModelAct

    assumed = ModelAct.objects.filter(commission_stated=False).first()
    assert assumed is not None  # the XV plenary's recommendations
    page = client_as("member_of_parliament").get(f"/en/parliament/model-laws/{assumed.pk}/")
    assert "assumed: the sources do not name the commission" in page.content.decode()
    stated = ModelAct.objects.filter(commission_stated=True).first()
    page = client_as("member_of_parliament").get(f"/en/parliament/model-laws/{stated.pk}/")
    assert "assumed" not in page.content.decode()


def test_the_structure_is_kept_in_the_admin_with_the_services_rule(client_as):
    from concord.parliament.models import Member, Parliament

    admin = client_as("secretariat_administrator")
    for page in ("parliament", "chamber", "assemblybody", "member", "session", "observer"):
        if page == "chamber":
            continue  # kept inline with its parliament
        assert admin.get(f"/admin/parliament/{page}/").status_code == 200, page
    sitting = Member.objects.exclude(parliament__state__iso2="RU").filter(until=None).first()
    russia = Parliament.objects.get(state__iso2="RU")
    refused = admin.post(
        "/admin/parliament/member/add/",
        {
            "name_ru": sitting.name_ru,
            "name_en": "Same person",
            "parliament": russia.pk,
            "seats-TOTAL_FORMS": "0",
            "seats-INITIAL_FORMS": "0",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert refused.status_code == 200  # the form again, with the error beside the parliament
    assert "already in the delegation" in refused.content.decode()
    assert not Member.objects.filter(name_en="Same person").exists()
    assert client_as("kazakh_representative").get("/admin/parliament/member/").status_code in (
        302,
        403,
    )
