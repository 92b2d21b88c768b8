"""Who may see and do what in joint operations.

- Operations and stages follow their marking (Mercenary is restricted to its participants).
- A national report is seen by its state's delegation and the Secretariat only; consolidated results
  are seen by every member state (and organ) that may see the operation.
- Only a delegation of a state participating in the stage files that state's report; only its permanent
  representative or national coordinator approves it; only a Secretariat officer consolidates.
- The command line (no user) files for the state it is told to: it runs on the server, by its operators.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from concord.core.errors import NotAllowed
from concord.core.models import viewer_of
from concord.core.rules import SPEAKS_FOR_STATE
from concord.organization.models import MemberState

from .models import NationalReport, Operation, Stage


def operations_visible_to(user: Any) -> QuerySet[Operation]:
    return Operation.objects.visible_to(user)


def stages_visible_to(user: Any) -> QuerySet[Stage]:
    return Stage.objects.filter(operation__in=operations_visible_to(user))


def reports_visible_to(user: Any) -> QuerySet[NationalReport]:
    viewer = viewer_of(user)
    reports = NationalReport.objects.filter(stage__operation__in=operations_visible_to(user))
    if viewer.is_secretariat:
        return reports
    return reports.filter(Q(state_id=viewer.state_id) if viewer.state_id else Q(pk__in=[]))


def sees_results(user: Any) -> bool:
    """Consolidated totals: every member state's delegation and the organs (the public only through
    publications)."""
    viewer = viewer_of(user)
    return viewer.is_insider or viewer.is_secretariat


def is_secretariat(user: Any) -> bool:
    return user is None or viewer_of(user).is_secretariat_officer


def can_report(user: Any, stage: Stage, state: MemberState) -> bool:
    if user is None:  # the command line
        return True
    viewer = viewer_of(user)
    return viewer.state_id == state.pk and stage.states.filter(pk=state.pk).exists()


def can_approve(user: Any, state: MemberState) -> bool:
    viewer = viewer_of(user)
    return viewer.state_id == state.pk and viewer.role in SPEAKS_FOR_STATE


def require_reporter(user: Any, stage: Stage, state: MemberState) -> None:
    if not can_report(user, stage, state):
        raise NotAllowed(
            "not_allowed",
            _("Only a delegation of %(state)s taking part in this stage files its report.")
            % {"state": state.name},
        )


def require_coordinator(user: Any, state: MemberState) -> None:
    if not can_approve(user, state):
        raise NotAllowed(
            "not_allowed",
            _(
                "Only the national coordinator or permanent representative of %(state)s approves its report."
            )
            % {"state": state.name},
        )


def require_secretariat(user: Any) -> None:
    if not is_secretariat(user):
        raise NotAllowed("not_allowed", _("Only a Secretariat officer may do this."))
