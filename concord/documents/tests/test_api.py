"""Importing a DOCX draft and the attachments, through the API: what the pages do, with their checks."""

from __future__ import annotations

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from concord.documents import services
from concord.documents.models import Attachment, Document
from concord.documents.states import VersionSource
from conftest import PERSONAS

# Who may create a draft: the Secretariat's editors and the delegations that speak for a state.
CREATORS = {
    "kazakh_representative",
    "kazakh_coordinator",
    "armenian_representative",
    "russian_representative",
    "secretariat_officer",
    "secretariat_administrator",
}
UNITS = [
    ("title", "Заявление о сотрудничестве", "Statement on cooperation"),
    ("paragraph", "Укрепляем сотрудничество.", "Strengthen cooperation."),
]


def a_docx(*paragraphs: str, table: bool = False) -> SimpleUploadedFile:
    d = docx.Document()
    d.add_paragraph(paragraphs[0], style="Title")
    for text in paragraphs[1:]:
        d.add_paragraph(text)
    if table:
        d.add_table(rows=1, cols=1)
    buffer = io.BytesIO()
    d.save(buffer)
    return SimpleUploadedFile("draft.docx", buffer.getvalue())


DRAFT = ("Проект решения", "Статья 1", "1. Первый пункт.", "2. Второй пункт.")
FORM = {"lang": "ru", "kind": "draft_decision", "marking": "official"}


def imported(client, file: SimpleUploadedFile | None = None, **form: object):
    data = {**FORM, **form}
    if file is not None:
        data["file"] = file
    return client.post("/api/v1/documents/import", data)


@pytest.mark.parametrize("persona", PERSONAS)
def test_delegations_and_the_secretariat_import_a_draft(client_as, persona):
    response = imported(client_as(persona), a_docx(*DRAFT))
    # an analyst drafts joint assessments, the Joint Staff the training plan
    if persona in CREATORS | {"analyst", "staff_officer"}:
        assert response.status_code == 201
        assert response.json()["document"]["title_ru"] == "Проект решения"
    else:
        assert response.status_code == (401 if persona == "public_visitor" else 403)
        assert not Document.objects.filter(title_ru="Проект решения").exists()


def test_an_imported_draft_is_version_one_with_what_could_not_be_read(client_as):
    response = imported(
        client_as("secretariat_officer"), a_docx(*DRAFT, table=True), body="csc", marking="public"
    )
    body = response.json()
    assert response.status_code == 201 and body["document"]["body"] == "csc"
    assert body["document"]["marking"] == "public" and body["document"]["latest_version"] == 1
    assert any("table" in problem for problem in body["problems"])
    document = Document.objects.get(pk=body["document"]["id"])
    version = document.versions.get()
    assert version.source == VersionSource.IMPORT
    assert [u.kind for u in version.text] == ["title", "article", "paragraph", "paragraph"]


@pytest.mark.parametrize(
    ("file", "form", "status", "field"),
    [
        (SimpleUploadedFile("draft.docx", b"not a docx at all"), {}, 400, "file"),
        (SimpleUploadedFile("draft.docx", b"PK\x03\x04 broken zip"), {}, 400, "file"),
        (None, {}, 422, "file"),
        (a_docx(*DRAFT), {"kind": "novel"}, 422, "kind"),
        (a_docx(*DRAFT), {"lang": "fr"}, 422, "lang"),
        (a_docx(*DRAFT), {"body": "nowhere"}, 400, "body"),
    ],
)
def test_a_bad_import_is_refused_on_its_field(client_as, file, form, status, field):
    before = Document.objects.count()
    response = imported(client_as("secretariat_officer"), file, **form)
    assert response.status_code == status
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert Document.objects.count() == before


def test_a_file_too_large_is_refused_before_it_is_read(client_as, settings):
    settings.CONCORD_MAX_UPLOAD_BYTES = 100
    before = Document.objects.count()
    response = imported(client_as("kazakh_representative"), a_docx(*DRAFT))
    assert response.status_code == 400 and response.json()["code"] == "file_too_large"
    assert Document.objects.count() == before


@pytest.fixture
def statement(secretariat_officer) -> Document:
    """An official draft: every delegation and organ sees it."""
    return services.create_document(
        actor=secretariat_officer, kind="joint_statement", units=UNITS, marking="official"
    )


@pytest.fixture
def kazakh_note(kazakh_representative) -> Document:
    """A restricted draft of Kazakhstan's, released to nobody."""
    return services.create_document(
        actor=kazakh_representative, kind="draft_decision", units=UNITS, marking="restricted"
    )


def attach(client, document: Document, name: str = "a.pdf", content: bytes = b"%PDF-1.4 x"):
    return client.post(
        f"/api/v1/documents/{document.pk}/attachments",
        {"file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_editors_and_delegations_attach_files(client_as, persona, statement, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = attach(client_as(persona), statement)
    if persona in CREATORS:
        assert response.status_code == 201 and response.json()["name"] == "a.pdf"
    else:
        refused = 404 if persona == "member_of_parliament" else 403  # a draft they do not see
        assert response.status_code == (401 if persona == "public_visitor" else refused)
        assert not statement.attachments.exists()


def test_attachments_are_read_only_by_those_who_see_the_document(
    client_as, kazakh_note, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    kz = client_as("kazakh_representative")
    added = attach(kz, kazakh_note).json()
    url = f"/api/v1/documents/{kazakh_note.pk}/attachments/{added['id']}"
    download = kz.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 x"
    assert 'filename="a.pdf"' in download["Content-Disposition"]
    ru = client_as("russian_representative")
    assert ru.get(url).status_code == 404
    assert attach(ru, kazakh_note).status_code == 404
    assert kz.get(f"/api/v1/documents/{kazakh_note.pk}/attachments/999999").status_code == 404
    assert Attachment.objects.filter(document=kazakh_note).count() == 1


def test_a_file_that_is_not_what_it_says_is_not_attached(client_as, statement, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = attach(client_as("kazakh_representative"), statement, "fake.pdf", b"not a pdf")
    assert response.status_code == 400 and response.json()["code"] == "file_content_mismatch"
    missing = client_as("kazakh_representative").post(
        f"/api/v1/documents/{statement.pk}/attachments", {}
    )
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "file"
    assert not statement.attachments.exists()
