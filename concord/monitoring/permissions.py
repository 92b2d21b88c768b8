"""Who may see and do what in situation monitoring.

- Events and the yearly tables are open data (UCDP, CC BY): every signed-in user sees the picture.
- Alerts are the analysts' working material: analysts (of the Secretariat or of another organ),
  Secretariat officers and the Joint Staff's officers see them; only analysts decide on them
  (acknowledge, dismiss, escalate).
- Situation reports are drafted, edited and approved by analysts, and shared by an analyst or the
  Secretariat; until shared they are seen by analysts and the Secretariat only, once shared by every
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


def works_on_reports(user: Someone) -> bool:
    """Situation reports before they are shared, and sharing them: analysts and the Secretariat."""
    viewer = viewer_of(user)
    return viewer.role == Role.ANALYST or viewer.is_secretariat_officer


def sees_alerts(user: Someone) -> bool:
    """Alerts, read only for all but analysts: those who work on reports, and the Joint Staff's
    officers (the staff-officer role is the Joint Staff's, core.rules.Role)."""
    return works_on_reports(user) or viewer_of(user).role == Role.STAFF_OFFICER


def alerts_visible_to(user: Someone) -> QuerySet[Alert]:
    return Alert.objects.all() if sees_alerts(user) else Alert.objects.none()


def reports_visible_to(user: Someone) -> QuerySet[SituationReport]:
    visible = SituationReport.objects.visible_to(user)
    if works_on_reports(user):
        return visible
    return visible.filter(status=ReportStatus.SHARED)


def imports_data(user: Someone) -> bool:
    """Conflict data (UCDP, ACLED files) is imported by the server's operators: the system."""
    return user is SYSTEM
