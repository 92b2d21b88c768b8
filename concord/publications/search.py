"""The one search function: public publications for everyone, and for signed-in users everything they
may see. SQLite answers through FTS5, PostgreSQL through its full-text search; both read the same
stems (`text.py`), so they find the same things.

What a user may not see is filtered in SQL before anything is counted, ranked or quoted: the entries
carry their object's marking, owner and release list, and `visible_to` is the same rule as everywhere.

A common word matches tens of thousands of entries; counting and ranking every match would cost
more than it tells. So the newest matches are taken, at most COUNT_UP_TO of them (the database walks
the entries from the last one written and stops there, or for rare words finds them all through the
full-text index), and ranked by relevance and recency; beyond that number the count says "more than".
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import BooleanField, FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.core.actors import Someone
from concord.core.permissions import reads_adopted_only

from . import caching
from .models import SearchEntry
from .states import Kind
from .text import Term, fts5, highlight, parse, tsquery

COUNT_UP_TO = 500  # matches counted and ranked; a query with more is told "more than" that
RECENCY_HALF_LIFE_DAYS = 365.0


@dataclass
class Hit:
    entry: SearchEntry
    title: str  # escaped HTML with <mark>
    snippet: str  # escaped HTML with <mark>
    score: float


@dataclass
class Results:
    query: str
    total: int = 0  # matches the user may see, counted up to COUNT_UP_TO
    more: bool = False  # there are more matches than `total`
    hits: list[Hit] = field(default_factory=list)
    message: str = ""
    page: int = 1
    pages: int = 0


# The full-text parts, per backend; the user's words only ever arrive as parameters.
PG_MATCH = "publications_searchentry.vector @@ to_tsquery('simple', %s)"
PG_RANK = "ts_rank_cd(publications_searchentry.vector, to_tsquery('simple', %s))"
FTS_NEWEST = (  # bm25() needs the FTS5 query itself, which is joined to the entries the user may see
    "SELECT f.rowid, e.date, -bm25(publications_search_fts) FROM publications_search_fts f JOIN ({entries}) e ON e.id = f.rowid "
    "WHERE publications_search_fts MATCH %s ORDER BY f.rowid DESC LIMIT %s"
)


def _newest(
    entries: QuerySet[SearchEntry], terms: list[Term], limit: int
) -> list[tuple[int, dt.datetime, float]]:
    """The newest `limit` of `entries` that match, newest first: id, date and relevance."""
    if connection.vendor == "postgresql":
        query = tsquery(terms)
        return list(
            entries.filter(RawSQL(PG_MATCH, [query], output_field=BooleanField()))  # noqa: S611
            .annotate(relevance=RawSQL(PG_RANK, [query], output_field=FloatField()))  # noqa: S611
            .order_by("-pk")
            .values_list("pk", "date", "relevance")[:limit]
        )
    sql, params = entries.values("id", "date").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(FTS_NEWEST.format(entries=sql), [*params, fts5(terms), limit])
        return [
            (pk, timezone.make_aware(date, connection.timezone), rank)  # as the ORM reads them
            for pk, date, rank in cursor.fetchall()
        ]


def search(
    user: Someone,
    q: str,
    *,
    kinds: list[str] | None = None,
    section: str = "",
    language: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
    page: int = 1,
    per_page: int = 20,
    public_only: bool = False,
    now: dt.datetime | None = None,
) -> Results:
    """The page of results; served from the cache per visibility class unless `now` is given."""
    filters: dict[str, Any] = {
        "kinds": kinds,
        "section": section,
        "language": language,
        "start": start,
        "end": end,
        "page": page,
    }
    if now is not None:
        return _search(user, q, per_page=per_page, public_only=public_only, now=now, **filters)
    parts = cache_parts(user, q, per_page=per_page, public_only=public_only, **filters)
    return caching.remembered(
        parts,
        lambda: _slim(
            _search(user, q, per_page=per_page, public_only=public_only, now=now, **filters)
        ),
    )


def cache_parts(
    user: Someone, q: str, *, per_page: int, public_only: bool, **filters: Any
) -> tuple[Any, ...]:
    """What names a search's results in the cache: the caller's visibility class (never the
    results of another class), the words and every filter."""
    return (
        caching.visibility_class(user, public_only=public_only),
        q,
        per_page,
        sorted((name, str(value)) for name, value in filters.items()),
    )


def _slim(results: Results) -> Results:
    """Without the entries' whole texts (read for the snippets), which the cache need not keep."""
    for hit in results.hits:
        SearchEntry.text.related.delete_cached_value(hit.entry)
    return results


