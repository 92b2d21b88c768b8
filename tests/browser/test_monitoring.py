from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from concord.consultations.models import Consultation
from concord.monitoring.models import Alert

from .test_sign_in import sign_in

pytestmark = pytest.mark.browser


def test_the_map_draws_the_selected_events_and_an_analyst_escalates_an_alert(page):
    sign_in(page, "analyst")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(f"{page.base_url}/en/monitoring/?start=2018-03-01&end=2018-03-31")
    box = page.get_by_test_id("map")
    # the events arrived and were drawn, boundaries and event circles on a canvas
    expect(box).to_have_attribute("data-ready", re.compile(r"^[1-9]\d*$"))
    assert page.locator("#map canvas").count() >= 1
    assert "Rif Dimashq Governorate" in page.get_by_test_id("by-province").inner_text()
    page.get_by_label("Type of violence").select_option("3")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_test_id("totals")).not_to_contain_text("405 events")

    alert = Alert.objects.get(area="Al Hasakah Governorate", period="2019-10-01")
    page.goto(f"{page.base_url}/en/monitoring/alerts/")
    page.locator(f'a[href$="/monitoring/alerts/{alert.pk}/"]').click()
    expect(page.get_by_test_id("explanation")).to_contain_text(
        "73 events and 420 deaths in October 2019"
    )
    page.get_by_label("Note").fill("Offensive in the north-east; assess jointly.")
    page.get_by_test_id("decide-escalate").click()
    expect(page.get_by_test_id("alert-status")).to_have_text("Escalated")
    page.get_by_test_id("assessment").get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("Joint assessment: Al Hasakah Governorate")
    alert.refresh_from_db()
    assert Consultation.objects.get(pk=alert.consultation_id).emergency


def test_the_map_legend_and_the_month_range_of_the_picture(page):
    """The map explains its shades, circles and the no-data style in the reader's language; the
    picture opens on the last 12 months of data, a range typed into the month fields applies to the
    figures and the map, and a reversed one is told beside its field."""
    sign_in(page, "kz_rep")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(f"{page.base_url}/ru/monitoring/")
    expect(page.get_by_test_id("map")).to_have_attribute("data-ready", re.compile(r"^\d+$"))
    legend = page.get_by_test_id("map-legend")
    expect(legend).to_be_visible()
    expect(legend).to_contain_text("нет данных о событиях")
    expect(legend).to_contain_text("1\xa0000 и более")
    assert page.locator("[data-testid=map-legend] svg circle").count() == 3
    start, end = page.get_by_label("С (месяц)"), page.get_by_label("По (месяц)")
    expect(start).to_have_value("2022-04")
    expect(end).to_have_value("2023-03")

    page.goto(f"{page.base_url}/en/monitoring/")
    page.get_by_label("Country (ISO3)").fill("SYR")
    page.get_by_label("From (month)").fill("2018-03")
    page.get_by_label("To (month)").fill("2018-03")
    page.get_by_label("To (month)").press("Enter")  # the keyboard submits the filters
    expect(page.get_by_test_id("totals")).to_contain_text("events")
    expect(page.get_by_test_id("map")).to_have_attribute("data-ready", re.compile(r"^[1-9]\d*$"))
    assert "Rif Dimashq Governorate" in page.get_by_test_id("by-province").inner_text()
    page.get_by_label("From (month)").fill("2019-01")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("alert")).to_contain_text("The period ends before it starts.")
