from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.models import viewer_of
from concord.core.pagecache import cached_page
from concord.core.permissions import reads_adopted_only

from . import comparison, exporting, finality, permissions, rules, selectors, services
from .forms import (
    EXPORT_FORMATS,
    EXPORT_LANGS,
    AmendmentForm,
    AttachmentForm,
    DecisionForm,
    DocumentFilterForm,
    DocumentForm,
    EditForm,
    ImportForm,
)
from .models import Amendment, Document
from .rules import Operation, OpKind, Unit, UnitKind
from .states import AmendmentStatus


def _operation(data: dict[str, Any]) -> Operation:
    op = OpKind(data["op"])
    blank_is_unchanged = op == OpKind.MODIFY
    return Operation(
        op,
        uid=data["uid"],
        after_uid=data["uid"] if op == OpKind.ADD else data.get("after_uid") or "",
        kind=UnitKind(data.get("kind") or UnitKind.PARAGRAPH),
        text_ru=(data.get("text_ru") or None) if blank_is_unchanged else data.get("text_ru", ""),
        text_en=(data.get("text_en") or None) if blank_is_unchanged else data.get("text_en", ""),
    )


def _fail(form: Any, error: DomainError, document: Document | None = None) -> None:
    field = (
        error.field
        if error.field in form.fields and error.field not in ("base_version", "uid")
        else None
    )
    form.add_error(field, str(error.message))
    if error.code == "stale_version" and document is not None:
        # Keep what the user typed, now aimed at the latest version, so that submitting again works.
        document.refresh_from_db(fields=["latest_number"])
        form.data = form.data.copy()
        form.data["base_version"] = str(document.latest_number)


@login_required
@cached_page
def document_list(request: HttpRequest) -> HttpResponse:
    form = DocumentFilterForm(request.GET or None)
    filters = {k: v for k, v in form.cleaned_data.items() if v} if form.is_valid() else {}
    page = Paginator(selectors.documents(request.user, **filters), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "documents/document_list.html",
        {
            "form": form,
            "page": page,
            "can_create": permissions.can_create(request.user),
        },
    )


@login_required
def document_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create(request.user):
        raise PermissionDenied
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            document = services.create_document(
                actor=actor_of(request),
                kind=d["kind"],
                body=d["body"],
                marking=d["marking"],
                units=[("title", d["title_ru"], d["title_en"])],
            )
        except DomainError as error:
            _fail(form, error)
        else:
            return redirect("documents:document-detail", pk=document.pk)
    return render(
        request, "documents/document_form.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def document_import(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            document, problems = services.import_document(
                actor=actor_of(request),
                data=d["file"].read(),
                lang=d["lang"],
                kind=d["kind"],
                marking=d["marking"],
                body=d["body"],
            )
        except DomainError as error:
            _fail(form, error)
        else:
            for problem in problems:
                messages.warning(request, problem)
            messages.success(request, _("Imported as version 1."))
            return redirect("documents:document-detail", pk=document.pk)
    return render(
        request, "documents/import_form.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document(request.user, pk)
    shown = selectors.readable_version(request.user, document, _int(request.GET.get("v")))
    view = "clean" if request.GET.get("view") == "clean" else "negotiation"
    lang = request.GET.get("lang") if request.GET.get("lang") in EXPORT_LANGS else "both"
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "version": shown,
            "is_latest": shown.number == document.latest_number,
            "units": selectors.text_view(document, shown),
            "view": view,
            "lang": lang,
            "attachments": document.attachments.all(),
            "attachment_form": AttachmentForm(),
            "can_edit": permissions.can_edit(request.user, document),
            "can_propose": permissions.can_propose(request.user, document),
            "can_attach": permissions.can_attach(request.user, document),
            "open_brackets": len(rules.open_brackets(shown.text)),
            "final": document.final_version_id == shown.pk,
            "sees_history": not reads_adopted_only(request.user),
        },
    )


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        raise Http404 from None


