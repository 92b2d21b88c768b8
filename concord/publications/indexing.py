"""Keeping the search index in step with what the other modules hold: each saved object replaces its
own entries (one per language), carrying the object's visibility. Signals make it incremental;
`reindex_search` rebuilds everything."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from django.db.models import Model, Sum
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django.utils import timezone, translation

from concord.agreements.models import Agreement
from concord.consultations.models import Consultation
from concord.core.rules import Marking
from concord.documents.models import Document, Version
from concord.documents.states import DocumentStatus
from concord.monitoring.models import SituationReport
from concord.monitoring.states import ReportStatus as SitrepStatus
from concord.operations.models import Figure, NationalReport, Stage
from concord.operations.states import ReportStatus
from concord.organization.models import Body

from . import caching
from .models import Publication, SearchEntry, SearchText
from .states import Kind, Status
from .text import stems

TAG = re.compile(r"<[^>]+>")


def plain(html: str) -> str:
    return " ".join(TAG.sub(" ", html).split())


def _url(name: str, language: str, *args: Any) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def _secretariat() -> int:
    return Body.objects.only("pk").get(is_secretariat=True).pk


def replace(
    kind: str,
    object_id: Any,
    texts: Iterable[dict[str, Any]],
    *,
    visibility: dict[str, Any],
    released: Iterable[int] = (),
) -> None:
    """The object's entries become `texts` (one dict per language: title, body, url, date, …)."""
    with transaction.atomic():
        caching.changed(caching.SEARCH)  # cached results are read again once this commits
        SearchEntry.objects.filter(kind=kind, object_id=str(object_id)).delete()
        released = list(released)
        for text in texts:
            if not text.get("title"):
                continue
            title, body = text.pop("title"), text.pop("body", "")
            entry = SearchEntry.objects.create(
                kind=kind,
                object_id=str(object_id),
                stems=stems(f"{title} {body}"),
                **visibility,
                **text,
            )
            SearchText.objects.create(entry=entry, title=title, body=body)
            if released:
                entry.released_to.set(released)


def _visibility(obj: Any) -> dict[str, Any]:
    return {
        "marking": obj.marking,
        "owner_state_id": obj.owner_state_id,
        "owner_body_id": obj.owner_body_id,
    }


def _released(obj: Any) -> list[int]:
    return list(obj.released_to.values_list("pk", flat=True))


def index_publication(pub: Publication) -> None:
    live = pub.status == Status.PUBLISHED and pub.publish_at is not None
    texts = (
        [
            {
                "language": lang,
                "section": pub.section,
                "title": getattr(pub, f"title_{lang}"),
                "body": plain(getattr(pub, f"summary_{lang}") + " " + getattr(pub, f"body_{lang}")),
                "url": _url("publications:publication", lang, pub.slug),
                "date": pub.publish_at,
                "available_from": pub.publish_at,
            }
            for lang in ("ru", "en")
        ]
        if live
        else []
    )
    replace(
        Kind.PUBLICATION,
        pub.pk,
        texts,
        visibility={"marking": Marking.PUBLIC, "owner_body_id": _secretariat()},
    )


def index_document(doc: Document) -> None:
    adopted = doc.status == DocumentStatus.ADOPTED
    version = doc.final_version if adopted else doc.versions.order_by("-number").first()
    units = version.units if version else []
    texts = [
        {
            "language": lang,
            "negotiation": not adopted,
            "title": getattr(doc, f"title_{lang}") or (doc.title_ru if lang == "ru" else ""),
            "body": " ".join(u.get(f"text_{lang}", "") for u in units)[:100_000],
            "url": _url("documents:document-detail", lang, doc.pk),
            "date": version.created_at if version else timezone.now(),
        }
        for lang in ("ru", "en")
    ]
    replace(Kind.DOCUMENT, doc.pk, texts, visibility=_visibility(doc), released=_released(doc))


def index_consultation(c: Consultation) -> None:
    texts = [
        {
            "language": lang,
            "title": getattr(c, f"title_{lang}"),
            "body": c.reason,
            "negotiation": True,
            "date": c.created_at,
            "url": _url("consultations:consultation-detail", lang, c.pk),
        }
        for lang in ("ru", "en")
    ]
    replace(Kind.CONSULTATION, c.pk, texts, visibility=_visibility(c), released=_released(c))


def index_agreement(a: Agreement) -> None:
    when = dt.datetime.combine(a.signed_on or dt.date(2000, 1, 1), dt.time(), tzinfo=dt.UTC)
    texts = [
        {
            "language": lang,
            "title": getattr(a, f"title_{lang}"),
            "date": when,
            "body": f"{getattr(a, f'place_{lang}')} {getattr(a, f'duration_{lang}')} {getattr(a, f'note_{lang}')}",
            "url": _url("agreements:agreement-detail", lang, a.pk),
        }
        for lang in ("ru", "en")
    ]
    replace(Kind.AGREEMENT, a.pk, texts, visibility=_visibility(a), released=_released(a))


