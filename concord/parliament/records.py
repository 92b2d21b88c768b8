"""Writes of the Assembly's reference records: national parliaments with their chambers, the
Assembly's bodies, observers, the programmes of approximation and their items, joint plans with the
Secretariat. Kept by the Secretariat; each write audited."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.core.actions import require
from concord.core.actors import Actor
from concord.core.errors import DomainError
from concord.organization.models import MemberState

from . import permissions
from .codes import Code, Verb
from .models import (
    ApproximationProgramme,
    AssemblyBody,
    JointPlan,
    Observer,
    Parliament,
    ProgrammeItem,
)
from .services import KEEPS

if TYPE_CHECKING:
    from concord.agreements.models import ProcedureStep

ChamberSpec = tuple[str, str, "ProcedureStep | None", str]  # name ru, en, its step, seats


@transaction.atomic
def add_parliament(
    state: MemberState, *, actor: Actor, chambers: Sequence[ChamberSpec], **fields: Any
) -> Parliament:
    """A state's parliament with its chambers, each tied to its step of the state's internal
    procedure (a step of another state is refused)."""
    require(permissions.is_secretariat(actor), KEEPS)
    parliament = Parliament(state=state, **fields)
    parliament.full_clean(exclude=["state"])
    parliament.save()
    for i, (name_ru, name_en, step, seats) in enumerate(chambers):
        if step is not None and step.state_id != state.pk:
            raise DomainError(
                Code.OTHER_PARLIAMENT,
                _("A chamber's step must be one of its own state's steps."),
                field="chambers",
            )
        parliament.chambers.create(
            name_ru=name_ru, name_en=name_en, position=i, step=step, seats=seats
        )
    record(Verb.ADD_PARLIAMENT, actor=actor, target=parliament, summary=state.iso2)
    return parliament


@transaction.atomic
def add_body(*, actor: Actor, **fields: Any) -> AssemblyBody:
    require(permissions.is_secretariat(actor), KEEPS)
    body = AssemblyBody(**fields)
    body.full_clean()
    body.save()
    record(Verb.ADD_BODY, actor=actor, target=body, summary=body.code)
    return body


@transaction.atomic
def add_observer(*, actor: Actor, **fields: Any) -> Observer:
    require(permissions.is_secretariat(actor), KEEPS)
    observer = Observer(**fields)
    observer.full_clean()
    observer.save()
    record(Verb.ADD_OBSERVER, actor=actor, target=observer, summary=observer.name_en)
    return observer


@transaction.atomic
def add_programme(*, actor: Actor, **fields: Any) -> ApproximationProgramme:
    require(permissions.is_secretariat(actor), KEEPS)
    programme = ApproximationProgramme(**fields)
    if programme.last_year < programme.first_year:
        raise DomainError(
            Code.BAD_DATES, _("The last year is before the first."), field="last_year"
        )
    programme.full_clean()
    programme.save()
    record(Verb.ADD_PROGRAMME, actor=actor, target=programme, summary=programme.name_en)
    return programme


@transaction.atomic
def add_item(programme: ApproximationProgramme, *, actor: Actor, **fields: Any) -> ProgrammeItem:
    require(permissions.is_secretariat(actor), KEEPS)
    year = fields.get("year")
    if year is not None and not programme.first_year <= year <= programme.last_year:
        raise DomainError(
            Code.BAD_DATES, _("The year is outside the programme's years."), field="year"
        )
    item = ProgrammeItem(programme=programme, position=programme.items.count() + 1, **fields)
    item.full_clean()
    item.save()
    record(Verb.ADD_ITEM, actor=actor, target=programme, summary=item.title_ru[:100])
    return item


@transaction.atomic
def add_joint_plan(*, actor: Actor, **fields: Any) -> JointPlan:
    require(permissions.is_secretariat(actor), KEEPS)
    plan = JointPlan(**fields)
    plan.full_clean()
    plan.save()
    record(Verb.ADD_PLAN, actor=actor, target=plan, summary=str(plan.year))
    return plan
