"""Permission answers every app shares. Each app's `permissions.py` builds its own on these."""

from __future__ import annotations

from .actors import Someone
from .models import viewer_of
from .rules import Role, speaks_for


def speaking_state(user: Someone) -> int | None:
    """The state `user` may commit now (a position, an amendment, a signature), if any."""
    viewer = viewer_of(user)
    if viewer.state_id is not None and speaks_for(viewer, viewer.state_id):
        return viewer.state_id
    return None


def reads_adopted_only(user: Someone) -> bool:
    """Members of parliament read adopted texts, published material and the status of agreements,
    not the positions, objections and drafts that delegations exchange while negotiating."""
    return viewer_of(user).role == Role.MEMBER_OF_PARLIAMENT
