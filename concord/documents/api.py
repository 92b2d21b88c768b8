from typing import Any, Literal

from django.conf import settings
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from concord.core.actors import actor_of
from concord.core.api import ErrorOut, Pages
from concord.core.errors import Code as CoreCode
from concord.core.errors import DomainError, NotAllowed
from concord.organization.models import Body

from . import comparison, exporting, finality, permissions, rules, selectors, services
from .codes import Code
from .models import Amendment, Attachment, Document, Version
from .rules import Operation, OpKind, UnitKind
from .schemas import (
    AmendmentDecisionIn,
    AmendmentIn,
    AmendmentOut,
    AttachmentOut,
    ChangeIn,
    CompareOut,
    DocumentIn,
    DocumentOut,
    EditIn,
    FinalIn,
    ImportedOut,
    ImportIn,
    VersionOut,
    VersionTextOut,
)
from .states import AmendmentStatus

router = Router(tags=["documents"])
ERRORS: dict[int, Any] = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class DocumentFilter(Schema):
    kind: str = ""
    status: str = ""
    body: str = ""
    language_state: str = ""
    q: str = ""


@router.get("/documents", response=list[DocumentOut])
@paginate(Pages, page_size=50)
def list_documents(request: HttpRequest, filters: Query[DocumentFilter]) -> QuerySet[Document]:
    return selectors.documents(request.user, **filters.model_dump()).select_related("final_version")


def _body(code: str | None) -> Body | None:
    if not code:
        return None
    body = Body.objects.filter(code=code).first()
    if body is None:
        raise DomainError(Code.UNKNOWN_BODY, _("No body has this code."), field="body")
    return body


@router.post("/documents", response={201: DocumentOut, **ERRORS})
def create_document(request: HttpRequest, payload: DocumentIn) -> Status[Document]:
    document = services.create_document(
        actor=actor_of(request),
        kind=payload.kind,
        marking=payload.marking,
        body=_body(payload.body),
        units=[(u.kind, u.text_ru, u.text_en) for u in payload.units],
    )
    return Status(201, document)


# Before /documents/{pk}, which would otherwise take "import" for a document's id.
@router.post("/documents/import", response={201: ImportedOut, **ERRORS})
def import_document(
    request: HttpRequest, file: File[UploadedFile], details: Form[ImportIn]
) -> Status[dict[str, Any]]:
    """A DOCX draft read into the clause structure as version 1; `problems` says what could not be
    mapped (tables, images, numbering it did not recognise)."""
    if not permissions.can_create(request.user):  # as the page: refused before the file is read
        raise NotAllowed(
            CoreCode.NOT_ALLOWED, _("Only the Secretariat or a delegation can create a draft.")
        )
    if (file.size or 0) > settings.CONCORD_MAX_UPLOAD_BYTES:  # refused before anything is read
        raise DomainError(Code.FILE_TOO_LARGE, _("The file is too large."), field="file")
    document, problems = services.import_document(
        actor=actor_of(request),
        data=file.read(),
        lang=details.lang,
        kind=details.kind,
        marking=details.marking,
        body=_body(details.body),
    )
    return Status(201, {"document": document, "problems": problems})


@router.get("/documents/{pk}", response={200: DocumentOut, 404: ErrorOut})
def get_document(request: HttpRequest, pk: int) -> Document:
    return selectors.document(request.user, pk)


@router.get("/documents/{pk}/versions", response={200: list[VersionOut], 404: ErrorOut})
def list_versions(request: HttpRequest, pk: int) -> QuerySet[Version]:
    return selectors.versions(selectors.with_history(request.user, pk))


def _version_text(document: Document, version: Version) -> dict[str, Any]:
    units = version.text
    labels = rules.number_units(units)
    return {
        **VersionOut.from_orm(version).model_dump(),
        "final": document.final_version_id == version.pk,
        "units": [
            {
                **u.as_dict(),
                "label_ru": labels[u.uid].ru,
                "label_en": labels[u.uid].en,
                "reference_ru": labels[u.uid].ref_ru,
                "reference_en": labels[u.uid].ref_en,
            }
            for u in units
        ],
    }


@router.get("/documents/{pk}/versions/{number}", response={200: VersionTextOut, 404: ErrorOut})
def get_version(request: HttpRequest, pk: int, number: int) -> dict[str, Any]:
    document = selectors.document(request.user, pk)
    return _version_text(document, selectors.readable_version(request.user, document, number))


def _operation(change: ChangeIn) -> Operation:
    return Operation(
        OpKind(change.op),
        uid=change.uid,
        after_uid=change.after_uid,
        kind=UnitKind(change.kind),
        text_ru=change.text_ru,
        text_en=change.text_en,
    )


@router.post("/documents/{pk}/versions", response={201: VersionTextOut, **ERRORS})
def edit_text(request: HttpRequest, pk: int, payload: EditIn) -> Status[dict[str, Any]]:
    document = selectors.document(request.user, pk)
    version = services.edit_text(
        document,
        actor=actor_of(request),
        base_number=payload.base_version,
        operation=_operation(payload),
        note=payload.note,
    )
    document.refresh_from_db()
    return Status(201, _version_text(document, version))


@router.post("/documents/{pk}/final", response={200: VersionTextOut, **ERRORS})
def declare_final(request: HttpRequest, pk: int, payload: FinalIn) -> dict[str, Any]:
    document = selectors.document(request.user, pk)
    version = finality.declare_final(
        document, actor=actor_of(request), base_number=payload.base_version
    )
    document.refresh_from_db()
    return _version_text(document, version)


