from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from concord.core.views import panel

from . import permissions, selectors


def forces_panel(request: HttpRequest) -> dict[str, Any]:
    """Readiness assessments waiting for the user, deployments under way, lessons past their day."""
    if not permissions.sees_forces(request.user):
        return panel("forces/panel.html", shown=False)
    return panel("forces/panel.html", shown=True, awaiting=selectors.awaiting(request.user))
