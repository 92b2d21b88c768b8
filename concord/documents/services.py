"""Every change to a document: each makes at most one new immutable version and one audit entry.

Edits name the version they started from; an edit on a version that is no longer the latest is
refused (`stale_version`) so that no one silently overwrites someone else's change.
"""

from __future__ import annotations

import dataclasses
import mimetypes
from collections.abc import Sequence
from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import Code as CoreCode
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.core.models import viewer_of
from concord.organization.models import Body, MemberState

from . import checks, permissions, rules
from .codes import Code, Verb
from .docx_import import DocxImportError, import_docx
from .models import Amendment, Attachment, Document, Support, Version
from .rules import Operation, OpKind, Unit, UnitKind
from .states import (
    AMENDMENT_FLOW,
    AmendmentStatus,
    DocumentStatus,
    LanguageState,
    VersionSource,
)


def locked_for_change(document: Document, *, correcting: bool = False) -> Document:
    """The document, locked until the transaction ends; refused once its text is final or adopted
    (an adopted text takes the editor's versions only while a correction procedure is under way)."""
    document = lock(document)
    if document.status == DocumentStatus.FINAL:
        raise Conflict(Code.DOCUMENT_FINAL, _("The text is final; it can no longer be changed."))
    if document.status == DocumentStatus.ADOPTED and not (correcting and document.under_correction):
        raise Conflict(
            Code.DOCUMENT_ADOPTED,
            _(
                "The text was adopted; it is no longer changed, except by a procedure that corrects it."
            ),
        )
    return document


def _with_new_uid(document: Document, operation: Operation) -> Operation:
    """An added unit gets its identity from the document's counter when it is proposed or made."""
    if operation.op != OpKind.ADD:
        return operation
    operation = dataclasses.replace(operation, uid=f"u{document.next_uid}")
    document.next_uid += 1
    document.save(update_fields=["next_uid"])
    return operation


def latest_version(document: Document) -> Version:
    return Version.objects.get(document=document, number=document.latest_number)


def _new_version(
    document: Document,
    units: Sequence[Unit],
    *,
    actor: Actor,
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
        created_by=user_of(actor),
        acting_for=actor.acting_for_label,
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
    actor: Actor,
    kind: str,
    units: Sequence[tuple[str, str, str]],
    marking: str,
    body: Body | None = None,
    released_to: Sequence[MemberState] = (),
    source: VersionSource = VersionSource.INITIAL,
    note: str = "",
) -> Document:
    """A new document with its first version; it belongs to the organ or state the actor acts for."""
    require(
        permissions.can_create(actor),
        _("Only the Secretariat or a delegation can create a draft."),
    )
    if not units or UnitKind(units[0][0]) != UnitKind.TITLE or not units[0][1].strip():
        raise DomainError(
            Code.TITLE_REQUIRED, _("A text starts with its title in Russian."), field="title_ru"
        )
    viewer = viewer_of(actor)
    with transaction.atomic():
        document = Document(
            kind=kind,
            body=body,
            marking=marking,
            owner_state_id=viewer.state_id,
            owner_body_id=viewer.body_id,
            title_ru=units[0][1][:500],
            created_by=user_of(actor),
        )
        document.full_clean(exclude=["created_by"])
        document.save()
        document.released_to.set(released_to)
        version = _new_version(
            document, _numbered(units, document), actor=actor, source=source, note=note
        )
        record(
            Verb.CREATE_DOCUMENT,
            actor=actor,
            target=document,
            summary=f"v1 ({len(units)} units)",
            changes={"fingerprint": version.fingerprint},
        )
    return document


