"""What every app's API shares: the error shape and strict input schemas."""

from __future__ import annotations

from ninja import Schema
from pydantic import ConfigDict


class ErrorOut(Schema):
    code: str
    message: str
    errors: list[dict[str, str]] = []


class StrictIn(Schema):
    """Input schemas refuse unknown fields instead of silently ignoring them."""

    model_config = ConfigDict(extra="forbid")
