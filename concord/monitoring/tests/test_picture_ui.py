"""The situation picture and the alerts as a reader uses them: one score everywhere, an alert's events
one click away (list and map), the map's legend in the reader's language, and a range of months."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from concord.monitoring import coverage, rules, selectors
from concord.monitoring.models import Alert, Event
from concord.monitoring.states import Level
from conftest import PERSONAS


def _html(response) -> str:
    return response.content.decode()


def test_an_alert_shows_one_score_in_the_list_the_page_the_text_and_the_api(client_as):
    client = client_as("analyst")
    listing = _html(client.get("/en/monitoring/alerts/"))
    api = {a["id"]: a for a in client.get("/api/v1/alerts?page_size=500").json()["items"]}
    alerts = list(Alert.objects.exclude(rule="surprise")[:40])
    assert alerts
    for alert in alerts:
        page = _html(client.get(f"/en/monitoring/alerts/{alert.pk}/"))
        shown = re.search(r'data-testid="alert-score">([^<]*)<', page)[1]
        row = re.search(
            rf'alerts/{alert.pk}/".*?data-testid="alert-score">([^<]*)<', listing, re.DOTALL
        )
        assert row is not None and row[1] == shown
        assert f"{api[alert.pk]['score']:.1f}" == shown
        # the explanation states the same figure (an onset's compares with its volume instead)
        if alert.rule != "onset":
            assert f" {shown} times" in alert.explanation_en, alert.explanation_en
            assert f" {shown.replace('.', ',')} раза" in alert.explanation_ru


def test_from_an_alert_its_events_are_one_click_away_in_a_list_and_on_the_map(client_as):
    alert = Alert.objects.get(area="Rif Dimashq Governorate", period="2018-03-01")
    client = client_as("analyst")
    page = _html(client.get(f"/en/monitoring/alerts/{alert.pk}/"))
    events_url = re.search(r'href="([^"]+)" data-testid="alert-events-list"', page)[1]
    map_url = re.search(r'href="([^"]+)" data-testid="alert-events-map"', page)[1]
    events_url, map_url = events_url.replace("&amp;", "&"), map_url.replace("&amp;", "&")
    assert parse_qs(urlsplit(events_url).query) == {
        "country": ["SYR"],
        "adm1": ["Rif Dimashq Governorate"],
        "month": ["2018-03"],
    }
    listing = client.get(events_url)
    html = _html(listing)
    assert listing.status_code == 200
    assert "160 events" in re.search(r'data-testid="event-count">(.*?)</p>', html, re.DOTALL)[1]
    assert html.count("<tr>") - 1 == 50  # paged: 50 a page, the header row apart
    second = _html(client.get(events_url + "&page=4"))
    assert "Page 4 of 4" in second and second.count("<tr>") - 1 == 10
    # the map's link: the picture on the same area and month, its data request the same
    picture = _html(client.get(map_url.split("#")[0]))
    data_url = re.search(r'data-data="([^"]+)"', picture)[1].replace("&amp;", "&")
    data = client.get(data_url).json()
    assert data["provinces"] == {"SYR/Rif Dimashq Governorate": 1876}
    located = Event.objects.filter(
        adm_1="Rif Dimashq Governorate", month=rules.month_index(2018, 3)
    ).exclude(latitude=None)
    (circle,) = data["events"]["features"]  # zoomed out: one circle for the province
    assert circle["properties"]["deaths"] == 1876
    detail = client.get(data_url + "&level=events&bbox=30,30,45,40").json()  # zoomed in
    assert len(detail["events"]["features"]) == located.count() > 0
    assert all(f["properties"]["date"].startswith("2018-03") for f in detail["events"]["features"])
    # from the alert list too
    listing = _html(client.get("/en/monitoring/alerts/"))
    assert "adm1=Rif%20Dimashq%20Governorate&amp;month=2018-03" in listing


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_events_list_is_open_to_every_signed_in_user(client_as, persona):
    response = client_as(persona).get("/en/monitoring/events/?country=SYR&month=2018-03")
    assert response.status_code == (302 if persona == "public_visitor" else 200)


def test_the_events_list_refuses_bad_input_on_its_fields_and_says_no_event_data(client_as):
    client = client_as("kazakh_representative")
    bad = client.get("/en/monitoring/events/?country=XX&month=2018-15")
    assert bad.status_code == 400
    assert "Not an ISO" in _html(bad) and "YYYY-MM" in _html(bad)
    assert client.get("/en/monitoring/events/").status_code == 400
    assert client.get("/en/monitoring/events/?country=SYR&month=2018-03&page=x").status_code == 200
    belarus = _html(client.get("/ru/monitoring/events/?country=BLR&month=2018-03"))
    assert 'data-testid="no-data"' in belarus and "Нет данных о событиях" in belarus
    syria_zero = _html(client.get("/en/monitoring/events/?country=SYR&adm1=Nowhere&month=2018-03"))
    assert 'data-testid="no-data"' not in syria_zero and "0 events" in syria_zero


def test_the_picture_opens_on_the_last_twelve_months_of_the_selections_data(client_as):
    client = client_as("kazakh_representative")
    last = coverage.last_month(selectors.Filters())
    page = _html(client.get("/en/monitoring/"))
    start, end = (
        re.search(r'name="start" value="([^"]*)"', page)[1],
        re.search(r'name="end" value="([^"]*)"', page)[1],
    )
    assert (start, end) == ("2022-04", "2023-03") and last is not None
    assert "data.json?start=2022-04&amp;end=2023-03" in page
    syria = _html(client.get("/en/monitoring/?country=SYR"))
    assert 'name="start" value="2018-12"' in syria and 'name="end" value="2019-11"' in syria
    whole = _html(client.get("/en/monitoring/?country=SYR&start=&end="))
    assert 'data-testid="default-period"' not in whole
    assert "16566 events" in re.search(r'data-testid="totals">(.*?)</p>', whole, re.DOTALL)[1]
    month = _html(client.get("/en/monitoring/?country=SYR&start=2018-03&end=2018-03"))
    older = _html(client.get("/en/monitoring/?country=SYR&start=2018-03-01&end=2018-03-31"))
    totals = lambda h: re.search(r'data-testid="totals">(.*?)·', h, re.DOTALL)[1]  # noqa: E731
    assert totals(month) == totals(older)


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("start=2018-13&end=2019-01", "start", "Write the month as YYYY-MM"),
        ("start=March&end=", "start", "Write the month as YYYY-MM"),
        ("start=2018-05&end=2018-01", "end", "The period ends before it starts"),
        ("start=0001-01&end=2018-01", "start", "Choose a month between 1946 and 2100"),
    ],
)
def test_a_bad_range_is_a_field_error_never_a_500(client_as, query, field, message):
    client = client_as("kazakh_representative")
    response = client.get(f"/en/monitoring/?{query}")
    html = _html(response)
    assert response.status_code == 400
    label = re.search(rf'<label>[^<]*<input[^>]*name="{field}"[^>]*>(.*?)</label>', html, re.DOTALL)
    assert label is not None and message in label[1]
    assert client.get(f"/en/monitoring/data.json?{query}").status_code == 200


def test_the_map_legend_explains_shades_circles_and_no_data_in_the_readers_language(client_as):
    client = client_as("kazakh_representative")
    for language, no_data, thousand in (
        ("en", "no event data", "1,000"),
        ("ru", "нет данных о событиях", "1\xa0000"),
    ):
        html = _html(client.get(f"/{language}/monitoring/"))
        legend = json.loads(
            re.search(r'<script id="map-legend" type="application/json">(.*?)</script>', html)[1]
        )
        assert legend["no_data"] == no_data
        assert [s["label"] for s in legend["shades"]][-1].startswith(thousand)
        assert [c["label"] for c in legend["circles"]] == ["10", "100", thousand]
        assert len(legend["shades"]) == len(legend["shade_from"]) + 1


def test_country_and_province_alerts_link_to_their_own_area(db):
    from concord.monitoring.event_views import alert_links

    province = Alert.objects.filter(level=Level.ADM1).first()
    country = Alert.objects.filter(level=Level.COUNTRY).first()
    assert "adm1=" in alert_links(province)["events_url"]
    assert "adm1=" not in alert_links(country)["map_url"]
    assert alert_links(country)["map_url"].endswith("#map")
