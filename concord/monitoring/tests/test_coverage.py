"""Coverage as data: where no source covers an area and period, every page, report, the map and the
API say "no event data", never 0; a covered area without events is 0. The yearly tables are the
country's only where their own location columns name that country alone. The demo's neighbourhood:
Ukraine beside Syria."""

from __future__ import annotations

import datetime as dt
import io
import itertools

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from concord.core.actors import SYSTEM
from concord.core.errors import DomainError
from concord.monitoring import coverage, drafting, rules, selectors
from concord.monitoring.countries import DATA
from concord.monitoring.importers import import_events
from concord.monitoring.models import Coverage, Event, Region, SituationReport
from concord.monitoring.outputs import report_pdf

M = rules.month_index
SEPT_2022 = (dt.date(2022, 9, 1), dt.date(2022, 9, 30))


def _draft(code: str, start: dt.date, end: dt.date, language: str) -> str:
    region = Region.objects.get(code=code)
    return drafting.draft_text(
        region, start, end, drafting.key_figures(region, start, end), language
    )[1]


# --- the store's coverage -------------------------------------------------------------------------


def test_the_demo_records_what_each_source_version_covers(db):
    got = {
        (c.source_version, tuple(c.countries), c.first_month, c.last_month)
        for c in Coverage.objects.all()
    }
    assert got == {
        ("GED 19.1 Syria", ("SYR",), M(2016, 1), M(2017, 12)),
        ("GED 19.1 Syria", ("SYR",), M(2018, 1), M(2019, 11)),
        ("GED 22.1 Ukraine", ("UKR",), M(2014, 1), M(2021, 12)),
        ("GED cand. 2022-23", ("UKR",), M(2022, 1), M(2023, 3)),
    }
    candidate = Coverage.objects.get(source_version="GED cand. 2022-23")
    assert candidate.rows == 894 and "far from complete" in candidate.note_en
    assert "далеко не полны" in candidate.note_ru


def test_states_of_a_selection(db):
    whole = coverage.cover(["UKR"], M(2020, 1), M(2022, 12))
    assert whole.state == coverage.State.COVERED and whole.countries == {"UKR": "covered"}
    part = coverage.cover(["SYR"], M(2019, 6), M(2020, 6))
    assert part.state == coverage.State.PARTIAL
    assert part.months[M(2019, 11)] == "covered" and part.months[M(2019, 12)] == "none"
    mixed = coverage.cover(["SYR", "KAZ"], M(2018, 1), M(2018, 12))
    assert mixed.state == coverage.State.PARTIAL and mixed.uncovered == ["KAZ"]
    assert coverage.cover(["KAZ"], M(2022, 9), M(2022, 9)).state == coverage.State.NONE


def test_a_monthly_series_has_no_data_outside_coverage_and_zero_inside(db):
    covered = coverage.cover(["SYR"], M(2019, 10), M(2020, 1))
    rows = coverage.series([{"month": M(2019, 10), "events": 5, "deaths": 7}], covered)
    assert [(r["events"], r["state"]) for r in rows] == [
        (5, "covered"),
        (0, "covered"),
        (None, "none"),
        (None, "none"),
    ]


# --- imports, overlaps, declarations ----------------------------------------------------------------


def _first_rows(tmp_path, n: int):
    path = tmp_path / "ged.csv"
    with (DATA / "ged_syria_2016_2017.csv").open(encoding="utf-8") as source:
        path.write_text("".join(itertools.islice(source, n + 1)), encoding="utf-8")
    return path


def test_an_import_overlapping_another_version_says_which_wins(db, tmp_path):
    before = Event.objects.filter(country="SYR", source_version="GED 19.1 Syria").count()
    report = import_events(_first_rows(tmp_path, 3), "ucdp-ged", actor=SYSTEM, version="19.2")
    assert report.updated == 3
    overlap = next(line for line in report.coverage if line.startswith("Overlap"))
    assert "GED 19.1 Syria also covers SYR 2016-01…2016-01" in overlap
    assert "This import (19.2) wins" in overlap
    kept = Event.objects.filter(
        country="SYR", source_version="GED 19.1 Syria", month=M(2016, 1)
    ).count()
    assert f"{kept} events of GED 19.1 Syria there that this file does not contain are kept" in (
        overlap
    )
    # the rule: same id → the new version's row; the older version's other rows are kept
    assert Event.objects.filter(source_version="19.2").count() == 3
    assert Event.objects.filter(country="SYR").count() == 16566
    assert Event.objects.filter(source_version="GED 19.1 Syria").count() == before - 3
    assert Coverage.objects.get(source_version="19.2").countries == ["SYR"]
    assert (
        Coverage.objects.get(source_version="GED 19.1 Syria", first_month=M(2016, 1)).rows
        == 11757 - 3
    )


