"""The monthly rollup (MonthlyCount): the events grouped by country, province, month and type of
violence, recomputed for the countries an import touched inside the import's transaction, so that
it is all-or-nothing with the events. One DELETE and one INSERT … SELECT … GROUP BY per refresh."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import Sum

from . import datacache
from .models import Event, MonthlyCount

EVENTS = Event._meta.db_table
ROLLUP = MonthlyCount._meta.db_table
GROUPED = (
    f"INSERT INTO {ROLLUP} (country, adm_1, month, violence, events, deaths) "  # noqa: S608 - the models' names
    f"SELECT country, adm_1, month, violence, count(*), sum(best) FROM {EVENTS} "
    "{where} GROUP BY country, adm_1, month, violence"
)


def refresh(countries: Iterable[str] | None = None) -> None:
    """Recompute the rollup rows of `countries` (every country with None) from the events; the
    picture's and map's cached figures are of another data version from now on (datacache)."""
    datacache.bump()
    with connection.cursor() as cursor:
        if countries is None:
            cursor.execute(f"DELETE FROM {ROLLUP}")  # noqa: S608 - the model's name
            cursor.execute(GROUPED.format(where=""))
            return
        chosen = sorted(set(countries))
        if not chosen:
            return
        marks = ", ".join(["%s"] * len(chosen))  # ISO3 codes: a few hundred at most
        cursor.execute(f"DELETE FROM {ROLLUP} WHERE country IN ({marks})", chosen)  # noqa: S608
        cursor.execute(GROUPED.format(where=f"WHERE country IN ({marks})"), chosen)


def total() -> int:
    return MonthlyCount.objects.aggregate(n=Sum("events"))["n"] or 0


def refresh_after_import(run: str, before: int, added: int) -> list[str]:
    """After the import run `run` wrote its rows (`added` of them new; the rollup held `before`
    events): the countries it wrote refreshed. An updated event that moved to another country
    leaves its old country's rows counting it, which the total tells (the rollup then holds more
    than `before + added`): every country is refreshed then. Returns the countries refreshed."""
    countries = sorted(
        Event.objects.filter(import_run=run).values_list("country", flat=True).distinct()
    )
    refresh(countries)
    if total() != before + added:
        refresh()
    return countries
