"""Files attached to a document: what a file says it is must be what it is."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from concord.core.errors import DomainError
from concord.documents import services
from tests.builders import a_draft


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("virus.exe", b"MZ\x90\x00", "file_type_not_allowed"),
        ("fake.pdf", b"not a pdf at all", "file_content_mismatch"),
        ("fake.docx", b"%PDF-1.4 pretending", "file_content_mismatch"),
        ("binary.txt", b"abc\x00def", "file_content_mismatch"),
    ],
)
def test_bad_attachments_are_refused(secretariat_officer, name, content, code):
    draft = a_draft(secretariat_officer)
    with pytest.raises(DomainError) as error:
        services.add_attachment(
            draft, actor=secretariat_officer, upload=SimpleUploadedFile(name, content)
        )
    assert error.value.code == code
    assert not draft.attachments.exists()


def test_oversized_attachments_are_refused(secretariat_officer, settings):
    draft = a_draft(secretariat_officer)
    settings.CONCORD_MAX_UPLOAD_BYTES = 10
    with pytest.raises(DomainError) as error:
        services.add_attachment(
            draft,
            actor=secretariat_officer,
            upload=SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * 20),
        )
    assert error.value.code == "file_too_large"


def test_a_good_attachment_is_stored(secretariat_officer, settings, tmp_path):
    draft = a_draft(secretariat_officer)
    settings.MEDIA_ROOT = tmp_path
    attachment = services.add_attachment(
        draft, actor=secretariat_officer, upload=SimpleUploadedFile("note.pdf", b"%PDF-1.7 ...")
    )
    assert attachment.size == 12 and attachment.content_type == "application/pdf"
    assert attachment.file.read() == b"%PDF-1.7 ..."
