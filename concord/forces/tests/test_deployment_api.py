"""Deployments through the API: the same steps as the pages, the same checks, errors as 4xx naming
the field."""

from __future__ import annotations

import pytest

from concord.forces.models import Deployment

from .deployment_builders import a_decided, a_request, an_accepted_offer

pytestmark = pytest.mark.django_db
JSON = "application/json"


def test_the_list_and_one_deployment_with_its_steps(client_as):
    client = client_as("russian_representative")
    listed = client.get("/api/v1/deployments").json()
    kazakhstan = next(
        d
        for d in listed
        if d["title_en"].startswith("Collective peacekeeping forces in Kazakhstan")
    )
    assert kazakhstan["personnel"] == 2030 and kazakhstan["equipment"] == 250
    assert (
        kazakhstan["contingents"] == 5
        and kazakhstan["sites"] == 14
        and kazakhstan["status"] == "closed"
    )
    detail = client.get(f"/api/v1/deployments/{kazakhstan['id']}").json()
    assert [s["at"] for s in detail["steps"]] == sorted(s["at"] for s in detail["steps"])
    assert detail["steps"][0]["kind"] == "request" and detail["steps"][-1]["kind"] == "report"
    assert {c["state"] for c in detail["contingent_rows"]} == {"AM", "BY", "KG", "RU", "TJ"}
    assert detail["un_informed_on"] is None and detail["report_reference_ru"] == ""
    assert detail["letter_reference_ru"] == "Обращение Президента Республики Казахстан"
    assert detail["letter_reference_en"] == "Appeal of the President of Kazakhstan"


def test_a_visitor_gets_401_and_an_unknown_deployment_404(client_as):
    assert client_as("public_visitor").get("/api/v1/deployments").status_code == 401
    assert client_as("staff_officer").get("/api/v1/deployments/999999").status_code == 404


