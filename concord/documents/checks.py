"""The checks a change to a document must pass before anything is written: the version it starts
from, well-formed texts and brackets, a real change, a file that is what it says it is."""

from __future__ import annotations

import dataclasses
from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from concord.core.errors import Conflict, DomainError
from concord.organization.models import MemberState

from . import rules
from .codes import Code
from .models import Document
from .rules import Operation, OpKind, RuleError, Unit, UnitKind


def check_fresh(document: Document, base_number: int) -> None:
    if base_number != document.latest_number:
        raise Conflict(
            Code.STALE_VERSION,
            _(
                "You worked on version %(base)s, but version %(latest)s has been made since. "
                "Nothing was saved; your input is kept below. Look at the latest version and "
                "submit again."
            )
            % {"base": base_number, "latest": document.latest_number},
            field="base_version",
        )


def clean_texts(operation: Operation) -> Operation:
    """One way of writing texts (line ends, NFC), and brackets that are well formed and owned by
    member states."""
    texts: dict[str, str | None] = {"text_ru": operation.text_ru, "text_en": operation.text_en}
    for lang in ("text_ru", "text_en"):
        text = getattr(operation, lang)
        if text is None:
            continue
        text = rules.normalise(text)
        if rules.malformed_brackets(text):
            raise DomainError(
                Code.MALFORMED_BRACKET,
                _("A bracket is not well formed; write it as [[KZ,RU: words]]."),
                field=lang,
            )
        unknown = rules.bracket_owners(text) - set(
            MemberState.objects.values_list("iso2", flat=True)
        )
        if unknown:
            raise DomainError(
                Code.UNKNOWN_BRACKET_OWNER,
                _("Brackets name unknown states: %(s)s.") % {"s": ", ".join(sorted(unknown))},
                field=lang,
            )
        texts[lang] = text
    return dataclasses.replace(operation, text_ru=texts["text_ru"], text_en=texts["text_en"])


def check_changes(before: list[Unit], after: list[Unit], operation: Operation) -> None:
    if after == before:
        raise DomainError(Code.NO_CHANGE, _("This changes nothing in the text."), field="text_ru")
    title = next((u for u in after if u.kind == UnitKind.TITLE), None)
    if title is not None and not title.text_ru.strip():
        raise DomainError(Code.TITLE_REQUIRED, _("The title cannot be empty."), field="text_ru")
    if operation.op == OpKind.ADD and not (
        (operation.text_ru or "").strip() or (operation.text_en or "").strip()
    ):
        raise DomainError(Code.TEXT_REQUIRED, _("Give the new clause's text."), field="text_ru")


def applied(units: list[Unit], operation: Operation, *, field: str = "uid") -> list[Unit]:
    try:
        return rules.apply_operation(units, operation)
    except RuleError as error:
        raise DomainError(error.code, str(error), field=field) from error


def has_text(operation: Operation) -> bool:
    return bool((operation.text_ru or "").strip() or (operation.text_en or "").strip())


def check_proposal(operation: Operation, justification_ru: str, justification_en: str) -> None:
    if operation.op == OpKind.MODIFY and not has_text(operation):
        raise DomainError(
            Code.TEXT_REQUIRED, _("Give the new wording in at least one language."), field="text_ru"
        )
    if operation.op == OpKind.ADD and not has_text(operation):
        raise DomainError(Code.TEXT_REQUIRED, _("Give the new clause's text."), field="text_ru")
    if not (justification_ru.strip() or justification_en.strip()):
        raise DomainError(
            Code.JUSTIFICATION_REQUIRED,
            _("Say why the change is proposed."),
            field="justification_ru",
        )


# Attachments: what a file says it is must match what it starts with.
SIGNATURES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".txt": (b"",),
}


def check_upload(upload: UploadedFile, name: str) -> None:
    suffix = PurePath(name).suffix.lower()
    if suffix not in SIGNATURES:
        raise DomainError(
            Code.FILE_TYPE_NOT_ALLOWED,
            _("Files of this type cannot be attached. Allowed: %(types)s.")
            % {"types": ", ".join(sorted(SIGNATURES))},
            field="file",
        )
    if upload.size is None or upload.size > settings.CONCORD_MAX_UPLOAD_BYTES:
        raise DomainError(
            Code.FILE_TOO_LARGE,
            _("The file is too large (at most %(mb)s MB).")
            % {"mb": settings.CONCORD_MAX_UPLOAD_BYTES // 2**20},
            field="file",
        )
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(sig) for sig in SIGNATURES[suffix]) or (
        suffix == ".txt" and b"\x00" in upload.read(4096)
    ):
        raise DomainError(
            Code.FILE_CONTENT_MISMATCH,
            _("The file's content does not match its type."),
            field="file",
        )
    upload.seek(0)
