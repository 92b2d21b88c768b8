"""The collective forces' demo world: real formations, exercises and the Kazakhstan deployment of
January 2022 from the domain notes; invented figures are marked demo. One module per concern."""

from __future__ import annotations

from . import training, units


def seed(*, password: str) -> list[str]:
    """What was made, one line per concern, for the command to print."""
    return [*units.seed(), *training.seed()]
