"""The whole consultation workflow through the API, with the pages' checks: open a question, a stage,
extend it, record positions by version number, close, sign; sessions and their agendas."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from concord.consultations.models import Consultation, Session, Stage
from concord.consultations.states import StageStatus
from concord.documents.models import Document
from conftest import PERSONAS
from tests.builders import a_draft


def post(client, url, body=None, method="post"):
    return getattr(client, method)(
        f"/api/v1/{url}", json.dumps(body or {}), content_type="application/json"
    )


@pytest.fixture
def question(client_as, secretariat_officer):
    document = a_draft(secretariat_officer, kind="draft_decision")
    response = post(
        client_as("secretariat_officer"),
        "consultations",
        {
            "title_ru": "Вопрос",
            "kind": "draft_decision",
            "route": "budget",
            "document": document.pk,
        },
    )
    assert response.status_code == 201, response.json()
    return response.json()


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_opens_a_question_through_the_api(client_as, persona):
    response = post(
        client_as(persona),
        "consultations",
        {"title_ru": "Вопрос", "kind": "procedural", "route": "budget"},
    )
    opens = persona in (
        "kazakh_representative",
        "kazakh_coordinator",
        "armenian_representative",
        "russian_representative",
        "secretariat_officer",
        "secretariat_administrator",
    )
    assert response.status_code == (401 if persona == "public_visitor" else 201 if opens else 403)


def test_an_unknown_route_is_a_field_error(client_as):
    response = post(
        client_as("secretariat_officer"),
        "consultations",
        {"title_ru": "Вопрос", "kind": "procedural", "route": "nowhere"},
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": "route", "message": response.json()["message"]}]


def test_a_written_procedure_through_the_api(client_as, question):
    office = client_as("secretariat_officer")
    pk = question["id"]
    opened = post(office, f"consultations/{pk}/stages", {"mode": "written", "consent": "silence"})
    assert opened.status_code == 201
    stage = opened.json()["stages"][-1]
    assert stage["version"] == 1 and stage["deadline"]
    kz = client_as("kazakh_representative")
    wrong = post(kz, f"consultations/{pk}/positions", {"version": 2, "stance": "join"})
    assert wrong.status_code == 409 and wrong.json()["code"] == "version_not_before_stage"
    given = post(kz, f"consultations/{pk}/positions", {"version": 1, "stance": "join"})
    assert given.status_code == 201
    assert [p["state"] for p in given.json()["stages"][-1]["positions"]] == ["KZ"]
    early = post(office, f"consultations/{pk}/stages/{stage['id']}/close")
    assert early.status_code == 409 and early.json()["code"] == "too_early"
    until = (dt.datetime.fromisoformat(stage["deadline"]) + dt.timedelta(days=5)).isoformat()
    extended = post(
        office, f"consultations/{pk}/stages/{stage['id']}/extend", {"until": until, "reason": "KG"}
    )
    assert extended.status_code == 200
    assert extended.json()["stages"][-1]["deadline"].startswith(until[:16])
    refused = post(
        kz, f"consultations/{pk}/stages/{stage['id']}/extend", {"until": until, "reason": "x"}
    )
    assert refused.status_code == 403
    dropped = post(office, f"consultations/{pk}/stages/{stage['id']}/close", {"drop": True})
    assert dropped.status_code == 200 and dropped.json()["status"] == "dropped"


def test_a_question_adopted_and_signed_through_the_api(client_as, question):
    office = client_as("secretariat_officer")
    pk = question["id"]
    for _tier in range(2):
        stage = post(office, f"consultations/{pk}/stages").json()["stages"][-1]
        for persona in ("kazakh_representative", "russian_representative"):
            post(
                client_as(persona),
                f"consultations/{pk}/positions",
                {"version": 1, "stance": "join"},
            )
        closed = post(office, f"consultations/{pk}/stages/{stage['id']}/close")
        assert closed.status_code == 200
    assert closed.json()["status"] == "adopted"
    signed = post(
        client_as("kazakh_representative"), f"consultations/{pk}/stages/{stage['id']}/signatures"
    )
    assert (
        signed.status_code == 201 and signed.json()["stages"][-1]["signatures"][0]["state"] == "KZ"
    )
    document = Document.objects.get(pk=question["document"])
    assert (
        client_as("member_of_parliament").get(f"/api/v1/documents/{document.pk}").status_code == 200
    )
    assert client_as("member_of_parliament").get(f"/api/v1/consultations/{pk}").status_code == 404


def test_sessions_and_agendas_through_the_api(client_as, question):
    office = client_as("secretariat_officer")
    today = timezone.localdate()
    created = post(
        office,
        "sessions",
        {"body": "permanent-council", "date": today.isoformat(), "format": "written"},
    )
    assert created.status_code == 201
    session = created.json()
    post(office, f"consultations/{question['id']}/stages")
    stage = Stage.objects.get(consultation_id=question["id"], status=StageStatus.OPEN)
    placed = post(office, f"sessions/{session['id']}/agenda", {"stage": stage.pk})
    assert placed.status_code == 201 and placed.json()["agenda"][0]["stage"] == stage.pk
    moved = post(office, f"sessions/{session['id']}/agenda/{stage.pk}/move", {"to": 1})
    assert moved.status_code == 200
    published = post(office, f"sessions/{session['id']}/publish")
    assert published.json()["agenda_published_at"]
    changed = post(
        office,
        f"sessions/{session['id']}",
        {"version": 1, "date": today.isoformat(), "kind": "extraordinary", "format": "online"},
        method="patch",
    )
    assert changed.status_code == 200 and changed.json()["kind"] == "extraordinary"
    stale = post(
        office,
        f"sessions/{session['id']}",
        {"version": 1, "date": today.isoformat(), "kind": "regular", "format": "online"},
        method="patch",
    )
    assert (
        stale.status_code == 409 and Session.objects.get(pk=session["id"]).kind == "extraordinary"
    )
    other_body = post(office, "sessions", {"body": "cdm", "date": today.isoformat()}).json()
    wrong = post(office, f"sessions/{other_body['id']}/agenda", {"stage": stage.pk})
    assert wrong.status_code == 400 and wrong.json()["code"] == "wrong_body"
    assert (
        post(
            client_as("kazakh_representative"),
            "sessions",
            {"body": "cdm", "date": today.isoformat()},
        ).status_code
        == 403
    )


def test_notifications_are_marked_read_through_the_api(client_as, russian_representative):
    client = client_as("russian_representative")
    response = post(client, "notifications/read")
    assert response.status_code == 200
    assert not russian_representative.notifications.filter(read_at__isnull=True).exists()


def test_consultations_stay_absent_for_members_of_parliament(client_as):
    client = client_as("member_of_parliament")
    assert client.get("/api/v1/consultations").json()["count"] == 0
    some = Consultation.objects.first()
    assert client.get(f"/api/v1/consultations/{some.pk}").status_code == 404
