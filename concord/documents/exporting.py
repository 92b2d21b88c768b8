"""From stored versions to files: the export header (marking, version, fingerprint) and file names."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from concord.core.errors import DomainError

from . import comparison, exports
from .codes import Code
from .models import Document, Version

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def meta_for(document: Document, version: Version) -> exports.ExportMeta:
    return exports.ExportMeta(
        title=document.title,
        kind=document.get_kind_display(),
        marking=document.get_marking_display(),
        version=version.number,
        fingerprint=version.fingerprint,
        final=document.final_version_id == version.pk,
        organization=_("Concord"),
    )


def version_file(
    document: Document, version: Version, *, fmt: str, lang: str
) -> tuple[bytes, str, str]:
    meta = meta_for(document, version)
    render = exports.version_pdf if fmt == "pdf" else exports.version_docx
    data = render(meta, version.text, lang)
    return data, CONTENT_TYPES[fmt], f"document-{document.pk}-v{version.number}-{lang}.{fmt}"


def certified_copy(
    document: Document, certification: Sequence[tuple[str, str]]
) -> tuple[bytes, str]:
    """The final text with its fingerprint on every page and the certification at the end; refused
    while the text has no final version."""
    version = document.final_version
    if version is None:
        raise DomainError(Code.NOT_FINAL, _("The text has no final version yet."))
    data = exports.certified_pdf(meta_for(document, version), version.text, certification)
    return data, f"document-{document.pk}-v{version.number}-certified.pdf"


def compare_file(
    document: Document, old: Version, new: Version, *, fmt: str, lang: str
) -> tuple[bytes, str, str]:
    meta = meta_for(document, new)
    changes = comparison.compare(old.text, new.text)
    render = exports.diff_pdf if fmt == "pdf" else exports.diff_docx
    data = render(meta, changes, old.number, lang)
    return (
        data,
        CONTENT_TYPES[fmt],
        f"document-{document.pk}-v{old.number}-v{new.number}-{lang}.{fmt}",
    )
