from __future__ import annotations

from django.db.models import QuerySet

from concord.core.actors import Someone
from concord.core.models import viewer_of

from .models import Agreement


def agreements_visible_to(user: Someone) -> QuerySet[Agreement]:
    return Agreement.objects.visible_to(user)


def is_depositary(user: Someone) -> bool:
    """The Secretariat keeps the originals and records every treaty action."""
    return viewer_of(user).is_secretariat_officer
