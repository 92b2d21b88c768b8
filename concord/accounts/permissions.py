"""Who may change accounts. People manage their own account; accounts and affiliations are made by
Secretariat administrators (in the admin) or by the system (demo data, the command line)."""

from __future__ import annotations

from concord.core.actors import SYSTEM, Someone
from concord.core.models import viewer_of

from .models import User


def can_manage_account(user: Someone, account: User) -> bool:
    """Switching affiliation, tokens, password: the user themself, or the system on the server."""
    if user is SYSTEM:  # `create_api_token` and demo data run by the server's operators
        return True
    viewer = viewer_of(user)
    return viewer.user_id is not None and viewer.user_id == account.pk


def can_administer_accounts(user: Someone) -> bool:
    if user is SYSTEM:  # demo data and the command line
        return True
    return viewer_of(user).is_secretariat_administrator