def import_document(
    *,
    actor: Actor,
    data: bytes,
    lang: str,
    kind: str,
    marking: str,
    body: Body | None = None,
) -> tuple[Document, list[str]]:
    """Read a DOCX draft into the clause structure; return the document and what could not be mapped."""
    if len(data) > settings.CONCORD_MAX_UPLOAD_BYTES:
        raise DomainError(Code.FILE_TOO_LARGE, _("The file is too large."), field="file")
    try:
        result = import_docx(data, lang=lang)
    except (DocxImportError, ValueError, KeyError, IndexError) as error:
        # A file that python-docx reads but that holds nonsense is as unusable as one that is not a DOCX.
        raise DomainError(
            Code.NOT_A_DOCX, _("The file is not a readable DOCX document."), field="file"
        ) from error
    if not result.units or result.units[0].kind != UnitKind.TITLE:
        raise DomainError(Code.NO_TITLE, _("No title could be found in the file."), field="file")
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
    document: Document, *, actor: Actor, base_number: int, operation: Operation, note: str = ""
) -> Version:
    """The editor changes the text directly (one operation), starting from `base_number`."""
    require(
        permissions.is_editor(actor),
        _("Only the Secretariat, as editor, edits the text directly."),
    )
    with transaction.atomic():
        document = locked_for_change(document, correcting=True)
        checks.check_fresh(document, base_number)
        operation = _with_new_uid(document, checks.clean_texts(operation))
        before = latest_version(document).text
        units = checks.applied(before, operation)
        checks.check_changes(before, units, operation)
        correcting = document.status == DocumentStatus.ADOPTED
        source = VersionSource.CORRECTION if correcting else VersionSource.EDIT
        version = _new_version(document, units, actor=actor, source=source, note=note)
        record(
            Verb.EDIT_TEXT,
            actor=actor,
            target=document,
            summary=f"v{version.number}: {operation.op} {operation.uid}",
            changes={"version": version.number},
        )
    return version


def revise_text(
    document: Document, *, actor: Actor, units: Sequence[tuple[str, str, str]], note: str = ""
) -> Version:
    """The organ that drafted a text generated from its own records (the training plan from its
    events) replaces the whole text with a new version while it is negotiated."""
    require(
        permissions.can_revise(actor, document),
        _("Only the organ that drafted this text revises it, while it is negotiated."),
    )
    if not units or UnitKind(units[0][0]) != UnitKind.TITLE or not units[0][1].strip():
        raise DomainError(
            Code.TITLE_REQUIRED, _("A text starts with its title in Russian."), field="title_ru"
        )
    with transaction.atomic():
        document = locked_for_change(document)
        version = _new_version(
            document,
            _numbered(units, document),
            actor=actor,
            source=VersionSource.EDIT,
            note=note,
        )
        record(
            Verb.EDIT_TEXT,
            actor=actor,
            target=document,
            summary=f"v{version.number}: revised ({len(units)} units)",
            changes={"version": version.number, "fingerprint": version.fingerprint},
        )
    return version


def propose_amendment(
    document: Document,
    *,
    actor: Actor,
    base_number: int,
    operation: Operation,
    justification_ru: str = "",
    justification_en: str = "",
) -> Amendment:
    """A delegation proposes, on version `base_number`, one change in its state's name."""
    state_id = permissions.speaking_state(actor)
    if state_id is None:
        raise NotAllowed(
            CoreCode.NOT_ALLOWED,
            _("Only a delegation's representative proposes amendments in its state's name."),
        )
    checks.check_proposal(operation, justification_ru, justification_en)
    with transaction.atomic():
        document = locked_for_change(document)
        base = Version.objects.filter(document=document, number=base_number).first()
        if base is None:
            raise DomainError(
                Code.VERSION_NOT_FOUND, _("There is no such version."), field="base_version"
            )
        operation = _with_new_uid(document, checks.clean_texts(operation))
        # the change must make sense on the version it is proposed on
        checks.check_changes(base.text, checks.applied(base.text, operation), operation)
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
            proposed_by=user_of(actor),
        )
        record(
            Verb.PROPOSE_AMENDMENT,
            actor=actor,
            target=amendment,
            summary=f"{document.title_en or document.title_ru}: {operation.op} {operation.uid} on v{base_number}",
        )
    return amendment


def support_amendment(amendment: Amendment, *, actor: Actor) -> Support:
    require(
        permissions.can_support(actor, amendment),
        _("Only another delegation can support a pending amendment."),
    )
    with transaction.atomic():
        support, created = Support.objects.get_or_create(
            amendment=amendment,
            state_id=permissions.speaking_state(actor),
            defaults={"user": user_of(actor)},
        )
        if created:
            record(Verb.SUPPORT_AMENDMENT, actor=actor, target=amendment)
    return support


def withdraw_amendment(amendment: Amendment, *, actor: Actor) -> Amendment:
    require(
        permissions.can_withdraw(actor, amendment),
        _("Only the proposing delegation withdraws its pending amendment."),
    )
    return _settle(amendment, AmendmentStatus.WITHDRAWN, actor=actor, verb=Verb.WITHDRAW_AMENDMENT)


