"""What programmes, budgets and plans give out: the timeline as SVG, a stage report drafted from the
figures, and XLSX workbooks of what the user may see."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from . import rules, selectors
from .models import Programme
from .selectors import StageFigures
from .states import ActivityKind

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

LEFT, ROW, TOP, WIDTH = 170, 34, 30, 760


def timeline(programme: Programme, figures: Sequence[StageFigures], *, today: dt.date) -> str:
    """A Gantt chart: a bar per stage across its years, filled as far as its deliveries go, and a
    line for today when it falls within the programme."""
    first, last = programme.starts_on.year, programme.ends_on.year
    years = last - first + 1
    step = (WIDTH - LEFT - 10) / years
    height = TOP + ROW * len(figures) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-label="{escape(_("Timeline"))}" font-family="sans-serif" font-size="12">'
    ]
    for i in range(years):
        x = LEFT + i * step
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{height}" stroke="#ddd"/>'
            f'<text x="{x + step / 2:.1f}" y="{TOP - 12}" text-anchor="middle">{first + i}</text>'
        )
    for row, f in enumerate(figures):
        y = TOP + row * ROW
        x = LEFT + (f.stage.first_year - first) * step
        w = (f.stage.last_year - f.stage.first_year + 1) * step
        done = w * float(f.progress)
        label = escape(f"{f.stage.number}. {f.stage.name}"[:28])
        parts.append(
            f'<text x="4" y="{y + 17}">{label}</text>'
            f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="20" rx="3" fill="#cbd5e0">'
            f"<title>{escape(f.stage.name)} ({f.stage.years})</title></rect>"
            f'<rect x="{x:.1f}" y="{y + 4}" width="{done:.1f}" height="20" rx="3" fill="#2f855a"/>'
            f'<text x="{x + 4:.1f}" y="{y + 18}" fill="#1a202c">{f.percent} %</text>'
        )
    if first <= today.year <= last:
        offset = (today - dt.date(today.year, 1, 1)).days / 366
        x = LEFT + (today.year - first + offset) * step
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{height}" stroke="#c53030" '
            f'stroke-dasharray="4 3"><title>{escape(_("today"))}</title></line>'
        )
    parts.append("</svg>")
    return "".join(parts)


def money(value: Any) -> str:
    return number_format(value, decimal_pos=2, force_grouping=True)


def stage_report(programme: Programme, f: StageFigures) -> list[str]:
    """The paragraphs of a report on a stage, drafted from its figures in the page's language, for
    the Secretariat to edit into the report the bodies receive."""
    kinds = ", ".join(
        f"{label}: {f.by_kind[value]}"
        for value, label in ActivityKind.choices
        if value in f.by_kind
    )
    paragraphs = [
        _("Stage %(number)s “%(name)s” (%(years)s) of the %(programme)s.")
        % {
            "number": f.stage.number,
            "name": f.stage.name,
            "years": f.stage.years,
            "programme": programme.name,
        },
        _("Activities: %(n)s (%(kinds)s).") % {"n": f.activities, "kinds": kinds or "—"},
        _("Delivered: %(delivered)s of %(planned)s planned (%(percent)s%%), in %(n)s deliveries.")
        % {
            "delivered": f.delivered,
            "planned": f.planned,
            "percent": f.percent,
            "n": f.deliveries,
        },
        _("Contracts: %(n)s, for %(amounts)s.")
        % {
            "n": f.contracts,
            "amounts": "; ".join(f"{money(v)} {c}" for c, v in sorted(f.contracted.items())) or "—",
        },
        _("Funding: %(amount)s %(currency)s; %(shares)s.")
        % {
            "amount": money(f.funded),
            "currency": programme.currency.code,
            "shares": ", ".join(f"{x.state.name} {rules.plain(x.share)}%" for x in f.funding)
            or "—",
        },
    ]
    if programme.demo:
        paragraphs.append(
            _("The amounts, shares and figures are the demo's: no source gives them.")
        )
    return paragraphs


def workbook(sheets: Iterable[tuple[str, list[str], Iterable[Sequence[Any]]]]) -> bytes:
    """An XLSX file of (title, header, rows) sheets, written as it streams."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title[:31])
        sheet.append(header)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def programme_workbook(programme: Programme) -> bytes:
    """Stages with their figures, activities with their progress, deliveries, contracts, funding."""
    figures = selectors.stage_figures(programme)
    kinds = dict(ActivityKind.choices)
    return workbook(
        [
            (
                _("Stages"),
                [_("Stage"), _("Years"), _("Activities"), _("Planned"), _("Delivered"), "%"],
                (
                    [
                        f.stage.number,
                        f.stage.years,
                        f.activities,
                        f.planned,
                        f.delivered,
                        float(f.percent or 0),
                    ]
                    for f in figures
                ),
            ),
            (
                _("Activities"),
                [
                    _("Stage"),
                    _("Kind"),
                    _("Activity"),
                    _("Recipient"),
                    _("Planned"),
                    _("Delivered"),
                    "%",
                ],
                (
                    _activity_row(a, kinds)
                    for a in selectors.all_activities(programme).iterator(chunk_size=2000)
                ),
            ),
            (
                _("Deliveries"),
                [
                    _("Delivered on"),
                    _("Stage"),
                    _("Activity"),
                    _("Quantity"),
                    _("Outpost or site"),
                    _("Document"),
                ],
                (
                    [
                        d.delivered_on,
                        d.stage.number,
                        d.activity.name,
                        d.quantity,
                        d.destination,
                        d.document,
                    ]
                    for d in programme.deliveries.select_related("stage", "activity")
                    .order_by("delivered_on", "pk")
                    .iterator(chunk_size=2000)
                ),
            ),
            (
                _("Contracts"),
                [
                    _("Contract number"),
                    _("Signed on"),
                    _("Supplier"),
                    _("Activity"),
                    _("Amount"),
                    _("Currency"),
                ],
                (
                    [
                        c.number,
                        c.signed_on,
                        c.supplier,
                        c.activity.name,
                        float(c.amount),
                        c.currency.code,
                    ]
                    for c in selectors.contracts(programme)
                ),
            ),
            (
                _("Funding"),
                [_("Stage"), _("State"), _("Share, %"), _("Amount")],
                (
                    [f.stage.number, x.state.name, float(x.share), float(x.amount)]
                    for f in figures
                    for x in f.funding
                ),
            ),
        ]
    )


def _activity_row(a: Any, kinds: dict[str, Any]) -> list[Any]:
    """An activity as `selectors.all_activities` reads it, with its `delivered` quantity."""
    done = rules.percent(rules.progress(a.planned, a.delivered)) or 0
    return [
        a.stage.number,
        str(kinds[a.kind]),
        a.name,
        a.recipient,
        a.planned,
        a.delivered,
        float(done),
    ]
