"""No page is wider than the screen: the landing page and one page per module, for every persona, at a
phone's, a tablet's, a laptop's and a desktop's width. One signed-in session per persona; the page is
loaded once and measured at each width (set_viewport_size reflows it)."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_accessibility import sign_in

pytestmark = pytest.mark.browser

WIDTHS = (390, 768, 1366, 1920)
PERSONAS = ("secretariat", "analyst", "kz_rep", "ru_rep", "kz_coord", "staff", "mp", "admin")

# A page, or ("first", list page, pattern): the first link of the list page whose path matches.
PAGES: tuple[str | tuple[str, str, str], ...] = (
    "/",
    "/consultations/",
    ("first", "/consultations/", r"/consultations/\d+/$"),
    "/documents/",
    ("first", "/documents/", r"/documents/\d+/$"),
    "/agreements/",
    ("first", "/agreements/", r"/agreements/\d+/$"),
    "/operations/",
    "/monitoring/",
    ("first", "/monitoring/alerts/", r"/monitoring/alerts/\d+/$"),
    "/programmes/",
    "/forces/",
    "/relations/",
    "/relations/calendar/",
    "/parliament/",
    "/organization/states/",
    "/search/?q=%D1%81%D0%BE%D0%B3%D0%BB%D0%B0%D1%88%D0%B5%D0%BD%D0%B8%D0%B5",  # «соглашение»
    "/accounts/profile/",
)
SECRETARIAT_ONLY = ("/audit/",)

# The elements that stick out past the right edge while their parent does not: what to fix.
CULPRITS = """(width) => {
  const out = [];
  for (const e of document.querySelectorAll("body *")) {
    if (e.closest("details:not([open]) > :not(summary)")) continue;
    const r = e.getBoundingClientRect();
    const parent = e.parentElement.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1 && parent.right <= width + 1)
      out.push(`${e.tagName.toLowerCase()}.${e.className} «${e.textContent.trim().slice(0, 40)}»`);
  }
  return out.slice(0, 3);
}"""


def resolve(page, spec, language: str) -> str | None:
    if isinstance(spec, str):
        return f"/{language}{spec}"
    _, listing, pattern = spec
    page.goto(f"{page.base_url}/{language}{listing}")
    hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.getAttribute('href'))")
    found = [h for h in hrefs if re.search(pattern, h.split("?")[0])]
    return found[0] if found else None


def overflows(page, path: str) -> list[str]:
    page.set_viewport_size({"width": 1366, "height": 900})
    response = page.goto(page.base_url + path)
    assert response is not None and response.status < 500, f"{path}: {response and response.status}"
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > page.evaluate("window.innerWidth"):
            culprits = page.evaluate(CULPRITS, width)
            found.append(f"{path} at {width} px is {scroll_width} px wide: {culprits}")
    return found


def test_no_page_is_wider_than_the_screen(page):
    problems: list[str] = []
    measured = 0
    for path in ("/ru/public/", "/en/public/", "/ru/accounts/login/"):
        problems += overflows(page, path)
        measured += 1
    for persona in PERSONAS:
        sign_in(page, persona)
        pages = PAGES + (SECRETARIAT_ONLY if persona == "secretariat" else ())
        for spec in pages:
            path = resolve(page, spec, "ru")
            if path is None:  # nothing of that kind this persona may open
                assert persona != "secretariat", f"no link like {spec[2]} on {spec[1]}"
                continue
            problems += overflows(page, path)
            measured += 1
        problems += overflows(page, "/en/")
        measured += 1
    assert measured > 150
    assert not problems, "\n".join(problems)


def test_the_signed_in_header_fits_in_one_line_at_1280_px_and_collapses_below(page):
    sign_in(page, "secretariat")
    for language in ("ru", "en"):
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(f"{page.base_url}/{language}/")
        brand = page.locator("a.brand").bounding_box()
        account = page.get_by_test_id("account-menu").locator("summary").bounding_box()
        assert abs(brand["y"] + brand["height"] / 2 - account["y"] - account["height"] / 2) < 8, (
            f"the header wraps in /{language}/"
        )
        assert account["x"] + account["width"] <= 1280
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        assert page.get_by_role("link", name=re.compile("^(Поиск|Search)$")).is_visible()
        assert not page.get_by_test_id("narrow-menu").is_visible()
        page.set_viewport_size({"width": 1279, "height": 800})
        assert page.get_by_test_id("narrow-menu").is_visible()
        assert not page.get_by_test_id("account-menu").is_visible()
