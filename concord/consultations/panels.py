from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from concord.core.models import viewer_of
from concord.core.views import panel

from . import selectors


def consultations_panel(request: HttpRequest) -> dict[str, Any]:
    """Emergencies running against their clock, and what awaits my state's position, nearest
    deadline first."""
    state_id = viewer_of(request.user).state_id
    awaiting = list(selectors.inbox(request.user, state_id)[:6]) if state_id else []
    return panel(
        "consultations/panel.html",
        awaiting=awaiting,
        has_state=bool(state_id),
        emergencies=list(selectors.emergencies(request.user)[:6]),
        now=timezone.now(),
    )
