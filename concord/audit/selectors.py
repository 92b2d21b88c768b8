from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db import models
from django.db.models import QuerySet

from .models import Entry, Head
from .rules import Problem, first_problem
from .services import hashed_fields


def entries(
    *,
    actor: str = "",
    verb: str = "",
    object_type: str = "",
    object_id: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[Entry]:
    qs = Entry.objects.all()
    if actor:
        qs = qs.filter(actor_username=actor)
    if verb:
        qs = qs.filter(verb=verb)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if object_id:
        qs = qs.filter(object_id=object_id)
    if since:
        qs = qs.filter(at__date__gte=since)
    if until:
        qs = qs.filter(at__date__lte=until)
    return qs.order_by("-seq")


def verbs() -> list[str]:
    return list(Entry.objects.order_by("verb").values_list("verb", flat=True).distinct())


def object_types() -> list[str]:
    return list(
        Entry.objects.order_by("object_type").values_list("object_type", flat=True).distinct()
    )


def chain_problem() -> Problem | None:
    """Check the whole chain, streaming it in sequence order."""

    def rows() -> Iterator[tuple[int, str, str, dict[str, Any]]]:
        for entry in Entry.objects.order_by("seq").iterator(chunk_size=2000):
            yield entry.seq, entry.prev_hash, entry.hash, hashed_fields(entry)

    head = Head.objects.filter(pk=1).values_list("seq", "hash").first()
    return first_problem(rows(), head=head)


def last_seq_for(obj: models.Model) -> int:
    """The number of the newest entry about `obj` (0 if none): a version stamp for optimistic locking."""
    latest = (
        Entry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
        .order_by("-seq")
        .values_list("seq", flat=True)
        .first()
    )
    return latest or 0


def record_version() -> int:
    """The number of the newest entry of the whole log (0 before the first): it moves, in the
    transaction of the change, with every write the product makes (`core.pagecache`)."""
    return Head.objects.filter(pk=1).values_list("seq", flat=True).first() or 0
