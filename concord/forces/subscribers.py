"""What the collective forces do when another app tells them something (docs/architecture.md,
"Domain events"): a training plan is adopted when its consultation is."""

from __future__ import annotations

from concord.consultations import selectors as consultations
from concord.consultations.events import ConsultationAdopted
from concord.core.actors import SYSTEM
from concord.core.events import subscribe

from . import training
from .models import TrainingPlan
from .states import PlanStatus


def plan_adopted(event: ConsultationAdopted) -> None:
    """The plan put before the bodies by this consultation is adopted by the body that adopted it,
    on that day. Running twice changes nothing."""
    plan = TrainingPlan.objects.filter(
        consultation_id=event.consultation_id, status=PlanStatus.UNDER_CONSULTATION
    ).first()
    if plan is None:
        return
    adoption = consultations.adoption(event.consultation_id)
    if adoption is None:
        return
    training.record_adoption(plan, actor=SYSTEM, on=adoption.on, body=adoption.body)


def connect() -> None:
    subscribe(ConsultationAdopted, plan_adopted)
