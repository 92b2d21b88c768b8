from __future__ import annotations

from concord.core.actors import Someone
from concord.core.models import viewer_of


def can_browse_audit(user: Someone) -> bool:
    return viewer_of(user).is_secretariat_officer
