"""Writing to the audit log. Every service of every app calls `record` inside its transaction."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from concord.core.actors import SYSTEM, Actor, Person, user_of

from .models import Entry, Head
from .rules import entry_hash


def hashed_fields(entry: Entry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at.astimezone(dt.UTC).isoformat(),
        "actor": entry.actor_id,
        "actor_username": entry.actor_username,
        "acting_for": entry.acting_for,
        "verb": entry.verb,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "summary": entry.summary,
        "changes": entry.changes,
    }


def record(
    verb: StrEnum,
    *,
    actor: Actor,
    target: models.Model | None = None,
    summary: str = "",
    changes: Mapping[str, Any] | None = None,
    acting_for: str | None = None,
) -> Entry:
    """Append one entry: who (acting for whom) did what to which object.

    `verb` is one of the acting app's `Verb` members; `actor` a person or SYSTEM, never None."""
    user = user_of(actor)
    with transaction.atomic():
        head = Head.objects.select_for_update().filter(pk=1).first()
        if head is None:
            if Entry.objects.exists():  # never start a second chain beside a broken one
                raise RuntimeError(
                    "The audit chain's head is missing; run `manage.py verify_audit`."
                )
            head = Head.objects.create(pk=1)
        entry = Entry(
            seq=head.seq + 1,
            at=timezone.now(),
            actor=user,
            actor_username=user.get_username() if user else "",
            acting_for=acting_for if acting_for is not None else _acting_for(user),
            verb=str(verb),
            object_type=target._meta.label_lower if target is not None else "",
            object_id=str(target.pk) if target is not None else "",
            object_repr=str(target)[:300] if target is not None else "",
            summary=summary,
            changes=_as_stored(dict(changes or {})),
            prev_hash=head.hash,
        )
        entry.hash = entry_hash(entry.prev_hash, hashed_fields(entry))
        entry.save(force_insert=True)
        Head.objects.filter(pk=head.pk).update(seq=entry.seq, hash=entry.hash)
    return entry


def _as_stored(changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` exactly as the database will give it back, so the hash can be recomputed from the
    row: dates and decimals become strings (DjangoJSONEncoder), and so do floats, whose digits
    PostgreSQL's jsonb would otherwise rewrite."""

    def plain(value: Any) -> Any:
        if isinstance(value, float):
            return repr(value)
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    result: dict[str, Any] = plain(json.loads(json.dumps(changes, cls=DjangoJSONEncoder)))
    return result


def _acting_for(user: Person | None) -> str:
    if user is None:
        return SYSTEM.acting_for_label
    return user.acting_for_label or str(user.viewer.role)


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The fields that changed, as {"field": [old, new]}."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