def test_a_request_then_a_decision_dated_before_it_names_the_field(client_as):
    client = client_as("kazakh_representative")
    created = client.post(
        "/api/v1/deployments",
        {
            "host": "KZ",
            "requested_at": "2025-05-01T06:00:00Z",
            "letter_reference_ru": "Письмо 12",
            "letter_reference_en": "Letter 12",
        },
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["consultation"] is not None
    assert created.json()["letter_reference_en"] == "Letter 12"
    assert created.json()["request_text_en"] == ""
    refused = client_as("secretariat_officer").post(
        f"/api/v1/deployments/{pk}/decision",
        {
            "decided_at": "2025-04-30T06:00:00Z",
            "decision_reference_ru": "Р",
            "legal_basis_ru": "Ст. 4",
        },
        content_type=JSON,
    )
    assert refused.status_code == 400
    assert refused.json()["code"] == "before_previous"
    assert refused.json()["errors"] == [
        {"field": "decided_at", "message": refused.json()["message"]}
    ]
    wrong_state = client.post(
        "/api/v1/deployments",
        {"host": "RU", "requested_at": "2025-05-01T06:00:00Z", "letter_reference_ru": "x"},
        content_type=JSON,
    )
    assert wrong_state.status_code == 403


def test_a_withdrawal_before_the_deployment_is_409_naming_withdrawn_at(client_as):
    c = an_accepted_offer(a_decided())
    response = client_as("staff_officer").post(
        f"/api/v1/contingents/{c.pk}/withdrawal",
        {"withdrawn_at": "2025-03-02T00:00:00Z"},
        content_type=JSON,
    )
    assert response.status_code == 409
    assert response.json()["code"] == "out_of_order"
    assert response.json()["errors"][0]["field"] == "withdrawn_at"


def test_an_offer_a_site_and_the_log_through_the_api(client_as):
    d = a_decided()
    offered = client_as("russian_representative").post(
        f"/api/v1/deployments/{d.pk}/contingents",
        {"state": "RU", "offered": 80, "offered_at": "2025-03-01T15:00:00Z"},
        content_type=JSON,
    )
    assert offered.status_code == 201, offered.content
    cid = offered.json()["id"]
    staff = client_as("staff_officer")
    assert (
        staff.post(
            f"/api/v1/contingents/{cid}/acceptance",
            {"accepted_at": "2025-03-01T16:00:00Z", "strength": 80, "equipment": 4},
            content_type=JSON,
        ).status_code
        == 200
    )
    assert (
        staff.post(
            f"/api/v1/contingents/{cid}/arrival",
            {"arrived_at": "2025-03-01T20:00"},
            content_type=JSON,
        )
        .json()["arrived_at"]
        .startswith("2025-03-01T20:00")
    )
    site = staff.post(
        f"/api/v1/deployments/{d.pk}/sites",
        {
            "name_en": "Power plant",
            "since": "2025-03-02T08:00:00Z",
            "contingent": cid,
            "latitude": 43.2,
            "longitude": 76.9,
        },
        content_type=JSON,
    )
    assert site.status_code == 201 and site.json()["name_ru"] == "Power plant"
    bad_kind = staff.post(
        f"/api/v1/deployments/{d.pk}/log",
        {"kind": "party", "at": "2025-03-02T09:00:00Z", "text_en": "x"},
        content_type=JSON,
    )
    assert bad_kind.status_code == 400 and bad_kind.json()["errors"][0]["field"] == "kind"
    assert Deployment.objects.get(pk=d.pk).status == "deployed"


def test_unknown_fields_and_states_are_refused(client_as):
    d = a_request()
    client = client_as("secretariat_officer")
    extra = client.post(
        f"/api/v1/deployments/{d.pk}/decision",
        {
            "decided_at": "2025-03-01T10:00:00Z",
            "decision_reference_ru": "D",
            "legal_basis_ru": "L",
            "colour": "red",
        },
        content_type=JSON,
    )
    assert extra.status_code == 422
    unknown = client.post(
        "/api/v1/deployments",
        {"host": "ZZ", "requested_at": "2025-03-01T10:00:00Z", "letter_reference_ru": "L"},
        content_type=JSON,
    )
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "host"


def test_a_decision_in_both_languages_and_a_missing_russian_text_named(client_as):
    d = a_request()
    client = client_as("secretariat_officer")
    missing = client.post(
        f"/api/v1/deployments/{d.pk}/decision",
        {
            "decided_at": "2025-03-01T10:00:00Z",
            "decision_reference_en": "CSC decision",
            "legal_basis_en": "Article 4",
        },
        content_type=JSON,
    )
    assert missing.status_code == 422  # the Russian texts are required
    decided = client.post(
        f"/api/v1/deployments/{d.pk}/decision",
        {
            "decided_at": "2025-03-01T10:00:00Z",
            "decision_reference_ru": "Решение СКБ",
            "decision_reference_en": "CSC decision",
            "legal_basis_ru": "Статья 4",
            "tasks_ru": "Охрана объектов",
        },
        content_type=JSON,
        headers={"Accept-Language": "en"},  # the steps are told in the language of the request
    ).json()
    assert (decided["decision_reference_ru"], decided["decision_reference_en"]) == (
        "Решение СКБ",
        "CSC decision",
    )
    assert (decided["legal_basis_en"], decided["tasks_en"]) == ("", "")
    decision = next(s for s in decided["steps"] if s["kind"] == "decision")
    assert decision["detail"] == "CSC decision; Статья 4"  # English, falling back to the Russian


def test_another_states_unit_is_no_such_unit_in_an_offer(client_as):
    """An offer naming another state's unit gets the answer an unknown unit gets: no hint that it
    exists."""
    from concord.forces.models import Unit

    d = a_decided()
    kazakh_unit = Unit.objects.filter(state__iso2="KZ").first()
    russian = client_as("russian_representative")
    answers = [
        russian.post(
            f"/api/v1/deployments/{d.pk}/contingents",
            {"state": "RU", "offered": 80, "offered_at": "2025-03-01T15:00:00Z", "unit": unit},
            content_type=JSON,
        )
        for unit in (kazakh_unit.pk, 999_999)
    ]
    assert [a.status_code for a in answers] == [400, 400]
    assert answers[0].json() == answers[1].json()
    own = Unit.objects.filter(state__iso2="RU").first()
    accepted = russian.post(
        f"/api/v1/deployments/{d.pk}/contingents",
        {"state": "RU", "offered": 80, "offered_at": "2025-03-01T15:00:00Z", "unit": own.pk},
        content_type=JSON,
    )
    assert accepted.status_code == 201, accepted.content
