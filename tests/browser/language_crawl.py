"""Crawl what a reader can reach from the landing page and find interface text in the wrong language.

Used by `test_language.py` (the browser suite); it can also be run alone against a seeded database to
list what it finds: `DATABASE_URL=sqlite:////tmp/x.sqlite3 python -m tests.browser.language_crawl kz_rep ru`.

Pages are fetched with Django's test client (they are rendered on the server), following same-site GET
links breadth-first. One example per URL shape is fetched: the resolved view with the ids in its path
and the values of its query string left out (two agreements are one shape; `?status=` and `?page=` are
two), so that a crawl stays at a few hundred pages whatever the size of the data.

What counts as a fault (each found with the address of the page and the offending text):
- on a /ru/ page, a word in Latin letters in the visible interface text, unless it is one of the names
  the Russian interface writes in Latin (`ALLOWED_LATIN`), part of an address, a file name or a code
  with digits, or inside an element labelled as content in another language (`lang="en"`, …);
- on an /en/ page, any Cyrillic outside an element labelled `lang="ru"` (or another non-English
  language): content shown in its own language must say so;
- on either, a raw code: a snake_case word (`permanent_representative`) or a dotted audit verb
  (`agreements.record_action`);
- a link to the other language's pages (the language switch, a POST form, is not a link), or a link
  to a page outside the language prefix that is not the reference-data admin;
- a page that answers 500.
"""

from __future__ import annotations

import os
import re
import time
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import translation

LANGUAGES = ("ru", "en")
# Words the Russian interface writes in Latin letters: the system's name, data sources and formats.
ALLOWED_LATIN = {
    "concord",
    "ucdp",
    "ged",
    "acled",
    "pdf",
    "csv",
    "api",
    "json",
    "geojson",
    "totp",
    "xlsx",
    "docx",
    "ics",
    "icalendar",
    "rss",
    "atom",
    "iso",
    "url",
    "http",
    "https",
    "html",
    "utc",
    "id",
    "qr",
    "sha",
    "svg",
    "png",
    # Substances the seizure tables name as the Russian literature does, in Latin.
    "mdma",
    "pvp",
    "lsd",
}
# Elements whose text is not shown as text.
INVISIBLE = {"script", "style", "template", "noscript", "head"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
SHOWN_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
# Links not followed: they leave the page's language on purpose, sign out, or download a file.
SKIPPED_PATHS = re.compile(
    r"/(i18n|accounts/logout|api|static|media)/|/(logout|export|download)s?(/|$)"
    r"|\.(pdf|csv|xlsx|docx|ics|json|geojson|xml|zip|png|svg|txt|rss|atom)$"
    r"|/(pdf|csv|xlsx|docx|ics|json|feed|rss|atom|print)/?$"
)
OUTSIDE_THE_PREFIX = ("/admin/", "/sitemap.xml", "/healthz", "/readyz")
# Names in the path that select a kind of page rather than a record: kept in the shape.
KIND_ARGUMENTS = {"section", "step", "fmt"}
# Codes written for programs rather than readers.
SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
APPS = (
    "accounts|agreements|audit|consultations|documents|forces|monitoring|operations|organization"
    "|parliament|programmes|publications|relations|core"
)
DOTTED_CODE = re.compile(rf"\b(?:{APPS})\.[a-z_]+\b")
NOT_WORDS = re.compile(
    r"Natural Earth|Creative Commons|CC BY(?:-SA)?|GED cand\."  # names of sources and licences
    r"|(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|/[\w./?=&%-]*"  # addresses
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|int|gov|ru|kz|by|kg|tj|am|uz|info|edu|io)\b"  # sites
    r"|[\w.-]+\.(?:pdf|csv|xlsx|docx|ics|json|geojson|xml|zip|txt|png|svg)\b"  # file names
    r"|\b[A-Z][a-z]+/[A-Z][A-Za-z_]+\b"  # time zones (Asia/Dushanbe)
    r"|\b\w*\d\w*\b",  # ids and codes with digits (u5, 2024-03, A12)
    re.IGNORECASE,
)
LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
CYRILLIC = re.compile(r"[А-Яа-яЁё]+(?:[-][А-Яа-яЁё]+)*")


