"""Writing to the audit log. Every service of every app calls `record` inside its transaction."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from concord.core.models import viewer_of

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
    actor: Any,
    *,
    verb: str,
    target: models.Model | None = None,
    summary: str = "",
    changes: dict[str, Any] | None = None,
    acting_for: str | None = None,
) -> Entry:
    """Append one entry: who (acting for whom) did what to which object.

    `actor` is the user, or None for the system itself (demo data, periodic commands).
    """
    with transaction.atomic():
        head, _ = Head.objects.select_for_update().get_or_create(pk=1)
        user = actor if actor is not None and getattr(actor, "pk", None) else None
        entry = Entry(
            seq=head.seq + 1,
            at=timezone.now(),
            actor=user,
            actor_username=user.get_username() if user else "",
            acting_for=acting_for if acting_for is not None else _acting_for(user),
            verb=verb,
            object_type=target._meta.label_lower if target is not None else "",
            object_id=str(target.pk) if target is not None else "",
            object_repr=str(target)[:300] if target is not None else "",
            summary=summary,
            # Stored as it will read back, so that the hash can be recomputed from the row.
            changes=json.loads(json.dumps(changes or {}, cls=DjangoJSONEncoder)),
            prev_hash=head.hash,
        )
        entry.hash = entry_hash(entry.prev_hash, hashed_fields(entry))
        entry.save(force_insert=True)
        Head.objects.filter(pk=head.pk).update(seq=entry.seq, hash=entry.hash)
    return entry


def _acting_for(user: Any) -> str:
    if user is None:
        return "system"
    label: str = getattr(user, "acting_for_label", "")
    return label or str(viewer_of(user).role)


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The fields that changed, as {"field": [old, new]}."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
