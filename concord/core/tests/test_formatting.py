"""Numbers and dates as each language writes them (issue 21): the filters the templates use
(`floatformat:"…g"`, `operations.amount`, `date:"j E Y"` and friends) in Russian and in English.
Russian groups thousands with a no-break space and writes a decimal comma; English a comma and a
point. Russian months in a date take the genitive (5 декабря), and a month alone the nominative."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from concord.core.waiting import Waiting
from concord.operations.outputs import amount

NBSP = "\xa0"


def render(source: str, language: str, **context: object) -> str:
    with translation.override(language):
        return Template("{% load operations %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("source", "ru", "en"),
    [
        ('{{ v|floatformat:"1g" }}', f"16{NBSP}131,7", "16,131.7"),
        ('{{ v|floatformat:"0g" }}', f"16{NBSP}132", "16,132"),
        ('{{ v|floatformat:"2g" }}', f"16{NBSP}131,67", "16,131.67"),
        ("{{ v|floatformat:1 }}", "16131,7", "16131.7"),  # ungrouped: only for small figures
        ("{{ v|amount }}", f"16{NBSP}131,667", "16,131.667"),
    ],
)
def test_numbers_in_both_languages(source, ru, en):
    value = Decimal("16131.66667")
    assert render(source, "ru", v=value) == ru
    assert render(source, "en", v=value) == en


def test_a_figure_loses_its_trailing_zeros_but_keeps_its_grouping():
    with translation.override("ru"):
        assert amount(Decimal("1250000.500")) == f"1{NBSP}250{NBSP}000,5"
        assert amount(Decimal("12")) == "12"
        assert amount(None) == ""
    with translation.override("en"):
        assert amount(Decimal("1250000.500")) == "1,250,000.5"


DAY = dt.date(2026, 12, 5)
MOMENT = dt.datetime(2026, 12, 5, 14, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("source", "value", "ru", "en"),
    [
        ('{{ v|date:"j E Y" }}', DAY, "5 декабря 2026", "5 December 2026"),
        ('{{ v|date:"j E Y H:i" }}', MOMENT, "5 декабря 2026 14:30", "5 December 2026 14:30"),
        ('{{ v|date:"d.m.Y" }}', DAY, "05.12.2026", "05.12.2026"),
        ('{{ v|date:"m.Y" }}', DAY, "12.2026", "12.2026"),
        ('{{ v|date:"F Y" }}', DAY, "Декабрь 2026", "December 2026"),
        ('{{ v|date:"E Y" }}', dt.date(2026, 3, 1), "марта 2026", "March 2026"),
    ],
)
def test_dates_in_both_languages(source, value, ru, en):
    assert render(source, "ru", v=value) == ru
    assert render(source, "en", v=value) == en


def test_the_landing_pages_deadlines_are_written_in_the_readers_language(client_as, settings):
    settings.CONCORD_WAITING = ["concord.core.tests.test_formatting.dated"]
    ru = client_as("kazakh_representative").get("/ru/").content.decode()
    en = client_as("kazakh_representative").get("/en/").content.decode()
    assert "5 декабря 2026" in ru and "December" not in ru
    assert "5 December 2026" in en and "декабря" not in en


def dated(request: object) -> list[Waiting]:
    return [Waiting("Dated", "/x/", "k", "m", DAY)]
