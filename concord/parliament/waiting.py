"""What waits for the user in the Parliamentary Assembly (the landing page, `core.waiting`): for a
member of parliament, the instruments their state signed and has not ratified, each with the chambers
whose vote is still open. An instrument whose deposits are not recorded is left out: the record cannot
say the state has not ratified it."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.core.waiting import LIMIT, Waiting

from . import permissions, ratification


def waiting(request: HttpRequest) -> list[Waiting]:
    """A constant number of queries: the member's seat, then the state's queue (the agreements
    module's pending list, read once)."""
    member = permissions.member_of(request.user)
    if member is None:
        return []
    queue = ratification.queue(request.user, member.parliament, today=timezone.localdate())
    found = []
    for entry in queue.entries:
        if not entry.pending.known:
            continue
        open_chambers = [chamber.name for chamber, done in entry.chambers if done is None]
        found.append(
            Waiting(
                title=" · ".join([str(entry.agreement), *open_chambers]),
                url=reverse("agreements:agreement-detail", args=[entry.agreement.pk]),
                kind=_("Ratification awaited from %(state)s")
                % {"state": member.parliament.state.name},
                module=_("Parliamentary Assembly"),
            )
        )
    return found[:LIMIT]
