"""The one search function: public publications for everyone, and for signed-in users everything they
may see. SQLite answers through FTS5, PostgreSQL through its full-text search; both read the same
stems (`text.py`), so they find the same things.

What a user may not see is filtered in SQL before anything is counted, ranked or quoted: the entries
carry their object's marking, owner and release list, and `visible_to` is the same rule as everywhere.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SearchEntry
from .states import Kind
from .text import Term, fts5, highlight, parse, tsquery

CANDIDATES = 1000  # the most relevant matches ranked again with recency; counts cover every match
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
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    message: str = ""
    page: int = 1
    pages: int = 0


TABLE = SearchEntry._meta.db_table
# The full-text parts, per backend; the user's words only ever arrive as parameters.
PG_MATCH = f"{TABLE}.vector @@ to_tsquery('simple', %s)"
PG_RANKED = f"SELECT id, ts_rank_cd(vector, to_tsquery('simple', %s)) FROM {TABLE} WHERE vector @@ to_tsquery('simple', %s) ORDER BY 2 DESC LIMIT {CANDIDATES}"  # noqa: S608
FTS_MATCH = f"{TABLE}.id IN (SELECT rowid FROM publications_search_fts WHERE publications_search_fts MATCH %s)"  # noqa: S608
FTS_RANKED = f"SELECT rowid, -bm25(publications_search_fts) FROM publications_search_fts WHERE publications_search_fts MATCH %s ORDER BY rank LIMIT {CANDIDATES}"  # noqa: S608


def _match(terms: list[Term]) -> tuple[RawSQL, str, list[Any]]:
    """The backend's predicate "entry matches", and its query for the most relevant entries."""
    if connection.vendor == "postgresql":
        query = tsquery(terms)
        return RawSQL(PG_MATCH, [query], output_field=BooleanField()), PG_RANKED, [query, query]  # noqa: S611
    query = fts5(terms)
    return RawSQL(FTS_MATCH, [query], output_field=BooleanField()), FTS_RANKED, [query]  # noqa: S611


def search(user: Any, q: str, *, kinds: list[str] | None = None, section: str = "", language: str = "",
           start: dt.date | None = None, end: dt.date | None = None, page: int = 1, per_page: int = 20,
           public_only: bool = False, now: dt.datetime | None = None) -> Results:  # fmt: skip
    now = now or timezone.now()
    results = Results(query=q)
    terms = parse(q)
    if not terms:
        results.message = _("Type at least one word to search for.")
        return results
    public = public_only or user is None or not user.is_authenticated
    entries: QuerySet[SearchEntry] = (
        SearchEntry.objects.filter(kind=Kind.PUBLICATION)
        if public
        else SearchEntry.objects.visible_to(user)
    )
    entries = entries.filter(Q(available_from__isnull=True) | Q(available_from__lte=now))
    if kinds:
        entries = entries.filter(kind__in=kinds)
    if section:
        entries = entries.filter(section=section)
    if language in ("ru", "en"):
        entries = entries.filter(language=language)
    if start:
        entries = entries.filter(date__date__gte=start)
    if end:
        entries = entries.filter(date__date__lte=end)
    predicate, ranked_sql, params = _match(terms)
    matching = entries.alias(hit=predicate).filter(hit=True)
    results.total = matching.count()
    if not results.total:
        results.message = _("Nothing found. Check the spelling or use fewer words.")
        return results
    with connection.cursor() as cursor:
        cursor.execute(ranked_sql, params)
        relevance = dict(cursor.fetchall())
    candidates = list(matching.filter(pk__in=list(relevance)))
    top = max(relevance.values(), default=1.0) or 1.0

    def score(entry: SearchEntry) -> float:
        age = max(0.0, (now - entry.date).total_seconds() / 86400)
        return float(relevance[entry.pk]) / top + 0.5 * math.exp(
            -age * math.log(2) / RECENCY_HALF_LIFE_DAYS
        )

    candidates.sort(key=score, reverse=True)
    results.pages = math.ceil(min(results.total, len(candidates)) / per_page)
    results.page = max(1, min(page, results.pages or 1))
    chosen = candidates[(results.page - 1) * per_page : results.page * per_page]
    results.hits = [
        Hit(e, highlight(e.title, terms, around=100, limit=100), highlight(e.body, terms), score(e))
        for e in chosen
    ]
    return results
