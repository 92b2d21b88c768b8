"""Every change to a document: each makes at most one new immutable version and one audit entry.

Edits name the version they started from; an edit on a version that is no longer the latest is
refused (`stale_version`) so that no one silently overwrites someone else's change.
"""

from __future__ import annotations

import dataclasses
import mimetypes
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.core.models import viewer_of
from concord.organization.models import Body, MemberState

from . import permissions, rules
from .docx_import import DocxImportError, import_docx
from .models import Amendment, Attachment, Document, Support, Version
from .rules import Operation, OpKind, RuleError, Unit, UnitKind
from .states import (
    AmendmentStatus,
    DocumentStatus,
    LanguageState,
    VersionSource,
)


def _rule_error(error: RuleError, field: str = "uid") -> DomainError:
    return DomainError(error.code, str(error), field=field)


def _locked(document: Document) -> Document:
    return Document.objects.select_for_update().get(pk=document.pk)


def _check_open(document: Document) -> None:
    if document.status == DocumentStatus.FINAL:
        raise Conflict("document_final", _("The text is final; it can no longer be changed."))


def _check_fresh(document: Document, base_number: int) -> None:
    if base_number != document.latest_number:
        raise Conflict(
            "stale_version",
            _(
                "You worked on version %(base)s, but version %(latest)s has been made since. "
                "Nothing was saved; your input is kept below. Look at the latest version and "
                "submit again."
            )
            % {"base": base_number, "latest": document.latest_number},
            field="base_version",
        )


def _with_new_uid(document: Document, operation: Operation) -> Operation:
    """An added unit gets its identity from the document's counter when it is proposed or made."""
    if operation.op != OpKind.ADD:
        return operation
    operation = dataclasses.replace(operation, uid=f"u{document.next_uid}")
    document.next_uid += 1
    document.save(update_fields=["next_uid"])
    return operation


def _clean_texts(operation: Operation) -> Operation:
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
                "malformed_bracket",
                _("A bracket is not well formed; write it as [[KZ,RU: words]]."),
                field=lang,
            )
        unknown = rules.bracket_owners(text) - set(
            MemberState.objects.values_list("iso2", flat=True)
        )
        if unknown:
            raise DomainError(
                "unknown_bracket_owner",
                _("Brackets name unknown states: %(s)s.") % {"s": ", ".join(sorted(unknown))},
                field=lang,
            )
        texts[lang] = text
    return dataclasses.replace(operation, text_ru=texts["text_ru"], text_en=texts["text_en"])


def _check_changes(before: list[Unit], after: list[Unit], operation: Operation) -> None:
    if after == before:
        raise DomainError("no_change", _("This changes nothing in the text."), field="text_ru")
    title = next((u for u in after if u.kind == UnitKind.TITLE), None)
    if title is not None and not title.text_ru.strip():
        raise DomainError("title_required", _("The title cannot be empty."), field="text_ru")
    if operation.op == OpKind.ADD and not (
        (operation.text_ru or "").strip() or (operation.text_en or "").strip()
    ):
        raise DomainError("text_required", _("Give the new clause's text."), field="text_ru")


def latest_version(document: Document) -> Version:
    return Version.objects.get(document=document, number=document.latest_number)


def _new_version(
    document: Document,
    units: Sequence[Unit],
    *,
    actor: Any,
    source: VersionSource,
    note: str = "",
    amendment: Amendment | None = None,
) -> Version:
    before = latest_version(document) if document.latest_number else None
    previous = {u.uid: u for u in before.text} if before else {}
    lags = {
        u.uid: lag
        for u in units
        if (
            lag := rules.lagging_language(
                previous.get(u.uid), before.lagging.get(u.uid, "") if before else "", u
            )
        )
    }
    version = Version.objects.create(
        document=document,
        number=document.latest_number + 1,
        units=[u.as_dict() for u in units],
        source=source,
        note=note[:500],
        amendment=amendment,
        created_by=actor,
        acting_for=getattr(actor, "acting_for_label", ""),
        fingerprint=rules.fingerprint(units),
        lagging=lags,
    )
    title = next((u for u in units if u.kind == UnitKind.TITLE), None)
    document.title_ru = (title.text_ru if title else "")[:500] or document.title_ru
    document.title_en = (title.text_en if title else "")[:500]
    document.latest_number = version.number
    document.language_state = LanguageState.OUT_OF_STEP if lags else LanguageState.IN_STEP
    document.save(
        update_fields=["title_ru", "title_en", "latest_number", "language_state", "next_uid"]
    )
    return version


