"""The publications' scheduled job.

A publication scheduled for later (`publish_at` in the future) appears by itself: the pages, the
feeds, the sitemap and the API filter on `publish_at <= now` when they read, and its search entries
are written when it is published, with `available_from` = `publish_at`, which the search filters
the same way. Nothing has to happen at the moment it goes live. The job checks that every live
publication can be found (its entries exist, with the current time) and indexes again any whose
entries are missing, e.g. after a restore or a search-index rebuild cut short."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from concord.audit.services import record
from concord.core.actors import SYSTEM
from concord.core.scheduler import job

from .codes import Verb
from .indexing import index_publication
from .models import Publication, SearchEntry
from .states import Kind, Status


def index_live_publications(*, now: dt.datetime) -> list[Publication]:
    """Index the live publications that have no search entry; the ones indexed (audited if any)."""
    indexed = {
        int(pk)
        for pk in SearchEntry.objects.filter(kind=Kind.PUBLICATION).values_list(
            "object_id", flat=True
        )
    }
    missing = [
        p
        for p in Publication.objects.filter(status=Status.PUBLISHED, publish_at__lte=now)
        if p.pk not in indexed
    ]
    if missing:
        with transaction.atomic():
            for pub in missing:
                index_publication(pub)
            record(
                Verb.INDEX_LIVE,
                actor=SYSTEM,
                summary=f"{len(missing)} live publication(s) indexed for search",
                changes={"publications": [p.pk for p in missing]},
            )
    return missing


@job("publications.index_live", every=dt.timedelta(minutes=5))
def index_live(now: dt.datetime) -> str:
    done = index_live_publications(now=now)
    return f"{len(done)} live publication(s) indexed" if done else ""
