from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from concord.core.views import panel

from . import plan_selectors as selectors


def tasks_panel(request: HttpRequest) -> dict[str, Any]:
    """Overdue tasks of those responsible: a state's delegation its state's, a body its own, the
    Secretariat all of them."""
    overdue = selectors.overdue(request.user, today=timezone.localdate())
    return panel("programmes/panel.html", overdue=list(overdue[:8]), count=overdue.count())
