from __future__ import annotations

import re

import pytest

from .test_sign_in import sign_in

pytestmark = pytest.mark.browser


def test_a_working_group_meeting_added_shows_in_the_calendar(page):
    """The Secretariat records an extra meeting of the Working Group on Afghanistan (a meeting ending
    before it starts is refused beside the field); it is numbered next in the group's sequence and
    appears in the calendar's month and in the list filtered by the group."""
    sign_in(page, "secretariat")
    page.wait_for_url(re.compile(r"/ru/$"))
    page.goto(f"{page.base_url}/en/relations/groups/wg-afghanistan/")
    assert "Not found in the sources." in page.get_by_test_id("group-meetings").inner_text()
    page.locator("summary", has_text="Record a meeting").click()
    page.get_by_label("Title (Russian)").fill("Внеочередное заседание Рабочей группы")
    page.get_by_label("Title (English)").fill("Extraordinary meeting of the Working Group")
    page.get_by_label("Starts on").fill("2027-03-10")
    page.get_by_label("Ends on").fill("2027-03-09")
    page.get_by_label("Place (English)").fill("Dushanbe")
    page.get_by_label("Format").select_option("in_person")
    page.get_by_test_id("add-meeting").click()
    meeting_form = page.locator("form", has=page.get_by_test_id("add-meeting"))
    assert "cannot end before it starts" in meeting_form.inner_text()
    page.get_by_label("Ends on").fill("2027-03-11")
    page.get_by_test_id("add-meeting").click()
    page.wait_for_url(re.compile(r"/relations/groups/wg-afghanistan/$"))
    assert "10.03.2027" in page.get_by_test_id("group-meetings").inner_text()

    page.goto(f"{page.base_url}/en/relations/calendar/?date=2027-03-01")
    grid = page.get_by_test_id("calendar-grid")
    assert grid.get_by_role("link", name="Extraordinary meeting of the Working Group").count() == 2
    page.goto(
        f"{page.base_url}/en/relations/calendar/?view=list&date=2027-03-01&body=wg-afghanistan"
    )
    listed = page.get_by_test_id("calendar-list")
    assert "10.03.2027 – 11.03.2027" in listed.inner_text()
    listed.get_by_role("link", name="Extraordinary meeting of the Working Group").click()
    page.wait_for_url(re.compile(r"/relations/meetings/\d+/$"))
    assert "Dushanbe" in page.locator("main").inner_text()
