"""Personal API tokens: how they look and how they are stored."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_PREFIX = "cnc_"  # noqa: S105 - a visible prefix, not a secret


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()