def _search(
    user: Someone,
    q: str,
    *,
    kinds: list[str] | None,
    section: str,
    language: str,
    start: dt.date | None,
    end: dt.date | None,
    page: int,
    per_page: int,
    public_only: bool,
    now: dt.datetime | None,
) -> Results:
    now = now or timezone.now()
    results = Results(query=q)
    terms = parse(q)
    if not terms:
        results.message = _("Type at least one word to search for.")
        return results
    entries = _narrowed(
        _findable(user, public_only=public_only, now=now),
        kinds=kinds,
        section=section,
        language=language,
        start=start,
        end=end,
    )
    newest = _newest(entries, terms, COUNT_UP_TO + 1)
    results.more = len(newest) > COUNT_UP_TO
    newest = newest[:COUNT_UP_TO]
    results.total = len(newest)
    if not results.total:
        results.message = _("Nothing found. Check the spelling or use fewer words.")
        return results
    scores = _ranked(newest, now)
    results.pages = math.ceil(len(scores) / per_page)
    results.page = max(1, min(page, results.pages or 1))
    chosen = list(scores)[(results.page - 1) * per_page : results.page * per_page]
    results.hits = _hits(chosen, terms, scores)
    return results


def _findable(user: Someone, *, public_only: bool, now: dt.datetime) -> QuerySet[SearchEntry]:
    """The entries this user may find, leaving out those scheduled to appear later."""
    public = public_only or user is None or not user.is_authenticated
    entries: QuerySet[SearchEntry] = (
        SearchEntry.objects.filter(kind=Kind.PUBLICATION)
        if public
        else SearchEntry.objects.visible_to(user)
    )
    if reads_adopted_only(user):
        entries = entries.filter(negotiation=False)
    return entries.filter(Q(available_from__isnull=True) | Q(available_from__lte=now))


def _narrowed(
    entries: QuerySet[SearchEntry],
    *,
    kinds: list[str] | None,
    section: str,
    language: str,
    start: dt.date | None,
    end: dt.date | None,
) -> QuerySet[SearchEntry]:
    """The entries within the filters the user set; a filter left empty narrows nothing."""
    lookups = {
        "kind__in": kinds,
        "section": section,
        # The API passes on whatever it is given: an unknown language means any, not none.
        "language": language if language in ("ru", "en") else "",
        "date__date__gte": start,
        "date__date__lte": end,
    }
    for lookup, value in lookups.items():
        if value:
            entries = entries.filter(**{lookup: value})
    return entries


def _ranked(newest: list[tuple[int, dt.datetime, float]], now: dt.datetime) -> dict[int, float]:
    """Each match's score, best first: its relevance against the best match's, plus up to a half
    for recency that halves every RECENCY_HALF_LIFE_DAYS. Equal scores keep the newest first."""
    top = max(rank for _pk, _date, rank in newest) or 1.0
    scores: dict[int, float] = {}
    for pk, date, rank in newest:
        age = max(0.0, (now - date).total_seconds() / 86400)
        scores[pk] = float(rank) / top + 0.5 * math.exp(-age * math.log(2) / RECENCY_HALF_LIFE_DAYS)
    return dict(sorted(scores.items(), key=lambda pk_score: pk_score[1], reverse=True))


def _hits(chosen: list[int], terms: list[Term], scores: dict[int, float]) -> list[Hit]:
    """The page's entries, the only ones read whole, with the words found marked."""
    found = SearchEntry.objects.select_related("text").defer("stems").in_bulk(chosen)
    return [
        Hit(
            found[pk],
            highlight(found[pk].text.title, terms, around=100, limit=100),
            highlight(found[pk].text.body, terms),
            scores[pk],
        )
        for pk in chosen
    ]
