"""Who may do what in consultations. A position or signature is given only by a delegation of that
state in a role that commits it; the Secretariat runs the procedure; what a user may not see does
not exist for them."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from concord.core.models import viewer_of
from concord.core.rules import Role, speaks_for

from .models import Consultation
from .states import QuestionKind


def consultations_visible_to(user: Any) -> QuerySet[Consultation]:
    return Consultation.objects.visible_to(user)


def runs_procedures(user: Any) -> bool:
    return viewer_of(user).is_secretariat_officer


def speaking_state(user: Any) -> int | None:
    viewer = viewer_of(user)
    return (
        viewer.state_id
        if viewer.state_id is not None and speaks_for(viewer, viewer.state_id)
        else None
    )


def can_open(user: Any, kind: str | None = None) -> bool:
    """The Secretariat or a state may put a question forward; an analyst may put forward a joint
    assessment (the escalation of an early-warning alert)."""
    if kind == QuestionKind.ASSESSMENT and viewer_of(user).role == Role.ANALYST:
        return True
    return runs_procedures(user) or speaking_state(user) is not None
