"""pygal's SVG, fit to be drawn inside a page under the Content-Security-Policy."""

from __future__ import annotations

import re
from typing import Any

# pygal always writes a <script> setting `window.pygal.config` for its optional tooltips script,
# which Concord doesn't load (`js=[]`). Inline, the CSP would refuse it and report a violation.
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)


def svg_of(chart: Any) -> str:
    """The chart rendered as SVG text without pygal's inline configuration script."""
    svg: str = chart.render(is_unicode=True)
    return _SCRIPT.sub("", svg)
