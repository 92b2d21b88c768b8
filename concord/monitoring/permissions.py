"""Who may see and do what in situation monitoring.

- Events and the yearly tables are open data (UCDP, CC BY): every signed-in user sees the picture.
- Alerts are the analysts' working material: analysts (of the Secretariat or of another organ) and
  Secretariat officers see them; only analysts decide on them (acknowledge, dismiss, escalate).
- Situation reports are drafted, edited and approved by analysts; once shared they are seen by every
  member state's delegation and organ (official).
"""

from __future__ import annotations

from django.db.models import QuerySet

from concord.core.actors import SYSTEM, Someone
from concord.core.models import viewer_of
from concord.core.rules import Role

from .models import Alert, SituationReport
from .states import ReportStatus


def is_analyst(user: Someone) -> bool:
    return viewer_of(user).role == Role.ANALYST


def sees_alerts(user: Someone) -> bool:
    viewer = viewer_of(user)
    return viewer.role == Role.ANALYST or viewer.is_secretariat_officer


def alerts_visible_to(user: Someone) -> QuerySet[Alert]:
    return Alert.objects.all() if sees_alerts(user) else Alert.objects.none()


def reports_visible_to(user: Someone) -> QuerySet[SituationReport]:
    visible = SituationReport.objects.visible_to(user)
    if sees_alerts(user):
        return visible
    return visible.filter(status=ReportStatus.SHARED)


def imports_data(user: Someone) -> bool:
    """Conflict data (UCDP, ACLED files) is imported by the server's operators: the system."""
    return user is SYSTEM
