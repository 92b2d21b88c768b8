from __future__ import annotations

import csv
import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from concord.operations.models import Operation, Stage

from .test_sign_in import sign_in

pytestmark = pytest.mark.browser

HEADER = [
    "Agency code",
    "Agency",
    "Indicator code",
    "Indicator",
    "Breakdown code",
    "Breakdown",
    "Value",
    "Unit",
]


def as_user(page, username: str, url: str) -> None:
    page.context.clear_cookies()
    sign_in(page, username)
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(url)


def summer_stage() -> Stage:
    """A new stage of Channel with the states and agencies of its latest: reports still to write."""
    channel = Operation.objects.get(code="channel")
    model = channel.stages.order_by("-starts_on").first()
    assert model is not None
    stage = Stage.objects.create(
        operation=channel,
        name_ru="Летний рубеж",
        name_en="Summer Line",
        starts_on=dt.date(2026, 6, 1),
        ends_on=dt.date(2026, 6, 5),
    )
    stage.states.set(model.states.all())
    stage.agencies.set(model.agencies.all())
    return stage


def test_kazakhstan_uploads_a_report_another_kazakh_approves_it_and_the_secretariat_consolidates_it(
    page, tmp_path
):
    stage = summer_stage()
    spreadsheet = tmp_path / "kz-report.csv"
    with spreadsheet.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        writer.writerow(["KZ-MVD", "", "drugs", "Drugs seized", "heroin", "heroin", "120", "kg"])
        writer.writerow(["KZ-KNB", "", "drug-crimes", "Drug crimes detected", "", "", "7", ""])
    results = f"{page.base_url}/en/operations/{stage.operation_id}/results/?stage={stage.pk}"

    as_user(page, "kz_rep", f"{page.base_url}/en/operations/stages/{stage.pk}/")
    assert "No report you may see." in page.get_by_test_id("reports").inner_text()
    page.get_by_test_id("open-report").click()
    page.wait_for_url(re.compile(r"/en/operations/reports/\d+/$"))
    report_url = page.url
    assert "No figures yet." in page.get_by_test_id("figures").inner_text()
    page.get_by_label("Spreadsheet (XLSX or CSV)").set_input_files(spreadsheet)
    page.get_by_test_id("upload").click()  # each step posts and comes back to the same page
    figures = page.get_by_test_id("figures")
    expect(figures.locator("tbody tr")).to_have_count(2)
    expect(figures).to_contain_text("heroin")
    expect(figures).to_contain_text("120 kg")
    page.get_by_test_id("step-submit").click()
    expect(page.get_by_test_id("report-status")).to_contain_text("Submitted")
    expect(page.get_by_test_id("four-eyes")).to_contain_text("You submitted this report")
    assert page.get_by_test_id("step-approve").count() == 0  # four eyes: not the submitter

    as_user(page, "kz_coord", report_url)  # Kazakhstan's national coordinator
    page.get_by_test_id("step-approve").click()
    expect(page.get_by_test_id("report-status")).to_contain_text("Approved")

    as_user(page, "secretariat", results)
    assert "No consolidated figures." in page.get_by_test_id("by-year").inner_text()
    assert page.get_by_test_id("total-drugs").count() == 0
    assert page.get_by_test_id("charts").count() == 0

    page.goto(report_url)
    page.get_by_test_id("step-consolidate").click()
    expect(page.get_by_test_id("report-status")).to_contain_text("Consolidated")

    page.goto(results)
    assert page.get_by_test_id("total-drugs").inner_text() == "120"
    assert page.get_by_test_id("total-drug-crimes").inner_text() == "7"
    assert "KZ" in page.get_by_test_id("by-state").inner_text()
    assert "2026 Summer Line" in page.get_by_test_id("chart-stages").inner_html()
    assert "heroin" in page.get_by_test_id("chart-breakdown").inner_html()
