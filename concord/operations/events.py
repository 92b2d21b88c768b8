"""What joint operations tell other apps (see docs/architecture.md for who listens)."""

from __future__ import annotations

from dataclasses import dataclass

from concord.core.events import DomainEvent


@dataclass(frozen=True)
class PressReleaseSaved(DomainEvent):
    """The Secretariat saved the press release on a stage's consolidated results."""

    stage_id: int
