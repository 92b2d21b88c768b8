"""Reads of documents, already limited to what the user may see."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from concord.core.actors import Someone
from concord.core.permissions import reads_adopted_only

from . import rules
from .models import Amendment, Document, Version
from .permissions import documents_visible_to
from .rules import Label, Segment, Unit
from .states import GENERATED_KINDS, AmendmentStatus


def documents(
    user: Someone,
    *,
    kind: str = "",
    status: str = "",
    body: str = "",
    language_state: str = "",
    q: str = "",
) -> QuerySet[Document]:
    """The documents `user` may see, filtered. Without a kind, the texts only: the notices the system
    generates (GENERATED_KINDS) are listed when asked for by their kind."""
    qs = (
        documents_visible_to(user)
        .select_related("body", "owner_state", "owner_body", "final_version", "adopted_by")
        .annotate(pending=Count("amendments", filter=Q(amendments__status=AmendmentStatus.PENDING)))
    )
    # without a kind: the texts, not the notices generated about them
    qs = qs.filter(kind=kind) if kind else qs.exclude(kind__in=GENERATED_KINDS)
    if status:
        qs = qs.filter(status=status)
    if body:
        qs = qs.filter(body__code=body)
    if language_state:
        qs = qs.filter(language_state=language_state)
    if q:
        qs = qs.filter(Q(title_ru__icontains=q) | Q(title_en__icontains=q))
    return qs.order_by("-created_at", "-pk")


def document(user: Someone, pk: int) -> Document:
    """The document, or 404 when it does not exist for this user."""
    found = (
        documents_visible_to(user)
        .select_related("body", "owner_state", "owner_body", "final_version", "adopted_by")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def with_history(user: Someone, pk: int) -> Document:
    """The document, for pages that show its negotiation (versions, comparisons, amendments): those
    who do not see negotiations get 404 there, as for a document they may not see."""
    if reads_adopted_only(user):  # earlier versions, comparisons and amendments are the negotiation
        raise Http404
    return document(user, pk)


def readable_version(user: Someone, document: Document, number: int | None = None) -> Version:
    """The version `user` may read: any, for those who see the negotiation; the adopted one alone,
    for the others."""
    if reads_adopted_only(user):
        adopted = document.final_version
        if adopted is None or number not in (None, adopted.number):
            raise Http404
        number = adopted.number
    return version(document, number)


def latest_version(document_id: int) -> Version | None:
    """The latest version read afresh (a document held in memory may be older than its text)."""
    return Version.objects.filter(document_id=document_id).order_by("-number").first()


def version(document: Document, number: int | None = None) -> Version:
    found = (
        Version.objects.filter(document=document, number=number or document.latest_number)
        .select_related("created_by")
        .first()
    )
    if found is None:
        raise Http404
    return found


def versions(document: Document) -> QuerySet[Version]:
    return (
        Version.objects.filter(document=document)
        .select_related("created_by", "amendment__state")
        .defer("units")
        .order_by("-number")
    )


@dataclass(frozen=True)
class UnitView:
    unit: Unit
    label: Label
    segments_ru: list[Segment]
    segments_en: list[Segment]
    lagging: str  # "ru" or "en": that language is behind the other; "" in step
    pending: int


def text_view(document: Document, shown: Version) -> list[UnitView]:
    """The units of a version as the document page shows them: numbers, brackets, languages out of
    step, and how many pending amendments point at each unit."""
    units = shown.text
    pending = Counter(
        a.after_uid
        if a.op == rules.OpKind.ADD
        else a.uid  # an added clause is counted at its place
        for a in Amendment.objects.filter(document=document, status=AmendmentStatus.PENDING).only(
            "op", "uid", "after_uid"
        )
    )
    labels = rules.number_units(units)
    return [
        UnitView(
            u,
            labels[u.uid],
            rules.segments(u.text_ru),
            rules.segments(u.text_en),
            shown.lagging.get(u.uid, ""),
            pending[u.uid],
        )
        for u in units
    ]


def amendments(
    document: Document, *, status: str = "", state_id: int | None = None
) -> QuerySet[Amendment]:
    qs = (
        Amendment.objects.filter(document=document)
        .select_related("state", "proposed_by", "version", "decided_by", "result")
        .defer("version__units", "result__units")  # texts are read once per version, not per row
        .prefetch_related("supports__state")
        .order_by("pk")
    )
    if status:
        qs = qs.filter(status=status)
    if state_id is not None:
        qs = qs.filter(state_id=state_id)
    return qs


def unit_key(a: Amendment) -> str:
    """The unit an amendment is about: the one it changes, or the one a new unit follows."""
    return a.after_uid if a.op == rules.OpKind.ADD else a.uid


def inbox(
    document: Document, *, status: str, page_number: Any, per_page: int = 100
) -> tuple[Any, dict[int, set[int]]]:
    """One page of a document's amendments, in the order of the units they touch (so amendments to
    the same words stand together), and the conflicts of those on the page."""
    from django.core.paginator import Paginator

    order = {u["uid"]: i for i, u in enumerate(version(document).units)}
    amendments = sorted(
        amendments_of(document, status), key=lambda a: (order.get(unit_key(a), len(order)), a.pk)
    )
    page = Paginator(amendments, per_page).get_page(page_number)
    on_page = {unit_key(a) for a in page}
    pending = [
        a for a in amendments if a.status == AmendmentStatus.PENDING and unit_key(a) in on_page
    ]
    return page, conflict_groups(pending)


def amendments_of(document: Document, status: str) -> list[Amendment]:
    return list(amendments(document, status="" if status == "all" else status))


def conflict_groups(pending: list[Amendment]) -> dict[int, set[int]]:
    """For each pending amendment, the others it conflicts with (touching the same words).

    Amendments on the same version are compared word by word; on different versions, two changes
    to the same unit are treated as conflicting, since their words cannot be lined up safely."""
    by_uid: dict[str, list[Amendment]] = {}
    for a in pending:
        by_uid.setdefault(unit_key(a), []).append(a)
    texts = _texts_to_compare(by_uid.values())
    spans = _touched_words(pending, texts)
    result: dict[int, set[int]] = {a.pk: set() for a in pending}
    for group in by_uid.values():
        for a, b in combinations(group, 2):
            if _conflict(a, b, texts, spans):
                result[a.pk].add(b.pk)
                result[b.pk].add(a.pk)
    return result


Spans = dict[str, list[tuple[int, int]]]


def _texts_to_compare(groups: Iterable[list[Amendment]]) -> dict[int, list[Unit]]:
    """Version id -> its text, read only for the versions of amendments that share a unit."""
    shared = {a.version_id for g in groups if len(g) > 1 for a in g}
    return {v.pk: v.text for v in Version.objects.filter(pk__in=shared).only("units")}


def _touched_words(pending: list[Amendment], texts: dict[int, list[Unit]]) -> dict[int, Spans]:
    """Amendment id -> the words each change touches, computed once rather than once per pair."""
    return {
        a.pk: rules.touched(texts[a.version_id], a.operation)
        for a in pending
        if a.version_id in texts and a.op == rules.OpKind.MODIFY
    }


def _conflict(
    a: Amendment, b: Amendment, texts: dict[int, list[Unit]], spans: dict[int, Spans]
) -> bool:
    """Whether two amendments to the same unit conflict."""
    if a.version_id != b.version_id:
        # Their words cannot be lined up: two additions after the unit conflict, and so do two
        # changes to it, but an addition beside a change does not.
        return (a.op == rules.OpKind.ADD) == (b.op == rules.OpKind.ADD)
    pair = (spans[a.pk], spans[b.pk]) if a.pk in spans and b.pk in spans else None
    return rules.conflicts(texts[a.version_id], a.operation, b.operation, pair)


def my_amendments(user: Someone, state_id: int) -> QuerySet[Amendment]:
    """A delegation's amendments across every document its user may see."""
    return (
        Amendment.objects.filter(state_id=state_id, document__in=documents_visible_to(user))
        .select_related("document", "version", "result")
        .defer("version__units", "result__units")
        .order_by("-pk")
    )
