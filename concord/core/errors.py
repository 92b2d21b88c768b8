"""Domain errors carry a stable code and a message in both languages.

Services raise them; forms put the message on the field, the API answers {"code", "message"} with 4xx.
Each app lists its codes in a `StrEnum` (`codes.py`); the few every app shares are `Code` here.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.functional import Promise


class Code(StrEnum):
    NOT_ALLOWED = "not_allowed"  # the actor may not do this (403)
    STALE = "stale"  # the record changed since the form was drawn (409)
    WRONG_STATUS = "wrong_status"  # the record's status does not allow this step (409)
    VERSION_REQUIRED = (
        "version_required"  # a write replacing an existing record gave no version (422)
    )


class DomainError(Exception):
    status = 400

    def __init__(self, code: StrEnum, message: str | Promise, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.field = field


class NotAllowed(DomainError):
    status = 403


class Conflict(DomainError):
    status = 409


class Unprocessable(DomainError):
    """The request lacks what the write needs (422), as a missing field of the API's schema is."""

    status = 422
