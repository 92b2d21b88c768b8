"""pygal's SVG, fit to be drawn inside a page under the Content-Security-Policy, with axes a reader
can read: ticks at 1, 2 or 5 × 10ⁿ, written in the reader's language (thousand separators)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from django.utils.formats import number_format

# pygal always writes a <script> setting `window.pygal.config` for its optional tooltips script,
# which Concord doesn't load (`js=[]`). Inline, the CSP would refuse it and report a violation.
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)

INTERVALS = 5  # about this many steps on a value axis


def svg_of(chart: Any) -> str:
    """The chart rendered as SVG text without pygal's inline configuration script."""
    svg: str = chart.render(is_unicode=True)
    return _SCRIPT.sub("", svg)


def nice_step(span: float, intervals: int = INTERVALS) -> int:
    """The least step of 1, 2 or 5 × 10ⁿ (a whole number, at least 1) that covers `span` in at most
    `intervals` steps: counts are whole, so a tick never reads «16131.66667»."""
    if span <= 0 or not math.isfinite(span):
        return 1
    raw = span / intervals
    power = 10 ** max(0, math.floor(math.log10(raw)))
    for multiple in (1, 2, 5, 10):
        if multiple * power >= raw:
            return multiple * power
    return 10 * power  # pragma: no cover - the loop always returns (10 × power ≥ raw)


def ticks(maximum: float, intervals: int = INTERVALS) -> list[int]:
    """0, step, 2 × step, … up to the first tick at or above `maximum` (0 and 1 for an empty axis)."""
    step = nice_step(maximum, intervals)
    count = max(1, math.ceil(maximum / step)) if maximum > 0 else 1
    return [i * step for i in range(count + 1)]


def aligned_ticks(
    primary: float, secondary: float, intervals: int = INTERVALS
) -> tuple[list[int], list[int]]:
    """Ticks for two value axes drawn against one grid: each with its own round step, as many on
    both (pygal puts the secondary axis's labels at the primary's positions)."""
    first, second = nice_step(primary, intervals), nice_step(secondary, intervals)
    count = max(1, math.ceil(primary / first), math.ceil(secondary / second))
    return [i * first for i in range(count + 1)], [i * second for i in range(count + 1)]


def tick_label(value: float) -> str:
    """A tick's value in the active language: whole, with its thousand separators."""
    return number_format(round(value), force_grouping=True)


def _top(values: Iterable[float | None]) -> float:
    return max((v for v in values if v is not None), default=0)


def round_axes(
    chart: Any,
    primary: Iterable[float | None],
    secondary: Iterable[float | None] | None = None,
) -> None:
    """Sets the chart's value axes from 0 to round ticks covering `primary` (and `secondary`, the
    values of the series drawn against the secondary axis), labelled in the active language."""
    if secondary is None:
        labels = ticks(_top(primary))
    else:
        labels, right = aligned_ticks(_top(primary), _top(secondary))
        chart.secondary_range = (0, right[-1])
    chart.range = (0, labels[-1])
    chart.y_labels = labels
    chart.value_formatter = tick_label
