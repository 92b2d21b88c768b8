"""What the Assembly's records tell other apps (see docs/architecture.md for who listens)."""

from __future__ import annotations

from dataclasses import dataclass

from concord.core.events import DomainEvent


@dataclass(frozen=True)
class ModelActAdopted(DomainEvent):
    """The Assembly adopted a model law or recommendation: publications drafts its announcement."""

    act_id: int
