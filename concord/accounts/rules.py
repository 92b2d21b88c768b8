"""Pure rules about affiliations and tokens."""

from __future__ import annotations

import hashlib
import secrets

from concord.core.rules import ROLES_FOR_KIND, AffiliationKind, Role

TOKEN_PREFIX = "cnc_"  # noqa: S105 - a visible prefix, not a secret


def role_allowed(kind: AffiliationKind, role: str) -> bool:
    return role in {r.value for r in ROLES_FOR_KIND[kind]}


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


__all__ = ["TOKEN_PREFIX", "AffiliationKind", "Role", "new_token", "role_allowed", "token_digest"]
