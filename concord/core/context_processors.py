from __future__ import annotations

import functools
from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .models import viewer_of
from .rules import Viewer


def acting_for(request: HttpRequest) -> dict[str, Any]:
    """The affiliation the signed-in user acts for, shown in every page's header, and which menus
    they see. Lazy: worked out only if the template shows them (a fragment or a feed never does)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @functools.cache
    def viewer() -> Viewer:
        return viewer_of(user)

    return {
        "acting_for": SimpleLazyObject(lambda: getattr(user, "acting_affiliation", None)),
        "show_audit": SimpleLazyObject(lambda: viewer().is_secretariat_officer),
        "show_admin": SimpleLazyObject(lambda: viewer().is_secretariat_administrator),
    }