def _numbered(units: Sequence[tuple[str, str, str]], document: Document) -> list[Unit]:
    result = []
    for kind, ru, en in units:
        result.append(Unit(f"u{document.next_uid}", UnitKind(kind), ru, en))
        document.next_uid += 1
    return result


def create_document(
    *,
    actor: Any,
    kind: str,
    units: Sequence[tuple[str, str, str]],
    marking: str,
    body: Body | None = None,
    released_to: Sequence[MemberState] = (),
    source: VersionSource = VersionSource.INITIAL,
    note: str = "",
) -> Document:
    """A new document with its first version; it belongs to the organ or state the actor acts for."""
    viewer = viewer_of(actor)
    if not permissions.can_create(actor):
        raise NotAllowed(
            "not_allowed", _("Only the Secretariat or a delegation can create a draft.")
        )
    if not units or UnitKind(units[0][0]) != UnitKind.TITLE or not units[0][1].strip():
        raise DomainError(
            "title_required", _("A text starts with its title in Russian."), field="title_ru"
        )
    with transaction.atomic():
        document = Document(
            kind=kind,
            body=body,
            marking=marking,
            owner_state_id=viewer.state_id,
            owner_body_id=viewer.body_id,
            title_ru=units[0][1][:500],
            created_by=actor,
        )
        document.full_clean(exclude=["created_by"])
        document.save()
        document.released_to.set(released_to)
        version = _new_version(
            document, _numbered(units, document), actor=actor, source=source, note=note
        )
        record(
            actor,
            verb="documents.create_document",
            target=document,
            summary=f"v1 ({len(units)} units)",
            changes={"fingerprint": version.fingerprint},
        )
    return document


def import_document(
    *, actor: Any, data: bytes, lang: str, kind: str, marking: str, body: Body | None = None
) -> tuple[Document, list[str]]:
    """Read a DOCX draft into the clause structure; return the document and what could not be mapped."""
    if len(data) > settings.CONCORD_MAX_UPLOAD_BYTES:
        raise DomainError("file_too_large", _("The file is too large."), field="file")
    try:
        result = import_docx(data, lang=lang)
    except (DocxImportError, ValueError, KeyError, IndexError) as error:
        # A file that python-docx reads but that holds nonsense is as unusable as one that is not a DOCX.
        raise DomainError(
            "not_a_docx", _("The file is not a readable DOCX document."), field="file"
        ) from error
    if not result.units or result.units[0].kind != UnitKind.TITLE:
        raise DomainError("no_title", _("No title could be found in the file."), field="file")
    units = [(u.kind.value, u.text_ru, u.text_en) for u in result.units]
    if lang == "en":  # the authentic text is Russian; an English draft still needs a Russian title
        units[0] = (units[0][0], units[0][2], units[0][2])
    document = create_document(
        actor=actor,
        kind=kind,
        units=units,
        marking=marking,
        body=body,
        source=VersionSource.IMPORT,
        note="; ".join(result.problems)[:500],
    )
    return document, result.problems


def edit_text(
    document: Document, *, actor: Any, base_number: int, operation: Operation, note: str = ""
) -> Version:
    """The editor changes the text directly (one operation), starting from `base_number`."""
    if not permissions.is_editor(actor):
        raise NotAllowed(
            "not_allowed", _("Only the Secretariat, as editor, edits the text directly.")
        )
    with transaction.atomic():
        document = _locked(document)
        _check_open(document)
        _check_fresh(document, base_number)
        operation = _with_new_uid(document, _clean_texts(operation))
        before = latest_version(document).text
        try:
            units = rules.apply_operation(before, operation)
        except RuleError as error:
            raise _rule_error(error) from error
        _check_changes(before, units, operation)
        version = _new_version(document, units, actor=actor, source=VersionSource.EDIT, note=note)
        record(
            actor,
            verb="documents.edit_text",
            target=document,
            summary=f"v{version.number}: {operation.op} {operation.uid}",
            changes={"version": version.number},
        )
    return version


