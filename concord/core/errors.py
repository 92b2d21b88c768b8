"""Domain errors carry a stable code and a message in both languages.

Services raise them; forms put the message on the field, the API answers {"code", "message"} with 4xx.
"""

from __future__ import annotations

from django.utils.functional import Promise


class DomainError(Exception):
    status = 400

    def __init__(self, code: str, message: str | Promise, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.field = field


class NotAllowed(DomainError):
    status = 403


class Conflict(DomainError):
    status = 409
