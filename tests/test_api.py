"""The JSON API: authentication, errors with codes and field messages, and the reference data."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from concord.accounts.services import create_api_token
from concord.organization.models import Chairmanship
from conftest import PERSONAS

READ_ENDPOINTS = [
    "/api/v1/member-states",
    "/api/v1/member-states/am",
    "/api/v1/bodies",
    "/api/v1/bodies/csc",
    "/api/v1/chairmanships",
    "/api/v1/secretaries-general",
    "/api/v1/me",
    "/api/v1/me/tokens",
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", READ_ENDPOINTS)
def test_read_endpoints_answer_signed_in_people_and_refuse_the_public(client_as, persona, url):
    response = client_as(persona).get(url)
    expected = 401 if persona == "public_visitor" else 200
    assert response.status_code == expected
    if expected == 401:
        assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize("persona", PERSONAS)
def test_audit_endpoint_exists_only_for_secretariat_officers(client_as, persona):
    status = client_as(persona).get("/api/v1/audit").status_code
    expected = {"public_visitor": 401, "secretariat_officer": 200, "secretariat_administrator": 200}
    assert status == expected.get(persona, 404)


def test_member_states_show_armenia_frozen_but_a_member(client_as):
    states = {
        s["iso2"]: s for s in client_as("kazakh_representative").get("/api/v1/member-states").json()
    }
    assert set(states) == {"AM", "BY", "KZ", "KG", "RU", "TJ"}
    assert states["AM"]["membership"] == "member"
    assert states["AM"]["participation"] == "frozen"
    assert states["AM"]["participation_since"] == "2024-02-22"
    assert states["KZ"]["name_ru"] == "Казахстан"


def test_bodies_name_their_parent(client_as):
    bodies = {b["code"]: b for b in client_as("kazakh_representative").get("/api/v1/bodies").json()}
    assert bodies["wg-afghanistan"]["parent"] == "cfm"
    assert bodies["csc"]["parent"] is None and bodies["csc"]["tier"] == 1
    assert bodies["secretariat"]["is_secretariat"] is True


def test_chairmanships_list_the_years_with_the_rotation_proposal(client_as):
    rows = client_as("kazakh_representative").get("/api/v1/chairmanships").json()
    assert [(r["year"], r["state"]) for r in rows][:3] == [(2016, "AM"), (2017, "BY"), (2018, "KZ")]
    assert next(r for r in rows if r["year"] == 2024)["theme_en"] == "Continuity and consistency"


def test_bearer_token_authenticates(kazakh_representative):
    _token, raw = create_api_token(
        kazakh_representative, actor=kazakh_representative, name="script"
    )
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert response.json()["acting_for"]["state"] == "KZ"


@pytest.mark.parametrize(
    "header", ["Bearer cnc_not-a-real-token", "Bearer ", "Basic a2F6OnB3", "Token x"]
)
def test_bad_tokens_get_401_with_a_code(db, header):
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_a_revoked_token_no_longer_works(kazakh_representative):
    from concord.accounts.services import revoke_api_token

    token, raw = create_api_token(kazakh_representative, actor=kazakh_representative, name="script")
    revoke_api_token(kazakh_representative, actor=kazakh_representative, token_id=token.pk)
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_a_token_of_a_deactivated_user_no_longer_works(kazakh_representative):
    _token, raw = create_api_token(
        kazakh_representative, actor=kazakh_representative, name="script"
    )
    kazakh_representative.is_active = False
    kazakh_representative.save()
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def post(client, url, body, **headers):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(url, data, content_type="application/json", **headers)


def test_malformed_json_is_a_400_with_a_code(client_as):
    response = post(client_as("secretariat_officer"), "/api/v1/chairmanships", "{not json")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


def test_wrong_types_and_unknown_fields_get_field_level_messages(client_as):
    response = post(
        client_as("secretariat_officer"),
        "/api/v1/chairmanships",
        {"year": "soon", "state": 7, "colour": "red"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    fields = {e["field"]: e for e in body["errors"]}
    assert fields["year"]["code"] == "int_parsing"
    assert fields["state"]["code"] == "string_type"
    assert fields["colour"]["message"] == "Unknown field."


def test_field_messages_follow_the_users_language(client_as):
    response = post(
        client_as("secretariat_officer"),
        "/api/v1/chairmanships",
        {"state": "KZ"},
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "field": "year",
        "code": "missing",
        "message": "Обязательное поле.",
    }


def test_secretariat_records_a_chairmanship_through_the_api(client_as):
    response = post(
        client_as("secretariat_officer"), "/api/v1/chairmanships", {"year": 2027, "state": "tj"}
    )
    assert response.status_code == 201
    assert response.json()["state"] == "TJ" and response.json()["proposed_state"] == "TJ"


def test_departure_from_rotation_needs_a_note_through_the_api_too(client_as):
    response = post(
        client_as("secretariat_officer"), "/api/v1/chairmanships", {"year": 2027, "state": "AM"}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "rotation_departure_needs_reason"
    assert response.json()["errors"][0]["field"] == "note_ru"


def test_unknown_state_code_is_a_field_error(client_as):
    response = post(
        client_as("secretariat_officer"), "/api/v1/chairmanships", {"year": 2027, "state": "XX"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "state"


@pytest.mark.parametrize(
    "persona",
    [p for p in PERSONAS if p not in ("secretariat_officer", "secretariat_administrator")],
)
def test_only_secretariat_officers_record_chairmanships_through_the_api(client_as, persona):
    response = post(client_as(persona), "/api/v1/chairmanships", {"year": 2027, "state": "TJ"})
    assert response.status_code == (401 if persona == "public_visitor" else 403)
    assert not Chairmanship.objects.filter(year=2027).exists()


def test_session_writes_need_the_csrf_token(secretariat_officer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat_officer)
    response = post(client, "/api/v1/chairmanships", {"year": 2027, "state": "TJ"})
    assert response.status_code in (401, 403)
    assert not Chairmanship.objects.filter(year=2027).exists()


def test_token_writes_need_no_csrf_token(secretariat_officer):
    _token, raw = create_api_token(secretariat_officer, actor=secretariat_officer, name="script")
    client = Client(enforce_csrf_checks=True)
    response = post(
        client,
        "/api/v1/chairmanships",
        {"year": 2027, "state": "TJ"},
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 201


def test_tokens_are_created_once_and_listed_without_their_secret(client_as):
    client = client_as("kazakh_representative")
    created = post(client, "/api/v1/me/tokens", {"name": "reports"})
    assert created.status_code == 201
    raw = created.json()["token"]
    listed = client.get("/api/v1/me/tokens").json()
    assert [t["name"] for t in listed] == ["reports"]
    assert "token" not in listed[0] and raw not in json.dumps(listed)
    revoked = client.delete(f"/api/v1/me/tokens/{listed[0]['id']}")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]


def test_nobody_revokes_another_persons_token(client_as, russian_representative):
    token, _raw = create_api_token(russian_representative, actor=russian_representative, name="ru")
    response = client_as("kazakh_representative").delete(f"/api/v1/me/tokens/{token.pk}")
    assert response.status_code == 400
    token.refresh_from_db()
    assert token.revoked_at is None


def test_switching_affiliation_through_the_api(client_as, analyst):
    client = client_as("analyst")
    joint_staff = analyst.affiliations.get(body__code="joint-staff")
    response = post(client, "/api/v1/me/affiliation", {"affiliation": joint_staff.pk})
    assert response.status_code == 200
    assert response.json()["acting_for"]["body"] == "joint-staff"


def test_nobody_switches_to_an_affiliation_that_is_not_theirs(client_as, russian_representative):
    russia = russian_representative.affiliations.get()
    response = post(
        client_as("kazakh_representative"), "/api/v1/me/affiliation", {"affiliation": russia.pk}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "affiliation_not_yours"


def test_openapi_schema_is_served(client_as):
    schema = client_as("kazakh_representative").get("/api/v1/openapi.json").json()
    assert "/api/v1/member-states" in schema["paths"]
    assert "/api/v1/chairmanships" in schema["paths"]