def propose_amendment(
    document: Document,
    *,
    actor: Any,
    base_number: int,
    operation: Operation,
    justification_ru: str = "",
    justification_en: str = "",
) -> Amendment:
    """A delegation proposes, on version `base_number`, one change in its state's name."""
    state_id = permissions.speaking_state(actor)
    if state_id is None:
        raise NotAllowed(
            "not_allowed",
            _("Only a delegation's representative proposes amendments in its state's name."),
        )
    if operation.op == OpKind.MODIFY and not (
        (operation.text_ru or "").strip() or (operation.text_en or "").strip()
    ):
        raise DomainError(
            "text_required", _("Give the new wording in at least one language."), field="text_ru"
        )
    if (
        operation.op == OpKind.ADD
        and not (operation.text_ru or "").strip()
        and not (operation.text_en or "").strip()
    ):
        raise DomainError("text_required", _("Give the new clause's text."), field="text_ru")
    if not (justification_ru.strip() or justification_en.strip()):
        raise DomainError(
            "justification_required", _("Say why the change is proposed."), field="justification_ru"
        )
    with transaction.atomic():
        document = _locked(document)
        _check_open(document)
        base = Version.objects.filter(document=document, number=base_number).first()
        if base is None:
            raise DomainError(
                "version_not_found", _("There is no such version."), field="base_version"
            )
        operation = _with_new_uid(document, _clean_texts(operation))
        try:  # the change must make sense on the version it is proposed on
            after = rules.apply_operation(base.text, operation)
        except RuleError as error:
            raise _rule_error(error) from error
        _check_changes(base.text, after, operation)
        amendment = Amendment.objects.create(
            document=document,
            version=base,
            op=operation.op,
            uid=operation.uid,
            after_uid=operation.after_uid,
            kind=operation.kind if operation.op == OpKind.ADD else "",
            text_ru=operation.text_ru,
            text_en=operation.text_en,
            justification_ru=justification_ru,
            justification_en=justification_en,
            state_id=state_id,
            proposed_by=actor,
        )
        record(
            actor,
            verb="documents.propose_amendment",
            target=amendment,
            summary=f"{document.title_en or document.title_ru}: {operation.op} {operation.uid} on v{base_number}",
        )
    return amendment


def support_amendment(amendment: Amendment, *, actor: Any) -> Support:
    if not permissions.can_support(actor, amendment):
        raise NotAllowed(
            "not_allowed", _("Only another delegation can support a pending amendment.")
        )
    state_id = permissions.speaking_state(actor)
    with transaction.atomic():
        support, created = Support.objects.get_or_create(
            amendment=amendment, state_id=state_id, defaults={"user": actor}
        )
        if created:
            record(actor, verb="documents.support_amendment", target=amendment)
    return support


def withdraw_amendment(amendment: Amendment, *, actor: Any) -> Amendment:
    if not permissions.can_withdraw(actor, amendment):
        raise NotAllowed(
            "not_allowed", _("Only the proposing delegation withdraws its pending amendment.")
        )
    with transaction.atomic():
        _transition(amendment, AmendmentStatus.WITHDRAWN, actor=actor)
        record(actor, verb="documents.withdraw_amendment", target=amendment)
    return amendment


def _transition(
    amendment: Amendment, status: AmendmentStatus, *, actor: Any, reason: str = ""
) -> None:
    amendment.refresh_from_db(fields=["status"])
    if amendment.status != AmendmentStatus.PENDING:
        raise Conflict(
            "already_decided", _("This amendment has already been dealt with."), field="decision"
        )
    amendment.status = status
    amendment.decided_by = actor
    amendment.decided_at = timezone.now()
    amendment.reason = reason
    amendment.save(update_fields=["status", "decided_by", "decided_at", "reason"])


