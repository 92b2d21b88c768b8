"""The dashboard's chairmanship outlook, read in one query, says what the organization's page says."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.organization import selectors
from concord.organization.models import Chairmanship


@pytest.mark.parametrize("year", [1995, 2003, 2020, 2024, 2025, 2026, 2030])
def test_the_panel_outlook_is_the_chair_outlook(db, year):
    today = dt.date(year, 6, 1)
    states = list(selectors.member_states())
    with CaptureQueriesContext(connection) as queries:
        outlook = selectors.panel_outlook(today, states)
    assert len(queries.captured_queries) == 1
    assert outlook == selectors.chair_outlook(today)


def test_the_panel_outlook_proposes_by_rotation_when_next_year_is_not_decided(db):
    today = dt.date(2026, 6, 1)
    Chairmanship.objects.filter(year__gte=2027).delete()
    states = list(selectors.member_states())
    outlook = selectors.panel_outlook(today, states)
    assert outlook.next is None
    assert outlook.next_proposed == selectors.chair_outlook(today).next_proposed
