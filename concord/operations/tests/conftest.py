from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

import pytest
from django.utils import translation

from concord.operations.models import Operation, Stage
from concord.operations.spreadsheets import header_row
from concord.organization.models import MemberState


@pytest.fixture
def stage(db) -> Stage:
    """A new Channel stage with every state but Armenia taking part, and no reports yet."""
    channel = Operation.objects.get(code="channel")
    stage = Stage.objects.create(
        operation=channel,
        name_ru="Учебный",
        name_en="Drill",
        starts_on=dt.date(2026, 6, 1),
        ends_on=dt.date(2026, 6, 5),
    )
    states = MemberState.objects.exclude(iso2="AM")
    stage.states.set(states)
    stage.agencies.set(channel.agencies.filter(state__in=states))
    return stage


@pytest.fixture
def kz(db) -> MemberState:
    return MemberState.objects.get(iso2="KZ")


def csv_file(
    rows: Sequence[Sequence[object]], language: str = "en", delimiter: str = ","
) -> io.BytesIO:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header_row(language))
    writer.writerows(rows)
    return io.BytesIO(out.getvalue().encode())


def line(
    indicator: str, value: object, unit: str = "", item: str = "", agency: str = ""
) -> list[object]:
    return [agency, "", indicator, "", item, "", value, unit]


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English; pages choose their language from the address."""
    with translation.override("en"):
        yield
