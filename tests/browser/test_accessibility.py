"""Accessibility: axe-core (vendored, tests/browser/vendor/README.md) on the key pages of several
personas finds no critical and no serious violation; the header's menus and a workflow form work from
the keyboard alone, with a focus that shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PASSWORD

from .test_operations import summer_stage

pytestmark = pytest.mark.browser

# Run in the page through the DevTools protocol: the Content-Security-Policy (script-src 'self')
# refuses an injected <script>, page.add_script_tag included.
AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + ": " + n.failureSummary.split("\\n")[1]),
  }));
}"""
SEARCH = "/ru/search/?q=%D1%81%D0%BE%D0%B3%D0%BB%D0%B0%D1%88%D0%B5%D0%BD%D0%B8%D0%B5"  # соглашение


def sign_in(page, username: str | None) -> None:
    page.context.clear_cookies()
    if username is None:
        return
    page.goto(page.base_url + "/ru/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(re.compile(r"/ru/$"))


def first_link(page, listing: str, pattern: str) -> str:
    page.goto(page.base_url + listing)
    hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.getAttribute('href'))")
    found = [h for h in hrefs if re.search(pattern, h.split("?")[0])]
    assert found, f"no link like {pattern} on {listing}"
    return found[0]


def violations(page, label: str) -> list[str]:
    if page.evaluate("typeof window.axe") == "undefined":
        page.evaluate(AXE_SOURCE)
    found = page.evaluate(RUN_AXE)
    return [
        f"{label}: {v['impact']} {v['id']} ({v['help']}) at {'; '.join(v['nodes'])}"
        for v in found
        if v["impact"] in ("critical", "serious")
    ]


def check(page, path: str, label: str) -> list[str]:
    response = page.goto(page.base_url + path)
    assert response is not None and response.status == 200, f"{label} {path}: {response.status}"
    return violations(page, f"{label} {path}")


def a_report_form(page) -> str:
    """kz_rep opens a report on a new stage of an operation: the page with the spreadsheet upload."""
    stage = summer_stage()
    page.goto(f"{page.base_url}/ru/operations/stages/{stage.pk}/")
    page.get_by_test_id("open-report").click()
    page.wait_for_url(re.compile(r"/operations/reports/\d+/$"))
    return page.url.removeprefix(page.base_url)


def test_key_pages_have_no_critical_or_serious_violations(page):
    page.set_viewport_size({"width": 1366, "height": 900})
    problems: list[str] = []
    checked = 0

    plan: dict[str | None, list] = {
        None: [
            "/ru/accounts/login/",
            "/en/accounts/login/",
            "/ru/public/",
            ("/ru/public/", r"/public/p/[\w-]+/$"),
            "/ru/public/agreements/",
            "/en/public/states/",
        ],
        "kz_rep": [
            "/ru/",
            "/ru/consultations/",
            ("/ru/consultations/inbox/", r"/consultations/\d+/$"),  # with its position form
            "/ru/documents/",
            ("/ru/documents/", r"/documents/\d+/$"),
            "/ru/agreements/",
            ("/ru/agreements/", r"/agreements/\d+/$"),
            "/ru/operations/",
            a_report_form,
            "/ru/accounts/profile/",
            SEARCH,
        ],
        "analyst": [
            "/ru/monitoring/",
            "/ru/monitoring/alerts/",
            ("/ru/monitoring/alerts/", r"/monitoring/alerts/\d+/$"),
        ],
        "secretariat": [
            "/ru/",
            "/ru/audit/",
            "/ru/organization/states/",
            ("/ru/documents/", r"/documents/\d+/$"),  # with the attachment upload
            "/ru/forces/",
            "/ru/programmes/",
            "/ru/relations/",
            "/ru/relations/calendar/",
            "/ru/parliament/",
            "/ru/publications/",
            "/en/",
        ],
        "mp": ["/ru/parliament/queue/"],
    }
    for persona, pages in plan.items():
        sign_in(page, persona)
        label = persona or "visitor"
        for spec in pages:
            if callable(spec):
                path = spec(page)
            elif isinstance(spec, tuple):
                path = first_link(page, *spec)
            else:
                path = spec
            problems += check(page, path, label)
            checked += 1
        if persona == "secretariat":  # an open menu of the header, wide and narrow
            page.goto(page.base_url + "/ru/")
            page.get_by_test_id("site-nav").locator("summary").first.click()
            problems += violations(page, "secretariat /ru/ with a menu open")
            page.set_viewport_size({"width": 390, "height": 800})
            page.get_by_test_id("narrow-menu").locator("summary").click()
            problems += violations(page, "secretariat /ru/ at 390 px with the menu open")
            page.set_viewport_size({"width": 1366, "height": 900})
            checked += 2
    assert checked >= 20
    assert not problems, "\n".join(problems)


def focused(page) -> dict:
    return page.evaluate(
        """() => {
      const e = document.activeElement, style = getComputedStyle(e), box = e.getBoundingClientRect();
      return {tag: e.tagName.toLowerCase(), text: (e.textContent || "").trim().slice(0, 60),
              name: e.getAttribute("name"), type: e.getAttribute("type"), cls: e.className,
              testid: e.closest("[data-testid]")?.dataset.testid,
              outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
              visible: box.width > 0 && box.bottom > 0 && box.right > 0 && box.left < innerWidth};
    }"""
    )


def tab_until(page, wanted, limit: int = 80) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if wanted(now):
            assert now["visible"] and now["outline"], f"focus not shown on {now}"
            return now
    raise AssertionError(f"never reached by Tab; last focus on {now}")


def test_signing_in_the_menus_and_a_position_work_from_the_keyboard(page):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(page.base_url + "/ru/public/")
    skip = tab_until(page, lambda f: f["tag"] == "a", limit=1)  # the first stop is the skip link
    assert "skip" in skip["cls"]
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    page.goto(page.base_url + "/ru/accounts/login/")
    assert focused(page)["name"] == "username"  # the sign-in form takes the focus itself
    page.keyboard.type("kz_rep")
    tab_until(page, lambda f: f["name"] == "password", limit=1)
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ru/$"))
    assert "skip" in tab_until(page, lambda f: f["tag"] == "a", limit=1)["cls"]

    # The header: Enter opens a menu, Tab walks into it, Escape closes it and returns to its button.
    work = tab_until(page, lambda f: f["tag"] == "summary")
    assert work["text"] == "Работа"
    page.keyboard.press("Enter")
    link = tab_until(page, lambda f: f["tag"] == "a", limit=1)
    assert link["text"] == "Консультации"
    page.keyboard.press("Escape")
    assert focused(page)["text"] == "Работа"
    assert page.locator("details.dropdown[open]").count() == 0
    # Space opens the account menu; its first link is the profile.
    tab_until(page, lambda f: f["testid"] == "account-menu" and f["tag"] == "summary")
    page.keyboard.press(" ")
    assert tab_until(page, lambda f: f["tag"] == "a", limit=3)["testid"] == "profile-link"
    page.keyboard.press("Escape")

    # A workflow: Kazakhstan records its position on a consultation it is asked about.
    page.goto(page.base_url + first_link(page, "/ru/consultations/inbox/", r"/consultations/\d+/$"))
    tab_until(page, lambda f: f["name"] == "stance", limit=200)
    page.keyboard.press("Space")
    tab_until(page, lambda f: f["name"] == "statement", limit=10)
    page.keyboard.type("Казахстан присоединяется.")
    tab_until(page, lambda f: f["tag"] == "button" and f["type"] == "submit", limit=40)
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Позиция зарегистрирована." in page.locator(".messages").inner_text()
