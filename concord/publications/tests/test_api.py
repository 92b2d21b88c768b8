"""The editorial workflow through the API: what the editor's pages do, with the same checks."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from concord.publications import services
from concord.publications.models import Publication
from concord.publications.states import Status
from conftest import PERSONAS

JSON = "application/json"
EDITORS = ("secretariat_officer", "secretariat_administrator")
TEXTS: dict[str, Any] = {"section": "news", "title_ru": "Квазиграмма", "body_ru": "<p>Текст</p>"}


@pytest.fixture
def draft(secretariat_officer) -> Publication:
    return services.save_draft(None, actor=secretariat_officer, **TEXTS)


@pytest.fixture
def published(draft, secretariat_officer) -> Publication:
    return services.publish_publication(draft, actor=secretariat_officer)


def refused(persona: str) -> int:
    return 401 if persona == "public_visitor" else 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_editors_draft_through_the_api(client_as, persona):
    response = client_as(persona).post("/api/v1/editor/publications", TEXTS, content_type=JSON)
    if persona in EDITORS:
        assert response.status_code == 201
        assert response.json()["status"] == "draft" and response.json()["live"] is False
    else:
        assert response.status_code == refused(persona)
        assert not Publication.objects.filter(title_ru="Квазиграмма").exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_editors_change_publish_and_withdraw(client_as, persona, draft):
    client = client_as(persona)
    url = f"/api/v1/editor/publications/{draft.pk}"
    steps = [
        client.get(url),
        client.put(
            url, {**TEXTS, "title_ru": "Другое", "version": draft.version}, content_type=JSON
        ),
        client.post(f"{url}/publish", {}, content_type=JSON),
        client.post(f"{url}/unpublish", {"note_en": "Wrong"}, content_type=JSON),
    ]
    draft.refresh_from_db()
    if persona in EDITORS:
        assert [s.status_code for s in steps] == [200, 200, 200, 200]
        assert draft.title_ru == "Другое" and draft.status == Status.UNPUBLISHED
    else:
        assert [s.status_code for s in steps] == [refused(persona)] * 4
        assert draft.title_ru == "Квазиграмма" and draft.status == Status.DRAFT


def test_a_publication_from_draft_to_the_site_and_back(client_as):
    client = client_as("secretariat_officer")
    created = client.post(
        "/api/v1/editor/publications", {**TEXTS, "tags": ["counter-terrorism"]}, content_type=JSON
    ).json()
    assert created["tags"] == ["counter-terrorism"]
    url = f"/api/v1/editor/publications/{created['id']}"
    saved = client.put(
        url, {**TEXTS, "title_en": "Quasigram", "version": created["version"]}, content_type=JSON
    ).json()
    assert saved["title_en"] == "Quasigram" and saved["tags"] == ["counter-terrorism"]  # kept
    published = client.post(f"{url}/publish", {"version": saved["version"]}, content_type=JSON)
    assert published.status_code == 200 and published.json()["live"] is True
    public = client_as("public_visitor").get(f"/api/v1/publications/{created['slug']}")
    assert public.status_code == 200 and public.json()["title_en"] == "Quasigram"
    client.post(f"{url}/unpublish", {"note_en": "Published by mistake."}, content_type=JSON)
    gone = client_as("public_visitor").get(f"/api/v1/publications/{created['slug']}")
    assert gone.status_code == 410 and gone.json()["message"] == "Published by mistake."


def test_publishing_at_a_time_schedules_it(client_as, draft):
    later = (timezone.localtime() + timezone.timedelta(days=2)).replace(tzinfo=None)
    response = client_as("secretariat_officer").post(
        f"/api/v1/editor/publications/{draft.pk}/publish",
        {"at": later.isoformat(timespec="minutes")},
        content_type=JSON,
    )
    assert response.status_code == 200 and response.json()["live"] is False
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED and draft.publish_at > timezone.now()


def test_the_editors_list_shows_drafts_and_filters_by_status(client_as, draft):
    client = client_as("secretariat_officer")
    drafts = client.get("/api/v1/editor/publications", {"status": "draft"}).json()["items"]
    assert drafts[0]["id"] == draft.pk and {p["status"] for p in drafts} == {"draft"}
    everything = client.get("/api/v1/editor/publications", {"page_size": 500}).json()
    assert {"draft", "published"} <= {p["status"] for p in everything["items"]}
    assert client_as("kazakh_representative").get("/api/v1/editor/publications").status_code == 403


def test_the_editors_list_takes_as_many_queries_for_many_publications_as_for_few(client_as):
    client = client_as("secretariat_officer")

    def queries(size: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            page = client.get("/api/v1/editor/publications", {"page_size": size}).json()
        assert len(page["items"]) == size
        return len(captured.captured_queries)

    assert queries(2) == queries(20)


def test_a_change_made_on_an_old_version_is_refused(client_as, draft):
    client = client_as("secretariat_officer")
    url = f"/api/v1/editor/publications/{draft.pk}"
    client.put(url, {**TEXTS, "title_ru": "Первая", "version": draft.version}, content_type=JSON)
    stale = client.put(
        url, {**TEXTS, "title_ru": "Вторая", "version": draft.version}, content_type=JSON
    )
    assert stale.status_code == 409 and stale.json()["code"] == "stale"
    late = client.post(f"{url}/publish", {"version": draft.version}, content_type=JSON)
    assert late.status_code == 409
    draft.refresh_from_db()
    assert draft.title_ru == "Первая" and draft.status == Status.DRAFT


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"title_ru": "Без раздела"}, 422, "section"),
        ({**TEXTS, "section": "gossip"}, 422, "section"),
        ({**TEXTS, "title_ru": "x" * 301}, 422, "title_ru"),
        ({**TEXTS, "colour": "red"}, 422, "colour"),
        ({**TEXTS, "tags": "counter-terrorism"}, 422, "tags"),
        ({"section": "news"}, 400, "title_ru"),  # no title in either language
        ({**TEXTS, "body_en": "<p>Text</p>"}, 400, "title_en"),  # a text without its title
        ({**TEXTS, "tags": ["counter-terrorism", "no-such-tag"]}, 400, "tags"),
    ],
)
def test_bad_texts_are_refused_on_their_field(client_as, draft, body, status, field):
    client = client_as("secretariat_officer")
    version = draft.version
    for response in (
        client.post("/api/v1/editor/publications", body, content_type=JSON),
        client.put(
            f"/api/v1/editor/publications/{draft.pk}",
            {**body, "version": version},
            content_type=JSON,
        ),
    ):
        assert response.status_code == status
        assert [e["field"] for e in response.json()["errors"]] == [field]
    assert Publication.objects.filter(title_ru__in=["Без раздела", "x" * 301]).count() == 0
    draft.refresh_from_db()
    assert draft.version == version


def test_bad_publishing_requests_are_refused(client_as, published):
    client = client_as("secretariat_officer")
    url = f"/api/v1/editor/publications/{published.pk}"
    too_late = client.post(f"{url}/publish", {"at": "2101-01-01T10:00"}, content_type=JSON)
    assert too_late.status_code == 422 and too_late.json()["errors"][0]["field"] == "at"
    not_a_date = client.post(f"{url}/publish", {"at": "tomorrow"}, content_type=JSON)
    assert not_a_date.status_code == 422
    long_note = client.post(f"{url}/unpublish", {"note_ru": "x" * 301}, content_type=JSON)
    assert long_note.status_code == 422 and long_note.json()["errors"][0]["field"] == "note_ru"
    assert client.get("/api/v1/editor/publications/999999").status_code == 404
    missing = client.post("/api/v1/editor/publications/999999/publish", {}, content_type=JSON)
    assert missing.status_code == 404
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED and published.is_live()


def test_only_a_published_text_is_withdrawn(client_as, draft):
    response = client_as("secretariat_officer").post(
        f"/api/v1/editor/publications/{draft.pk}/unpublish", {}, content_type=JSON
    )
    assert response.status_code == 409 and response.json()["code"] == "not_published"
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