def test_the_import_command_prints_coverage_and_overlap(db, tmp_path):
    out = io.StringIO()
    call_command(
        "import_events",
        "--format",
        "ucdp-ged",
        "--source-version",
        "19.2",
        str(_first_rows(tmp_path, 2)),
        stdout=out,
    )
    text = out.getvalue()
    assert "Coverage: ucdp-ged 19.2 covers SYR 2016-01…2016-01 (2 events)." in text
    assert "Overlap: ucdp-ged GED 19.1 Syria" in text


def test_declared_coverage_makes_a_country_without_events_zero(db):
    out = io.StringIO()
    call_command(
        "declare_coverage",
        "--source=ucdp-ged",
        "--source-version=GED 22.1",
        "--countries=KAZ,KGZ,TJK,UZB,TKM",
        "--from=2022-01",
        "--to=2022-12",
        stdout=out,
    )
    assert "covers KAZ, KGZ, TJK, TKM, UZB 2022-01…2022-12 (0 events)" in out.getvalue()
    text = _draft("central-asia", *SEPT_2022, "en")
    assert text.startswith("Key figures: 0 events and 0 deaths (previous period: 0 and 0).")
    assert "– Kazakhstan: 0 / 0" in text


@pytest.mark.parametrize(
    "args, message",
    [
        (["--countries=XXX", "--from=2022-01", "--to=2022-02"], "XXX"),
        (["--countries=KAZ", "--from=2022-05", "--to=2022-02"], "ends before it starts"),
        (["--countries=KAZ", "--from=2022-13", "--to=2022-02"], "write a month as YYYY-MM"),
    ],
)
def test_a_bad_declaration_is_refused(db, args, message):
    with translation.override("en"), pytest.raises(CommandError, match=message):
        call_command("declare_coverage", "--source=ucdp-ged", *args)


def test_only_the_system_declares_coverage(db, analyst):
    with pytest.raises(DomainError):
        coverage.declare_coverage("ucdp-ged", "x", ["KAZ"], 1, 2, actor=analyst)


# --- reports --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", "No event data for this region and period"),
        ("ru", "Нет данных о событиях по региону за период"),
    ],
)
def test_a_report_on_an_uncovered_region_says_no_event_data_never_zero(db, language, expected):
    text = _draft("central-asia", *SEPT_2022, language)
    assert text.startswith(expected)
    assert " 0 " not in text and "0 events" not in text


def test_the_eastern_europe_report_of_the_demo_counts_ukraine_and_says_what_it_lacks(db):
    report = SituationReport.objects.get(region__code="eastern-europe")
    assert (report.starts_on, report.ends_on, report.status) == (
        dt.date(2022, 2, 1),
        dt.date(2022, 2, 28),
        "draft",
    )
    assert report.body_en.startswith("Key figures: 7 events and 6,548 deaths")
    assert "No event data for: Belarus; Moldova" in report.body_en
    assert "Note on the data (ucdp-ged GED cand. 2022-23" in report.body_en
    assert "far from complete" in report.body_en and "далеко не полны" in report.body_ru
    assert "Нет данных о событиях: Беларусь; Молдавия" in report.body_ru
    assert report.figures["coverage"]["countries"]["UKR"] == "covered"
    assert report_pdf(report, ["ru", "en"]).startswith(b"%PDF")


# --- pages, the map, the API ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, words", [("en", "No event data"), ("ru", "Нет данных о событиях")]
)
def test_the_picture_of_an_uncovered_region_says_no_event_data(client_as, language, words):
    response = client_as("analyst").get(f"/{language}/monitoring/?region=central-asia")
    page = response.content.decode()
    assert response.context["total"] is None and words in page
    rows = response.context["countries"]
    assert {r["country"] for r in rows} == {"KAZ", "KGZ", "TJK", "UZB", "TKM"}
    assert all(r["events"] is None for r in rows)


def test_the_picture_of_a_period_partly_covered(client_as):
    response = client_as("analyst").get(
        "/en/monitoring/?country=SYR&start=2019-06-01&end=2020-06-30"
    )
    assert response.context["covered"].state == "partial"
    assert "partly covered" in response.content.decode()
    none = client_as("analyst").get("/en/monitoring/?country=SYR&start=2021-01-01&end=2021-12-31")
    assert none.context["total"] is None
    assert none.context["countries"] == [
        {
            "country": "SYR",
            "country_name": "Syrian Arab Republic",
            "events": None,
            "deaths": None,
            "state": "none",
        }
    ]


