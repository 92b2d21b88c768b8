#!/usr/bin/env python
"""Search over 100,000 publications (issue 8: under 100 ms at the 95th percentile, on SQLite and on
PostgreSQL; incremental indexing).

Usage: .venv/bin/python bench/search_scale.py [PUBLICATIONS]
       scripts/with-postgres .venv/bin/python bench/search_scale.py [PUBLICATIONS]
Runs on a throwaway SQLite file unless DATABASE_URL is set. The publications are bulk-created with
texts drawn from the demo's own Russian and English words at natural (Zipf) frequencies; their search entries are inserted the way
the indexer writes them (the backend's full-text index follows by trigger or generated column). Then
200 queries of several kinds (one word, two words, a phrase, a prefix, a rare word, nothing found) run
through the search function an anonymous visitor uses, timed whole (count, ranking, snippets).
The baseline is the same queries over the demo's 50 publications.

To re-time without filling again, point DATABASE_URL at a database to keep (for instance
`DATABASE_URL=sqlite:////tmp/search.sqlite3`, or a PostgreSQL server of your own): a database that
already holds the bench's publications is reused as it is (no baseline, no filling).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from concord.core.rules import Marking  # noqa: E402
from concord.organization.models import Body  # noqa: E402
from concord.publications import search  # noqa: E402
from concord.publications.demo_texts import PUBLICATIONS  # noqa: E402
from concord.publications.indexing import plain  # noqa: E402
from concord.publications.models import Publication, SearchEntry, SearchText  # noqa: E402
from concord.publications.states import Kind, Section, Status  # noqa: E402
from concord.publications.text import stems, words  # noqa: E402

QUERIES = [
    "ратификации",
    "ratified",
    "операция Канал",
    '"коллективной безопасности"',
    "ратиф*",
    "Afghanistan border",
    "заявление министров",
    "peacekeeping",
    "наркотиков изъято",
    "zyxwvut",
]


def vocabulary() -> tuple[list[str], list[str]]:
    """The demo texts' distinct words, commonest first."""
    ru: Counter[str] = Counter()
    en: Counter[str] = Counter()
    for item in PUBLICATIONS:
        ru.update(words(plain(item["title_ru"] + " " + item["body_ru"])))
        en.update(words(plain(item["title_en"] + " " + item["body_en"])))
    return [w for w, _n in ru.most_common()], [w for w, _n in en.most_common()]


def zipf(vocabulary: list[str]) -> list[float]:
    """Word frequencies as in natural text: the k-th commonest word of the demo texts is used with
    weight 1/k, so common words are in most publications and rarer ones in few."""
    return [1 / rank for rank in range(1, len(vocabulary) + 1)]


def fill(n: int) -> float:
    """n publications with their search entries; returns the seconds it took."""
    rng = random.Random(8)  # noqa: S311 - reproducible test data
    ru, en = vocabulary()
    ru_w, en_w = zipf(ru), zipf(en)
    owner = Body.objects.get(is_secretariat=True).pk
    start = time.perf_counter()
    now = timezone.now()
    for offset in range(0, n, 2000):
        pubs, texts = [], []
        for i in range(offset, min(n, offset + 2000)):
            when = now - dt.timedelta(days=rng.randrange(0, 3650), minutes=i)
            title_ru, title_en = (
                " ".join(rng.choices(ru, ru_w, k=8)).capitalize(),
                " ".join(rng.choices(en, en_w, k=8)).capitalize(),
            )
            body_ru, body_en = (
                " ".join(rng.choices(ru, ru_w, k=150)),
                " ".join(rng.choices(en, en_w, k=150)),
            )
            pubs.append(
                Publication(
                    section=rng.choice(Section.values),
                    slug=f"bench-{i}",
                    title_ru=title_ru,
                    title_en=title_en,
                    body_ru=f"<p>{body_ru}</p>",
                    body_en=f"<p>{body_en}</p>",
                    status=Status.PUBLISHED,
                    publish_at=when,
                )
            )
            texts.append((title_ru, body_ru, title_en, body_en, when))
        with transaction.atomic():
            made = Publication.objects.bulk_create(pubs)
            rows = [
                (p, lang, title, body, when)
                for p, (tr, br, te, be, when) in zip(made, texts, strict=True)
                for lang, title, body in (("ru", tr, br), ("en", te, be))
            ]
            entries = SearchEntry.objects.bulk_create(
                [
                    SearchEntry(
                        kind=Kind.PUBLICATION,
                        object_id=str(p.pk),
                        language=lang,
                        section=p.section,
                        url=f"/{lang}/public/p/{p.slug}/",
                        date=when,
                        available_from=when,
                        marking=Marking.PUBLIC,
                        owner_body_id=owner,
                        stems=stems(f"{title} {body}"),
                    )
                    for p, lang, title, body, when in rows
                ]
            )
            SearchText.objects.bulk_create(
                [
                    SearchText(entry=e, title=title, body=body)
                    for e, (_p, _lang, title, body, _when) in zip(entries, rows, strict=True)
                ]
            )
    return time.perf_counter() - start


def timings(rounds: int = 20) -> tuple[float, float, float, int]:
    times, found = [], 0
    for _ in range(rounds):
        for q in QUERIES:
            start = time.perf_counter()
            results = search.search(None, q, public_only=True)
            times.append((time.perf_counter() - start) * 1000)
            found += results.total
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], times[-1], found // rounds


def incremental() -> float:
    """Saving one publication re-indexes it alone (ms)."""
    from concord.accounts.models import User
    from concord.publications import services

    editor = User.objects.get(username="secretariat")
    pub = Publication.objects.filter(slug__startswith="bench-").earliest("pk")
    start = time.perf_counter()
    services.save_draft(
        pub,
        actor=editor,
        section=pub.section,
        title_ru=pub.title_ru + " ратификация",
        title_en=pub.title_en,
        body_ru=pub.body_ru,
        body_en=pub.body_en,
    )
    return (time.perf_counter() - start) * 1000


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    call_command("migrate", verbosity=0)
    call_command("seed_demo", password="bench-password-1", stdout=io.StringIO())  # noqa: S106
    reused = Publication.objects.filter(slug__startswith="bench-").count()
    base = None if reused else timings(5)
    seconds = None if reused else fill(n)
    n = reused or n
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE publications_searchentry; ANALYZE publications_searchtext")
    p50, p95, worst, found = timings()
    save_ms = incremental()
    print(f"Search over publications on {connection.vendor}, {len(QUERIES)} kinds of queries")
    print(f"{'':32} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'found/round':>12}")
    if base:
        print(
            f"{'baseline: demo publications':32} {base[0]:8.1f} {base[1]:8.1f} {base[2]:8.1f} {base[3]:12}"
        )
    print(f"{f'{n:,} more publications':32} {p50:8.1f} {p95:8.1f} {worst:8.1f} {found:12}")
    print(f"requirement: p95 under 100 ms -> {'met' if p95 < 100 else 'NOT met'}")
    if seconds is None:
        print(f"{n:,} publications were already in the database (reused; no baseline)")
    else:
        print(
            f"filling {n:,} publications ({2 * n:,} entries, indexed as written): {seconds:.1f} s"
        )
    print(f"re-indexing one saved publication (incremental): {save_ms:.1f} ms")


if __name__ == "__main__":
    main()