@login_required
@cached_page
def version_list(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.with_history(request.user, pk)
    return render(
        request,
        "documents/version_list.html",
        {"document": document, "versions": selectors.versions(document)},
    )


@login_required
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.with_history(request.user, pk)
    new = selectors.version(document, _int(request.GET.get("to")))
    old = selectors.version(document, _int(request.GET.get("from")) or max(new.number - 1, 1))
    changes = comparison.compare(old.text, new.text)
    mode = "inline" if request.GET.get("mode") == "inline" else "side"
    lang = request.GET.get("lang") if request.GET.get("lang") in ("ru", "en") else "ru"
    return render(
        request,
        "documents/compare.html",
        {
            "document": document,
            "old": old,
            "new": new,
            "mode": mode,
            "lang": lang,
            "changes": changes if request.GET.get("all") else [c for c in changes if c.is_change],
            "show_all": bool(request.GET.get("all")),
            "numbers": range(1, document.latest_number + 1),
        },
    )


@login_required
def export_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    document = selectors.document(request.user, pk)
    fmt, lang = request.GET.get("format", "pdf"), request.GET.get("lang", "ru")
    if fmt not in EXPORT_FORMATS or lang not in EXPORT_LANGS:
        return HttpResponse(
            _("Unknown format or language."), status=400, content_type="text/plain; charset=utf-8"
        )
    version = selectors.readable_version(request.user, document, number)
    data, content_type, filename = exporting.version_file(document, version, fmt=fmt, lang=lang)
    return _download(data, content_type, filename)


@login_required
def export_compare(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.with_history(request.user, pk)
    fmt, lang = request.GET.get("format", "pdf"), request.GET.get("lang", "ru")
    if fmt not in EXPORT_FORMATS or lang not in EXPORT_LANGS:
        return HttpResponse(
            _("Unknown format or language."), status=400, content_type="text/plain; charset=utf-8"
        )
    new = selectors.version(document, _int(request.GET.get("to")))
    old = selectors.version(document, _int(request.GET.get("from")) or max(new.number - 1, 1))
    data, content_type, filename = exporting.compare_file(document, old, new, fmt=fmt, lang=lang)
    return _download(data, content_type, filename)


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def amendment_inbox(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.with_history(request.user, pk)
    status = request.GET.get("status", AmendmentStatus.PENDING)
    if status not in AmendmentStatus.values and status != "all":
        raise Http404
    page, conflicts = selectors.inbox(document, status=status, page_number=request.GET.get("page"))
    for a in page:
        a.conflicts_with = sorted(conflicts.get(a.pk, ()))
    return render(
        request,
        "documents/amendment_inbox.html",
        {
            "document": document,
            "page": page,
            "status": status,
            "statuses": AmendmentStatus.choices,
            "is_editor": permissions.is_editor(request.user),
        },
    )


@login_required
def my_amendments(request: HttpRequest) -> HttpResponse:
    state_id = viewer_of(request.user).state_id
    amendments = selectors.my_amendments(request.user, state_id) if state_id else []
    return render(
        request,
        "documents/my_amendments.html",
        {"amendments": amendments, "has_state": bool(state_id)},
    )


@login_required
def amendment_create(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document(request.user, pk)
    if not permissions.can_propose(request.user, document):
        raise PermissionDenied
    latest = selectors.version(document)
    form, unit = _change_form(request, latest, AmendmentForm)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            amendment = services.propose_amendment(
                document,
                actor=actor_of(request),
                base_number=d["base_version"],
                operation=_operation(d),
                justification_ru=d["justification_ru"],
                justification_en=d["justification_en"],
            )
        except DomainError as error:
            _fail(form, error, document)
        else:
            messages.success(request, _("Amendment #%(n)s proposed.") % {"n": amendment.pk})
            return redirect("documents:amendment-detail", pk=document.pk, amendment_id=amendment.pk)
    return render(
        request,
        "documents/change_form.html",
        {
            "document": document,
            "form": form,
            "unit": unit,
            "label": _label(latest, unit),
            "mode": "amend",
        },
        status=400 if form.errors else 200,
    )


def _change_form(
    request: HttpRequest, latest: Any, form_class: Any, **kwargs: Any
) -> tuple[Any, rules.Unit | None]:
    """A change to one unit of the latest version: the form, prefilled with the unit's wording."""
    form = form_class(
        request.POST or None,
        initial={
            "base_version": latest.number,
            "uid": request.GET.get("unit", ""),
            "op": request.GET.get("op", "modify"),
        },
        **kwargs,
    )
    unit = _unit(latest, request.POST.get("uid") or request.GET.get("unit", ""))
    if unit is not None and not request.POST:
        form.initial.update(text_ru=unit.text_ru, text_en=unit.text_en)
    return form, unit


def _unit(version: Any, uid: str) -> rules.Unit | None:
    return next((u for u in version.text if u.uid == uid), None)


def _label(version: Any, unit: rules.Unit | None) -> rules.Label | None:
    return rules.number_units(version.text).get(unit.uid) if unit else None


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document(request.user, pk)
    if not permissions.can_edit(request.user, document):
        raise PermissionDenied
    latest = selectors.version(document)
    labels = rules.number_units(latest.text)
    targets = [(u.uid, f"{labels[u.uid].ru} {u.text_ru[:60]}".strip()) for u in latest.text]
    form, unit = _change_form(request, latest, EditForm, targets=targets)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            version = services.edit_text(
                document,
                actor=actor_of(request),
                base_number=d["base_version"],
                operation=_operation(d),
                note=d["note"],
            )
        except DomainError as error:
            _fail(form, error, document)
        else:
            messages.success(request, _("Version %(n)s made.") % {"n": version.number})
            return redirect("documents:document-detail", pk=document.pk)
    return render(
        request,
        "documents/change_form.html",
        {
            "document": document,
            "form": form,
            "unit": unit,
            "label": _label(latest, unit),
            "mode": "edit",
        },
        status=400 if form.errors else 200,
    )


@login_required
def amendment_detail(request: HttpRequest, pk: int, amendment_id: int) -> HttpResponse:
    document = selectors.with_history(request.user, pk)
    amendment = get_object_or_404(selectors.amendments(document), pk=amendment_id)
    base = selectors.version(document, amendment.version.number)
    before = _unit(base, amendment.uid)
    after = rules.apply_operation(base.text, amendment.operation)
    proposed = next((u for u in after if u.uid == amendment.uid), None)
    decision = DecisionForm(
        request.POST or None,
        initial={
            "base_version": document.latest_number,
            "text_ru": proposed.text_ru if proposed else "",
            "text_en": proposed.text_en if proposed else "",
        },
    )
    if request.method == "POST" and _decided(request, amendment, decision):
        messages.success(request, _("Decision recorded."))
        return redirect(reverse("documents:amendment-inbox", kwargs={"pk": document.pk}))
    return render(
        request,
        "documents/amendment_detail.html",
        {
            "document": document,
            "a": amendment,
            "before": before,
            "proposed": proposed,
            "label": _label(base, before or proposed) if (before or proposed) else None,
            "ops_ru": rules.word_diff(_text(before, "ru"), _text(proposed, "ru")),
            "ops_en": rules.word_diff(_text(before, "en"), _text(proposed, "en")),
            "decision": decision,
            "can_decide": permissions.can_decide(request.user, amendment),
            "can_support": permissions.can_support(request.user, amendment),
            "can_withdraw": permissions.can_withdraw(request.user, amendment),
        },
        status=400 if decision.errors else 200,
    )


def _text(unit: Unit | None, language: str) -> str:
    return unit.text(language) if unit else ""


def _decided(request: HttpRequest, amendment: Amendment, decision: DecisionForm) -> bool:
    """The editor's decision from the form, recorded; False with the form's errors set if not."""
    if not permissions.can_decide(request.user, amendment):
        raise PermissionDenied
    if not decision.is_valid():
        return False
    d = decision.cleaned_data
    try:
        services.decide_amendment(
            amendment,
            actor=actor_of(request),
            decision=d["decision"],
            base_number=d["base_version"],
            reason=d["reason"],
            text_ru=d["text_ru"] or None,
            text_en=d["text_en"] or None,
        )
    except DomainError as error:
        _fail(decision, error, amendment.document)
        return False
    return True


@login_required
@require_POST
def amendment_action(request: HttpRequest, pk: int, amendment_id: int, action: str) -> HttpResponse:
    """A delegation supports, or withdraws, an amendment; the service checks who may."""
    document = selectors.document(request.user, pk)
    amendment = get_object_or_404(selectors.amendments(document), pk=amendment_id)
    service = {"support": services.support_amendment, "withdraw": services.withdraw_amendment}[
        action
    ]
    try:
        service(amendment, actor=actor_of(request))
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("documents:amendment-detail", pk=pk, amendment_id=amendment_id)


@login_required
@require_POST
def declare_final(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document(request.user, pk)
    if not permissions.can_edit(request.user, document):
        raise PermissionDenied
    try:
        version = finality.declare_final(
            document,
            actor=actor_of(request),
            base_number=_int(request.POST.get("base_version")) or 0,
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Version %(n)s is final.") % {"n": version.number})
    return redirect("documents:document-detail", pk=pk)


@login_required
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to attach."))
    else:
        try:
            services.add_attachment(
                document, actor=actor_of(request), upload=form.cleaned_data["file"]
            )
        except DomainError as error:
            messages.error(request, str(error.message))
    return redirect("documents:document-detail", pk=pk)


@login_required
def attachment_download(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    document: Document = selectors.document(request.user, pk)
    attachment = get_object_or_404(document.attachments, pk=attachment_id)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
