"""What every app's API shares: the error shape and strict input schemas."""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination
from pydantic import ConfigDict, StringConstraints, field_validator


class FieldErrorOut(Schema):
    field: str = Field(..., description="the field the message is about, e.g. 'rule.delay.days'")
    message: str
    code: str | None = Field(None, description="why, for a field that did not validate")


class ErrorOut(Schema):
    """The one shape of every error the API answers (any 4xx)."""

    code: str
    message: str
    errors: list[FieldErrorOut] = []


class StrictIn(Schema):
    """Input schemas refuse unknown fields instead of silently ignoring them, and NUL characters,
    which no text needs and PostgreSQL cannot store."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def no_nul(cls, value: Any) -> Any:
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("contains a NUL character")
        return value


# What a form requires of a text: the spaces around it dropped, then something left (a title also
# fits its column, 300 characters everywhere).
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Pages(PageNumberPagination):
    """Page numbers within sane bounds: a huge one is a 422, not a database overflow."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=500)
