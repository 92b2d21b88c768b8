"""What waits for the user in consultations (the landing page, `core.waiting`): a delegation that
speaks for its state, the open stages awaiting its position; the Secretariat, the open stages whose
deadline has passed and that it has to close, and the emergency questions with no stage open yet."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.core.waiting import LIMIT, Waiting, day_of

from . import permissions, selectors
from .models import Stage
from .states import StageStatus


def _item(stage: Stage, kind: str) -> Waiting:
    return Waiting(
        title=f"{stage.consultation} · {stage.body}",
        url=reverse("consultations:consultation-detail", args=[stage.consultation_id]),
        kind=kind,
        module=_("Consultations"),
        deadline=day_of(stage.deadline),
    )


def waiting(request: HttpRequest) -> list[Waiting]:
    """Four queries at most: the state, the stages awaiting its position; the stages to close, the
    emergencies to open."""
    user = request.user
    found: list[Waiting] = []
    state_id = permissions.speaking_state(user)
    if state_id is not None:
        awaited = selectors.inbox(user, state_id)[:LIMIT]
        found += [_item(s, _("Position awaited from your state")) for s in awaited]
    if permissions.runs_procedures(user):
        due = (
            Stage.objects.filter(
                status=StageStatus.OPEN,
                deadline__lt=timezone.now(),
                consultation__in=permissions.consultations_visible_to(user),
            )
            .select_related("consultation", "body")
            .order_by("deadline", "pk")[:LIMIT]
        )
        found += [_item(s, _("Deadline passed: close the stage")) for s in due]
        unopened = selectors.emergencies(user).exclude(stages__status=StageStatus.OPEN)[:LIMIT]
        found += [
            Waiting(
                title=str(c),
                url=reverse("consultations:consultation-detail", args=[c.pk]),
                kind=_("Emergency question: open its stage before the decision clock"),
                module=_("Consultations"),
                deadline=day_of(c.decide_by),
            )
            for c in unopened
        ]
    return found
