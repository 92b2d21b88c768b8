"""How a text ends: declared final by the editor, adopted by a body, corrected by a procedure of its
own. What is adopted stays adopted: no version, amendment or bracket changes it afterwards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import Conflict, DomainError
from concord.organization.models import Body

from . import checks, permissions, rules
from .codes import Code, Verb
from .models import Amendment, Document, Version
from .services import create_document, latest_version, locked_for_change
from .states import AMENDMENT_FLOW, DOCUMENT_FLOW, AmendmentStatus, DocumentStatus


def declare_final(document: Document, *, actor: Actor, base_number: int) -> Version:
    """The editor closes the text: the latest version, with no open brackets, becomes final.
    Amendments still pending lapse."""
    require(permissions.is_editor(actor), _("Only the editor declares a text final."))
    with transaction.atomic():
        document = locked_for_change(document)
        checks.check_fresh(document, base_number)
        version = latest_version(document)
        lapsed = _close_text(document, version, actor=actor)
        transition(
            document,
            DocumentStatus.FINAL,
            flow=DOCUMENT_FLOW,
            actor=actor,
            verb=Verb.DECLARE_FINAL,
            summary=f"v{version.number} {version.fingerprint}",
            changes={"fingerprint": version.fingerprint, "lapsed": lapsed},
            final_version=version,
        )
    return version


def issue(
    *, actor: Actor, kind: str, units: Sequence[tuple[str, str, str]], marking: str
) -> Document:
    """A text the system writes once and nobody negotiates (a depositary notification): it is
    created final, so no version or amendment follows it."""
    with transaction.atomic():
        document = create_document(actor=actor, kind=kind, units=units, marking=marking)
        version = latest_version(document)
        transition(
            document,
            DocumentStatus.FINAL,
            flow=DOCUMENT_FLOW,
            actor=actor,
            verb=Verb.ISSUE,
            summary=f"v{version.number} {version.fingerprint}",
            changes={"fingerprint": version.fingerprint},
            final_version=version,
        )
    return document


def adopt_text(
    document: Document, *, actor: Actor, version: Version, body: Body, on: dt.date
) -> Document:
    """A body adopted `version` (the text that was before the states): it becomes the adopted text,
    which no version, amendment or bracket changes afterwards; pending amendments lapse. Adopting a
    corrected version ends its correction procedure."""
    require(permissions.can_adopt(actor), _("Only the Secretariat records an adoption."))
    with transaction.atomic():
        document = lock(document)
        if version.document_id != document.pk:
            raise DomainError(Code.VERSION_NOT_FOUND, _("There is no such version."))
        lapsed = _close_text(document, version, actor=actor)
        return transition(
            document,
            DocumentStatus.ADOPTED,
            flow=DOCUMENT_FLOW,
            actor=actor,
            verb=Verb.ADOPT_TEXT,
            summary=f"v{version.number} {version.fingerprint}, {body.name_en} {on}",
            changes={"fingerprint": version.fingerprint, "lapsed": lapsed},
            final_version=version,
            adopted_by=body,
            adopted_on=on,
            under_correction=False,
        )


def open_correction(document: Document, *, actor: Actor) -> Document:
    """A procedure to correct the adopted text begins: the editor may make its versions (recorded as
    corrections) until the procedure adopts one, or ends without it (`end_correction`)."""
    require(permissions.is_editor(actor), _("Only the editor corrects an adopted text."))
    with transaction.atomic():
        document = lock(document)
        if document.status != DocumentStatus.ADOPTED:
            raise Conflict(Code.NOT_ADOPTED, _("Only an adopted text is corrected."))
        document.under_correction = True
        document.save(update_fields=["under_correction"])
        record(Verb.OPEN_CORRECTION, actor=actor, target=document)
    return document


def end_correction(document: Document, *, actor: Actor) -> Document:
    """The correction procedure ended without adopting a corrected version: the adopted text stands."""
    require(permissions.can_adopt(actor), _("Only the Secretariat records an adoption."))
    with transaction.atomic():
        document = lock(document)
        document.under_correction = False
        document.save(update_fields=["under_correction"])
        record(Verb.END_CORRECTION, actor=actor, target=document)
    return document


def _close_text(document: Document, version: Version, *, actor: Actor) -> int:
    """Refused while the text has open brackets; otherwise pending amendments lapse (their number)."""
    brackets = rules.open_brackets(version.text)
    if brackets:
        raise DomainError(
            Code.OPEN_BRACKETS,
            _("The text still has %(n)s open bracket(s); it cannot become final.")
            % {"n": len(brackets)},
            field="base_version",
        )
    return Amendment.objects.filter(
        document=document, status__in=AMENDMENT_FLOW.sources(AmendmentStatus.LAPSED)
    ).update(status=AmendmentStatus.LAPSED, decided_by=user_of(actor), decided_at=timezone.now())
