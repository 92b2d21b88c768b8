from __future__ import annotations

import re

import pytest

from .test_sign_in import sign_in

pytestmark = pytest.mark.browser


def test_a_member_of_parliament_opens_their_queue_and_a_harmonisation_table(page):
    """The Kazakh deputy opens the Assembly from the menu, finds their own parliament's queue first
    (the Mazhilis has voted the demo agreement, the Senate has not), then a model law's table of
    national laws following it."""
    sign_in(page, "mp")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(f"{page.base_url}/en/parliament/")
    assert "Kazakhstan" in page.get_by_test_id("my-seat").inner_text()
    page.get_by_test_id("parliament-nav").get_by_role("link", name="Ratification queue").click()
    page.wait_for_url(re.compile(r"/parliament/queue/$"))
    first = page.locator("section").first
    assert first.get_attribute("data-testid") == "queue-KZ"
    row = first.locator("tr", has_text="biological security")
    assert "voted" in row.inner_text() and "awaited" in row.inner_text()

    page.locator("select[name=parliament]").select_option(label="Belarus")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"parliament=BY"))
    assert page.locator("section").count() == 1

    page.get_by_test_id("parliament-nav").get_by_role("link", name="Model laws").click()
    page.get_by_role("link", name=re.compile("countering cyberattacks")).click()
    table = page.get_by_test_id("harmonisation-table")
    assert "Law on protecting critical infrastructure (demo)" in table.inner_text()
    assert "Follows the model law" in table.inner_text()
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
