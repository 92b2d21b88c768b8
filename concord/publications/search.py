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

CANDIDATES = 300  # the most relevant matches ranked again with recency; counts cover every match
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
PG_MATCH = f"{TABLE}.id IN (SELECT entry_id FROM publications_searchtext WHERE vector @@ to_tsquery('simple', %s))"  # noqa: S608
PG_RANKED = f"SELECT entry_id, ts_rank_cd(vector, to_tsquery('simple', %s)) FROM publications_searchtext WHERE vector @@ to_tsquery('simple', %s) ORDER BY 2 DESC LIMIT {CANDIDATES}"  # noqa: S608
FTS_MATCH = f"{TABLE}.id IN (SELECT rowid FROM publications_search_fts WHERE publications_search_fts MATCH %s)"  # noqa: S608
FTS_RANKED = f"SELECT rowid, -bm25(publications_search_fts) FROM publications_search_fts WHERE publications_search_fts MATCH %s ORDER BY rank LIMIT {CANDIDATES}"  # noqa: S608
# With very many matches, ranking every one costs more than it tells: the newest matches (entries
# are written as things happen) are ranked instead.
FTS_NEWEST = f"SELECT rowid, -bm25(publications_search_fts) FROM publications_search_fts WHERE publications_search_fts MATCH %s ORDER BY rowid DESC LIMIT {2 * CANDIDATES}"  # noqa: S608
PG_NEWEST = (  # the newest matches found from the index alone; only those few tsvectors are read to rank them
    "SELECT entry_id, ts_rank_cd(vector, to_tsquery('simple', %s)) FROM publications_searchtext WHERE entry_id IN "  # noqa: S608
    f"(SELECT entry_id FROM publications_searchtext WHERE vector @@ to_tsquery('simple', %s) ORDER BY entry_id DESC LIMIT {2 * CANDIDATES})"
)
RANK_ALL_UP_TO = 3000


def _match(terms: list[Term]) -> tuple[RawSQL, tuple[str, str], list[Any]]:
    """The backend's predicate "entry matches", its queries for the most relevant entries (among all
    matches, or among the newest when there are very many), and their parameters."""
    if connection.vendor == "postgresql":
        query = tsquery(terms)
        return (
            RawSQL(PG_MATCH, [query], output_field=BooleanField()),  # noqa: S611
            (PG_RANKED, PG_NEWEST),
            [query, query],
        )
    query = fts5(terms)
    return (
        RawSQL(FTS_MATCH, [query], output_field=BooleanField()),  # noqa: S611
        (FTS_RANKED, FTS_NEWEST),
        [query],
    )


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
    all_ranked, newest_ranked = ranked_sql
    with connection.cursor() as cursor:
        cursor.execute(newest_ranked if results.total > RANK_ALL_UP_TO else all_ranked, params)
        relevance = dict(cursor.fetchall())
    # The visible ones among the most relevant (a lookup by primary key), ranked again with recency;
    # only the page's entries are then read whole.
    dates = dict(entries.filter(pk__in=list(relevance)).values_list("pk", "date"))
    top = max(relevance.values(), default=1.0) or 1.0

    def score(pk: int) -> float:
        age = max(0.0, (now - dates[pk]).total_seconds() / 86400)
        return float(relevance[pk]) / top + 0.5 * math.exp(
            -age * math.log(2) / RECENCY_HALF_LIFE_DAYS
        )

    ranked = sorted(dates, key=score, reverse=True)
    results.pages = math.ceil(min(results.total, len(ranked)) / per_page)
    results.page = max(1, min(page, results.pages or 1))
    chosen = ranked[(results.page - 1) * per_page : results.page * per_page]
    found = SearchEntry.objects.select_related("text").in_bulk(chosen)
    results.hits = [Hit(found[pk], highlight(found[pk].text.title, terms, around=100, limit=100), highlight(found[pk].text.body, terms), score(pk))
                    for pk in chosen]  # fmt: skip
    return results