@router.get("/documents/{pk}/compare", response={200: CompareOut, 404: ErrorOut, 422: ErrorOut})
def compare(
    request: HttpRequest, pk: int, from_: int = Query(..., alias="from"), to: int = Query(...)
) -> dict[str, Any]:
    document = selectors.with_history(request.user, pk)
    old, new = selectors.version(document, from_), selectors.version(document, to)
    return {
        "from_version": old.number,
        "to_version": new.number,
        "changes": [
            {
                "uid": c.uid,
                "kind": c.kind,
                "status": c.status,
                "moved": c.moved,
                "renumbered": c.renumbered,
                "old_label": c.old_label.en if c.old_label else None,
                "new_label": c.new_label.en if c.new_label else None,
                "diff_ru": c.ops_ru,
                "diff_en": c.ops_en,
            }
            for c in comparison.compare(old.text, new.text)
            if c.is_change
        ],
    }


@router.get(
    "/documents/{pk}/versions/{number}/export", response={200: None, 404: ErrorOut, 422: ErrorOut}
)
def export_version(
    request: HttpRequest,
    pk: int,
    number: int,
    format: Literal["pdf", "docx"] = "pdf",
    lang: Literal["ru", "en", "both"] = "ru",
) -> HttpResponse:
    document = selectors.document(request.user, pk)
    data, content_type, filename = exporting.version_file(
        document, selectors.readable_version(request.user, document, number), fmt=format, lang=lang
    )
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@router.get("/documents/{pk}/compare/export", response={200: None, 404: ErrorOut, 422: ErrorOut})
def export_compare(
    request: HttpRequest,
    pk: int,
    from_: int = Query(..., alias="from"),
    to: int = Query(...),
    format: Literal["pdf", "docx"] = "pdf",
    lang: Literal["ru", "en", "both"] = "ru",
) -> HttpResponse:
    document = selectors.with_history(request.user, pk)
    old, new = selectors.version(document, from_), selectors.version(document, to)
    data, content_type, filename = exporting.compare_file(document, old, new, fmt=format, lang=lang)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _amendment_out(a: Amendment, conflicts: dict[int, set[int]]) -> dict[str, Any]:
    return {
        **AmendmentOut.from_orm(a).model_dump(exclude={"supporters", "conflicts_with"}),
        "supporters": [s.state.iso2 for s in a.supports.all()],
        "conflicts_with": sorted(conflicts.get(a.pk, ())),
    }


@router.get("/documents/{pk}/amendments", response={200: list[AmendmentOut], 404: ErrorOut})
def list_amendments(request: HttpRequest, pk: int, status: str = "") -> list[dict[str, Any]]:
    document = selectors.with_history(request.user, pk)
    amendments = list(selectors.amendments(document, status=status))
    conflicts = selectors.conflict_groups(
        [a for a in amendments if a.status == AmendmentStatus.PENDING]
    )
    return [_amendment_out(a, conflicts) for a in amendments]


def _amendment(request: HttpRequest, pk: int, amendment_id: int) -> Amendment:
    document = selectors.with_history(request.user, pk)
    return get_object_or_404(selectors.amendments(document), pk=amendment_id)


@router.post("/documents/{pk}/amendments", response={201: AmendmentOut, **ERRORS})
def propose_amendment(
    request: HttpRequest, pk: int, payload: AmendmentIn
) -> Status[dict[str, Any]]:
    document = selectors.document(request.user, pk)
    amendment = services.propose_amendment(
        document,
        actor=actor_of(request),
        base_number=payload.base_version,
        operation=_operation(payload),
        justification_ru=payload.justification_ru,
        justification_en=payload.justification_en,
    )
    return Status(201, _amendment_out(_amendment(request, pk, amendment.pk), {}))


@router.post(
    "/documents/{pk}/amendments/{amendment_id}/support", response={200: AmendmentOut, **ERRORS}
)
def support_amendment(request: HttpRequest, pk: int, amendment_id: int) -> dict[str, Any]:
    services.support_amendment(_amendment(request, pk, amendment_id), actor=actor_of(request))
    return _amendment_out(_amendment(request, pk, amendment_id), {})


@router.post(
    "/documents/{pk}/amendments/{amendment_id}/withdraw", response={200: AmendmentOut, **ERRORS}
)
def withdraw_amendment(request: HttpRequest, pk: int, amendment_id: int) -> dict[str, Any]:
    services.withdraw_amendment(_amendment(request, pk, amendment_id), actor=actor_of(request))
    return _amendment_out(_amendment(request, pk, amendment_id), {})


@router.post(
    "/documents/{pk}/amendments/{amendment_id}/decision", response={200: AmendmentOut, **ERRORS}
)
def decide_amendment(
    request: HttpRequest, pk: int, amendment_id: int, payload: AmendmentDecisionIn
) -> dict[str, Any]:
    services.decide_amendment(
        _amendment(request, pk, amendment_id),
        actor=actor_of(request),
        decision=payload.decision,
        base_number=payload.base_version,
        reason=payload.reason,
        text_ru=payload.text_ru,
        text_en=payload.text_en,
    )
    return _amendment_out(_amendment(request, pk, amendment_id), {})


@router.get("/documents/{pk}/attachments", response={200: list[AttachmentOut], 404: ErrorOut})
def list_attachments(request: HttpRequest, pk: int) -> QuerySet[Attachment]:
    return selectors.document(request.user, pk).attachments.all()


@router.post("/documents/{pk}/attachments", response={201: AttachmentOut, **ERRORS})
def add_attachment(request: HttpRequest, pk: int, file: File[UploadedFile]) -> Status[Attachment]:
    document = selectors.document(request.user, pk)
    return Status(201, services.add_attachment(document, actor=actor_of(request), upload=file))


@router.get("/documents/{pk}/attachments/{attachment_id}", response={200: None, 404: ErrorOut})
def download_attachment(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    document = selectors.document(request.user, pk)
    attachment = get_object_or_404(document.attachments, pk=attachment_id)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
