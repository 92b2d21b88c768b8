"""Who may see and do what with the collective forces.

- **Units and readiness** are restricted: a member state's delegation sees its own units in detail
  (strength, base, scores, assessments); the Joint Staff sees every unit; every other insider (the
  other delegations, the Secretariat, the other organs) sees aggregates per formation and state only.
  Visitors who have not signed in see nothing of them.
- A state's pledges are recorded by the Joint Staff, which keeps the register and certifies units;
  a state's delegation fills in its units' assessments and a person who speaks for the state submits
  them; the Joint Staff reviews (returns or accepts) them.
- **The training plan** is official: every insider reads it; the Joint Staff drafts it, puts it
  before the bodies, records amendments to the adopted plan, execution, after-action reports and
  lessons.
- **Deployments** follow their marking. The requesting state's representative (or the Secretariat,
  on the letter's receipt) records the request; the Secretariat records the decisions, the report and
  the UN Security Council informed; the Joint Staff (the Crisis Response Centre) generates the force,
  keeps the log and the withdrawal; a state's representative offers its contingent.
"""

from __future__ import annotations

from django.db.models import QuerySet

from concord.core.actors import SYSTEM, Someone
from concord.core.models import viewer_of
from concord.core.rules import Role, speaks_for
from concord.organization.models import MemberState

from .models import Assessment, Deployment, Unit


def is_joint_staff(user: Someone) -> bool:
    """A staff officer of an organ (the Joint Staff): the role is given only there."""
    viewer = viewer_of(user)
    return viewer.body_id is not None and viewer.role == Role.STAFF_OFFICER


def is_secretariat(user: Someone) -> bool:
    return viewer_of(user).is_secretariat_officer


def sees_forces(user: Someone) -> bool:
    """Formations, aggregates and the training plan: every insider (member states' delegations and
    the organs)."""
    viewer = viewer_of(user)
    return viewer.is_insider or viewer.is_secretariat


def units_visible_to(user: Someone) -> QuerySet[Unit]:
    """Units in detail: the Joint Staff all of them, a state's delegation its own, nobody else any."""
    if is_joint_staff(user):
        return Unit.objects.all()
    state_id = viewer_of(user).state_id
    if state_id is None or not sees_forces(user):
        return Unit.objects.none()
    return Unit.objects.filter(state_id=state_id)


def assessments_visible_to(user: Someone) -> QuerySet[Assessment]:
    return Assessment.objects.filter(unit__in=units_visible_to(user))


def keeps_register(user: Someone) -> bool:
    """Pledges, certification, questionnaires: the Joint Staff."""
    return is_joint_staff(user)


def can_fill(user: Someone, unit: Unit) -> bool:
    """Draft the answers of an assessment: the unit's state's delegation."""
    return viewer_of(user).state_id == unit.state_id


def can_submit(user: Someone, unit: Unit) -> bool:
    """Submit an assessment to the Joint Staff: who speaks for the unit's state."""
    return speaks_for(viewer_of(user), unit.state_id)


def can_review(user: Someone) -> bool:
    return is_joint_staff(user)


def can_plan(user: Someone) -> bool:
    """Draft the training plan, record its amendments, execution, reports and lessons."""
    return is_joint_staff(user)


def deployments_visible_to(user: Someone) -> QuerySet[Deployment]:
    return Deployment.objects.visible_to(user)


def can_request(user: Someone, state: MemberState) -> bool:
    """Record a state's official request: who speaks for it, or the Secretariat that received it."""
    return speaks_for(viewer_of(user), state.pk) or is_secretariat(user)


def can_record_decision(user: Someone) -> bool:
    """The bodies' decisions, the Secretary General's report, the UN informed: the Secretariat."""
    return is_secretariat(user)


def can_run_deployment(user: Someone) -> bool:
    """Force generation, the log, arrivals and withdrawal: the Joint Staff (its Crisis Response
    Centre) or the Secretariat."""
    return is_joint_staff(user) or is_secretariat(user)


def can_offer(user: Someone, state: MemberState) -> bool:
    """Offer a contingent: who speaks for the state."""
    return speaks_for(viewer_of(user), state.pk)


def sees_crisis_picture(user: Someone) -> bool:
    """The Crisis Response Centre's page: the Joint Staff, the Secretariat and analysts; the states
    see their deployments' pages."""
    viewer = viewer_of(user)
    return is_joint_staff(user) or viewer.is_secretariat


# --- deployments (the deployments part) ------------------------------------------------------------


def states_requesting_for(user: Someone) -> QuerySet[MemberState]:
    """The states whose request the user may record: all members for the Secretariat, else the one
    the user speaks for (none for anyone else)."""
    if is_secretariat(user):
        return MemberState.objects.filter(membership="member")
    viewer = viewer_of(user)
    if viewer.state_id is None or not speaks_for(viewer, viewer.state_id):
        return MemberState.objects.none()
    return MemberState.objects.filter(pk=viewer.state_id, membership="member")


def sees_crisis_of(user: Someone, deployment: Deployment) -> bool:
    """A crisis page: the Crisis Response Centre's people (`sees_crisis_picture`) and the host
    state's delegation."""
    return sees_crisis_picture(user) or viewer_of(user).state_id == deployment.host_id


# readiness ------------------------------------------------------------------------------------------


def sees_units_in_detail(user: Someone) -> bool:
    """The readiness table in detail: the Joint Staff (every unit) and a member state's delegation
    (its own units); the other insiders see the aggregates only."""
    return is_joint_staff(user) or (viewer_of(user).state_id is not None and sees_forces(user))


# --- Training -------------------------------------------------------------------------------------


def can_record_adoption(user: Someone) -> bool:
    """A plan is adopted when its consultation is: only the system, reacting to that adoption
    (consultations' ConsultationAdopted), records it; nobody declares a plan adopted by hand."""
    return user is SYSTEM  # the subscriber to ConsultationAdopted
