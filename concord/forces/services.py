"""Writes on formations and units: pledging, changing and certifying a unit. The other concerns have
their own modules (readiness.py, training.py, deployments.py); every write is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.audit.services import record
from concord.core.actions import lock, require
from concord.core.actors import Actor
from concord.core.errors import DomainError

from . import permissions
from .codes import Code, Verb
from .models import Formation, Unit

REGISTER_ONLY = gettext_lazy("Only the Joint Staff keeps the register of pledged units.")

UNIT_FIELDS = (
    "name_ru",
    "name_en",
    "state",
    "formation",
    "kind",
    "personnel",
    "strength",
    "readiness",
    "home_base_ru",
    "home_base_en",
    "assigned_by_ru",
    "assigned_by_en",
    "withdrawn_on",
    "demo",
)


def _check_participates(formation: Formation, state_id: int) -> None:
    if not formation.states.filter(pk=state_id).exists():
        raise DomainError(
            Code.NOT_PARTICIPATING,
            _("This state does not take part in %(formation)s.") % {"formation": formation},
            field="formation",
        )


@transaction.atomic
def pledge_unit(*, actor: Actor, **fields: Any) -> Unit:
    """A unit a state pledges to a formation, as the Joint Staff records it."""
    require(permissions.keeps_register(actor), REGISTER_ONLY)
    unit = Unit(**{k: v for k, v in fields.items() if k in UNIT_FIELDS})
    _check_participates(unit.formation, unit.state_id)
    unit.full_clean()
    unit.save()
    record(Verb.SAVE_UNIT, actor=actor, target=unit, summary=str(unit))
    return unit


@transaction.atomic
def change_unit(unit: Unit, *, actor: Actor, version: int | None = None, **fields: Any) -> Unit:
    require(permissions.keeps_register(actor), REGISTER_ONLY)
    unit = lock(unit, version=version)
    changes = {}
    for name in UNIT_FIELDS:
        if name in fields:
            before = getattr(unit, name)
            if before != fields[name]:
                changes[name] = [str(before), str(fields[name])]
            setattr(unit, name, fields[name])
    _check_participates(unit.formation, unit.state_id)
    unit.full_clean()
    unit.version += 1
    unit.save()
    record(Verb.SAVE_UNIT, actor=actor, target=unit, summary=str(unit), changes=changes)
    return unit


@transaction.atomic
def certify_unit(unit: Unit, *, actor: Actor, on: dt.date, version: int | None = None) -> Unit:
    """The Joint Staff certifies a pledged unit as ready to serve with its formation."""
    require(permissions.keeps_register(actor), REGISTER_ONLY)
    unit = lock(unit, version=version)
    if on > dt.date.today():
        raise DomainError(
            Code.BAD_DATES, _("A certification cannot be dated in the future."), field="on"
        )
    unit.certified_on = on
    unit.version += 1
    unit.save(update_fields=["certified_on", "version"])
    record(Verb.CERTIFY_UNIT, actor=actor, target=unit, summary=f"{unit} {on:%Y-%m-%d}")
    return unit
