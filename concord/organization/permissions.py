"""Who may record the organization's own acts."""

from __future__ import annotations

from concord.core.actors import SYSTEM, Someone
from concord.core.models import viewer_of


def can_record_acts(someone: Someone | None) -> bool:
    """Chairmanship decisions, membership and participation, Secretaries General: the Secretariat,
    which keeps the organization's acts (and the system, for the demo world)."""
    if someone is SYSTEM:
        return True
    return viewer_of(someone).is_secretariat_officer