@dataclass
class Page:
    """What the parser keeps of one page: its interface text and its links."""

    texts: list[str] = field(
        default_factory=list
    )  # text shown as interface, in the page's language
    links: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)


class PageParser(HTMLParser):
    """Splits the body's text into what is labelled as another language and what is not."""

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.page = Page()
        self.stack: list[tuple[str, bool]] = []  # (tag, excluded: invisible or another language)

    @property
    def excluded(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.page.links.append((attributes["href"] or "", attributes))
        excluded = self.excluded or tag in INVISIBLE or self._labelled_otherwise(attributes)
        if not excluded:
            self.page.texts.extend(_shown_attributes(tag, attributes))
        if tag not in VOID:
            self.stack.append((tag, excluded))

    def _labelled_otherwise(self, attributes: dict[str, str | None]) -> bool:
        """Content in another language (`lang`) or not to be translated (`translate="no"`)."""
        lang = (attributes.get("lang") or "").split("-")[0].lower()
        return (bool(lang) and lang != self.language) or attributes.get("translate") == "no"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and not self.excluded:
            self.page.texts.append(data)


def _shown_attributes(tag: str, attributes: dict[str, str | None]) -> list[str]:
    """Attributes a reader sees or hears: tooltips, placeholders, labels, button captions."""
    shown = [attributes[name] or "" for name in SHOWN_ATTRIBUTES if attributes.get(name)]
    if tag == "input" and attributes.get("type") in ("submit", "button", "reset"):
        shown.append(attributes.get("value") or "")
    return shown


def parse(html: str, language: str) -> Page:
    # The <title> cannot label a name in another language; the <h1> it repeats is read instead.
    parser = PageParser(language)
    parser.feed(html[html.find("<body") :] if "<body" in html else html)
    parser.close()
    return parser.page


def international_codes() -> set[str]:
    """Codes written the same in every language: ISO 3166 country codes and ISO 4217 currencies."""
    from concord.monitoring.countries import codes

    countries = codes().by_iso3.values()
    return {c.iso2 for c in countries} | {c.iso3 for c in countries} | CURRENCIES


CURRENCIES = {"RUB", "USD", "EUR", "KZT", "BYN", "KGS", "TJS", "AMD", "UZS"}


def faults_in_text(
    text: str, language: str, identifiers: frozenset[str] = frozenset()
) -> list[str]:
    """The words of one piece of interface text that are not in the page's language or are codes;
    `identifiers` (user names, international codes) may appear in either."""
    words = DOTTED_CODE.sub(" ", NOT_WORDS.sub(" ", text))
    found = [
        f"code {code!r}"
        for code in DOTTED_CODE.findall(text) + SNAKE_CASE.findall(words)
        if code not in identifiers
    ]
    words = SNAKE_CASE.sub(" ", words)
    if language == "ru":
        found += [
            f"Latin {word!r}"
            for word in LATIN_WORD.findall(words)
            if len(word) > 1
            and word not in identifiers
            and not all(part.lower() in ALLOWED_LATIN for part in re.split(r"['’-]", word))
        ]
    else:
        found += [f"Cyrillic {word!r}" for word in CYRILLIC.findall(text)]
    return found


def view_name(path: str) -> str:
    key = shape(path, "")
    return str(key[0]) if key else path


def shape(path: str, query: str) -> tuple[object, ...] | None:
    """One key per kind of page: the view, the path's non-id arguments and the query's names."""
    try:
        with translation.override(path.split("/")[1] if path.count("/") > 1 else None):
            match = resolve(path)
    except Resolver404:
        return None
    kinds = tuple(sorted((k, v) for k, v in match.kwargs.items() if k in KIND_ARGUMENTS))
    if match.view_name.startswith("admin:"):
        kinds += tuple(match.args)  # the admin's catch-all pages name the app in their args
    names = tuple(sorted({name for name, _value in parse_qsl(query, keep_blank_values=True)}))
    return (match.view_name, kinds, names)


@dataclass
class Crawl:
    language: str
    visited: list[str] = field(default_factory=list)
    faults: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0

    def fault(self, url: str, what: str) -> None:
        self.faults.setdefault(url, [])
        if what not in self.faults[url]:
            self.faults[url].append(what)

    def report(self, limit: int = 400) -> str:
        lines = [f"{url}: {', '.join(what[:12])}" for url, what in sorted(self.faults.items())]
        return "\n".join(lines[:limit])


def crawl(
    client: Client,
    language: str,
    starts: list[str],
    *,
    identifiers: frozenset[str] = frozenset(),
    limit: int = 400,
) -> Crawl:
    """Breadth-first from `starts`, one page per shape, at most `limit` pages."""
    result = Crawl(language)
    begun = time.perf_counter()
    other = [code for code in LANGUAGES if code != language]
    seen: set[tuple[object, ...] | str] = set()
    queue: deque[str] = deque(starts)
    while queue and len(result.visited) < limit:
        url = queue.popleft()
        parts = urlsplit(url)
        key = shape(parts.path, parts.query) or url
        if key in seen:
            continue
        seen.add(key)
        if os.environ.get("CRAWL_TRACE"):
            print(url, flush=True)
        response = client.get(url)
        result.visited.append(url)
        if response.status_code >= 500:
            result.fault(url, f"answers {response.status_code}")
            continue
        if response.status_code in (301, 302, 303, 307, 308):
            queue.append(urljoin(url, response["Location"]))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        page = parse(response.content.decode(), language)
        for text in page.texts:
            for what in faults_in_text(text, language, identifiers):
                result.fault(url, what)
        for href, attributes in page.links:
            target = _follow(url, href, attributes, language, other, result)
            if target:
                queue.append(target)
    result.seconds = time.perf_counter() - begun
    return result


def _follow(
    url: str,
    href: str,
    attributes: dict[str, str | None],
    language: str,
    other: list[str],
    result: Crawl,
) -> str | None:
    """The address to visit next for a link on `url`, or None; faults for links that leave the
    reader's language."""
    target = urlsplit(urljoin("http://testserver" + url, href))
    if target.scheme not in ("http", "https") or target.netloc != "testserver":
        return None
    if "download" in attributes:
        return None
    path = target.path
    if any(path.startswith(f"/{code}/") for code in other):
        if attributes.get("hreflang") not in other:  # a labelled switch of language is meant
            result.fault(url, f"link to {path}")
        return None
    if not path.startswith(f"/{language}/"):
        # The reference-data admin lives outside the prefix and follows the language cookie
        # (test_the_admin_speaks_the_language_of_the_last_page_read).
        if not SKIPPED_PATHS.search(path) and not path.startswith(OUTSIDE_THE_PREFIX):
            result.fault(url, f"link outside the language: {path}")
        return None
    if SKIPPED_PATHS.search(path):
        return None
    return path + (f"?{target.query}" if target.query else "")


if __name__ == "__main__":  # pragma: no cover - a tool for looking, not a test
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.conf import settings

    from concord.accounts.models import User

    settings.ALLOWED_HOSTS = ["*"]
    username, language = sys.argv[1], sys.argv[2]
    client = Client()
    if username != "-":
        client.force_login(User.objects.get(username=username))
        starts = [f"/{language}/"]
    else:
        starts = [f"/{language}/public/", f"/{language}/accounts/login/"]
    names = frozenset(User.objects.values_list("username", flat=True))
    done = crawl(client, language, starts, identifiers=names | international_codes())
    print(done.report())
    print(f"{len(done.visited)} pages, {len(done.faults)} with faults, {done.seconds:.1f} s")
