"""Charts (SVG, pygal) and the situation report's PDF (ReportLab, with the fonts of the documents
module), in Russian, English or both."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pygal
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from pygal.style import Style
from reportlab.graphics.charts.barcharts import VerticalBarChart  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # type: ignore[import-untyped]

from concord.core.charts import round_axes, svg_of
from concord.documents.exports import FONT, FONT_BOLD, register_pdf_fonts

from . import rules
from .countries import name as country_name
from .models import Event, SituationReport

STYLE = Style(
    background="white",
    plot_background="white",
    font_family="DejaVu Sans, sans-serif",
    colors=("#1d4e89", "#c0392b", "#2a9d8f"),
)


def series_chart(rows: list[dict[str, Any]], title: str) -> str:
    """Events and deaths per month as an SVG line chart (deaths on the secondary axis). A month with
    None (no source covers it) is a gap in the lines, not a zero."""
    chart = pygal.Line(
        style=STYLE,
        js=[],
        disable_xml_declaration=True,
        width=900,
        height=320,
        show_dots=len(rows) < 60,
        include_x_axis=True,
        x_label_rotation=30,
        show_minor_x_labels=False,
        no_data_text=_("No event data"),
        title=title,
    )
    if all(r["events"] is None for r in rows):
        rows = []  # no month covered: the chart says there is no event data
    chart.x_labels = [rules.month_text(r["month"]) for r in rows]
    chart.x_labels_major = chart.x_labels[:: max(1, len(rows) // 12)]
    events = [r["events"] for r in rows]
    deaths = [r["deaths"] if r.get("state") == "none" else r["deaths"] or 0 for r in rows]
    # round ticks on both axes (pygal would put the deaths' labels at fractions of its range)
    round_axes(chart, events, deaths)
    chart.add(_("Events"), events)
    chart.add(_("Deaths"), deaths, secondary=True)
    svg = svg_of(chart)
    return svg


def yearly_chart(years: list[tuple[int, dict[str, Any]]], title: str) -> str:
    chart = pygal.StackedBar(
        style=STYLE,
        js=[],
        disable_xml_declaration=True,
        width=900,
        height=320,
        x_label_rotation=45,
        title=title,
        no_data_text=_("No data"),
    )
    years = every_year(years)
    chart.x_labels = [str(y) for y, _v in years]
    series = {
        _("Battle-related deaths"): [v["brd"] for _y, v in years],
        _("Non-state"): [v["nonstate"] for _y, v in years],
        _("One-sided"): [v["onesided"] for _y, v in years],
    }
    round_axes(chart, [sum(v or 0 for v in year) for year in zip(*series.values(), strict=True)])
    for label, values in series.items():
        chart.add(label, values)
    svg = svg_of(chart)
    return svg


SHADES = ("#fff5f0", "#fcbba1", "#fb6a4a", "#cb181d", "#67000d")
SHADE_FROM = (1, 10, 100, 1000)  # deaths from which a country or province takes the next shade
CIRCLES = (10, 100, 1000)  # deaths of the circles the legend shows


def map_legend() -> dict[str, Any]:
    """What the picture's map legend says, in the reader's language, and the scale the map draws
    with (its script reads both: the CSP forbids inline script, so they travel as JSON)."""
    n = lambda v: number_format(v, force_grouping=True)  # noqa: E731
    bounds = [*SHADE_FROM, None]
    shades = [{"color": SHADES[0], "label": "0"}]
    for i, low in enumerate(SHADE_FROM):
        high = bounds[i + 1]
        label = (
            f"{n(low)}–{n(high - 1)}"
            if high is not None
            else _("%(low)s or more") % {"low": n(low)}
        )
        shades.append({"color": SHADES[i + 1], "label": label})
    return {
        "shade_from": list(SHADE_FROM),
        "shades": shades,
        "shades_title": _("Deaths in the country or province"),
        "circles": [{"deaths": d, "label": n(d)} for d in CIRCLES],
        "circles_title": _("Events (circle size: deaths)"),
        "no_data": _("no event data"),
        "no_data_title": _("No source covers it"),
        "deaths": _("deaths"),
        "title": _("Legend"),
    }


def every_year(years: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, dict[str, Any]]]:
    """One bar per year from the first to the last: UCDP's tables cover the whole world every year,
    so a year without a record is zero, drawn as such instead of closing the axis over it."""
    if not years:
        return []
    held = dict(years)
    empty = {"brd": 0, "nonstate": 0, "onesided": 0}
    return [(y, held.get(y, empty)) for y in range(years[0][0], years[-1][0] + 1)]


def report_pdf(report: SituationReport, languages: list[str]) -> bytes:
    register_pdf_fonts()
    heading = ParagraphStyle("h", fontName=FONT_BOLD, fontSize=14, leading=18, spaceAfter=6)
    body = ParagraphStyle("b", fontName=FONT, fontSize=9.5, leading=13)
    small = ParagraphStyle("s", fontName=FONT, fontSize=8, leading=10, textColor="#555555")
    grid = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 8),
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8),
            ("GRID", (0, 0), (-1, -1), 0.25, "#999999"),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ]
    )
    story: list[Any] = []
    for i, language in enumerate(languages):
        with translation.override(language):
            if i:
                story.append(PageBreak())
            title, text = (
                (report.title_ru, report.body_ru)
                if language == "ru"
                else (report.title_en, report.body_en)
            )
            story += [
                Paragraph(_esc(title), heading),
                Paragraph(
                    _("%(marking)s · %(status)s")
                    % {
                        "marking": report.get_marking_display(),
                        "status": report.get_status_display(),
                    },
                    small,
                ),
                Spacer(0, 3 * mm),
            ]
            story += [Paragraph(_esc(line) or "&nbsp;", body) for line in text.splitlines()]
            countries = report.figures.get("countries", [])
            if countries:
                story.append(Spacer(0, 4 * mm))
                data = [[_("Country"), _("Events"), _("Deaths")]] + [
                    [country_name(c["country"], language), c["events"], c["deaths"]]
                    for c in countries[:15]
                ]
                story.append(Table(data, colWidths=[80 * mm, 30 * mm, 30 * mm], style=grid))
                story.append(Spacer(0, 4 * mm))
                story.append(
                    _bars(
                        [country_name(c["country"], language)[:14] for c in countries[:10]],
                        [c["deaths"] for c in countries[:10]],
                    )
                )
    out = io.BytesIO()
    SimpleDocTemplate(
        out, pagesize=A4, title=report.title_en, leftMargin=18 * mm, rightMargin=18 * mm
    ).build(story)
    return out.getvalue()


def _bars(labels: list[str], values: list[int]) -> Drawing:
    drawing = Drawing(170 * mm, 60 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 15 * mm, 10 * mm, 150 * mm, 45 * mm
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = labels or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#c0392b")
    drawing.add(chart)
    return drawing


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


CSV_COLUMNS = [
    "source",
    "source_id",
    "date_start",
    "date_end",
    "country",
    "country_name",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "violence",
    "conflict",
    "dyad",
    "side_a",
    "side_b",
    "best",
    "low",
    "high",
    "civilians",
]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_events(events: QuerySet[Event]) -> StreamingHttpResponse:
    """The selected events as CSV, streamed row by row."""
    writer = csv.writer(_Echo())

    def rows() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(CSV_COLUMNS)
        for row in (
            events.order_by("date_start", "source_id")
            .values_list(*CSV_COLUMNS)
            .iterator(chunk_size=5000)
        ):
            yield writer.writerow(row)

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="events.csv"'
    return response
