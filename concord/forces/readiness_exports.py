"""The readiness table as a file: CSV streamed row by row, XLSX through openpyxl in write-only mode.
The rows are the page's (the same selectors with the same user), so a file never shows more than the
page: the units in detail only to who sees them, the aggregates to every insider."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from concord.core.actors import Someone
from concord.core.tables import write_xlsx

from . import permissions
from . import readiness_selectors as selectors

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def unit_columns() -> list[str]:
    return [
        _("Formation"),
        _("State"),
        pgettext("military unit", "Unit"),
        _("Kind"),
        _("Readiness category"),
        _("Strength"),
        _("Certified on"),
        _("Score (%)"),
        _("Previous score (%)"),
        _("Trend"),
        _("Assessed on"),
        _("Demo data"),
    ]


def unit_row(row: dict[str, Any]) -> list[Any]:
    return [
        row["formation"],
        row["state"],
        row["name"],
        row["kind_label"],
        row["category_label"],
        row["strength"],
        row["certified_on"],
        row["score"],
        row["previous_score"],
        row["trend"],
        row["assessed_on"],
        _("yes") if row["demo"] else "",
    ]


def aggregate_columns() -> list[str]:
    return [
        _("Formation"),
        _("State"),
        _("Units"),
        _("Units certified"),
        _("Personnel pledged"),
        _("Personnel certified"),
        _("Average score (%)"),
        _("Units assessed"),
    ]


def aggregate_row(row: dict[str, Any]) -> list[Any]:
    return [
        row["formation"],
        row["state"],
        row["units"],
        row["certified_units"],
        row["pledged"],
        row["personnel_certified"],
        row["average"],
        row["assessed"],
    ]


def rows_of(
    user: Someone, filters: selectors.Filters, which: str
) -> tuple[list[str], list[list[Any]]]:
    """The header and rows of the units table (only what the user sees in detail) or of the
    aggregates, in the request's language (a streamed response is written after the request's
    language is gone)."""
    if which == "units":
        rows = selectors.readiness_table(user, filters)
        return unit_columns(), [unit_row(r) for r in rows]
    return aggregate_columns(), [aggregate_row(r) for r in selectors.aggregates(user, filters)]


class _Echo:
    def write(self, value: str) -> str:
        return value


def download(
    user: Someone, filters: selectors.Filters, *, table: str, fmt: str
) -> HttpResponseBase:
    which = "units" if table == "units" and permissions.sees_units_in_detail(user) else "aggregates"
    header, rows = rows_of(user, filters, which)
    name = f"readiness-{which}.{fmt}"
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def lines() -> Iterator[str]:
            yield "\ufeff" + writer.writerow(header)
            for row in rows:
                yield writer.writerow(["" if v is None else v for v in row])

        response: HttpResponseBase = StreamingHttpResponse(
            lines(), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(write_xlsx(header, rows, title=_("Readiness")), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
