from __future__ import annotations

import re

import pytest
from django.utils import timezone

from concord.consultations.models import Consultation
from concord.publications.models import Publication

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
    page.get_by_label("Term").fill("5")
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


def test_a_statement_on_a_sessions_agenda_is_adopted_final_and_published_with_its_states(page):
    """The Secretariat schedules a session of the CFM, puts a statement on its agenda and sends it;
    the states join; the text becomes the adopted text; the public page names the body and states."""
    statement = Consultation.objects.get(title_en__icontains="liberation")
    today = timezone.localdate()
    as_user(page, "secretariat", f"{page.base_url}/en/consultations/sessions/")
    page.locator("summary", has_text="Schedule a session").click()
    form = page.get_by_test_id("session-form")
    form.locator("select[name=body]").select_option(label="Council of Foreign Ministers")
    form.locator("input[name=date]").fill(today.isoformat())
    form.locator("select[name=format]").select_option("online")
    page.get_by_role("button", name="Schedule", exact=True).click()
    page.wait_for_url(re.compile(r"/consultations/sessions/\d+/$"))
    stage = statement.stages.get(status="open")
    page.locator("select[name=stage]").select_option(str(stage.pk))
    page.get_by_role("button", name="Put on the agenda").click()
    assert statement.title_en in page.get_by_test_id("agenda").inner_text()
    page.get_by_test_id("publish-agenda").click()
    assert "Agenda sent to the states" in page.get_by_test_id("agenda-published").inner_text()

    board = f"{page.base_url}/en/consultations/{statement.pk}/"
    for username in ("kz_rep", "ru_rep", "kg_rep", "tj_rep"):
        as_user(page, username, board)
        page.get_by_label("Joins", exact=True).check()
        page.get_by_test_id("record-position").click()
        page.wait_for_url(re.compile(rf"/consultations/{statement.pk}/$"))
    as_user(page, "secretariat", board)
    page.get_by_test_id("close-stage").click()
    page.wait_for_url(re.compile(rf"/consultations/{statement.pk}/$"))
    assert "Adopted" in page.get_by_test_id("current-stage").inner_text()

    page.goto(f"{page.base_url}/en/documents/{statement.document_id}/")
    assert "Adopted by Council of Foreign Ministers" in page.get_by_test_id("adopted").inner_text()

    draft = Publication.objects.get(source_kind="consultation", source_id=str(statement.pk))
    page.goto(f"{page.base_url}/en/publications/{draft.pk}/")
    page.get_by_test_id("publish").click()
    page.context.clear_cookies()
    page.goto(f"{page.base_url}/en/public/p/{Publication.objects.get(pk=draft.pk).slug}/")
    text = page.locator("main").inner_text()
    assert "Adopted by Council of Foreign Ministers on" in text
    assert "Joined: Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan." in text
    assert "Gave no position: Armenia." in text
