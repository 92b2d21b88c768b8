from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.db.models import Count, Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concord.core.actors import SYSTEM
from concord.monitoring import rollup, selectors
from concord.monitoring.importers import ImportFailed, import_events
from concord.monitoring.models import Event, MonthlyCount, Region
from concord.monitoring.states import Level

from .test_importers import ged_file, ged_row


def grouped_events() -> set[tuple]:
    return set(
        Event.objects.values_list("country", "adm_1", "month", "violence")
        .annotate(events=Count("*"), deaths=Sum("best"))
        .order_by()
    )


def stored_rollup() -> set[tuple]:
    return set(
        MonthlyCount.objects.values_list(
            "country", "adm_1", "month", "violence", "events", "deaths"
        )
    )


def test_the_demo_import_left_the_rollup_equal_to_the_grouped_events(db):
    assert Event.objects.exists()
    assert stored_rollup() == grouped_events()


def test_an_import_a_reimport_and_a_failed_import_keep_the_rollup(db, tmp_path):
    first = ged_file(tmp_path, [ged_row(id=990001, best=5), ged_row(id=990002, best=7)], "a.csv")
    import_events(first, "ucdp-ged", actor=SYSTEM, version="t1")
    assert stored_rollup() == grouped_events()
    # re-import: one event revised into another country and month, one new
    moved = ged_row(id=990001, best=9, country="Turkey", country_id=640, adm_1="Hatay province")
    again = ged_file(
        tmp_path,
        [
            moved,
            ged_row(id=990003, best=1, date_start="2019-03-04", date_end="2019-03-04", year=2019),
        ],
        "b.csv",
    )
    import_events(again, "ucdp-ged", actor=SYSTEM, version="t1")
    assert Event.objects.get(source_id="990001").country == "TUR"
    assert stored_rollup() == grouped_events()
    before = stored_rollup()
    bad = ged_file(tmp_path, [ged_row(id=990004, best=3), ged_row(id=990005, best="-1")], "c.csv")
    with pytest.raises(ImportFailed):
        import_events(bad, "ucdp-ged", actor=SYSTEM, version="t1")
    assert stored_rollup() == before == grouped_events()


def test_a_rollup_failure_rolls_the_import_back(db, tmp_path):
    count = Event.objects.count()
    path = ged_file(tmp_path, [ged_row(id=990011)])
    with (
        mock.patch.object(rollup, "refresh_after_import", side_effect=RuntimeError("boom")),
        pytest.raises(ImportFailed),
    ):
        import_events(path, "ucdp-ged", actor=SYSTEM, version="t1")
    assert Event.objects.count() == count


COUNTRIES = ["AFG", "TJK", "KGZ"]
PROVINCES = ["", "North", "South"]
FIRST = 2020 * 12


@st.composite
def an_event(draw):
    month = FIRST + draw(st.integers(0, 14))
    day = dt.date(month // 12, month % 12 + 1, draw(st.integers(1, 28)))
    return {
        "country": draw(st.sampled_from(COUNTRIES)),
        "adm_1": draw(st.sampled_from(PROVINCES)),
        "month": month,
        "date_start": day,
        "date_end": day,
        "violence": draw(st.sampled_from([None, 1, 2, 3])),
        "best": draw(st.integers(0, 40)),
        "side_a": draw(st.sampled_from(["Army", "Rebels"])),
    }


def month_start(i: int) -> dt.date:
    return dt.date(i // 12, i % 12 + 1, 1)


@st.composite
def filters(draw):
    start = draw(st.none() | st.integers(0, 15).map(lambda m: month_start(FIRST + m)))
    end = draw(
        st.none() | st.integers(1, 16).map(lambda m: month_start(FIRST + m) - dt.timedelta(days=1))
    )
    return selectors.Filters(
        region=draw(st.sampled_from([None, "region"])),  # replaced by the test's region
        country=draw(st.sampled_from(["", *COUNTRIES])),
        adm_1=draw(st.sampled_from(["", "North"])),
        start=start,
        end=end,
        violence=draw(st.sampled_from([None, 1, 2, 3])),
    )


def results(f: selectors.Filters) -> dict:
    return {
        "country": selectors.by_area(f, Level.COUNTRY),
        "province": selectors.by_area(f, Level.ADM1),
        "monthly": selectors.monthly(f),
        "totals": selectors.totals(f),
    }


def by_area_from_events(q, first, last):
    """monthly_by_area as it was computed from the events before the rollup."""
    out: dict = {}
    for country, adm_1, month, events, deaths in (
        Event.objects.filter(q, month__gte=first, month__lte=last)
        .values_list("country", "adm_1", "month")
        .annotate(events=Count("*"), deaths=Sum("best"))
        .order_by()
    ):
        series = out.setdefault((country, ""), {})
        e, d = series.get(month, (0, 0))
        series[month] = (e + events, d + deaths)
        if adm_1:
            out.setdefault((country, adm_1), {})[month] = (events, deaths)
    return out


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(rows=st.lists(an_event(), max_size=40), chosen=st.lists(filters(), min_size=1, max_size=4))
def test_every_aggregate_is_the_same_from_the_rollup_and_from_the_events(db, rows, chosen):
    Event.objects.all().delete()
    Event.objects.bulk_create(
        Event(
            source="test",
            source_id=str(i),
            country_name=f"Name of {row['country']}",
            **row,
        )
        for i, row in enumerate(rows)
    )
    rollup.refresh()
    assert stored_rollup() == grouped_events()
    region = Region(code="r", countries=["AFG"], provinces=["TJK/North"])
    for f in chosen:
        if f.region is not None:
            f.region = region
        assert f.whole_months()
        from_rollup = results(f)
        with mock.patch.object(selectors.Filters, "whole_months", return_value=False):
            from_events = results(f)
        assert from_rollup == from_events
        q = region.area_filter() if f.region else selectors.Q()
        series = selectors.monthly_by_area(q, FIRST + 2, FIRST + 11)
        assert {
            (a.country, "" if a.level == Level.COUNTRY else a.name): s for a, s in series.items()
        } == (by_area_from_events(q, FIRST + 2, FIRST + 11))
    assert selectors.first_months() == dict(
        Event.objects.values("country")
        .annotate(m=selectors.Min("month"))
        .values_list("country", "m")
    )


@pytest.mark.parametrize(
    ("start", "end", "whole"),
    [
        (None, None, True),
        (dt.date(2020, 1, 1), dt.date(2020, 2, 29), True),
        (dt.date(2020, 1, 2), None, False),
        (None, dt.date(2020, 2, 28), False),
    ],
)
def test_a_period_of_whole_months_is_read_from_the_rollup(start, end, whole):
    assert selectors.Filters(start=start, end=end).whole_months() is whole
    assert selectors.Filters(actor="Army").whole_months() is False
    assert selectors.Filters(conflict="299").whole_months() is False
