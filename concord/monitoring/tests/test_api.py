"""Regions and situation reports through the API: what their pages do, with the same checks."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.monitoring import services
from concord.monitoring.models import Region, SituationReport
from concord.monitoring.states import ReportPeriod, ReportStatus
from conftest import PERSONAS

JSON = "application/json"
CASPIAN = {
    "code": "caspian",
    "name_ru": "Каспий",
    "name_en": "Caspian",
    "countries": ["kaz", "TKM", "AZE", "KAZ"],
    "provinces": ["RUS/Astrakhan", "IRN/Gilan"],
}
# Who sees the reports that are not shared yet.
SEES_DRAFTS = {"analyst", "secretariat_officer", "secretariat_administrator"}


def refused(persona: str, *, sees: bool = True) -> int:
    return 401 if persona == "public_visitor" else 403 if sees else 404


@pytest.fixture
def draft(analyst) -> SituationReport:
    region = Region.objects.get(code="middle-east")
    return services.draft_report(
        region, actor=analyst, period=ReportPeriod.MONTHLY, end=dt.date(2018, 3, 31)
    )


@pytest.fixture
def approved(draft, analyst) -> SituationReport:
    return services.approve_report(draft, actor=analyst)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_analysts_draw_regions(client_as, persona):
    client = client_as(persona)
    created = client.post("/api/v1/regions", CASPIAN, content_type=JSON)
    edit = {"name_ru": "Ближний Восток", "name_en": "Near East", "countries": ["SYR"]}
    edit["version"] = Region.objects.get(code="middle-east").version
    edited = client.put("/api/v1/regions/middle-east", edit, content_type=JSON)
    middle_east = Region.objects.get(code="middle-east")
    if persona == "analyst":
        assert created.status_code == 201 and edited.status_code == 200
        assert created.json()["countries"] == ["KAZ", "TKM", "AZE"]
        assert middle_east.name_en == "Near East" and middle_east.countries == ["SYR"]
    else:
        assert created.status_code == edited.status_code == refused(persona)
        assert not Region.objects.filter(code="caspian").exists()
        assert middle_east.name_en != "Near East"


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({**CASPIAN, "code": "the caspian"}, 422, "code"),
        ({**CASPIAN, "name_en": " "}, 422, "name_en"),
        ({k: v for k, v in CASPIAN.items() if k != "name_ru"}, 422, "name_ru"),
        ({**CASPIAN, "countries": "KAZ"}, 422, "countries"),
        ({**CASPIAN, "countries": ["KAZ", "XYZ"]}, 400, "countries"),
        ({**CASPIAN, "provinces": ["Astrakhan"]}, 400, "provinces"),
        ({**CASPIAN, "code": "middle-east"}, 409, "code"),
    ],
)
def test_a_bad_region_is_refused_on_its_field(client_as, body, status, field):
    response = client_as("analyst").post("/api/v1/regions", body, content_type=JSON)
    assert response.status_code == status
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert not Region.objects.filter(code="caspian").exists()
    assert Region.objects.get(code="middle-east").name_en != "Caspian"


def test_editing_a_region_on_an_old_version_or_an_unknown_one(client_as):
    client = client_as("analyst")
    region = Region.objects.get(code="middle-east")
    edit = {"name_ru": "Восток", "name_en": "East", "version": region.version}
    assert client.put("/api/v1/regions/middle-east", edit, content_type=JSON).status_code == 200
    stale = client.put(
        "/api/v1/regions/middle-east", {**edit, "name_en": "Other"}, content_type=JSON
    )
    assert stale.status_code == 409 and Region.objects.get(pk=region.pk).name_en == "East"
    assert client.put("/api/v1/regions/atlantis", edit, content_type=JSON).status_code == 404
    code = client.put("/api/v1/regions/middle-east", {**edit, "code": "x"}, content_type=JSON)
    assert code.status_code == 422  # the code of a region stays what it is


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_analysts_have_a_report_drafted(client_as, persona):
    before = SituationReport.objects.count()
    response = client_as(persona).post(
        "/api/v1/situation-reports",
        {"region": "middle-east", "period": "monthly", "end": "2018-03-31"},
        content_type=JSON,
    )
    if persona == "analyst":
        assert response.status_code == 201
        body = response.json()
        assert body["status"] == "draft" and body["starts_on"] == "2018-03-01"
        assert "Rif Dimashq Governorate" in body["body_en"] and body["figures"]["now"]["events"]
    else:
        assert response.status_code == refused(persona)
        assert SituationReport.objects.count() == before


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"region": "middle-east", "period": "yearly", "end": "2018-03-31"}, 422, "period"),
        ({"region": "middle-east", "period": "weekly", "end": "1900-01-07"}, 422, "end"),
        ({"region": "middle-east", "period": "weekly", "end": "March"}, 422, "end"),
        ({"region": "atlantis", "period": "weekly", "end": "2018-03-31"}, 400, "region"),
    ],
)
def test_a_bad_report_request_is_refused_on_its_field(client_as, body, status, field):
    before = SituationReport.objects.count()
    response = client_as("analyst").post("/api/v1/situation-reports", body, content_type=JSON)
    assert response.status_code == status
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert SituationReport.objects.count() == before


TEXTS = {"title_ru": "Обстановка", "title_en": "Situation", "body_ru": "Текст", "body_en": "Text"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_analysts_write_and_approve_a_draft(client_as, persona, draft):
    client = client_as(persona)
    url = f"/api/v1/situation-reports/{draft.pk}"
    read = client.get(url)
    edited = client.put(url, {**TEXTS, "version": draft.version}, content_type=JSON)
    approved = client.post(f"{url}/approve", {}, content_type=JSON)
    draft.refresh_from_db()
    if persona == "analyst":
        assert [read.status_code, edited.status_code, approved.status_code] == [200, 200, 200]
        assert draft.status == ReportStatus.APPROVED and draft.title_en == "Situation"
        return
    sees = persona in SEES_DRAFTS
    assert read.status_code == (200 if sees else refused(persona, sees=False))
    assert edited.status_code == approved.status_code == refused(persona, sees=sees)
    assert draft.status == ReportStatus.DRAFT and draft.title_en != "Situation"


@pytest.mark.parametrize("persona", PERSONAS)
def test_analysts_and_the_secretariat_share_an_approved_report(client_as, persona, approved):
    response = client_as(persona).post(
        f"/api/v1/situation-reports/{approved.pk}/share", {}, content_type=JSON
    )
    approved.refresh_from_db()
    if persona in SEES_DRAFTS:
        assert response.status_code == 200 and approved.status == ReportStatus.SHARED
        seen = client_as("kazakh_representative").get(f"/api/v1/situation-reports/{approved.pk}")
        assert seen.status_code == 200  # every delegation sees it now
    else:
        assert response.status_code == refused(persona, sees=False)
        assert approved.status == ReportStatus.APPROVED


def test_a_draft_is_edited_on_its_latest_version_and_with_every_text(client_as, draft):
    client = client_as("analyst")
    url = f"/api/v1/situation-reports/{draft.pk}"
    assert (
        client.put(url, {**TEXTS, "version": draft.version}, content_type=JSON).status_code == 200
    )
    stale = client.put(
        url, {**TEXTS, "title_en": "Other", "version": draft.version}, content_type=JSON
    )
    assert stale.status_code == 409 and stale.json()["code"] == "stale"
    missing = client.put(url, TEXTS, content_type=JSON)
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "version"
    blank = client.put(url, {**TEXTS, "body_ru": "  ", "version": 2}, content_type=JSON)
    assert blank.status_code == 422 and blank.json()["errors"][0]["field"] == "body_ru"
    long = client.put(url, {**TEXTS, "title_ru": "x" * 301, "version": 2}, content_type=JSON)
    assert long.status_code == 422 and long.json()["errors"][0]["field"] == "title_ru"
    draft.refresh_from_db()
    assert draft.title_en == "Situation"


def test_an_approved_report_is_neither_edited_nor_approved_again(client_as, approved):
    client = client_as("analyst")
    url = f"/api/v1/situation-reports/{approved.pk}"
    edit = {**TEXTS, "version": approved.version}
    assert client.put(url, edit, content_type=JSON).status_code == 400
    again = client.post(f"{url}/approve", {}, content_type=JSON)
    assert again.status_code == 409 and again.json()["code"] == "wrong_status"
    approved.refresh_from_db()
    assert approved.status == ReportStatus.APPROVED and approved.title_en != "Situation"


def test_a_region_edit_without_its_version_is_refused_naming_it(client_as):
    """An edit replaces the names and area: the version is required (422 naming it), unlike a new
    region, which has none yet."""
    region = Region.objects.get(code="middle-east")
    edit = {"name_ru": "Восток", "name_en": "East", "countries": ["SYR"]}
    response = client_as("analyst").put("/api/v1/regions/middle-east", edit, content_type=JSON)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["version"]
    assert Region.objects.get(pk=region.pk).version == region.version
    created = client_as("analyst").post("/api/v1/regions", CASPIAN, content_type=JSON)
    assert created.status_code == 201


def test_two_analysts_edit_one_region_version_the_second_is_refused(client_as):
    region = Region.objects.get(code="middle-east")
    first, second = client_as("analyst"), client_as("analyst")
    edit = {"name_ru": "Восток", "name_en": "East", "version": region.version}
    assert first.put("/api/v1/regions/middle-east", edit, content_type=JSON).status_code == 200
    late = second.put(
        "/api/v1/regions/middle-east", {**edit, "name_en": "Levant"}, content_type=JSON
    )
    assert (late.status_code, late.json()["code"]) == (409, "stale")
    assert Region.objects.get(pk=region.pk).name_en == "East"
    assert Region.objects.get(pk=region.pk).version == region.version + 1
