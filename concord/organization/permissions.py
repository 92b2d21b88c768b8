"""Who may record the organization's own acts."""

from __future__ import annotations

from concord.core.actors import SYSTEM, Someone
from concord.core.models import viewer_of


def can_record_acts(user: Someone) -> bool:
    """Chairmanship decisions, membership and participation, Secretaries General: the Secretariat,
    which keeps the organization's acts (and the system, for the demo world)."""
    if user is SYSTEM:
        return True
    return viewer_of(user).is_secretariat_officer
