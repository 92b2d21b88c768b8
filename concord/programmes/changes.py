"""Changes to an adopted programme, as the consultations module decides them: adopted when their
consultation is adopted (the event), withdrawn by the Secretariat."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from concord.consultations import selectors as consultations
from concord.consultations.events import ConsultationAdopted
from concord.core.actions import require, transition
from concord.core.actors import SYSTEM, Actor
from concord.core.events import subscribe

from . import permissions
from .codes import Verb
from .models import ProgrammeChange
from .states import CHANGE_FLOW, ChangeStatus


@transaction.atomic
def adopt_change(change: ProgrammeChange, *, actor: Actor) -> ProgrammeChange:
    require(
        permissions.can_record_change_adoption(actor),
        _("A change is adopted by its consultation, not by hand."),
    )
    adoption = consultations.adoption(change.consultation_id)
    return transition(
        change,
        ChangeStatus.ADOPTED,
        flow=CHANGE_FLOW,
        actor=actor,
        verb=Verb.ADOPT_CHANGE,
        adopted_on=adoption.on if adoption else None,
    )


@transaction.atomic
def withdraw_change(
    change: ProgrammeChange, *, actor: Actor, version: int | None = None
) -> ProgrammeChange:
    require(
        permissions.can_withdraw_change(actor, change),
        _("Only the Secretariat withdraws a proposed change."),
    )
    return transition(
        change,
        ChangeStatus.WITHDRAWN,
        flow=CHANGE_FLOW,
        actor=actor,
        verb=Verb.WITHDRAW_CHANGE,
        version=version,
    )


def change_adopted(event: ConsultationAdopted) -> None:
    change = ProgrammeChange.objects.filter(
        consultation_id=event.consultation_id, status=ChangeStatus.PROPOSED
    ).first()
    if change is not None:
        adopt_change(change, actor=SYSTEM)


def connect() -> None:
    subscribe(ConsultationAdopted, change_adopted)
