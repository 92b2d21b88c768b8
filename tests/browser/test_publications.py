from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_visitor_searches_the_public_site_in_russian_and_opens_a_result(page):
    page.goto(f"{page.base_url}/ru/public/")
    box = page.get_by_role("searchbox", name="Искать на сайте")
    box.fill("ратификации протокола")
    box.press("Enter")  # the search box works from the keyboard alone
    page.wait_for_url(re.compile(r"/ru/public/search/\?q="))
    results = page.get_by_test_id("results")
    expect(results.locator("li").first).to_be_visible()
    assert (
        "ратифицировал" in results.inner_text().lower()
        or "ратификац" in results.inner_text().lower()
    )
    assert results.locator("mark").count() >= 1  # the words found are highlighted
    first = results.locator("li a").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_test_id("publication").locator("h1")).to_have_text(
        title.replace("…", "").strip()
    )
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/public/p/"))
