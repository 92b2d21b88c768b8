from __future__ import annotations

from typing import Any

from concord.core.models import viewer_of


def can_record_chairmanship(user: Any) -> bool:
    """Chairmanship decisions are recorded by the Secretariat, which keeps the organization's acts."""
    return viewer_of(user).is_secretariat_officer
