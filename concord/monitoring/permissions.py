"""Who may see and do what in situation monitoring.

- Events and the yearly tables are open data (UCDP, CC BY): every signed-in user sees the picture.
- Alerts are the analysts' working material: analysts (of the Secretariat or of another organ) and
  Secretariat officers see them; only analysts decide on them (acknowledge, dismiss, escalate).
- Situation reports are drafted, edited and approved by analysts; once shared they are seen by every
  member state's delegation and organ (official).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from concord.core.errors import NotAllowed
from concord.core.models import viewer_of
from concord.core.rules import Role

from .models import Alert, SituationReport
from .states import ReportStatus


def is_analyst(user: Any) -> bool:
    return viewer_of(user).role == Role.ANALYST


def sees_alerts(user: Any) -> bool:
    viewer = viewer_of(user)
    return viewer.role == Role.ANALYST or viewer.is_secretariat_officer


def alerts_visible_to(user: Any) -> QuerySet[Alert]:
    return Alert.objects.all() if sees_alerts(user) else Alert.objects.none()


def reports_visible_to(user: Any) -> QuerySet[SituationReport]:
    visible = SituationReport.objects.visible_to(user)
    if sees_alerts(user):
        return visible
    return visible.filter(status=ReportStatus.SHARED)


def require_analyst(user: Any) -> None:
    if user is not None and not is_analyst(user):
        raise NotAllowed("not_allowed", _("Only an analyst may do this."))