def _settle(
    amendment: Amendment,
    status: AmendmentStatus,
    *,
    actor: Actor,
    verb: Verb,
    reason: str = "",
    summary: str = "",
    result: Version | None = None,
) -> Amendment:
    """An amendment's one decision, as the amendment table allows (only a pending one is decided)."""
    return transition(
        amendment,
        status,
        flow=AMENDMENT_FLOW,
        actor=actor,
        verb=verb,
        summary=summary,
        decided_by=user_of(actor),
        decided_at=timezone.now(),
        reason=reason,
        result=result,
    )


DECISIONS = {
    "accept": (AmendmentStatus.ACCEPTED, VersionSource.AMENDMENT, Verb.ACCEPT_AMENDMENT),
    "merge": (AmendmentStatus.MERGED, VersionSource.MERGE, Verb.MERGE_AMENDMENT),
}


def decide_amendment(
    amendment: Amendment,
    *,
    actor: Actor,
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
    require(
        permissions.can_decide(actor, amendment),
        _("Only the editor decides on pending amendments."),
    )
    if decision not in (*DECISIONS, "reject"):
        raise DomainError(Code.BAD_DECISION, _("Choose accept, merge or reject."), field="decision")
    if decision == "reject" and not reason.strip():
        raise DomainError(
            Code.REASON_REQUIRED, _("Say why the amendment is rejected."), field="reason"
        )
    with transaction.atomic():
        document = locked_for_change(amendment.document)
        if decision == "reject":
            return _settle(
                amendment,
                AmendmentStatus.REJECTED,
                actor=actor,
                verb=Verb.REJECT_AMENDMENT,
                reason=reason,
                summary=reason[:200],
            )
        checks.check_fresh(document, base_number)
        latest = latest_version(document)
        operation = checks.clean_texts(
            _decided_operation(amendment, latest, decision, text_ru, text_en)
        )
        units = checks.applied(latest.text, operation, field="decision")
        checks.check_changes(latest.text, units, operation)
        status, source, verb = DECISIONS[decision]
        version = _new_version(
            document,
            units,
            actor=actor,
            source=source,
            amendment=amendment,
            note=f"{amendment.state.iso2}: #{amendment.pk}",
        )
        return _settle(
            amendment,
            status,
            actor=actor,
            verb=verb,
            reason=reason,
            summary=f"v{version.number}",
            result=version,
        )


def _decided_operation(
    amendment: Amendment, latest: Version, decision: str, text_ru: str | None, text_en: str | None
) -> Operation:
    """The change to apply: the amendment's own, or for a merge the editor's wording of it."""
    operation = amendment.operation
    if decision == "merge":
        if operation.op not in (OpKind.MODIFY, OpKind.ADD):
            raise DomainError(
                Code.MERGE_NEEDS_TEXT,
                _("Only a change of wording can be merged reworded."),
                field="decision",
            )
        return dataclasses.replace(operation, text_ru=text_ru, text_en=text_en)
    if latest.pk != amendment.version_id and operation.op != OpKind.ADD:
        before = {u.uid: u for u in amendment.version.text}.get(operation.uid)
        now = {u.uid: u for u in latest.text}.get(operation.uid)
        if before != now:
            raise Conflict(
                Code.UNIT_CHANGED_SINCE,
                _(
                    "The clause has changed since the amendment was proposed; merge it in a wording that fits the latest version."
                ),
                field="decision",
            )
    return operation


def add_attachment(document: Document, *, actor: Actor, upload: UploadedFile) -> Attachment:
    require(
        permissions.can_attach(actor, document),
        _("Only the editor or a delegation attaches files."),
    )
    name = PurePath(upload.name or "file").name
    checks.check_upload(upload, name)
    with transaction.atomic():
        attachment = Attachment(
            document=document,
            name=name[:200],
            size=upload.size or 0,
            content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
            uploaded_by=user_of(actor),
        )
        attachment.file.save(name, upload, save=False)
        attachment.save()
        record(
            Verb.ADD_ATTACHMENT,
            actor=actor,
            target=attachment,
            summary=f"{name} ({upload.size} bytes)",
        )
    return attachment
