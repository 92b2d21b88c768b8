"""What leaves the results page: charts (SVG through pygal), tables (CSV, XLSX), a PDF summary and the
draft press release, all from one `selectors.Results`."""

from __future__ import annotations

import io
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pygal
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from pygal.style import Style
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # type: ignore[import-untyped]

from concord.core.actors import Someone
from concord.core.charts import round_axes, svg_of
from concord.core.tables import write_csv, write_xlsx
from concord.documents.exports import FONT, FONT_BOLD, register_pdf_fonts

from .models import Stage
from .selectors import IndicatorResult, Results, results

STYLE = Style(
    background="white",
    plot_background="white",
    font_family="DejaVu Sans, sans-serif",
    colors=("#1d4e89", "#e07a1f", "#2a9d8f", "#c0392b", "#7b4397", "#6c757d"),
)
CHARTS = ("stages", "states", "breakdown")


def unit_label(result: IndicatorResult) -> str:
    # The symbol in the active language («кг», kg); exports keep the code.
    return str(result.indicator.unit) if result.indicator.unit else ""


def chart(results: Results, result: IndicatorResult, kind: str) -> str:
    """An SVG chart of one indicator: by stage over the years, by state, or by breakdown."""
    config: dict[str, Any] = {
        "style": STYLE,
        "js": [],
        "disable_xml_declaration": True,
        "width": 720,
        "height": 320,
        "show_legend": False,
        "print_values": False,
        "x_label_rotation": 20,
        "no_data_text": _("No consolidated figures"),
    }
    bar = pygal.HorizontalBar(**config) if kind == "breakdown" else pygal.Bar(**config)
    name = (
        f"{result.indicator.name} ({unit_label(result)})"
        if unit_label(result)
        else result.indicator.name
    )
    if kind == "stages":
        bar.title = _("%(name)s by stage") % {"name": name}
        labels = [f"{s.year} {s.name}" for s in results.stages]
        values = [float(result.by_stage.get(s.pk, 0)) for s in results.stages]
    elif kind == "states":
        bar.title = _("%(name)s by state") % {"name": name}
        labels = [s.name for s in results.states]
        values = [float(result.by_state.get(s.pk, 0)) for s in results.states]
    else:
        bar.title = _("%(name)s by breakdown") % {"name": name}
        keys = sorted(result.by_item, key=lambda k: results.items[k].position if k else 10_000)
        labels = [results.items[k].name if k else _("not broken down") for k in keys]
        values = [float(result.by_item[k]) for k in keys]
    bar.x_labels = labels
    bar.add(name, values)
    round_axes(bar, values)  # 0 to a round top, ticks 1, 2 or 5 × 10ⁿ in the reader's language
    return svg_of(bar)


def table_rows(results: Results) -> tuple[list[str], list[list[Any]]]:
    header = [
        _("Stage"),
        _("Year"),
        _("State"),
        _("Indicator code"),
        _("Indicator"),
        _("Breakdown"),
        _("Value"),
        _("Unit"),
    ]
    rows = [
        [
            st.name,
            st.year,
            state.iso2,
            ind.code,
            ind.name,
            item.name if item else "",
            value,
            ind.unit.code if ind.unit else "",
        ]
        for st, state, ind, item, value in results.cells
    ]
    return header, rows


def as_csv(results: Results) -> bytes:
    return write_csv(*table_rows(results))


def as_xlsx(results: Results) -> bytes:
    header, rows = table_rows(results)
    return write_xlsx(
        header, ([*r[:6], float(r[6]), r[7]] for r in rows), title=results.operation.name
    )


def amount(value: Decimal | None) -> str:
    """A figure as people read it: grouped thousands, no trailing zeros, at most three decimals."""
    if value is None:
        return ""
    exponent = value.normalize().as_tuple().exponent
    places = min(3, max(0, -exponent)) if isinstance(exponent, int) else 0
    # number_format cuts the decimals it does not show (16131.66667 -> 16131,666): round first
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return number_format(rounded, decimal_pos=places, force_grouping=True)


def as_pdf(results: Results, *, title: str) -> bytes:
    register_pdf_fonts()
    heading = ParagraphStyle("h", fontName=FONT_BOLD, fontSize=14, leading=18, spaceAfter=6)
    body = ParagraphStyle("b", fontName=FONT, fontSize=9, leading=12)
    story: list[Any] = [
        Paragraph(title, heading),
        Paragraph(", ".join(f"{s.year} {s.name}" for s in results.stages), body),
        Spacer(0, 4 * mm),
    ]
    grid = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 8),
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8),
            ("GRID", (0, 0), (-1, -1), 0.25, "#999999"),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ]
    )
    states = results.states
    data: list[list[Any]] = [[_("Indicator"), *[s.iso2 for s in states], _("Total")]]
    for r in results.reported:
        data.append(
            [
                Paragraph(f"{r.indicator.name} {unit_label(r)}", body),
                *[amount(r.by_state.get(s.pk, Decimal(0))) for s in states],
                amount(r.total),
            ]
        )
    story.append(
        Table(data, colWidths=[70 * mm] + [None] * (len(states) + 1), repeatRows=1, style=grid)
    )
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=title, leftMargin=15 * mm, rightMargin=15 * mm).build(
        story
    )
    return out.getvalue()


def press_release(results: Results, language: str) -> tuple[str, str]:
    """A draft in `language`, every figure from the consolidated results, for an editor to rewrite."""
    with translation.override(language):
        op = results.operation
        stage = results.stages[-1] if len(results.stages) == 1 else None
        name = f"«{op.name} – {stage.name}»" if stage else f"«{op.name}»"
        title = _("Results of the operation %(name)s") % {"name": name}
        lines = []
        if stage:
            lines.append(
                _(
                    "From %(start)s to %(end)s the competent authorities of %(states)s carried out the stage %(name)s."
                )
                % {
                    "start": stage.starts_on.strftime("%d.%m.%Y"),
                    "end": stage.ends_on.strftime("%d.%m.%Y"),
                    "states": ", ".join(s.name for s in results.states) or "—",
                    "name": name,
                }
            )
        facts = []
        for r in results.reported:
            facts.append(f"{r.indicator.name}: {amount(r.total)} {unit_label(r)}".strip())
            for key, value in sorted(r.by_item.items(), key=lambda kv: -kv[1]):
                if key is not None:
                    facts.append(
                        f"  – {results.items[key].name}: {amount(value)} {unit_label(r)}".strip()
                    )
        lines.append(_("Results:"))
        lines.extend(facts)
        return title, "\n".join(lines)


def press_release_texts(user: Someone, stage: Stage) -> dict[str, Any]:
    """The stage's press release as saved, or, before it is, a draft written from the results the
    user sees: what the Secretariat's form starts from."""
    saved = getattr(stage, "press_release", None)
    if saved is not None:
        texts = {f: getattr(saved, f) for f in ("title_ru", "title_en", "body_ru", "body_en")}
        return {**texts, "saved": True, "version": saved.version}
    res = results(user, stage.operation, stage=stage)
    (title_ru, body_ru), (title_en, body_en) = press_release(res, "ru"), press_release(res, "en")
    return {
        "title_ru": title_ru,
        "title_en": title_en,
        "body_ru": body_ru,
        "body_en": body_en,
        "saved": False,
        "version": None,
    }
