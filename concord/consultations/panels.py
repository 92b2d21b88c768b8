from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from concord.core.models import viewer_of
from concord.core.views import panel

from . import selectors


def consultations_panel(request: HttpRequest) -> dict[str, Any]:
    """What awaits my state's position, nearest deadline first, and the next sessions."""
    state_id = viewer_of(request.user).state_id
    awaiting = list(selectors.inbox(request.user, state_id)[:6]) if state_id else []
    return panel("consultations/panel.html", awaiting=awaiting, has_state=bool(state_id))
