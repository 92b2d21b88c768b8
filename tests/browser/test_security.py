"""The Content-Security-Policy in a real browser: the key pages draw (maps, charts, the admin, the
API's page) without a single violation, and a crafted name in an event file is shown as text."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from concord.monitoring import rollup
from concord.monitoring.models import Event
from concord.operations.models import Operation

from .test_sign_in import sign_in

pytestmark = pytest.mark.browser

# Reported to the page before any of its own scripts run; Playwright's init script is not subject
# to the page's policy.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sourceFile || ""));
});
"""


def violations_on(page, urls: list[str]) -> list[str]:
    console: list[str] = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(WATCH)
    found: list[str] = []
    for url in urls:
        page.goto(page.base_url + url)
        page.wait_for_load_state("networkidle")
        found += [f"{url}: {v}" for v in page.evaluate("window.__violations || []")]
    return found + console


def test_key_pages_draw_under_the_policy_without_a_violation(page):
    sign_in(page, "admin")
    page.wait_for_url(re.compile(r"/ru/$"))
    operation = Operation.objects.order_by("pk").first()
    urls = [
        "/ru/",
        "/ru/monitoring/?start=2018-03-01&end=2018-03-31",
        "/ru/monitoring/areas/SYR/",
        "/ru/monitoring/yearly/SYR/",
        "/ru/agreements/mine/",
        "/ru/forces/exercises/",
        "/admin/",
        "/admin/accounts/user/",
        "/api/v1/docs",
    ]
    if operation is not None:
        urls.append(f"/ru/operations/{operation.pk}/results/")
    assert violations_on(page, urls) == []
    # the map and its chart really drew
    page.goto(page.base_url + "/ru/monitoring/?start=2018-03-01&end=2018-03-31")
    expect(page.get_by_test_id("map")).to_have_attribute("data-ready", re.compile(r"^[1-9]\d*$"))
    assert page.locator("#map canvas").count() >= 1
    assert page.locator("[data-testid=series] svg .plot").count() >= 1
    # and the watch works: a script slipped into the page is refused and reported
    page.evaluate(
        "var s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
        "document.body.appendChild(s)"
    )
    page.wait_for_function("window.__violations.length > 0")
    assert page.evaluate("window.__ran") is None


def test_a_select_sends_its_form_without_inline_script(page):
    sign_in(page, "admin")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(page.base_url + "/ru/publications/")
    page.locator("select[name=status]").select_option(index=1)
    page.wait_for_url(re.compile(r"status=\w+"))


def test_a_crafted_dyad_shows_in_the_popup_as_text(page):
    crafted = '<img src=x onerror="window.__pwned=1">'
    day = dt.date(1995, 6, 15)
    Event.objects.create(
        source="test",
        source_id="xss-1",
        date_start=day,
        date_end=day,
        month=day.year * 12 + day.month - 1,
        country="TJK",
        country_name="Tajikistan",
        adm_1="<b>Sughd</b>",
        latitude=38.56,
        longitude=68.77,
        dyad=crafted,
        best=100,
    )
    rollup.refresh(["TJK"])  # as an import would
    sign_in(page, "analyst")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(page.base_url + "/en/monitoring/?start=1995-06-01&end=1995-06-30")
    box = page.get_by_test_id("map")
    # zoomed in on the only event: the map shows the events themselves, not the province's circle
    expect(box).to_have_attribute("data-level", "events")
    expect(box).to_have_attribute("data-ready", "1")
    # The only event is at the centre of the map once it has fitted the bounds (an animation).
    box.scroll_into_view_if_needed()
    popup = page.locator(".leaflet-popup-content")
    # The only event is at (or, after the boxes' rounding, a few pixels from) the centre: click
    # around it until its popup opens.
    area = box.bounding_box()
    middle = (area["x"] + area["width"] / 2, area["y"] + area["height"] / 2)
    around = [(dx, dy) for r in range(0, 40, 4) for dx in (-r, 0, r) for dy in (-r, 0, r)]
    for dx, dy in around:
        page.mouse.click(middle[0] + dx, middle[1] + dy)
        if popup.count():
            break
    expect(popup).to_contain_text(crafted)
    expect(popup).to_contain_text("<b>Sughd</b>")
    assert popup.locator("img, b").count() == 0
    assert page.evaluate("window.__pwned") is None
