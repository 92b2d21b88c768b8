from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from concord.core.views import panel

from . import selectors


def organization_panel(request: HttpRequest) -> dict[str, Any]:
    today = timezone.localdate()
    return panel(
        "organization/panel.html",
        states=list(selectors.member_states()),
        outlook=selectors.chair_outlook(today),
        secretary_general=selectors.secretary_general_on(today),
        top_bodies=[b for b in selectors.bodies() if b.parent_id is None],
        today=today,
    )
