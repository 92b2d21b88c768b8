"""The engine's answer kept on the instrument (`Agreement.computed`): written in the transaction that
changes what the engine reads (an action recorded or corrected, an instrument registered or its
clause or signature block edited), read by the lists, which no longer run the engine per row.

`refresh` recomputes from the record; `refresh_agreement_standings` (a command) does it for every
instrument, for a change the depositary's services do not see (a state joining or leaving the
organization changes the parties)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .models import Agreement
from .selectors import block_of, member_codes, standing_of
from .standing import Standing, as_stored


def store(agreement: Agreement, standing: Standing) -> None:
    """Keep `standing` (the one the record now gives) on the instrument, in the caller's transaction."""
    agreement.computed = as_stored(standing)
    agreement.computed_in_force = standing.computed
    Agreement.objects.filter(pk=agreement.pk).update(
        computed=agreement.computed, computed_in_force=agreement.computed_in_force
    )


@transaction.atomic
def refresh(agreement: Agreement) -> Standing:
    """Recompute the instrument's standing from its record and keep it."""
    actions = agreement.actions.select_related("state").order_by("date", "pk")
    standing = standing_of(
        agreement,
        actions,
        block_of(agreement),
        today=timezone.localdate(),
        members=member_codes(),
    )
    store(agreement, standing)
    return standing


def refresh_all() -> int:
    count = 0
    for agreement in Agreement.objects.order_by("pk").iterator():
        refresh(agreement)
        count += 1
    return count
