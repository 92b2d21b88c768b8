"""What the report, stage and press release pages do, through the API, with the same checks."""

from __future__ import annotations

import io

import pytest

from concord.core.actors import SYSTEM
from concord.operations import services
from concord.operations.models import NationalReport, PressRelease, Stage
from concord.operations.states import ReportStatus
from concord.publications.models import Publication
from conftest import PERSONAS

from .conftest import csv_file, line

JSON = "application/json"
# Who sees the national reports of a state not their own (the Secretariat's people).
SEES_EVERY_REPORT = {"secretariat_officer", "secretariat_administrator", "analyst"}
SECRETARIAT = {"secretariat_officer", "secretariat_administrator"}


@pytest.fixture
def kz_draft(stage, kz, kazakh_representative) -> NationalReport:
    return services.open_draft(stage, kz, actor=kazakh_representative)


def opium(**extra: object) -> dict[str, object]:
    return {"indicator": "drugs", "item": "opium", "value": "2,5", "unit": "t", **extra}


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_delegation_of_a_participating_state_opens_its_report(client_as, persona, stage):
    response = client_as(persona).post(f"/api/v1/stages/{stage.pk}/reports/open")
    state = {
        "kazakh_representative": "KZ",
        "kazakh_coordinator": "KZ",
        "russian_representative": "RU",
    }.get(persona)
    if state:
        assert response.status_code == 200
        assert response.json()["state"] == state and response.json()["status"] == "draft"
        again = client_as(persona).post(f"/api/v1/stages/{stage.pk}/reports/open").json()
        assert again["id"] == response.json()["id"]  # the same draft, not a second one
    else:  # Armenia does not take part; the others speak for no state
        assert response.status_code == (401 if persona == "public_visitor" else 403)
    assert NationalReport.objects.filter(stage=stage).count() == (1 if state else 0)


def test_opening_gives_the_latest_revision_once_the_report_is_approved(
    client_as, kz_draft, kazakh_representative, kazakh_coordinator
):
    services.set_figure(kz_draft, {"indicator": "drug-crimes", "value": "3"}, actor=SYSTEM)
    kz_draft = services.submit_report(kz_draft, actor=kazakh_representative)
    kz_draft = services.approve_report(kz_draft, actor=kazakh_coordinator)  # four eyes
    response = client_as("kazakh_representative").post(
        f"/api/v1/stages/{kz_draft.stage_id}/reports/open"
    )
    assert response.status_code == 200 and response.json()["status"] == "approved"
    assert NationalReport.objects.filter(stage=kz_draft.stage).count() == 1


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_states_delegation_enters_figures(client_as, persona, kz_draft):
    client = client_as(persona)
    url = f"/api/v1/reports/{kz_draft.pk}/figures"
    added = client.post(url, opium(version=kz_draft.version), content_type=JSON)
    removed = client.delete(f"{url}/{0}?version={kz_draft.version + 1}")
    if persona in ("kazakh_representative", "kazakh_coordinator"):
        assert added.status_code == 200
        assert removed.status_code == 400  # no such line: told so on the field
        assert removed.json()["errors"][0]["field"] == "figure"
        return
    expected = (
        401
        if persona == "public_visitor"
        else 403
        if persona in SEES_EVERY_REPORT
        else 404  # they cannot see Kazakhstan's report at all
    )
    assert added.status_code == expected and removed.status_code == expected
    assert not kz_draft.figures.exists()


def test_entering_changing_and_removing_a_figure(client_as, kz_draft):
    client = client_as("kazakh_representative")
    url = f"/api/v1/reports/{kz_draft.pk}/figures"
    first = client.post(url, opium(version=kz_draft.version), content_type=JSON)
    body = first.json()
    assert first.status_code == 200 and body["report"]["figures"][0]["value"] == "2500.000"
    figure = body["report"]["figures"][0]
    stale = client.post(url, opium(value="3", version=kz_draft.version), content_type=JSON)
    assert stale.status_code == 409 and stale.json()["code"] == "stale"
    changed = client.post(
        url, opium(value="3", version=body["report"]["version"]), content_type=JSON
    )
    assert changed.json()["report"]["figures"] == [{**figure, "value": "3000.000"}]
    version = changed.json()["report"]["version"]
    gone = client.delete(f"{url}/{figure['id']}?version={version - 1}")
    assert gone.status_code == 409 and kz_draft.figures.count() == 1
    gone = client.delete(f"{url}/{figure['id']}?version={version}")
    assert gone.status_code == 200 and gone.json()["figures"] == []


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"indicator": "drugs", "value": "abc", "unit": "kg"}, 400, "value"),
        ({"indicator": "nope", "value": "1"}, 400, "indicator"),
        ({"indicator": "drugs", "unit": "kg"}, 422, "value"),
        ({"indicator": "drugs", "value": "1" * 41}, 422, "value"),
        ({"indicator": "drugs", "value": "1", "colour": "red"}, 422, "colour"),
    ],
)
def test_a_bad_figure_is_refused_on_its_field(client_as, kz_draft, body, status, field):
    response = client_as("kazakh_representative").post(
        f"/api/v1/reports/{kz_draft.pk}/figures",
        {**body, "version": kz_draft.version},
        content_type=JSON,
    )
    assert response.status_code == status
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert not kz_draft.figures.exists()


