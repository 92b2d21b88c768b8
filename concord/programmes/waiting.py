"""What waits for the user in the implementation of decisions (the landing page, `core.waiting`): the
open parts of tasks that the user's state or body answers for, in approved plans, overdue or due
within `SOON`. The Secretariat sees every part, but only its own wait for it."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from concord.core.models import viewer_of
from concord.core.waiting import LIMIT, Waiting

from . import permissions
from .states import AssignmentStatus, PlanStatus

SOON = dt.timedelta(days=30)


def waiting(request: HttpRequest) -> list[Waiting]:
    """One query: the user's open parts due by `SOON` from today, the oldest deadline first."""
    viewer = viewer_of(request.user)
    parts = permissions.assignments_visible_to(request.user)
    if viewer.is_secretariat:
        parts = parts.filter(body_id=viewer.body_id) if viewer.body_id else parts.none()
    today = timezone.localdate()
    parts = (
        parts.filter(
            status=AssignmentStatus.OPEN,
            task__plan__status=PlanStatus.APPROVED,
            task__deadline__lte=today + SOON,
        )
        .select_related("task")
        .order_by("task__deadline", "pk")[:LIMIT]
    )
    return [
        Waiting(
            title=f"{a.task.number}. {Truncator(a.task.text).words(14)}",
            url=reverse("programmes:plan-detail", args=[a.task.plan_id]),
            kind=_("Task to report on"),
            module=_("Implementation of decisions"),
            deadline=a.task.deadline,
        )
        for a in parts
    ]
