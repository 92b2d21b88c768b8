"""What the depositary's records tell other apps (see docs/architecture.md for who listens)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from concord.core.events import DomainEvent


@dataclass(frozen=True)
class AgreementInForce(DomainEvent):
    """After a recorded treaty action, the engine finds the agreement in force (since `since`)."""

    agreement_id: int
    since: dt.date
