"""Who may see and do what in joint operations.

- Operations and stages follow their marking (Mercenary is restricted to its participants).
- A national report is seen by its state's delegation and the Secretariat only; consolidated results
  are seen by every member state (and organ) that may see the operation.
- Only a delegation of a state participating in the stage files that state's report; only its permanent
  representative or national coordinator approves it; only a Secretariat officer consolidates.
- The command line (SYSTEM, when no --user is given) files for the state it is told to: it runs on the
  server, by its operators.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from concord.core.actors import SYSTEM, Someone
from concord.core.models import viewer_of
from concord.core.rules import SPEAKS_FOR_STATE
from concord.organization.models import MemberState

from .models import NationalReport, Operation, Stage


def operations_visible_to(user: Someone) -> QuerySet[Operation]:
    return Operation.objects.visible_to(user)


def stages_visible_to(user: Someone) -> QuerySet[Stage]:
    return Stage.objects.filter(operation__in=operations_visible_to(user))


def reports_visible_to(user: Someone) -> QuerySet[NationalReport]:
    viewer = viewer_of(user)
    reports = NationalReport.objects.filter(stage__operation__in=operations_visible_to(user))
    if viewer.is_secretariat:
        return reports
    return reports.filter(Q(state_id=viewer.state_id) if viewer.state_id else Q(pk__in=[]))


def sees_results(user: Someone) -> bool:
    """Consolidated totals: every member state's delegation and the organs (the public only through
    publications)."""
    viewer = viewer_of(user)
    return viewer.is_insider or viewer.is_secretariat


def is_secretariat(user: Someone) -> bool:
    return viewer_of(user).is_secretariat_officer


def keeps_reference_data(user: Someone) -> bool:
    """Reference tables beside the results (the UNODC seizures): the Secretariat, or the system."""
    return user is SYSTEM or viewer_of(user).is_secretariat_officer


def can_report(user: Someone, stage: Stage, state: MemberState) -> bool:
    if user is SYSTEM:  # the command line, run on the server by its operators
        return True
    viewer = viewer_of(user)
    return viewer.state_id == state.pk and stage.states.filter(pk=state.pk).exists()


def can_approve(user: Someone, state: MemberState) -> bool:
    viewer = viewer_of(user)
    return viewer.state_id == state.pk and viewer.role in SPEAKS_FOR_STATE
