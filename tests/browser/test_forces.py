"""In a real browser: a state's representative records a request for the forces, the Secretariat
opens the crisis picture, sees the decision clock running and records the CSC decision from there,
and the picture shows it."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from concord.forces.models import Deployment

from .test_sign_in import sign_in

pytestmark = pytest.mark.browser
ALMATY = ZoneInfo("Asia/Almaty")


def _local(hours_ago: float) -> str:
    return (dt.datetime.now(ALMATY) - dt.timedelta(hours=hours_ago)).strftime("%Y-%m-%dT%H:%M")


def test_from_a_request_to_a_decision_on_the_crisis_page(page):
    sign_in(page, "kz_rep")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(f"{page.base_url}/en/forces/deployments/")
    page.get_by_test_id("new-request").click()
    page.get_by_role("combobox", name=re.compile("^Requesting state")).select_option(
        label="Kazakhstan"
    )
    page.get_by_label("Request received at (local time of the requesting state)").fill(_local(2))
    page.get_by_label("Letter (Russian)").fill("Письмо № 77 (браузерный тест)")
    page.get_by_label("Letter (English)").fill("Letter No. 77 (browser test)")
    page.get_by_label("Text of the request (Russian)").fill("Помощь в охране объектов.")
    page.get_by_label("Text of the request (English)").fill("Assistance in protecting sites.")
    page.get_by_role("button", name="Record the request").click()
    expect(page.get_by_test_id("deployment-status")).to_have_text("Requested")
    expect(page.get_by_test_id("summary")).to_contain_text("Letter No. 77 (browser test)")
    expect(page.get_by_test_id("summary")).not_to_contain_text("Письмо № 77")
    d = Deployment.objects.get(letter_reference_en="Letter No. 77 (browser test)")
    assert d.letter_reference_ru == "Письмо № 77 (браузерный тест)"

    page.context.clear_cookies()
    sign_in(page, "secretariat")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(f"{page.base_url}/en/forces/deployments/{d.pk}/")
    page.get_by_test_id("crisis-link").click()
    expect(page.get_by_test_id("hours-left")).to_contain_text("hours left")
    assert page.get_by_test_id("crisis-live").get_attribute("hx-trigger") == "every 30s"
    form = page.get_by_test_id("form-decision")
    form.get_by_label("Decided at").fill(_local(1))
    form.get_by_label("Decision (Russian)").fill("Решение СКБ № 5 (браузерный тест)")
    form.get_by_label("Decision (English)").fill("CSC decision No. 5 (browser test)")
    form.get_by_label("Legal basis (Russian)").fill("Статья 4 Договора о коллективной безопасности")
    form.get_by_role("button", name="Record the decision").click()
    page.wait_for_url(re.compile(rf"/deployments/{d.pk}/crisis/$"))
    expect(page.get_by_test_id("crisis-status")).to_have_text("Decided")
    decisions = page.get_by_test_id("crisis-decisions")
    expect(decisions).to_contain_text("CSC decision No. 5 (browser test)")
    expect(decisions).not_to_contain_text("Решение СКБ № 5")
    expect(decisions).to_contain_text("Статья 4")  # no English text given: the Russian one
    expect(page.get_by_test_id("form-decision")).to_have_count(0)
    d.refresh_from_db()
    assert d.status == "decided" and d.decided_at > d.requested_at


def test_the_kazakhstan_crisis_map_draws_the_sites_and_does_not_refresh(page):
    sign_in(page, "staff")
    page.wait_for_url(re.compile(r"/ru/$"))
    d = Deployment.objects.get(
        title_en="Collective peacekeeping forces in Kazakhstan, January 2022"
    )
    page.goto(f"{page.base_url}/en/forces/deployments/{d.pk}/crisis/")
    expect(page.get_by_test_id("crisis-map")).to_have_attribute(
        "data-ready", "7"
    )  # sites with places
    assert page.get_by_test_id("crisis-live").get_attribute("hx-trigger") is None
    expect(page.get_by_test_id("crisis-status")).to_have_text("Closed")
