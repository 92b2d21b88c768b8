from __future__ import annotations

from typing import Any

from concord.core.models import viewer_of


def can_browse_audit(user: Any) -> bool:
    return viewer_of(user).is_secretariat_officer
