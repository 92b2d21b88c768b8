"""Browser tests: a real Chromium (Debian's, at /usr/bin/chromium) driven by Playwright against a live
server. Run with `make test-browser` (pytest -m browser); nothing here downloads a browser."""

from __future__ import annotations

import io
import os
import tempfile

import pytest
from django.core.management import call_command

from conftest import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Playwright's sync API runs an event loop in this thread; Django refuses DB access from a thread with
# a running loop unless told that this is deliberate. The live server itself runs in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield context
        context.close()


@pytest.fixture
def page(browser, live_server, transactional_db):
    # A live-server test runs outside a rolled-back transaction and the tables are emptied after
    # it, so each test builds the demo world it needs.
    call_command("seed_demo", password=PASSWORD, stdout=io.StringIO())
    browser.clear_cookies()
    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    yield page
    page.close()
