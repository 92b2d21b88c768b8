from __future__ import annotations

import re

import pytest

from conftest import PASSWORD

pytestmark = pytest.mark.browser


def sign_in(page, username: str) -> None:
    page.goto(page.base_url + "/ru/accounts/login/")
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_label("Пароль").press("Enter")  # the form works from the keyboard alone


def test_kazakh_representative_signs_in_and_sees_the_dashboard_in_both_languages(page):
    sign_in(page, "kz_rep")
    page.wait_for_url(re.compile(r"/ru/$"))
    assert page.locator("h1").inner_text() == "Обзор"
    panel = page.get_by_test_id("organization-panel")
    assert "Казахстан" in panel.inner_text()
    assert "Участие заморожено" in panel.inner_text()
    # Who acts for whom and the other language are in the account menu.
    page.get_by_test_id("account-menu").locator("summary").click()
    assert "Постоянный представитель" in page.get_by_test_id("acting-for").inner_text()
    page.get_by_role("button", name="English").click()
    page.wait_for_url(re.compile(r"/en/$"))
    assert page.locator("h1").inner_text() == "Dashboard"
    panel = page.get_by_test_id("organization-panel")
    assert "Kazakhstan" in panel.inner_text()
    assert "Participation frozen" in panel.inner_text()
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_test_id("account-menu").locator("summary").click()
    assert "Permanent representative" in page.get_by_test_id("acting-for").inner_text()
    page.get_by_role("button", name="Русский").click()
    page.wait_for_url(re.compile(r"/ru/$"))
    assert page.locator("h1").inner_text() == "Обзор"


def test_wrong_password_shows_an_error_and_keeps_the_username(page):
    page.goto(page.base_url + "/en/accounts/login/")
    page.get_by_label("Username").fill("kz_rep")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("Username").input_value() == "kz_rep"


def test_htmx_and_styles_are_served_locally(page):
    sign_in(page, "kz_rep")
    page.wait_for_url(re.compile(r"/ru/$"))
    assert page.evaluate("typeof window.htmx") == "object"
    background = page.evaluate("getComputedStyle(document.querySelector('.badge')).borderRadius")
    assert background != "0px"


def test_secretariat_filters_the_audit_log_in_place(page):
    sign_in(page, "secretariat")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(page.base_url + "/en/audit/")
    rows_before = page.locator("#entries tbody tr").count()
    page.get_by_role("combobox", name=re.compile("^Action")).select_option(
        "organization.record_chairmanship"
    )
    page.wait_for_url(re.compile(r"verb=organization.record_chairmanship"))
    rows = page.locator("#entries tbody tr")
    assert rows.count() == 11 < rows_before  # the demo records 2016–2026
    assert all("chairmanship recorded" in t for t in rows.all_inner_texts())  # the verb's label
