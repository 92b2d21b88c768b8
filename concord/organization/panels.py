from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from concord.core.views import panel

from . import selectors


def organization_panel(request: HttpRequest) -> dict[str, Any]:
    """Reference data in four queries: the states (read once for the rotation too), the two latest
    chairmanships, the Secretary General's term, the top bodies."""
    today = timezone.localdate()
    states = list(selectors.member_states())
    return panel(
        "organization/panel.html",
        states=states,
        outlook=selectors.panel_outlook(today, states),
        secretary_general=selectors.secretary_general_on(today),
        top_bodies=list(
            selectors.bodies()
            .select_related(None)
            .filter(parent=None)
            .only("code", "name_ru", "name_en", "short_ru", "short_en", "parent")
        ),
        today=today,
    )
