"""The depositary records treaty actions through the API, as on the agreement page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.agreements import services
from concord.agreements.models import Agreement, ProcedureStep
from concord.documents.models import Document
from concord.organization.models import MemberState
from conftest import PERSONAS

JSON = "application/json"
DEPOSITARY = {"secretariat_officer", "secretariat_administrator"}
SIGNATURE = {"state": "KZ", "type": "signature", "date": "1992-05-15"}


@pytest.fixture
def treaty(secretariat_officer) -> Agreement:
    """A treaty signed on 15 May 1992, with no signatory or action recorded yet."""
    return services.create_agreement(
        actor=secretariat_officer,
        kind="treaty",
        title_ru="Договор",
        title_en="Treaty",
        rule={"threshold": {"count": 2}, "later": {"delay": {"days": 0}}},
        signed_on=dt.date(1992, 5, 15),
    )


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
        f"{url}/{signed['id']}/correction",
        {"type": "signature", "date": "1992-05-16"},
        content_type=JSON,
    )
    assert corrected.status_code == 201 and corrected.json()["corrects"] == signed["id"]
    assert "Corrects the record of: signature, 15 May 1992." in corrected.json()["notification_en"]
    listed = client_as("kazakh_representative").get(url).json()
    assert [a["id"] for a in listed] == [signed["id"], corrected.json()["id"]]
    again = client.post(
        f"{url}/{signed['id']}/correction",
        {"type": "signature", "date": "1992-05-17"},
        content_type=JSON,
    )
    assert again.status_code == 400 and again.json()["errors"][0]["field"] == "corrects"
    assert (
        client.post(
            f"{url}/999999/correction",
            {"type": "signature", "date": "1992-05-17"},
            content_type=JSON,
        ).status_code
        == 404
    )


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
        ({**SIGNATURE, "type": "notification"}, 400, "state"),  # notified without signing
        ({**SIGNATURE, "date": "2999-01-01"}, 400, "date"),  # in the future
        ({**SIGNATURE, "date": "1992-05-14"}, 400, "date"),  # before the treaty was signed
        ({**SIGNATURE, "type": "declaration"}, 400, "reservation"),  # without its text
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


def test_the_notices_are_the_treaty_acts_only(client_as, treaty):
    client = client_as("secretariat_officer")
    url = f"/api/v1/agreements/{treaty.pk}/actions"
    step = ProcedureStep.objects.get(state__iso2="KZ", position=0)
    client.post(url, SIGNATURE, content_type=JSON)
    assert (
        client.post(
            url,
            {**SIGNATURE, "type": "step", "step": step.pk, "date": "1993-01-05"},
            content_type=JSON,
        ).json()["notice"]
        is None
    )
    notices = client_as("russian_representative").get(f"/api/v1/agreements/{treaty.pk}/notices")
    assert [n["type"] for n in notices.json()] == ["signature"]


def test_the_status_lists_every_participant_and_the_checks_only_for_the_depositary(
    client_as, treaty, secretariat_officer
):
    treaty.signatories.set(MemberState.objects.filter(iso2__in=["KZ", "RU"]))
    treaty.known_in_force = dt.date(1994, 4, 20)
    treaty.published_status = "in_force"
    treaty.save()
    url = f"/api/v1/agreements/{treaty.pk}/status"
    status = client_as("secretariat_officer").get(url).json()
    assert [p["state"] for p in status["participants"]] == ["KZ", "RU"]
    assert status["computed"]["in_force"] is False and status["known_in_force"] == "1994-04-20"
    assert {f["code"] for f in status["flags"]} == {"computed_differs"}
    assert client_as("kazakh_representative").get(url).json()["flags"] == []


@pytest.mark.parametrize("persona", ["kazakh_representative", "member_of_parliament", "analyst"])
def test_the_pending_list_of_a_state(client_as, persona):
    demo = Agreement.objects.get(illustrative=True)
    pending = client_as(persona).get("/api/v1/agreements/pending?state=KZ")
    assert pending.status_code == 200
    mine = next(p for p in pending.json() if p["agreement"] == demo.pk)
    assert mine["known"] is True
    assert [s["done_on"] is not None for s in mine["steps"]] == [True, False, False]


def test_the_pending_list_needs_a_known_state(client_as):
    client = client_as("member_of_parliament")
    for query in ["", "?state=XX"]:
        response = client.get(f"/api/v1/agreements/pending{query}")
        assert response.status_code == 400 and response.json()["errors"][0]["field"] == "state"
    own = client_as("kazakh_representative").get("/api/v1/agreements/pending")
    assert own.status_code == 200 and own.json()
