"""What consultations tell other apps (see docs/architecture.md for who listens)."""

from __future__ import annotations

from dataclasses import dataclass

from concord.core.events import DomainEvent


@dataclass(frozen=True)
class ConsultationAdopted(DomainEvent):
    """The last tier of its route adopted the question (of `kind`, a `QuestionKind`)."""

    consultation_id: int
    kind: str
