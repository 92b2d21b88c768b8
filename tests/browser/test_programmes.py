from __future__ import annotations

import re

import pytest

from .test_sign_in import sign_in

pytestmark = pytest.mark.browser

DECISION = "On the Target Intergovernmental Programme for strengthening the Tajik-Afghan border"


def test_from_an_adopted_decision_to_an_action_plan_task_reported_done(page):
    """The Secretariat drafts a plan after the Astana CSC session and draws a task from the decision
    adopted there; the chairman (Kazakhstan, 2024) approves it; Kazakhstan and the Secretariat report
    their parts done; the task is done and Kazakhstan's rate counts it."""
    sign_in(page, "secretariat")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(f"{page.base_url}/en/programmes/plans/")
    page.locator("summary", has_text="Draft an action plan").click()
    page.get_by_label("Session", exact=True).select_option(
        label="Collective Security Council 28.11.2024"
    )
    page.get_by_label("Title (Russian)").fill("План проверки")
    page.get_by_label("Title (English)").fill("Browser test plan")
    page.get_by_label("Plan date").fill(
        "2024-11-27"
    )  # before the session: refused beside the field
    page.get_by_test_id("draft-plan").click()
    assert "before the session it implements" in page.locator("form").last.inner_text()
    page.get_by_label("Plan date").fill("2024-12-02")
    page.get_by_test_id("draft-plan").click()
    page.wait_for_url(re.compile(r"/programmes/plans/\d+/$"))
    plan_url = page.url

    page.locator("summary", has_text="Add a task").click()
    page.get_by_label("Decision", exact=True).select_option(label=DECISION)
    page.get_by_label("Task (Russian)").fill("Назначить национального заказчика.")
    page.get_by_label("Task (English)").fill("Name the national customer.")
    page.get_by_label("Deadline").fill("2025-02-01")
    page.get_by_label("Responsible states").select_option(label="Kazakhstan")
    page.get_by_test_id("add-task").click()  # no responsible body yet: refused beside the field
    assert "Name at least one responsible body." in page.locator("form").last.inner_text()
    page.get_by_label("Responsible bodies").select_option(label="Secretariat")
    page.get_by_test_id("add-task").click()
    page.wait_for_url(plan_url)
    assert "Name the national customer." in page.get_by_test_id("task-1").inner_text()

    page.context.clear_cookies()
    sign_in(page, "kz_rep")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(plan_url)
    page.get_by_test_id("approve-plan").click()
    page.wait_for_url(plan_url)
    assert "Approved" in page.get_by_test_id("status").inner_text()
    task = page.get_by_test_id("task-1")
    task.get_by_label("Report", exact=True).fill("Национальный заказчик назначен.")
    task.get_by_label("Our part is done").check()
    task.get_by_role("button", name="Report", exact=True).click()
    page.wait_for_url(plan_url)
    assert "Kazakhstan" in page.get_by_test_id("by-state").inner_text()
    assert "1 / 1" in page.get_by_test_id("by-state").inner_text()
    assert "Open" in page.get_by_test_id("task-1").locator("header").inner_text()

    page.context.clear_cookies()
    sign_in(page, "secretariat")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(plan_url)
    task = page.get_by_test_id("task-1")
    task.get_by_label("Report", exact=True).fill("Сведения получены.")
    task.get_by_label("Our part is done").check()
    task.get_by_role("button", name="Report", exact=True).click()
    page.wait_for_url(plan_url)
    assert "Done" in page.get_by_test_id("task-1").locator("header").inner_text()
    assert "100.0 %" in page.get_by_test_id("by-decision").inner_text()