def index_results(stage: Stage) -> None:
    """A stage's consolidated totals, seen by those who see the operation's results (the public once
    the Secretariat made them public)."""
    op = stage.operation
    totals = (
        Figure.objects.filter(report__stage=stage, report__status=ReportStatus.CONSOLIDATED)
        .values(
            "indicator__name_ru",
            "indicator__name_en",
            "indicator__unit__code",
            "indicator__position",
        )
        .annotate(total=Sum("value"))
        .order_by("indicator__position")
    )
    rows = list(totals)
    texts = (
        [
            {
                "language": lang,
                "title": f"{getattr(op, f'name_{lang}')} – {getattr(stage, f'name_{lang}')} ({stage.ends_on.year})",
                "body": "; ".join(
                    f"{r[f'indicator__name_{lang}']}: {r['total'].normalize():f} {r['indicator__unit__code'] or ''}".strip()
                    for r in rows
                ),
                "url": _url("operations:results", lang, op.pk) + f"?stage={stage.pk}",
                "date": dt.datetime.combine(stage.ends_on, dt.time(), tzinfo=dt.UTC),
            }
            for lang in ("ru", "en")
        ]
        if rows
        else []
    )
    visibility = _visibility(op) | ({"marking": Marking.PUBLIC} if stage.results_public else {})
    replace(Kind.RESULTS, stage.pk, texts, visibility=visibility, released=_released(op))


def index_situation_report(r: SituationReport) -> None:
    shared = r.status == SitrepStatus.SHARED
    visibility = (
        _visibility(r)
        if shared
        else {
            "marking": Marking.RESTRICTED,
            "owner_state_id": None,
            "owner_body_id": _secretariat(),
        }
    )
    texts = [
        {
            "language": lang,
            "title": getattr(r, f"title_{lang}"),
            "body": getattr(r, f"body_{lang}"),
            "url": _url("monitoring:report-detail", lang, r.pk),
            "date": dt.datetime.combine(r.ends_on, dt.time(), tzinfo=dt.UTC),
        }
        for lang in ("ru", "en")
    ]
    replace(
        Kind.SITUATION_REPORT,
        r.pk,
        texts,
        visibility=visibility,
        released=_released(r) if shared else (),
    )


INDEXERS: list[tuple[type[Model], str, Callable[[Any], None], Callable[[Any], Any]]] = [
    (Publication, Kind.PUBLICATION, index_publication, lambda p: p),
    (Document, Kind.DOCUMENT, index_document, lambda d: d),
    (Version, Kind.DOCUMENT, index_document, lambda v: v.document),
    (Consultation, Kind.CONSULTATION, index_consultation, lambda c: c),
    (Agreement, Kind.AGREEMENT, index_agreement, lambda a: a),
    (Stage, Kind.RESULTS, index_results, lambda s: s),
    (NationalReport, Kind.RESULTS, index_results, lambda r: r.stage),
    (SituationReport, Kind.SITUATION_REPORT, index_situation_report, lambda r: r),
]


def connect() -> None:
    """Index on every save, in the same transaction: what is rolled back leaves the index as it was."""
    for model, kind, indexer, target in INDEXERS:

        def saved(
            sender: Any,
            instance: Any,
            indexer: Callable[[Any], None] = indexer,
            target: Callable[[Any], Any] = target,
            raw: bool = False,
            **kwargs: Any,
        ) -> None:
            if not raw:
                indexer(target(instance))

        post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"search-{model.__name__}")
        if hasattr(model, "released_to"):

            def released(
                sender: Any,
                instance: Any,
                action: str,
                indexer: Callable[[Any], None] = indexer,
                **kwargs: Any,
            ) -> None:
                if action in ("post_add", "post_remove", "post_clear") and isinstance(
                    instance, Model
                ):
                    indexer(instance)

            through = model.released_to.through
            m2m_changed.connect(
                released,
                sender=through,
                weak=False,
                dispatch_uid=f"search-released-{model.__name__}",
            )
        if model not in (Version, NationalReport):

            def deleted(sender: Any, instance: Any, kind: str = kind, **kwargs: Any) -> None:
                caching.changed(caching.SEARCH)
                SearchEntry.objects.filter(kind=kind, object_id=str(instance.pk)).delete()

            post_delete.connect(
                deleted, sender=model, weak=False, dispatch_uid=f"search-delete-{model.__name__}"
            )


def reindex() -> int:
    """Rebuild every entry (the index itself follows through the backend's triggers)."""
    caching.changed(caching.SEARCH)
    SearchEntry.objects.all().delete()
    count = 0
    for model, _kind, indexer, target in INDEXERS:
        if model in (Version, NationalReport):
            continue
        for obj in model._default_manager.all().iterator(chunk_size=500):
            indexer(target(obj))
            count += 1
    return count
