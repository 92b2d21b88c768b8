"""The situation picture and its map computed once per data version and filter (datacache, mapdata),
and the events API paged by key."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concord.core.actors import SYSTEM
from concord.monitoring import datacache, mapdata
from concord.monitoring.importers import import_events
from concord.monitoring.models import Event

from .test_importers import ged_file, ged_row

HATAY = dict(
    country="Turkey", country_id=640, adm_1="Hatay province", latitude=36.2, longitude=36.16
)


def import_turkey(tmp_path, capture, *ids: int, best: int = 11) -> None:
    """An import of events in Turkey (none in the demo), committed: its on_commit hooks run."""
    path = ged_file(tmp_path, [ged_row(id=i, best=best, **HATAY) for i in ids], f"t{ids[0]}.csv")
    with capture(execute=True):
        import_events(path, "ucdp-ged", actor=SYSTEM, version="tur-1")


def totals(client, query: str) -> str:
    """The totals line over the whole record (empty start and end: no default period)."""
    html = client.get(f"/en/monitoring/?{query}&start=&end=").content.decode()
    start = html.index('data-testid="totals"')
    return html[start : html.index("</p>", start)]


def test_an_import_shows_at_once_on_the_picture_and_the_map(
    client_as, tmp_path, django_capture_on_commit_callbacks
):
    client = client_as("kazakh_representative")
    assert "No event data" in totals(client, "country=TUR")
    before = client.get("/en/monitoring/data.json?country=TUR")
    assert before.json()["countries"] == {} and before.json()["events"]["features"] == []
    syria = totals(client, "country=SYR")
    assert "16566 events" in syria.replace(",", "").replace("\xa0", "")

    import_turkey(tmp_path, django_capture_on_commit_callbacks, 995001, 995002)

    assert "2 events, 22 deaths" in totals(client, "country=TUR")
    after = client.get("/en/monitoring/data.json?country=TUR", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    body = after.json()
    assert body["countries"] == {"TUR": 22}
    [cluster] = body["events"]["features"]
    assert cluster["properties"] | {"cluster": True} == {
        "cluster": True,
        "events": 2,
        "deaths": 22,
        "adm1": "Hatay Province",
        "country": "TUR",
    }
    # another filter's cached figures are of the old version too: recomputed, the same
    assert totals(client, "country=SYR") == syria


def test_the_version_changes_at_once_and_again_on_commit(db, django_capture_on_commit_callbacks):
    first = datacache.version()
    assert datacache.version() == first
    with django_capture_on_commit_callbacks(execute=True):
        datacache.bump()
        inside = datacache.version()
        assert inside != first  # the writer reads its own data
    assert datacache.version() not in (first, inside)  # what was cached meanwhile is dropped


@pytest.mark.usefixtures("uncached_pages")
def test_figures_are_cached_per_filter_and_a_cached_read_runs_no_aggregate(client_as):
    client = client_as("analyst")
    pages = ["country=SYR", "country=UKR", "region=middle-east&violence=1", "actor=Islamic"]
    cold, warm = {}, {}
    for query in pages:
        for counted in (cold, warm):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"/en/monitoring/?{query}").status_code == 200
            counted[query] = [q["sql"] for q in queries.captured_queries]
    assert totals(client, "country=SYR") != totals(client, "country=UKR")
    for query in pages:
        assert len(warm[query]) < len(cold[query])
        assert not any(
            "monitoring_event" in q or "monitoring_monthlycount" in q for q in warm[query]
        )
    # the same number of queries whatever the selection (the region filter reads its region)
    assert len({len(warm[q]) for q in pages if "region" not in q}) == 1


def test_map_data_is_compressed_revalidated_and_never_public(client_as):
    client = client_as("analyst")
    url = "/en/monitoring/data.json?start=2018-03-01&end=2018-03-31"
    zipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert zipped["Content-Encoding"] == "gzip" and zipped["Cache-Control"] == "private, no-cache"
    assert "Cookie" in zipped["Vary"] and "Accept-Encoding" in zipped["Vary"]
    plain = client.get(url)
    assert json.loads(gzip.decompress(zipped.content)) == plain.json()
    assert plain["ETag"] == zipped["ETag"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, HTTP_IF_NONE_MATCH=f"W/{plain['ETag']}")
    assert again.status_code == 304 and again.content == b""
    assert len(queries) == 0  # the session and the user come from the cache: nothing of the data
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url + "&level=events&bbox=35,32,38,37").status_code == 200
        assert client.get(url + "&level=events&bbox=35.2,32.4,37.9,36.6").status_code == 200
    assert sum("monitoring_event" in q["sql"] for q in queries.captured_queries) == 1


@pytest.mark.parametrize("url", ["/en/monitoring/", "/en/monitoring/data.json"])
def test_who_may_not_see_the_picture_never_gets_a_cached_body(client_as, url):
    signed_in = client_as("analyst").get(url)
    assert signed_in.status_code == 200
    anonymous = client_as("public_visitor")
    for headers in ({}, {"HTTP_IF_NONE_MATCH": signed_in.get("ETag", "x")}):
        response = anonymous.get(url, **headers)
        assert response.status_code == 302 and "/login" in response["Location"]
        assert b"Syria" not in response.content and b"SYR" not in response.content
    assert anonymous.get("/api/v1/events").status_code == 401


@pytest.mark.parametrize(
    "query", ["country=UKR", "country=SYR&start=2018-03-01&end=2018-03-31", "region=eastern-europe"]
)
def test_the_clusters_sum_to_the_events(client_as, query):
    client = client_as("analyst")
    wide = client.get(f"/en/monitoring/data.json?{query}").json()
    detail = client.get(f"/en/monitoring/data.json?{query}&level=events").json()
    assert wide["level"] == "areas" and detail["level"] == "events" and not detail["truncated"]
    clusters = [f["properties"] for f in wide["events"]["features"]]
    points = [f["properties"] for f in detail["events"]["features"]]
    assert sum(c["events"] for c in clusters) == len(points) > 0
    assert sum(c["deaths"] for c in clusters) == sum(p["deaths"] for p in points)
    by_area: dict[tuple[str, str], int] = {}
    for p in points:
        by_area[(p["country"], p["adm1"])] = by_area.get((p["country"], p["adm1"]), 0) + 1
    assert {(c["country"], c["adm1"]): c["events"] for c in clusters} == by_area
    # the shading counts every event, located or not
    unlocated = Event.objects.filter(latitude=None).aggregate(d=Sum("best"))["d"] or 0
    assert sum(c["deaths"] for c in clusters) <= sum(wide["countries"].values())
    assert sum(wide["countries"].values()) - sum(c["deaths"] for c in clusters) <= unlocated


def test_a_box_is_widened_to_whole_degrees():
    assert mapdata.bbox("35.2,32.4,37.9,36.6") == (35, 32, 38, 37)
    assert mapdata.bbox("-200,-95,200,95") == (-180, -90, 180, 90)
    for bad in (None, "", "1,2,3", "a,b,c,d", "nan,1,2,3", "5,5,5,5", "10,0,0,10"):
        assert mapdata.bbox(bad) is None


# --- The events API, paged by key -----------------------------------------------------------------

DAYS = [dt.date(1990, 1, 1) + dt.timedelta(days=n) for n in range(4)]  # few days: many ties


def make_events(days: list[dt.date]) -> set[str]:
    Event.objects.filter(source="keyset").delete()
    Event.objects.bulk_create(
        Event(
            source="keyset",
            source_id=str(n),
            date_start=day,
            date_end=day,
            month=day.year * 12 + day.month - 1,
            country="ATA",
            country_name="Antarctica",
            best=n,
        )
        for n, day in enumerate(days)
    )
    return {str(n) for n in range(len(days))}


def walk(client, size: int) -> tuple[list[tuple[str, str]], int]:
    """Every page of Antarctica's events: (date, id) in the order given, and the pages read."""
    seen: list[tuple[str, str]] = []
    cursor, pages = "", 0
    while True:
        page = client.get(f"/api/v1/events?country=ATA&page_size={size}&cursor={cursor}").json()
        pages += 1
        assert len(page["items"]) <= size and set(page) == {"items", "next"}
        seen += [(e["date_start"], e["source_id"]) for e in page["items"]]
        if page["next"] is None:
            return seen, pages
        assert len(page["items"]) == size
        cursor = page["next"]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(days=st.lists(st.sampled_from(DAYS), max_size=40), size=st.integers(1, 12))
