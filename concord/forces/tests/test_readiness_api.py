"""Formations, units and assessments through the API, with the pages' checks."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.forces.models import Assessment, Formation, Unit
from concord.forces.readiness_selectors import serving
from concord.forces.states import AssessmentStatus
from concord.organization.models import MemberState
from conftest import PERSONAS

from .readiness_builders import a_unit, an_assessment, full_marks
from .test_readiness_views import DETAIL, more_units

JSON = "application/json"


def visible(persona: str) -> set[int]:
    state = DETAIL[persona]
    units = Unit.objects.all()
    if state is None:
        return set()
    if state != "*":
        units = units.filter(state__iso2=state)
    return set(units.values_list("pk", flat=True))


@pytest.mark.parametrize("persona", PERSONAS)
def test_units_and_assessments_in_detail_only_to_who_may_see_them(client_as, persona):
    client = client_as(persona)
    units = client.get("/api/v1/units")
    assessments = client.get("/api/v1/assessments")
    if persona == "public_visitor":
        assert units.status_code == assessments.status_code == 401
        return
    assert {u["id"] for u in units.json()} == visible(persona)
    assert {a["unit"] for a in assessments.json()} <= visible(persona)
    kz = Unit.objects.filter(state__iso2="KZ").first()
    kz_assessment = Assessment.objects.filter(unit=kz).first()
    sees = kz.pk in visible(persona)
    assert client.get(f"/api/v1/units/{kz.pk}").status_code == (200 if sees else 404)
    got = client.get(f"/api/v1/assessments/{kz_assessment.pk}")
    assert got.status_code == (200 if sees else 404)
    if sees:
        assert len(got.json()["answers"]) == kz_assessment.questionnaire.criteria.count()


@pytest.mark.parametrize("persona", PERSONAS)
def test_formations_with_their_gaps_for_every_insider(client_as, persona):
    response = client_as(persona).get("/api/v1/formations")
    if persona == "public_visitor":
        assert response.status_code == 401
        return
    assert response.status_code == 200
    crrf = next(f for f in response.json() if f["code"] == "crrf")
    assert (
        crrf["published_strength"] == 18000 and "urdupoint.com" in crrf["published_strength_source"]
    )
    assert set(crrf["states"]) == {"AM", "BY", "KZ", "KG", "RU", "TJ"}
    military = next(c for c in crrf["capabilities"] if c["kind"] == "military")
    pledged = serving(Unit.objects.filter(formation__code="crrf", kind="military"))
    certified = pledged.exclude(certified_on=None)
    assert military["pledged_units"] == pledged.count()
    assert military["gap_pledged_units"] == military["required_units"] - pledged.count()
    assert military["gap_certified_strength"] == military["required_strength"] - sum(
        certified.values_list("strength", flat=True)
    )
    one = client_as(persona).get("/api/v1/formations/crrf")
    assert one.status_code == 200 and one.json() == crrf
    assert client_as(persona).get("/api/v1/formations/nothing").status_code == 404


def test_a_unit_pledged_to_a_formation_its_state_is_not_in_is_a_400_on_the_formation(client_as):
    body = {
        "name_ru": "Батальон",
        "name_en": "Battalion",
        "formation": "crdf-ca",
        "state": "AM",  # Armenia is not in the Central Asian region's forces
        "kind": "military",
        "strength": 400,
        "readiness": "high",
    }
    response = client_as("staff_officer").post("/api/v1/units", body, content_type=JSON)
    assert response.status_code == 400
    assert response.json()["code"] == "not_participating"
    assert response.json()["errors"][0]["field"] == "formation"
    unknown = client_as("staff_officer").post(
        "/api/v1/units", {**body, "formation": "nothing"}, content_type=JSON
    )
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "formation"
    assert not Unit.objects.filter(name_en="Battalion").exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_joint_staff_pledges_changes_and_certifies(client_as, persona):
    client = client_as(persona)
    body = {
        "name_ru": "Рота",
        "name_en": "Company",
        "formation": "crrf",
        "state": "KZ",
        "kind": "police",
        "strength": 120,
        "readiness": "standard",
    }
    pledged = client.post("/api/v1/units", body, content_type=JSON)
    unit = Unit.objects.filter(state__iso2="KZ").first()
    changed = client.patch(
        f"/api/v1/units/{unit.pk}", {"strength": 999, "version": unit.version}, content_type=JSON
    )
    certified = client.post(
        f"/api/v1/units/{unit.pk}/certification", {"on": "2025-02-01"}, content_type=JSON
    )
    if persona == "staff_officer":
        assert pledged.status_code == 200 and pledged.json()["state"] == "KZ"
        assert changed.status_code == 200 and changed.json()["strength"] == 999
        assert certified.status_code == 200 and certified.json()["certified_on"] == "2025-02-01"
        return
    sees = unit.pk in visible(persona)
    expected = 401 if persona == "public_visitor" else 403
    assert pledged.status_code == expected
    assert (
        changed.status_code
        == certified.status_code
        == (expected if sees or persona == "public_visitor" else 404)
    )
    unit.refresh_from_db()
    assert unit.strength != 999


def test_a_change_drawn_from_an_older_version_is_a_409(client_as):
    unit = a_unit("KZ")
    client = client_as("staff_officer")
    first = client.patch(
        f"/api/v1/units/{unit.pk}", {"strength": 150, "version": unit.version}, content_type=JSON
    )
    assert first.status_code == 200
    stale = client.patch(
        f"/api/v1/units/{unit.pk}", {"strength": 160, "version": unit.version}, content_type=JSON
    )
    assert stale.status_code == 409 and stale.json()["code"] == "stale"


def test_an_assessment_from_opening_to_review(client_as):
    unit = a_unit("KZ")
    kz = client_as("kazakh_representative")
    opened = kz.post(
        "/api/v1/assessments", {"unit": unit.pk, "as_of": "2025-04-30"}, content_type=JSON
    )
    assert opened.status_code == 200 and opened.json()["status"] == "draft"
    pk, version = opened.json()["id"], opened.json()["version"]
    assessment = Assessment.objects.get(pk=pk)
    answers = [
        {"criterion": a.criterion, "score": a.score, "evidence": a.evidence}
        for a in full_marks(assessment)
    ]
    too_high = kz.put(
        f"/api/v1/assessments/{pk}/answers",
        {"version": version, "answers": [{**answers[0], "score": 7}]},
        content_type=JSON,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert too_high.status_code == 400
    assert too_high.json()["code"] == "out_of_range"
    assert too_high.json()["errors"] == [
        {
            "field": "criterion-1",
            "message": "Criterion 1: the score must be a whole number from 0 to 4.",
        }
    ]
    incomplete = kz.post(f"/api/v1/assessments/{pk}/submit", {}, content_type=JSON)
    assert incomplete.status_code == 400 and incomplete.json()["code"] == "incomplete"
    saved = kz.put(
        f"/api/v1/assessments/{pk}/answers",
        {"version": version, "answers": answers},
        content_type=JSON,
    )
    assert saved.status_code == 200
    stale = kz.put(
        f"/api/v1/assessments/{pk}/answers",
        {"version": version, "answers": answers[:1]},
        content_type=JSON,
    )
    assert stale.status_code == 409
    submitted = kz.post(f"/api/v1/assessments/{pk}/submit", {}, content_type=JSON)
    assert submitted.status_code == 200 and submitted.json()["score"] == 100
    again = kz.post(f"/api/v1/assessments/{pk}/submit", {}, content_type=JSON)
    assert again.status_code == 409
    assert kz.post(f"/api/v1/assessments/{pk}/review", {}, content_type=JSON).status_code == 403
    staff = client_as("staff_officer")
    returned = staff.post(f"/api/v1/assessments/{pk}/return", {"note": ""}, content_type=JSON)
    assert returned.status_code == 400 and returned.json()["errors"][0]["field"] == "note"
    reviewed = staff.post(f"/api/v1/assessments/{pk}/review", {"note": "ok"}, content_type=JSON)
    assert reviewed.status_code == 200 and reviewed.json()["status"] == "reviewed"
    unit_out = staff.get(f"/api/v1/units/{unit.pk}").json()
    assert (unit_out["score"], unit_out["trend"]) == (100, "unknown")


def test_another_state_cannot_open_or_touch_an_assessment(client_as):
    unit = a_unit("KZ")
    ru = client_as("russian_representative")
    opened = ru.post(
        "/api/v1/assessments", {"unit": unit.pk, "as_of": "2025-04-30"}, content_type=JSON
    )
    assert opened.status_code == 404  # the unit is not theirs to see
    assessment = an_assessment(unit, fraction=1)
    put = ru.put(
        f"/api/v1/assessments/{assessment.pk}/answers",
        {"answers": [], "version": assessment.version},
        content_type=JSON,
    )
    assert put.status_code == 404
    staff = client_as("staff_officer").post(
        "/api/v1/assessments", {"unit": unit.pk, "as_of": "2025-05-31"}, content_type=JSON
    )
    assert staff.status_code == 403  # the Joint Staff reviews, the state fills in


def test_assessments_filter_by_unit_and_status(client_as):
    unit = a_unit("KZ")
    an_assessment(unit, fraction=1, submitted=True)
    found = client_as("staff_officer").get(f"/api/v1/assessments?unit={unit.pk}&status=submitted")
    assert [a["status"] for a in found.json()] == [AssessmentStatus.SUBMITTED]


def count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", ["/api/v1/units", "/api/v1/formations", "/api/v1/assessments"])
def test_the_api_lists_take_the_same_number_of_queries_whatever_the_units(client_as, url):
    client = client_as("staff_officer")
    before = count(client, url)
    more_units(300)
    questionnaire = Assessment.objects.first().questionnaire
    Assessment.objects.bulk_create(
        Assessment(
            unit=u, questionnaire=questionnaire, as_of="2024-12-31", status="reviewed", score=50
        )
        for u in Unit.objects.filter(name_en__startswith="Bulk unit")
    )
    assert count(client, url) == before


def test_units_filter(client_as):
    got = client_as("staff_officer").get("/api/v1/units?formation=aviation&state=by").json()
    expected = Unit.objects.filter(formation__code="aviation", state__iso2="BY")
    assert {u["id"] for u in got} == set(expected.values_list("pk", flat=True)) != set()
    assert MemberState.objects.filter(iso2="BY").exists() and Formation.objects.filter(
        code="aviation"
    )
