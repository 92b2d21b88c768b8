"""The situation picture's map data (`/monitoring/data.json`), computed once per data version and filter.

Two levels, chosen by the map script from its zoom:
- `level=areas` (the default, for wide views): deaths per country and province for shading, and one
  cluster per province (country and `adm_1`) at the mean position of its located events, with their
  number and deaths; a few hundred features whatever the number of events.
- `level=events&bbox=west,south,east,north` (zoomed in): the deadliest located events inside the
  box (up to MAP_POINTS), the box widened to whole degrees so that small pans share one entry.
The clusters of a selection sum to its located events (tests hold this).

The body is built once per data version (datacache), filters, level and box, and kept gzipped in the
cache; its ETag names that version and key, so a browser's conditional request is answered 304
before anything is read. `Cache-Control: private, no-cache`: the data is for signed-in users only
(never `public`, never a shared cache), and the browser asks again after an import.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Avg, Count, Sum
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers

from . import coverage, datacache, selectors
from .forms import PictureForm
from .states import Level

MAP_POINTS = 5000  # the deadliest events in the box go on the map; the tables count them all
AREAS, EVENTS = "areas", "events"
Box = tuple[int, int, int, int]


def areas(filters: selectors.Filters) -> dict[str, Any]:
    """Shading per country and province, and one cluster per province: a constant number of
    grouped queries (the clusters read the located events once)."""
    located = selectors.events(filters).exclude(latitude=None).exclude(longitude=None)
    rows = (
        located.values("country", "adm_1")
        .annotate(events=Count("id"), deaths=Sum("best"), lat=Avg("latitude"), lon=Avg("longitude"))
        .order_by("-deaths", "country", "adm_1")
    )
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(r["lon"], 4), round(r["lat"], 4)]},
            "properties": {
                "cluster": True,
                "events": r["events"],
                "deaths": r["deaths"] or 0,
                "adm1": r["adm_1"],
                "country": r["country"],
            },
        }
        for r in rows
    ]
    return {
        "level": AREAS,
        **_shading(filters),
        "events": {"type": "FeatureCollection", "features": features},
    }


def _shading(filters: selectors.Filters) -> dict[str, Any]:
    covered = coverage.of_filters(filters)
    selected = filters.region is not None or bool(filters.country)
    return {
        # where no source covers a country over the period the map draws "no event data", not 0;
        # countries not listed are outside the selection, or (all selected) not covered at all
        "coverage": {
            "countries": {c: str(state) for c, state in covered.countries.items()},
            "elsewhere": "unselected" if selected else str(coverage.State.NONE),
        },
        "countries": {
            r["country"]: r["deaths"] or 0 for r in selectors.by_area(filters, Level.COUNTRY)
        },
        "provinces": {
            f"{r['country']}/{r['adm_1']}": r["deaths"] or 0
            for r in selectors.by_area(filters, Level.ADM1)
        },
    }


def events(filters: selectors.Filters, box: Box | None) -> dict[str, Any]:
    """The deadliest located events of the selection inside `box` (all of it with None)."""
    located = selectors.events(filters).exclude(latitude=None).exclude(longitude=None)
    if box is not None:
        west, south, east, north = box
        located = located.filter(latitude__gte=south, latitude__lte=north)
        located = located.filter(longitude__gte=west, longitude__lte=east)
    points = located.order_by("-best", "-date_start", "-id").values_list(
        "latitude", "longitude", "best", "date_start", "adm_1", "country", "dyad", "source_id"
    )[: MAP_POINTS + 1]
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "deaths": best,
                "date": day.isoformat(),
                "adm1": adm1,
                "country": country,
                "dyad": dyad,
                "id": sid,
            },
        }
        for lat, lon, best, day, adm1, country, dyad, sid in points
    ]
    return {
        "level": EVENTS,
        "bbox": list(box) if box else None,
        "truncated": len(features) > MAP_POINTS,
        "events": {"type": "FeatureCollection", "features": features[:MAP_POINTS]},
    }


def bbox(text: str | None) -> Box | None:
    """`west,south,east,north` in degrees, widened to whole degrees; None if absent or unreadable."""
    try:
        west, south, east, north = (float(x) for x in (text or "").split(","))
    except ValueError:
        return None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        return None
    box = (
        max(-180, math.floor(west)),
        max(-90, math.floor(south)),
        min(180, math.ceil(east)),
        min(90, math.ceil(north)),
    )
    return box if box[0] < box[2] and box[1] < box[3] else None


def _body(filters: selectors.Filters, level: str, box: Box | None) -> bytes:
    found = areas(filters) if level == AREAS else events(filters, box)
    return gzip.compress(json.dumps(found, separators=(",", ":")).encode(), 6)


@login_required
def map_data(request: HttpRequest) -> HttpResponse:
    """The map's data for the picture's filters, at the level the map asks for."""
    filters = PictureForm(request.GET or None).filters()
    level = EVENTS if request.GET.get("level") == EVENTS else AREAS
    box = bbox(request.GET.get("bbox")) if level == EVENTS else None
    name = datacache.key("map", filters, level=level, bbox=box)
    etag = '"' + hashlib.sha256(name.encode()).hexdigest()[:24] + '"'
    response = get_conditional_response(request, etag=etag)  # 304 when the client has it
    if response is None:
        body = datacache.cached_at(name, lambda: _body(filters, level, box))
        response = HttpResponse(content_type="application/json")
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            response.content = body
            response["Content-Encoding"] = "gzip"
        else:
            response.content = gzip.decompress(body)
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ("Accept-Encoding", "Cookie"))
    return response