def test_the_eastern_europe_picture_counts_the_ukraine_rows(client_as):
    # both months cleared: the whole record (without them the picture opens on the last 12 months)
    response = client_as("analyst").get("/en/monitoring/?region=eastern-europe&start=&end=")
    assert response.context["total"]["events"] == 3883
    assert response.context["total"]["deaths"] == 18480
    assert response.context["covered"].uncovered == ["BLR", "MDA", "RUS"]
    assert "far from complete" in response.content.decode()


def test_the_map_marks_what_no_source_covers(client_as):
    client = client_as("analyst")
    region = client.get("/en/monitoring/data.json?region=eastern-europe").json()["coverage"]
    assert region == {
        "countries": {"UKR": "covered", "BLR": "none", "MDA": "none", "RUS": "none"},
        "elsewhere": "unselected",
    }
    everything = client.get("/en/monitoring/data.json").json()["coverage"]
    assert everything["elsewhere"] == "none"
    assert everything["countries"] == {"SYR": "covered", "UKR": "covered"}
    later = client.get("/en/monitoring/data.json?start=2022-01-01&end=2022-12-31").json()
    assert later["coverage"]["countries"] == {"SYR": "none", "UKR": "covered"}


def test_area_pages_say_no_event_data_or_zero(client_as):
    client = client_as("analyst")
    kaz = client.get("/ru/monitoring/areas/KAZ/")
    assert kaz.context["no_data"] and "Нет данных о событиях" in kaz.content.decode()
    ukraine = client.get("/en/monitoring/areas/UKR/")
    rows = ukraine.context["rows"]
    assert len(rows) == M(2023, 3) - M(2014, 1) + 1  # every covered month, none skipped
    assert all(r["events"] is not None for r in rows) and any(r["events"] == 0 for r in rows)


def test_the_api_tells_coverage_beside_the_events(client_as):
    client = client_as("kazakh_representative")
    none = client.get("/api/v1/events/coverage?region=central-asia").json()
    assert none["state"] == "none" and none["countries"]["KAZ"] == "none"
    assert client.get("/api/v1/events?region=central-asia").json() == {"items": [], "next": None}
    part = client.get("/api/v1/events/coverage?country=SYR&start=2019-01-01&end=2020-12-31").json()
    assert part["state"] == "partial" and "2020-01" in part["uncovered_months"]
    ukraine = client.get("/api/v1/events/coverage?country=UKR").json()
    assert ukraine["state"] == "covered"
    assert {s["version"] for s in ukraine["sources"]} == {"GED 22.1 Ukraine", "GED cand. 2022-23"}
    bad = client.get("/api/v1/events/coverage?region=nowhere")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "region"
    assert client_as("public_visitor").get("/api/v1/events/coverage").status_code == 401


# --- the yearly tables ------------------------------------------------------------------------------


def test_islamic_states_2018_deaths_in_19_countries_are_not_tajikistans(db):
    view = selectors.yearly("TJK")
    year = dict(view["years"])[2018]
    assert year["onesided"] is None and year["shared"]["onesided"] == 1
    shared = next(r for r in view["shared"] if r["year"] == 2018 and r["dataset"] == "onesided")
    assert (shared["best"], shared["count"]) == (1835, 19) and "IS" in shared["sides"]


def test_the_yearly_and_afghanistan_pages_show_shared_records_apart(client_as):
    client = client_as("analyst")
    page = client.get("/en/monitoring/yearly/TJK/").content.decode()
    assert "in 19 countries" in page and "total not attributable to one country" in page
    afghanistan = client.get("/en/monitoring/afghanistan/")
    tajikistan = dict(afghanistan.context["neighbours"]["TJK"])
    assert 1835 not in [v["onesided"] for v in tajikistan.values()]
    assert (
        "не относится к одной стране" in client.get("/ru/monitoring/yearly/TJK/").content.decode()
    )


def test_a_country_alone_in_a_record_keeps_its_deaths(db):
    syria = dict(selectors.yearly("SYR")["years"])
    assert syria[2016]["brd"] and syria[2016]["brd"] > 1000


# --- the Ukraine import -----------------------------------------------------------------------------


def test_the_ukraine_rows_are_imported_with_provinces_normalised(db):
    ukraine = Event.objects.filter(country="UKR")
    assert ukraine.count() == 3883
    provinces = set(ukraine.values_list("adm_1", flat=True))
    assert "Kharkiv" in provinces and not {p for p in provinces if "blast" in p}
    assert ukraine.filter(source_version="GED cand. 2022-23").count() == 894
