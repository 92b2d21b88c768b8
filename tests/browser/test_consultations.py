from __future__ import annotations

import re

import pytest

from concord.consultations.models import Consultation

from .test_sign_in import sign_in

pytestmark = pytest.mark.browser


def as_user(page, username: str, url: str) -> None:
    page.context.clear_cookies()
    sign_in(page, username)
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(url)


def test_a_written_procedure_is_circulated_answered_and_its_outcome_explained(page):
    returned = Consultation.objects.get(status="returned")
    board = f"{page.base_url}/en/consultations/{returned.pk}/"

    as_user(page, "secretariat", board)
    page.get_by_label("How").select_option("written")
    page.get_by_label("Consent (written procedure)").select_option("silence")
    page.get_by_label("Deadline in working days").fill("5")
    page.get_by_test_id("open-stage").click()
    page.wait_for_url(re.compile(rf"/consultations/{returned.pk}/$"))
    assert "Written procedure" in page.get_by_test_id("current-stage").inner_text()
    assert "working days left" in page.get_by_test_id("deadline").inner_text()

    for username in ("kz_rep", "ru_rep", "by_rep", "tj_rep"):
        as_user(page, username, board)
        page.get_by_label("Joins", exact=True).check()
        page.get_by_test_id("record-position").click()
        page.wait_for_url(re.compile(rf"/consultations/{returned.pk}/$"))
    as_user(page, "am_rep", board)
    page.get_by_label("Refrains without objecting").check()
    page.get_by_test_id("record-position").click()
    page.wait_for_url(re.compile(rf"/consultations/{returned.pk}/$"))
    as_user(page, "kg_rep", board)
    page.get_by_label("Asks for more time").check()
    page.get_by_label("Statement").fill("Требуются внутригосударственные согласования.")
    page.get_by_test_id("record-position").click()
    page.wait_for_url(re.compile(rf"/consultations/{returned.pk}/$"))
    assert "Not adopted: Kyrgyzstan objected." in page.get_by_test_id("outcome").inner_text()

    as_user(page, "secretariat", board)
    page.get_by_test_id("close-stage").click()
    page.wait_for_url(re.compile(rf"/consultations/{returned.pk}/$"))
    stage = page.get_by_test_id("current-stage").inner_text()
    assert "Returned for revision" in stage and "Not adopted: Kyrgyzstan objected." in stage
    assert "Refrains" in page.get_by_test_id("cell-1-AM").inner_text()