def decide_amendment(
    amendment: Amendment,
    *,
    actor: Any,
    decision: str,
    base_number: int,
    reason: str = "",
    text_ru: str | None = None,
    text_en: str | None = None,
) -> Amendment:
    """The editor accepts (as proposed), merges (in their own wording) or rejects an amendment.

    Accepting or merging applies the change to the latest version, which must be the one the editor
    looked at (`base_number`). An amendment proposed on an older version is accepted as is only if
    the unit it touches has not changed since; otherwise the editor merges it in a wording that fits.
    """
    if not permissions.can_decide(actor, amendment):
        raise NotAllowed("not_allowed", _("Only the editor decides on pending amendments."))
    if decision not in ("accept", "merge", "reject"):
        raise DomainError("bad_decision", _("Choose accept, merge or reject."), field="decision")
    if decision == "reject" and not reason.strip():
        raise DomainError(
            "reason_required", _("Say why the amendment is rejected."), field="reason"
        )
    with transaction.atomic():
        document = _locked(amendment.document)
        _check_open(document)
        if decision == "reject":
            _transition(amendment, AmendmentStatus.REJECTED, actor=actor, reason=reason)
            record(actor, verb="documents.reject_amendment", target=amendment, summary=reason[:200])
            return amendment
        _check_fresh(document, base_number)
        operation = amendment.operation
        latest = latest_version(document)
        if decision == "merge":
            if operation.op not in (OpKind.MODIFY, OpKind.ADD):
                raise DomainError(
                    "merge_needs_text",
                    _("Only a change of wording can be merged reworded."),
                    field="decision",
                )
            operation = Operation(
                operation.op,
                uid=operation.uid,
                after_uid=operation.after_uid,
                kind=operation.kind,
                text_ru=text_ru,
                text_en=text_en,
            )
        elif latest.pk != amendment.version_id and operation.op != OpKind.ADD:
            before = {u.uid: u for u in amendment.version.text}.get(operation.uid)
            now = {u.uid: u for u in latest.text}.get(operation.uid)
            if before != now:
                raise Conflict(
                    "unit_changed_since",
                    _(
                        "The clause has changed since the amendment was proposed; merge it in a wording that fits the latest version."
                    ),
                    field="decision",
                )
        operation = _clean_texts(operation)
        try:
            units = rules.apply_operation(latest.text, operation)
        except RuleError as error:
            raise _rule_error(error, field="decision") from error
        _check_changes(latest.text, units, operation)
        status = AmendmentStatus.MERGED if decision == "merge" else AmendmentStatus.ACCEPTED
        _transition(amendment, status, actor=actor, reason=reason)
        source = VersionSource.MERGE if decision == "merge" else VersionSource.AMENDMENT
        version = _new_version(
            document,
            units,
            actor=actor,
            source=source,
            amendment=amendment,
            note=f"{amendment.state.iso2}: #{amendment.pk}",
        )
        amendment.result = version
        amendment.save(update_fields=["result"])
        record(
            actor,
            verb=f"documents.{status}_amendment",
            target=amendment,
            summary=f"v{version.number}",
            changes={"version": version.number},
        )
    return amendment


def declare_final(document: Document, *, actor: Any, base_number: int) -> Version:
    """The editor closes the text: the latest version, with no open brackets, becomes final."""
    if not permissions.is_editor(actor):
        raise NotAllowed("not_allowed", _("Only the editor declares a text final."))
    with transaction.atomic():
        document = _locked(document)
        _check_open(document)
        _check_fresh(document, base_number)
        version = latest_version(document)
        brackets = rules.open_brackets(version.text)
        if brackets:
            raise DomainError(
                "open_brackets",
                _("The text still has %(n)s open bracket(s); it cannot become final.")
                % {"n": len(brackets)},
                field="base_version",
            )
        document.final_version = version
        document.status = DocumentStatus.FINAL
        document.save(update_fields=["final_version", "status"])
        lapsed = Amendment.objects.filter(document=document, status=AmendmentStatus.PENDING).update(
            status=AmendmentStatus.LAPSED, decided_by=actor, decided_at=timezone.now()
        )
        record(
            actor,
            verb="documents.declare_final",
            target=document,
            summary=f"v{version.number} {version.fingerprint}",
            changes={"fingerprint": version.fingerprint, "lapsed": lapsed},
        )
    return version


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


def add_attachment(document: Document, *, actor: Any, upload: UploadedFile) -> Attachment:
    if not permissions.can_attach(actor, document):
        raise NotAllowed("not_allowed", _("Only the editor or a delegation attaches files."))
    name = PurePath(upload.name or "file").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in SIGNATURES:
        raise DomainError(
            "file_type_not_allowed",
            _("Files of this type cannot be attached. Allowed: %(types)s.")
            % {"types": ", ".join(sorted(SIGNATURES))},
            field="file",
        )
    if upload.size is None or upload.size > settings.CONCORD_MAX_UPLOAD_BYTES:
        raise DomainError(
            "file_too_large",
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
            "file_content_mismatch", _("The file's content does not match its type."), field="file"
        )
    upload.seek(0)
    with transaction.atomic():
        attachment = Attachment(
            document=document,
            name=name[:200],
            size=upload.size,
            content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
            uploaded_by=actor,
        )
        attachment.file.save(name, upload, save=False)
        attachment.save()
        record(
            actor,
            verb="documents.add_attachment",
            target=attachment,
            summary=f"{name} ({upload.size} bytes)",
        )
    return attachment
