from __future__ import annotations

import re

import pytest

from concord.agreements.models import Agreement

from .test_sign_in import sign_in

pytestmark = pytest.mark.browser


def test_the_depositary_records_a_notification_and_the_status_table_changes(page):
    protocol = Agreement.objects.get(title_en__startswith="Protocol on extending")
    sign_in(page, "secretariat")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(f"{page.base_url}/en/agreements/{protocol.pk}/")
    assert "No actions recorded." in page.get_by_test_id("status-table").inner_text()

    def record(state: str, action: str, day: str) -> None:
        page.locator("summary", has_text="Record a treaty action").click()
        page.get_by_label("State", exact=True).select_option(label=state)
        page.get_by_label("Action", exact=True).select_option(action)
        page.get_by_label("Date", exact=True).fill(day)
        page.get_by_test_id("record-action").click()
        page.wait_for_url(re.compile(rf"/agreements/{protocol.pk}/$"))

    record("Kazakhstan", "signature", "1999-04-02")
    record("Kazakhstan", "notification", "1999-06-01")
    row = page.get_by_test_id("row-KZ").inner_text()
    assert (
        "02.04.1999" in row
        and "Notification of completion of internal procedures, 01.06.1999" in row
    )
    assert "needs 4 more notifications" in page.get_by_test_id("engine").inner_text()
