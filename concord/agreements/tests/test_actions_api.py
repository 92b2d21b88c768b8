"""The depositary records treaty actions through the API, as on the agreement page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.agreements.models import Agreement, ProcedureStep
from concord.documents.models import Document
from concord.organization.models import MemberState
from conftest import PERSONAS

JSON = "application/json"
DEPOSITARY = {"secretariat_officer", "secretariat_administrator"}
SIGNATURE = {"state": "KZ", "type": "signature", "date": "1992-05-15"}


@pytest.fixture
def treaty(db) -> Agreement:
    """The Collective Security Treaty, with no action recorded yet."""
    return Agreement.objects.get(title_en="Collective Security Treaty")


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_depositary_records_an_action(client_as, persona, treaty):
    response = client_as(persona).post(
        f"/api/v1/agreements/{treaty.pk}/actions", SIGNATURE, content_type=JSON
    )
    if persona in DEPOSITARY:
        assert response.status_code == 201 and response.json()["state"] == "KZ"
    else:
        assert response.status_code == (401 if persona == "public_visitor" else 403)
        assert not treaty.actions.exists()


def test_a_recorded_action_notifies_and_can_be_corrected(client_as, treaty):
    client = client_as("secretariat_officer")
    url = f"/api/v1/agreements/{treaty.pk}/actions"
    signed = client.post(url, SIGNATURE, content_type=JSON).json()
    assert signed["type"] == "signature" and signed["date"] == "1992-05-15"
    assert "Kazakhstan" in signed["notification_en"] and "Казахстан" in signed["notification_ru"]
    notice = Document.objects.get(pk=signed["notice"])
    assert notice.marking == "public"
    corrected = client.post(
        url, {**SIGNATURE, "date": "1992-05-16", "corrects": signed["id"]}, content_type=JSON
    )
    assert corrected.status_code == 201 and corrected.json()["corrects"] == signed["id"]
    listed = client_as("kazakh_representative").get(url).json()
    assert [a["id"] for a in listed] == [signed["id"], corrected.json()["id"]]


def test_listing_the_actions_takes_as_many_queries_for_many_as_for_one(client_as, treaty):
    client = client_as("secretariat_officer")
    url = f"/api/v1/agreements/{treaty.pk}/actions"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    client.post(url, SIGNATURE, content_type=JSON)
    one = queries()
    for state in ("RU", "BY"):
        client.post(url, {**SIGNATURE, "state": state}, content_type=JSON)
    assert len(client.get(url).json()) == 3 and queries() == one


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({**SIGNATURE, "state": "KAZ"}, 422, "state"),
        ({**SIGNATURE, "state": "XX"}, 400, "state"),
        ({**SIGNATURE, "type": "coronation"}, 422, "type"),
        ({**SIGNATURE, "date": "soon"}, 422, "date"),
        ({**SIGNATURE, "evidence": "x" * 301}, 422, "evidence"),
        ({**SIGNATURE, "colour": "red"}, 422, "colour"),
        ({**SIGNATURE, "type": "notification"}, 400, "type"),  # notified before signing
        ({**SIGNATURE, "type": "step"}, 400, "step"),  # which step?
        ({**SIGNATURE, "step": 999999}, 400, "step"),
        ({**SIGNATURE, "corrects": 999999}, 400, "corrects"),
    ],
)
def test_a_bad_action_is_refused_on_its_field(client_as, treaty, body, status, field):
    response = client_as("secretariat_officer").post(
        f"/api/v1/agreements/{treaty.pk}/actions", body, content_type=JSON
    )
    assert response.status_code == status
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert not treaty.actions.exists()


def test_a_step_of_another_state_is_refused(client_as, treaty):
    russian_step = ProcedureStep.objects.create(
        state=MemberState.objects.get(iso2="RU"), position=99, name_ru="Шаг", name_en="Step"
    )
    response = client_as("secretariat_officer").post(
        f"/api/v1/agreements/{treaty.pk}/actions",
        {**SIGNATURE, "type": "step", "step": russian_step.pk},
        content_type=JSON,
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "step"
    assert not treaty.actions.exists()


def test_an_unknown_agreement_is_not_found(client_as):
    response = client_as("secretariat_officer").post(
        "/api/v1/agreements/999999/actions", SIGNATURE, content_type=JSON
    )
    assert response.status_code == 404
