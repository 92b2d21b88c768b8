"""The table of the moves a status may make: declared in each app's `states.py`, enforced by
`concord.core.actions.transition`. Pure: no database, so `states.py` can declare its tables beside the
choices they use."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .errors import Code, Conflict


class Flow:
    """A status field and the moves it allows, `{from: {to, …}}`; anything else is refused.

    `refused` names the error a refused move raises, when an app has a more telling one than
    `wrong_status`."""

    def __init__(
        self,
        field: str,
        moves: Mapping[str, Iterable[str]],
        *,
        refused: tuple[StrEnum, str | Promise] | None = None,
    ) -> None:
        self.field = field
        self.moves = {str(k): frozenset(str(v) for v in vs) for k, vs in moves.items()}
        self.refused = refused

    def allows(self, current: str, to: str) -> bool:
        return str(to) in self.moves.get(str(current), frozenset())

    def sources(self, to: str) -> list[str]:
        """The statuses `to` may be reached from: for moving many rows in one UPDATE."""
        return sorted(k for k, targets in self.moves.items() if str(to) in targets)

    def check(self, current: str, to: str, *, display: str = "") -> None:
        """Conflict (409) unless the table allows `current` → `to`."""
        if self.allows(current, to):
            return
        if self.refused is not None:
            raise Conflict(self.refused[0], self.refused[1])
        raise Conflict(
            Code.WRONG_STATUS,
            _("This step is not possible now: the record is “%(status)s”.")
            % {"status": display or current},
        )