def test_a_figure_on_a_submitted_report_is_refused(client_as, kz_draft, kazakh_representative):
    services.set_figure(kz_draft, {"indicator": "drug-crimes", "value": "3"}, actor=SYSTEM)
    kz_draft = services.submit_report(kz_draft, actor=kazakh_representative)
    response = client_as("kazakh_representative").post(
        f"/api/v1/reports/{kz_draft.pk}/figures", opium(version=kz_draft.version), content_type=JSON
    )
    assert response.status_code == 409 and response.json()["code"] == "not_editable"
    assert kz_draft.figures.count() == 1


def upload(client, report: NationalReport, content: io.BytesIO, name: str = "report.csv", **form):
    content.name = name
    return client.post(f"/api/v1/reports/{report.pk}/spreadsheet", {"file": content, **form})


def test_uploading_the_template_through_the_api(client_as, kz_draft):
    client = client_as("kazakh_representative")
    bad = upload(
        client,
        kz_draft,
        csv_file([line("drugs", "-1", "kg"), line("nope", 1)]),
        version=kz_draft.version,
    )
    assert bad.status_code == 400 and bad.json()["code"] == "import_rejected"
    assert [p["row"] for p in bad.json()["problems"]] == [2, 3]
    assert not kz_draft.figures.exists()
    good = upload(client, kz_draft, csv_file([line("drugs", "12", "kg", "heroin")]), version=0)
    assert good.status_code == 409  # made on a version that is not the draft's
    good = upload(
        client,
        kz_draft,
        csv_file([line("drugs", "12", "kg", "heroin")]),
        version=kz_draft.version,
    )
    assert good.status_code == 200 and good.json()["imported"] == 1
    assert kz_draft.figures.get().value == 12


def test_an_upload_that_is_not_the_template_is_refused_on_the_file(
    client_as, kz_draft, monkeypatch
):
    client = client_as("kazakh_representative")
    photo = upload(
        client, kz_draft, io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "a.png", version=1
    )
    assert photo.status_code == 400 and photo.json()["errors"][0]["field"] == "file"
    missing = client.post(f"/api/v1/reports/{kz_draft.pk}/spreadsheet", {"version": 1})
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "file"
    monkeypatch.setattr("concord.operations.api.MAX_UPLOAD", 10)
    large = upload(client, kz_draft, csv_file([line("drugs", "12", "kg", "heroin")]), version=1)
    assert large.status_code == 400 and large.json()["code"] == "file_too_large"
    assert not kz_draft.figures.exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_states_delegation_uploads(client_as, persona, kz_draft):
    response = upload(
        client_as(persona),
        kz_draft,
        csv_file([line("drugs", "12", "kg", "heroin")]),
        version=kz_draft.version,
    )
    expected = {"kazakh_representative": 200, "kazakh_coordinator": 200, "public_visitor": 401}.get(
        persona, 403 if persona in SEES_EVERY_REPORT else 404
    )
    assert response.status_code == expected
    assert kz_draft.figures.exists() == (expected == 200)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_makes_results_public(client_as, persona, stage):
    response = client_as(persona).post(
        f"/api/v1/stages/{stage.pk}/publicity", {"public": True}, content_type=JSON
    )
    allowed = persona in SECRETARIAT
    assert response.status_code == (200 if allowed else 401 if persona == "public_visitor" else 403)
    stage.refresh_from_db()
    assert stage.results_public == allowed


def test_publicity_needs_a_yes_or_no(client_as, stage):
    client = client_as("secretariat_officer")
    for body in ({}, {"public": "perhaps"}):
        response = client.post(f"/api/v1/stages/{stage.pk}/publicity", body, content_type=JSON)
        assert response.status_code == 422 and response.json()["errors"][0]["field"] == "public"
    assert (
        client.post(
            "/api/v1/stages/999999/publicity", {"public": True}, content_type=JSON
        ).status_code
        == 404
    )


@pytest.fixture
def interception(db) -> Stage:
    """A stage of Channel with consolidated results, its press release not yet written."""
    stage = Stage.objects.get(name_en="Interception")
    PressRelease.objects.filter(stage=stage).delete()
    Publication.objects.filter(source_kind="press_release", source_id=str(stage.pk)).delete()
    return stage


