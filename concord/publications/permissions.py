"""Who may edit the public site: the Secretariat's officers, and the system, which drafts (never
publishes) from what other modules adopt."""

from __future__ import annotations

from concord.core.actors import SYSTEM, Someone
from concord.core.models import viewer_of


def is_editor(user: Someone) -> bool:
    if user is SYSTEM:  # drafts from other modules' events; an editor still publishes them
        return True
    return viewer_of(user).is_secretariat_officer


def can_publish(user: Someone) -> bool:
    """Publishing and withdrawing are an editor's decision, never the system's."""
    return viewer_of(user).is_secretariat_officer