def test_keyset_pages_give_every_event_exactly_once(client_as, days, size):
    client = client_as("analyst")
    expected = make_events(days)
    seen, pages = walk(client, size)
    ids = [sid for _day, sid in seen]
    assert sorted(ids) == sorted(expected)  # every event, exactly once
    assert [day for day, _sid in seen] == sorted((day for day, _ in seen), reverse=True)
    assert pages == max(1, -(-len(days) // size))


def test_a_page_reads_the_same_whatever_its_depth_and_a_bad_cursor_is_refused(client_as):
    client = client_as("analyst")
    first = client.get("/api/v1/events?page_size=100").json()
    with CaptureQueriesContext(connection) as shallow:
        client.get(f"/api/v1/events?page_size=100&cursor={first['next']}")
    deep_cursor = "2014-06-01.1"
    with CaptureQueriesContext(connection) as deep:
        page = client.get(f"/api/v1/events?page_size=100&cursor={deep_cursor}").json()
    assert all(e["date_start"] <= "2014-06-01" for e in page["items"])
    assert len(shallow) == len(deep) == 1  # the page alone: session and user are cached
    assert not any("COUNT(" in q["sql"] for q in deep.captured_queries)
    for cursor in ("yesterday", "2019-01-01.99999999999999999999", "2019-02-30.5", "2019-01-01.-1"):
        bad = client.get(f"/api/v1/events?cursor={cursor}")
        assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "cursor"
    assert client.get("/api/v1/events?page_size=501").status_code == 422
