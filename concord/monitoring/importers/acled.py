"""ACLED's export format (docs/monitoring.md maps its columns). ACLED's terms forbid redistributing
its rows: none are shipped."""

from __future__ import annotations

from ..provinces import province
from .rows import (
    EventRow,
    Format,
    read_coordinate,
    read_count,
    read_country_cached,
    read_date,
    read_event_id,
    read_small,
)

SOURCE = "acled"
TEXTS = ["country", "admin1", "admin2", "event_type", "interaction", "actor1", "actor2"]
PARSED = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "iso",
    "latitude",
    "longitude",
    "geo_precision",
    "inter1",
    "inter2",
    "fatalities",
    "civilian_targeting",
]
# the event types that are organized violence: one-sided, or else state-based when state forces
# (inter 1) take part and non-state when not
VIOLENCE = {
    "battles": None,
    "explosions/remote violence": None,
    "violence against civilians": 3,
}


def acled_event(cells: tuple[str, ...], version: str, run: str) -> EventRow:
    (
        country,
        admin1,
        admin2,
        event_type,
        interaction,
        actor1,
        actor2,
        source_id,
        event_date,
        time_prec,
        iso,
        latitude,
        longitude,
        geo_prec,
        inter1,
        inter2,
        fatalities,
        civilian_targeting,
    ) = cells
    source_id = read_event_id(source_id, "event_id_cnty")
    day = read_date(event_date, "event_date")
    event_type = event_type.strip()
    violence = None
    if event_type.lower() in VIOLENCE:
        state_forces = "1" in (inter1.strip(), inter2.strip())
        violence = VIOLENCE[event_type.lower()] or (1 if state_forces else 2)
    deaths = read_count(fatalities, "fatalities")
    iso3 = read_country_cached(country, "", iso)
    return EventRow(
        source_id=source_id,
        date_start=day.isoformat(),
        date_end=day.isoformat(),
        date_precision=read_small(time_prec, "time_precision", 1, 3),
        month=day.year * 12 + day.month - 1,
        country=iso3,
        country_name=country[:100],
        adm_1=province(iso3, admin1)[:120],
        adm_2=admin2[:120],
        latitude=read_coordinate(latitude, "latitude", 90),
        longitude=read_coordinate(longitude, "longitude", 180),
        where_precision=read_small(geo_prec, "geo_precision", 1, 3),
        violence=violence,
        event_type=event_type[:60],
        conflict_id="",
        conflict="",
        dyad_id="",
        dyad=interaction[:200],
        side_a=actor1[:200],
        side_b=actor2[:200],
        best=deaths,
        low=deaths,
        high=deaths,
        civilians=deaths if civilian_targeting.strip() or violence == 3 else 0,
        source=SOURCE,
        source_version=version,
        import_run=run,
    )


ACLED = Format(
    source=SOURCE,
    required=["event_id_cnty", "event_date", "country", "event_type", "fatalities"],
    texts=TEXTS,
    parsed=PARSED,
    build=acled_event,
)
