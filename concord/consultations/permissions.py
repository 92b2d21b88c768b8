"""Who may do what in consultations. A position or signature is given only by a delegation of that
state in a role that commits it; the Secretariat runs the procedure; what a user may not see does
not exist for them."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from concord.core.actors import Someone
from concord.core.models import viewer_of
from concord.core.permissions import reads_adopted_only
from concord.core.permissions import speaking_state as speaking_state  # re-exported for this app
from concord.core.rules import Role

from .models import Consultation
from .states import QuestionKind


def consultations_visible_to(user: Someone) -> QuerySet[Consultation]:
    if reads_adopted_only(user):  # members of parliament read what was adopted, in documents
        return Consultation.objects.none()
    return Consultation.objects.visible_to(user)


def opened_by(user: Someone, ids: Iterable[int | None]) -> set[int]:
    """Which of these consultations the user may open: other modules link to a consultation (a
    decision, a change before the bodies) only for them. One query."""
    asked = [pk for pk in ids or () if pk is not None]
    if not asked:
        return set()
    return set(consultations_visible_to(user).filter(pk__in=asked).values_list("pk", flat=True))


def runs_procedures(user: Someone) -> bool:
    return viewer_of(user).is_secretariat_officer


def can_open(user: Someone, kind: str | None = None) -> bool:
    """The Secretariat or a state may put a question forward; an analyst may put forward a joint
    assessment (the escalation of an early-warning alert); a Joint Staff officer a draft decision
    (the annual plan of joint training)."""
    if kind == QuestionKind.ASSESSMENT and viewer_of(user).role == Role.ANALYST:
        return True
    if kind == QuestionKind.DRAFT_DECISION and viewer_of(user).role == Role.STAFF_OFFICER:
        return True
    return runs_procedures(user) or speaking_state(user) is not None
