"""The collective forces' demo world: real formations, exercises and the Kazakhstan deployment of
January 2022 from the domain notes; invented figures are marked demo. One module per concern."""

from __future__ import annotations

from . import deployments, readiness, training, units


def seed(*, password: str) -> list[str]:
    """What was made, one line per concern, for the command to print (units first: the others use
    them)."""
    return [*units.seed(), *readiness.seed(), *training.seed(), *deployments.seed()]
