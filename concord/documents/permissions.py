"""Who may do what with documents. The Secretariat's officers are the editors; a delegation speaks
only for its own state; what a user may not see does not exist for them."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from concord.core.models import viewer_of
from concord.core.rules import speaks_for

from .models import Amendment, Document
from .states import AmendmentStatus, DocumentStatus


def documents_visible_to(user: Any) -> QuerySet[Document]:
    return Document.objects.visible_to(user)


def is_editor(user: Any) -> bool:
    return viewer_of(user).is_secretariat_officer


def speaking_state(user: Any) -> int | None:
    """The state the user may speak for now, if any."""
    viewer = viewer_of(user)
    if viewer.state_id is not None and speaks_for(viewer, viewer.state_id):
        return viewer.state_id
    return None


def can_create(user: Any) -> bool:
    return is_editor(user) or speaking_state(user) is not None


def can_edit(user: Any, document: Document) -> bool:
    return is_editor(user) and document.status != DocumentStatus.FINAL


def can_propose(user: Any, document: Document) -> bool:
    return speaking_state(user) is not None and document.status != DocumentStatus.FINAL


def can_support(user: Any, amendment: Amendment) -> bool:
    state = speaking_state(user)
    return (
        state is not None
        and state != amendment.state_id
        and amendment.status == AmendmentStatus.PENDING
    )


def can_withdraw(user: Any, amendment: Amendment) -> bool:
    return (
        speaking_state(user) == amendment.state_id and amendment.status == AmendmentStatus.PENDING
    )


def can_decide(user: Any, amendment: Amendment) -> bool:
    return (
        is_editor(user)
        and amendment.status == AmendmentStatus.PENDING
        and amendment.document.status != DocumentStatus.FINAL
    )


def can_attach(user: Any, document: Document) -> bool:
    return is_editor(user) or speaking_state(user) is not None
