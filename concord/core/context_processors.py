from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .models import viewer_of


def acting_for(request: HttpRequest) -> dict[str, Any]:
    """The affiliation the signed-in user acts for, shown in every page's header."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    viewer = viewer_of(user)
    return {
        "acting_for": getattr(user, "acting_affiliation", None),
        "show_audit": viewer.is_secretariat_officer,
        "show_admin": viewer.is_secretariat_administrator,
    }
