"""Who may see and do what with programmes, budgets and action plans.

- **Programmes** follow their marking (official: every insider). The Secretariat keeps their
  structure (stages, activities, funding) and records their adoption; contracts and deliveries are
  recorded by the customer-coordinator's delegation (who speaks for it) or the Secretariat; a change
  to an adopted programme is proposed by the Secretariat or a state's representative and goes before
  the bodies as a consultation.
- **Budgets**: every insider reads the items and the total; **a state sees its own contribution and
  payments, the Secretariat all**; Secretariat officers keep the budget and record payments.
- **Action plans**: every insider sees that a plan exists; **a state sees its own tasks (and a body
  its own), the Secretariat all**. Secretariat officers draft plans and tasks and return reports;
  the chairman approves (who speaks for the state chairing in the session's year); a state's part is
  reported by who speaks for that state, a body's by who acts for that body.
- **Priorities** of a chairmanship are kept by who speaks for the chairing state, or the Secretariat.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from concord.core.actors import SYSTEM, Someone
from concord.core.models import viewer_of
from concord.core.rules import speaks_for
from concord.organization.models import MemberState
from concord.organization.selectors import chair_of

from .models import (
    ActionPlan,
    ActionTask,
    Assignment,
    Budget,
    Contribution,
    Payment,
    Programme,
    ProgrammeChange,
)


def is_secretariat(user: Someone) -> bool:
    """Secretariat officers: keep programmes, budgets and plans."""
    return viewer_of(user).is_secretariat_officer


def is_insider(user: Someone) -> bool:
    viewer = viewer_of(user)
    return viewer.is_insider or viewer.is_secretariat


def programmes_visible_to(user: Someone) -> QuerySet[Programme]:
    return Programme.objects.visible_to(user)


def can_keep_programme(user: Someone) -> bool:
    """Create programmes, their stages, activities and funding; record their adoption."""
    return is_secretariat(user)


def can_execute(user: Someone, programme: Programme) -> bool:
    """Contracts and deliveries: who speaks for the customer-coordinator, or the Secretariat."""
    return is_secretariat(user) or speaks_for(viewer_of(user), programme.coordinator_id)


def can_propose_change(user: Someone) -> bool:
    """The Secretariat or a state's representative (those who may open a consultation)."""
    viewer = viewer_of(user)
    return is_secretariat(user) or (
        viewer.state_id is not None and speaks_for(viewer, viewer.state_id)
    )


def can_record_change_adoption(user: Someone) -> bool:
    # SYSTEM: a change adopted by its consultation is recorded when the event arrives.
    return user is SYSTEM


def can_withdraw_change(user: Someone, change: ProgrammeChange) -> bool:
    return is_secretariat(user)


def budgets_visible_to(user: Someone) -> QuerySet[Budget]:
    return Budget.objects.all() if is_insider(user) else Budget.objects.none()


def _own_state(user: Someone) -> Q | None:
    """Everything for the Secretariat (None), a state's delegation its own rows, nobody else any."""
    viewer = viewer_of(user)
    if viewer.is_secretariat:
        return None
    if viewer.state_id is not None and viewer.is_insider:
        return Q(state_id=viewer.state_id)
    return Q(pk__in=[])


def contributions_visible_to(user: Someone) -> QuerySet[Contribution]:
    """A state's delegation its own, the Secretariat all, nobody else any."""
    scope = _own_state(user)
    return Contribution.objects.all() if scope is None else Contribution.objects.filter(scope)


def payments_visible_to(user: Someone) -> QuerySet[Payment]:
    scope = _own_state(user)
    return Payment.objects.all() if scope is None else Payment.objects.filter(scope)


def can_keep_budget(user: Someone) -> bool:
    """Items, shares, adoption and payments: Secretariat officers."""
    return is_secretariat(user)


def plans_visible_to(user: Someone) -> QuerySet[ActionPlan]:
    return ActionPlan.objects.all() if is_insider(user) else ActionPlan.objects.none()


def assignments_visible_to(user: Someone) -> QuerySet[Assignment]:
    """The Secretariat every state's and body's part; a state or a body its own."""
    viewer = viewer_of(user)
    if viewer.is_secretariat:
        return Assignment.objects.all()
    if viewer.state_id is not None and viewer.is_insider:
        return Assignment.objects.filter(state_id=viewer.state_id)
    if viewer.body_id is not None:
        return Assignment.objects.filter(body_id=viewer.body_id)
    return Assignment.objects.none()


def tasks_visible_to(user: Someone) -> QuerySet[ActionTask]:
    """Tasks with a part the user may see: each once."""
    if viewer_of(user).is_secretariat:
        return ActionTask.objects.all()
    return ActionTask.objects.filter(
        Exists(assignments_visible_to(user).filter(task=OuterRef("pk")))
    )


def can_draft_plan(user: Someone) -> bool:
    return is_secretariat(user)


def can_approve_plan(user: Someone, plan: ActionPlan) -> bool:
    """The chairman: who speaks for the state chairing in the year of the plan's session."""
    chair = chair_of(plan.session.date.year)
    return chair is not None and speaks_for(viewer_of(user), chair.state_id)


def can_report(user: Someone, assignment: Assignment) -> bool:
    """A state's part: who speaks for the state; a body's part: who acts for the body."""
    viewer = viewer_of(user)
    if assignment.state_id is not None:
        return speaks_for(viewer, assignment.state_id)
    return viewer.body_id is not None and viewer.body_id == assignment.body_id


def can_return_report(user: Someone) -> bool:
    return is_secretariat(user)


def can_keep_priorities(user: Someone, state: MemberState) -> bool:
    """A chairmanship's goals and indicators: who speaks for the chairing state, or the Secretariat."""
    return is_secretariat(user) or speaks_for(viewer_of(user), state.pk)
