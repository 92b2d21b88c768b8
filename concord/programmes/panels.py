from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from concord.core.views import panel

from . import plan_selectors as selectors

SHOWN = 8  # one query: the first overdue parts, and whether there are more


def tasks_panel(request: HttpRequest) -> dict[str, Any]:
    """Overdue tasks of those responsible: a state's delegation its state's, a body its own, the
    Secretariat all of them."""
    overdue = list(selectors.overdue(request.user, today=timezone.localdate())[: SHOWN + 1])
    return panel("programmes/panel.html", overdue=overdue[:SHOWN], more=len(overdue) > SHOWN)
