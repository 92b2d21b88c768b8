"""Actions are offered only to those who may take them: every link a persona is shown opens, and every
form a persona is shown is not refused for lack of rights when sent.

Each persona's pages are crawled from the landing page (one example of each URL shape: `/en/agreements/7/`
and `/en/agreements/9/` are one shape); each form is sent as shown (hidden fields and the values it
offers) inside a savepoint that is rolled back, so nothing it does leaks into the next page.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.db import transaction
from django.test import Client

PERSONAS = [
    "secretariat_officer",
    "secretariat_administrator",
    "analyst",
    "kazakh_representative",
    "kazakh_coordinator",
    "russian_representative",
    "staff_officer",
    "member_of_parliament",
]
# Not pages of the system: the language switch, signing out, the reference-data admin (Django's own
# permission model), files to download.
SKIP = re.compile(
    r"^/(i18n|accounts/logout|en/accounts/logout|en/admin|admin|static|media|api)/|\.(csv|xlsx|pdf|ics|zip|json)$"
)
PAGES_PER_PERSONA = 150


class _Page(HTMLParser):
    """The links and the forms of one page; a form is its action and the values it would send."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[tuple[str, dict[str, str]]] = []
        self._form: tuple[str, dict[str, str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form" and a.get("method", "get").lower() == "post":
            self._form = (a.get("action", ""), {})
        elif tag == "input" and self._form is not None and a.get("name"):
            kind = a.get("type", "text")
            if kind not in ("checkbox", "radio") or "checked" in a:
                self._form[1].setdefault(a["name"], a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None


def _shape(path: str) -> str:
    return re.sub(r"/\d+(?=/|$)", "/N", path)


def _crawl(client: Client) -> tuple[dict[str, int], list[tuple[str, str, int]]]:
    """Status of every page reached (one per shape, with the page linking to it) and of every form
    sent: (page, action, status)."""
    statuses: dict[str, int] = {}
    sent: list[tuple[str, str, int]] = []
    shapes: set[str] = set()
    todo = deque([("/en/", "")])
    while todo and len(statuses) < PAGES_PER_PERSONA:
        url, found_on = todo.popleft()
        response = client.get(url)
        statuses[f"{url} (linked from {found_on})"] = response.status_code
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        page = _Page()
        page.feed(response.content.decode())
        for href in page.links:
            target = urljoin(url, href)
            path = urlsplit(target).path
            if target.startswith("/en/") and not SKIP.search(path) and _shape(path) not in shapes:
                shapes.add(_shape(path))
                todo.append((target, url))
        for action, data in page.forms:
            target = urljoin(url, action or url)
            if SKIP.search(urlsplit(target).path) or _shape(target) in shapes:
                continue
            shapes.add(_shape(target))
            with transaction.atomic():
                sent.append((url, target, client.post(target, data).status_code))
                transaction.set_rollback(True)
    return statuses, sent


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_link_and_form_shown_is_one_the_persona_may_use(client_as, persona):
    statuses, sent = _crawl(client_as(persona))
    assert len(statuses) > 20  # the crawl reached the modules, not only the landing page
    refused_links = {url: status for url, status in statuses.items() if status in (403, 404)}
    refused_forms = [(page, action) for page, action, status in sent if status == 403]
    assert not refused_links, f"links shown to {persona} that refuse them: {refused_links}"
    assert not refused_forms, f"forms shown to {persona} that refuse them: {refused_forms}"
