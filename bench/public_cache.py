#!/usr/bin/env python
"""The cached public site and search (issue 23): requests per second of the public pages, a feed
and the search API for a visitor who has not signed in, each beside a trivial view that goes through
the same middleware, in the same process (Django's test client, one thread), as a ratio.

Usage: .venv/bin/python bench/public_cache.py [SECONDS_PER_PAGE]
Runs on a throwaway SQLite file with the demo (migrate + seed_demo, a few minutes) unless
DATABASE_URL names a database that already holds it; the cache is the configured one (files in a
throwaway directory unless CONCORD_CACHE_DIR or CONCORD_CACHE_URL is set). Each page is measured
first as it is rendered without the cache (the cache emptied before every request), then served
from it. The goals: public pages at >= 0.5 of the anonymous trivial view; search >= 500 requests/s.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
FRESH = "DATABASE_URL" not in os.environ
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("CONCORD_CACHE_DIR", tempfile.mkdtemp())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import path  # noqa: E402

from config import urls as site  # noqa: E402


def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


TRIVIAL = "/bench/trivial/"
urlpatterns = [path("bench/trivial/", trivial), *site.urlpatterns]

PAGES = [
    ("public home /ru/public/", "/ru/public/"),
    ("public home /en/public/", "/en/public/"),
    ("news section", "/ru/public/section/news/"),
    ("agreements", "/ru/public/agreements/"),
    ("an agreement's status", None),  # filled in below: the first public agreement
    ("news Atom feed", "/en/public/section/news/atom.xml"),
    ("search page ?q=безопасности", "/ru/public/search/?q=безопасности"),
    ("/api/v1/search?q=безопасности", "/api/v1/search?q=безопасности"),
    ("/api/v1/search?q=ratification", "/api/v1/search?q=ratification"),
]


def rate(client: Client, address: str, seconds: float, *, cold: bool = False) -> float:
    """Requests per second for `address` over `seconds` (at least 10 requests)."""
    done, started = 0, time.perf_counter()
    while done < 10 or time.perf_counter() - started < seconds:
        if cold:
            cache.clear()
        response = client.get(address)
        assert response.status_code == 200, (address, response.status_code)
        done += 1
    return done / (time.perf_counter() - started)


def beside(client: Client, address: str, seconds: float) -> tuple[float, float]:
    """The page's and the trivial view's requests per second, measured in alternating slices of
    0.25 s so that both see the same load from the rest of the machine."""
    page = trivial_rate = 0.0
    rounds = max(1, round(seconds / 0.5))
    for _round in range(rounds):
        trivial_rate += rate(client, TRIVIAL, 0.25)
        page += rate(client, address, 0.25)
    return page / rounds, trivial_rate / rounds


def queries(client: Client, address: str) -> int:
    with CaptureQueriesContext(connection) as ran:
        client.get(address)
    return len(ran)


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    if FRESH:
        print("Building the demo database (migrate + seed_demo)…", flush=True)
        call_command("migrate", verbosity=0)
        call_command("seed_demo", verbosity=0)
    from concord.agreements.models import Agreement

    public = Agreement.objects.filter(marking="public", illustrative=False).first()
    pages = [
        (n, a or f"/ru/public/agreements/{public.pk if public else 0}/")
        for n, a in PAGES
        if a or public
    ]
    client = Client()
    with override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"]):
        rate(client, TRIVIAL, 1.0)  # warm up
        print(
            f"{'page (anonymous)':32} {'uncached/s':>10} {'cached/s':>9} {'trivial/s':>9} "
            f"{'ratio':>6} {'queries':>7} {'cached':>6}"
        )
        for name, address in pages:
            cold = rate(client, address, seconds / 4, cold=True)
            cache.clear()
            cold_queries = queries(client, address)
            warm, baseline = beside(client, address, seconds)
            print(
                f"{name:32} {cold:10,.0f} {warm:9,.0f} {baseline:9,.0f} "
                f"{warm / baseline:6.2f} {cold_queries:7} {queries(client, address):6}"
            )
        print(
            "\nratio: cached requests/s over the anonymous trivial view's, measured in alternating "
            "slices (goal >= 0.5 for pages); queries: per request uncached, and served from the cache"
        )


if __name__ == "__main__":
    main()
