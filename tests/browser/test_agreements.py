from __future__ import annotations

import datetime as dt
import re

import pytest

from concord.accounts.models import User
from concord.agreements import services

from .test_sign_in import sign_in

pytestmark = pytest.mark.browser


def test_the_depositary_records_a_signature_and_a_notification_through_the_page(page):
    protocol = services.create_agreement(
        actor=User.objects.get(username="secretariat"),
        kind="protocol",
        title_ru="Протокол о проверке",
        title_en="Protocol for the browser test",
        rule={"threshold": {"count": 2}, "later": {"delay": {"days": 0}}},
        signed_on=dt.date(2025, 3, 1),
    )
    sign_in(page, "secretariat")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(f"{page.base_url}/en/agreements/{protocol.pk}/")
    assert "No signatory or action recorded." in page.get_by_test_id("status-table").inner_text()

    def record(state: str, action: str, day: str) -> None:
        page.locator("summary", has_text="Record a treaty action").click()
        page.get_by_label("State", exact=True).select_option(label=state)
        page.get_by_label("Action", exact=True).select_option(action)
        page.get_by_label("Date", exact=True).fill(day)
        page.get_by_test_id("record-action").click()
        page.wait_for_url(re.compile(rf"/agreements/{protocol.pk}/$"))

    def pending() -> str:
        page.goto(f"{page.base_url}/en/agreements/mine/?state=KZ")
        text = page.get_by_test_id("pending").inner_text()
        page.goto(f"{page.base_url}/en/agreements/{protocol.pk}/")
        return text

    record("Kazakhstan", "signature", "2025-03-01")
    assert "01.03.2025" in page.get_by_test_id("row-KZ").inner_text()
    assert "Protocol for the browser test" in pending()
    record("Kazakhstan", "notification", "2025-06-01")
    row = page.get_by_test_id("row-KZ").inner_text()
    assert "Notification of completion of internal procedures, 01.06.2025" in row
    assert "1 more notification" in page.get_by_test_id("engine").inner_text()
    assert "State: Kazakhstan" in page.get_by_test_id("notices").inner_text()
    assert "Protocol for the browser test" not in pending()
