"""Who may do what with documents. The Secretariat's officers are the editors; a delegation speaks
only for its own state; what a user may not see does not exist for them."""

from __future__ import annotations

from django.db.models import QuerySet

from concord.core.actors import SYSTEM, Someone
from concord.core.models import viewer_of
from concord.core.permissions import reads_adopted_only
from concord.core.permissions import speaking_state as speaking_state  # re-exported for this app
from concord.core.rules import Role

from .models import Amendment, Document
from .states import AmendmentStatus, DocumentStatus


def documents_visible_to(user: Someone) -> QuerySet[Document]:
    documents = Document.objects.visible_to(user)
    if reads_adopted_only(user):  # members of parliament
        return documents.filter(status=DocumentStatus.ADOPTED)
    return documents


def is_editor(user: Someone) -> bool:
    return viewer_of(user).is_secretariat_officer


def can_create(user: Someone) -> bool:
    """The editor, a delegation, an analyst (the draft of a joint assessment of an alert), or a
    Joint Staff officer (the text of the annual plan of joint training)."""
    drafter = viewer_of(user).role in (Role.ANALYST, Role.STAFF_OFFICER)
    return is_editor(user) or speaking_state(user) is not None or drafter


def _negotiated(document: Document) -> bool:
    """Still negotiated: not final, not adopted."""
    return document.status == DocumentStatus.NEGOTIATION


def can_revise(user: Someone, document: Document) -> bool:
    """A staff officer of the organ that drafted a text it generates from its own records (the Joint
    Staff's training plan, listing the plan's events) replaces the text while it is negotiated."""
    viewer = viewer_of(user)
    return (
        viewer.role == Role.STAFF_OFFICER
        and viewer.body_id is not None
        and viewer.body_id == document.owner_body_id
        and _negotiated(document)
    )


def can_edit(user: Someone, document: Document) -> bool:
    """The editor, while the text is negotiated or a correction of the adopted text is under way."""
    correcting = document.status == DocumentStatus.ADOPTED and document.under_correction
    return is_editor(user) and (_negotiated(document) or correcting)


def can_propose(user: Someone, document: Document) -> bool:
    return speaking_state(user) is not None and _negotiated(document)


def can_adopt(user: Someone) -> bool:
    """The Secretariat records what a body adopted (the system, when a procedure closes by itself)."""
    return user is SYSTEM or is_editor(user)


def can_support(user: Someone, amendment: Amendment) -> bool:
    state = speaking_state(user)
    return (
        state is not None
        and state != amendment.state_id
        and amendment.status == AmendmentStatus.PENDING
    )


def can_withdraw(user: Someone, amendment: Amendment) -> bool:
    return (
        speaking_state(user) == amendment.state_id and amendment.status == AmendmentStatus.PENDING
    )


def can_decide(user: Someone, amendment: Amendment) -> bool:
    return (
        is_editor(user)
        and amendment.status == AmendmentStatus.PENDING
        and _negotiated(amendment.document)
    )


def can_attach(user: Someone, document: Document) -> bool:
    return is_editor(user) or speaking_state(user) is not None
