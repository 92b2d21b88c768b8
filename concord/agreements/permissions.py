from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from concord.core.models import viewer_of

from .models import Agreement


def agreements_visible_to(user: Any) -> QuerySet[Agreement]:
    return Agreement.objects.visible_to(user)


def is_depositary(user: Any) -> bool:
    """The Secretariat keeps the originals and records every treaty action."""
    return viewer_of(user).is_secretariat_officer