RELEASE = {"title_ru": "Итоги", "body_ru": "Текст", "title_en": "Results", "body_en": "Text"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_writes_the_press_release(client_as, persona, interception):
    client = client_as(persona)
    url = f"/api/v1/stages/{interception.pk}/press-release"
    read, saved = client.get(url), client.post(url, RELEASE, content_type=JSON)
    expected = 200 if persona in SECRETARIAT else 401 if persona == "public_visitor" else 403
    assert read.status_code == expected and saved.status_code == expected
    assert PressRelease.objects.filter(stage=interception).exists() == (expected == 200)


def test_the_press_release_starts_from_the_results_and_becomes_a_draft(
    client_as, interception, django_capture_on_commit_callbacks
):
    client = client_as("secretariat_officer")
    url = f"/api/v1/stages/{interception.pk}/press-release"
    proposal = client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()
    assert proposal["saved"] is False and proposal["version"] is None
    assert "Drugs seized: 897 kg" in proposal["body_en"]
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(url, RELEASE, content_type=JSON).json()
    assert saved == {**RELEASE, "saved": True, "version": saved["version"]}
    assert Publication.objects.filter(source_kind="press_release", title_en="Results").exists()
    stale = client.post(url, {**RELEASE, "title_en": "Other", "version": 0}, content_type=JSON)
    assert stale.status_code == 409
    assert PressRelease.objects.get(stage=interception).title_en == "Results"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**RELEASE, "title_en": "   "}, "title_en"),
        ({**RELEASE, "title_ru": "x" * 301}, "title_ru"),
        ({k: v for k, v in RELEASE.items() if k != "body_ru"}, "body_ru"),
    ],
)
def test_a_press_release_without_its_texts_is_refused(client_as, interception, body, field):
    response = client_as("secretariat_officer").post(
        f"/api/v1/stages/{interception.pk}/press-release", body, content_type=JSON
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert not PressRelease.objects.filter(stage=interception).exists()


def test_steps_through_the_api_still_refuse_what_the_pages_refuse(client_as, kz_draft):
    response = client_as("kazakh_representative").post(
        f"/api/v1/reports/{kz_draft.pk}/submit", {}, content_type=JSON
    )
    assert response.status_code == 400 and response.json()["code"] == "empty_report"
    assert NationalReport.objects.get(pk=kz_draft.pk).status == ReportStatus.DRAFT


def test_every_write_replacing_figures_needs_the_version_it_was_made_on(client_as, kz_draft):
    """Without it, uploads in a burst each replaced the one before: 19 of 20 were lost unseen."""
    client = client_as("kazakh_representative")
    figures = [{"indicator": "drugs", "item": "opium", "value": "1", "unit": "kg"}]
    refused = [
        client.post(f"/api/v1/stages/{kz_draft.stage.pk}/reports", {"figures": figures}, JSON),
        client.post(f"/api/v1/reports/{kz_draft.pk}/figures", opium(), content_type=JSON),
        client.delete(f"/api/v1/reports/{kz_draft.pk}/figures/1"),
        upload(client, kz_draft, csv_file([line("drugs", "12", "kg", "heroin")])),
    ]
    for response in refused:
        assert response.status_code == 422, response.content
        assert [e["field"] for e in response.json()["errors"]] == ["version"]
    assert not kz_draft.figures.exists()


def test_of_two_uploads_made_on_the_same_version_the_second_is_refused(client_as, kz_draft):
    client = client_as("kazakh_representative")
    first, second = (
        upload(client, kz_draft, csv_file([line("drugs", n, "kg", "heroin")]), version=v)
        for n, v in (("12", kz_draft.version), ("13", kz_draft.version))
    )
    assert first.status_code == 200
    assert second.status_code == 409 and second.json()["code"] == "stale"
    assert kz_draft.figures.get().value == 12


def test_a_saved_press_release_is_replaced_only_on_its_version(client_as, interception):
    """The first save needs no version; once saved, one without it is refused (422 naming it), two
    writers on one version: the second 409 `stale`; nothing of the refused saved."""
    client = client_as("secretariat_officer")
    url = f"/api/v1/stages/{interception.pk}/press-release"
    first = client.post(url, RELEASE, content_type=JSON)
    assert first.status_code == 200
    version = first.json()["version"]
    missing = client.post(url, {**RELEASE, "title_en": "Other"}, content_type=JSON)
    assert missing.status_code == 422
    assert [e["field"] for e in missing.json()["errors"]] == ["version"]
    writer = client.post(url, {**RELEASE, "title_en": "One", "version": version}, content_type=JSON)
    assert writer.status_code == 200 and writer.json()["version"] == version + 1
    other = client_as("secretariat_administrator").post(
        url, {**RELEASE, "title_en": "Two", "version": version}, content_type=JSON
    )
    assert (other.status_code, other.json()["code"]) == (409, "stale")
    assert PressRelease.objects.get(stage=interception).title_en == "One"
