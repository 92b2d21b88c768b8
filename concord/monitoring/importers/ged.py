"""UCDP's Georeferenced Event Dataset: the 19.1 layout and the later one (with `conflict_dset_id`,
`dyad_dset_id`, `relid`, …; columns the import does not use are ignored)."""

from __future__ import annotations

from ..provinces import province
from .rows import (
    EventRow,
    Format,
    RowError,
    read_coordinate,
    read_count,
    read_country_cached,
    read_date,
    read_event_id,
    read_small,
)

SOURCE = "ucdp-ged"
TEXTS = [
    "country",
    "adm_1",
    "adm_2",
    "conflict_new_id",
    "conflict_dset_id",
    "conflict_name",
    "dyad_new_id",
    "dyad_dset_id",
    "dyad_name",
    "side_a",
    "side_b",
]
PARSED = [
    "id",
    "date_start",
    "date_end",
    "date_prec",
    "country_id",
    "latitude",
    "longitude",
    "where_prec",
    "type_of_violence",
    "best",
    "low",
    "high",
    "deaths_civilians",
]


def ged_event(cells: tuple[str, ...], version: str, run: str) -> EventRow:
    (
        country,
        adm_1,
        adm_2,
        conflict_new,
        conflict_dset,
        conflict,
        dyad_new,
        dyad_dset,
        dyad,
        side_a,
        side_b,
        source_id,
        date_start,
        date_end,
        date_prec,
        gw,
        latitude,
        longitude,
        where_prec,
        violence,
        best,
        low,
        high,
        civilians,
    ) = cells
    source_id = read_event_id(source_id, "id")
    start, end = read_date(date_start, "date_start"), read_date(date_end, "date_end")
    if end < start:
        raise RowError("date_end", date_end, "ends before it starts")
    kind = read_small(violence, "type_of_violence", 1, 3)
    if kind is None:
        raise RowError("type_of_violence", "", "required (1, 2 or 3)")
    deaths = read_count(best, "best")
    iso3 = read_country_cached(country, gw, "")
    return EventRow(
        source_id=source_id,
        date_start=start.isoformat(),
        date_end=end.isoformat(),
        date_precision=read_small(date_prec, "date_prec", 1, 5),
        month=start.year * 12 + start.month - 1,
        country=iso3,
        country_name=country[:100],
        adm_1=province(iso3, adm_1)[:120],
        adm_2=adm_2[:120],
        latitude=read_coordinate(latitude, "latitude", 90),
        longitude=read_coordinate(longitude, "longitude", 180),
        where_precision=read_small(where_prec, "where_prec", 1, 7),
        violence=kind,
        event_type="",
        conflict_id=conflict_new or conflict_dset,
        conflict=conflict[:200],
        dyad_id=dyad_new or dyad_dset,
        dyad=dyad[:200],
        side_a=side_a[:200],
        side_b=side_b[:200],
        best=deaths,
        low=read_count(low, "low") or deaths,
        high=max(read_count(high, "high"), deaths),
        civilians=read_count(civilians, "deaths_civilians"),
        source=SOURCE,
        source_version=version,
        import_run=run,
    )


GED = Format(
    source=SOURCE,
    required=["id", "date_start", "date_end", "country", "type_of_violence", "best"],
    texts=TEXTS,
    parsed=PARSED,
    build=ged_event,
)
