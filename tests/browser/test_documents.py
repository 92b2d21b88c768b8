from __future__ import annotations

import re

import pytest

from concord.documents.models import Document

from .test_sign_in import sign_in

pytestmark = pytest.mark.browser


def test_kazakhstan_proposes_the_secretariat_accepts_and_the_versions_are_compared(page):
    document = Document.objects.get(title_en__icontains="outer space")
    latest = document.latest_number
    sign_in(page, "kz_rep")
    page.wait_for_url(re.compile(r"/ru/$"))

    page.goto(f"{page.base_url}/en/documents/{document.pk}/")
    page.get_by_test_id("amend-u6").click()
    page.get_by_label("Text (English)").fill(
        "Underline the importance of transparency in outer space activities."
    )
    page.get_by_label("Justification (English)").fill("Clearer wording.")
    page.get_by_test_id("submit-change").click()
    page.wait_for_url(re.compile(r"/amendments/\d+/$"))
    amendment_url = page.url
    assert page.get_by_test_id("amendment-status").inner_text() == "Pending"
    assert "Underline" in " ".join(page.locator("td[lang=en] ins").all_inner_texts())

    page.get_by_test_id("account-menu").locator("summary").click()
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "secretariat")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(amendment_url.replace("/ru/", "/en/"))
    page.get_by_label("Decision").select_option("accept")
    page.get_by_test_id("decide").click()
    page.wait_for_url(re.compile(r"/amendments/$"))

    page.goto(f"{page.base_url}/en/documents/{document.pk}/")
    assert f"Version {latest + 1}" in page.get_by_test_id("version-line").inner_text()
    page.get_by_role("link", name="Compare with previous").click()
    page.wait_for_url(re.compile(r"/compare/"))
    page.get_by_label("Language").select_option("en")
    page.get_by_role("button", name="Compare").click()
    diff = page.get_by_test_id("diff")
    assert "Underline" in " ".join(diff.locator("ins").all_inner_texts())
    assert diff.locator("del").count() >= 1
