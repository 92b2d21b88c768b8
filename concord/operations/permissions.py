"""Who may see and do what in joint operations.

- Operations and stages follow their marking (Mercenary is restricted to its participants).
- A national report is seen by its state's delegation and the Secretariat only; consolidated results
  are seen by every member state (and organ) that may see the operation.
- Only a delegation of a state participating in the stage files that state's report; only its permanent
  representative or national coordinator approves or returns it, and (four eyes, unless the state's
  reporting rule turns them off) not the person who submitted it; only a Secretariat officer
  consolidates.
- The command line (SYSTEM, when no --user is given) files for the state it is told to: it runs on the
  server, by its operators.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from concord.core.actors import SYSTEM, Someone
from concord.core.models import viewer_of
from concord.core.rules import SPEAKS_FOR_STATE
from concord.organization.models import MemberState

from .models import NationalReport, Operation, ReportingRule, Stage


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


def _four_eyes(state_id: int) -> bool:
    """Whether the state wants another person than the submitter to decide: yes unless its
    reporting rule says otherwise."""
    rule = ReportingRule.objects.filter(state_id=state_id).first()
    return rule is None or rule.four_eyes


def submitted_it(user: Someone, report: NationalReport) -> bool:
    """The user is the person who submitted the report, and its state applies four eyes. A report the
    system submitted (the command line without --user, the demo) has no person as its submitter, so
    it never bars anyone."""
    viewer = viewer_of(user)
    return (
        viewer.user_id is not None
        and report.submitted_by_id == viewer.user_id
        and _four_eyes(report.state_id)
    )


def decides_own_submissions(user: Someone) -> bool:
    """The user's state lets its speakers approve what they submitted themselves (no four eyes)."""
    state_id = viewer_of(user).state_id
    return state_id is not None and not _four_eyes(state_id)


def can_decide(user: Someone, report: NationalReport) -> bool:
    """Approve or return the report: its state's coordinator or representative, other than its
    submitter where four eyes apply."""
    return can_approve(user, report.state) and not submitted_it(user, report)
