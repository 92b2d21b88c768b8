"""What waits for the user in joint operations (the landing page, `core.waiting`): a delegation's
drafts to submit and, for those who approve (its permanent representative or national coordinator,
other than the submitter where four eyes apply), submitted reports to approve; for the Secretariat,
approved reports to consolidate. The stage's last day is the report's deadline."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core.models import viewer_of
from concord.core.rules import SPEAKS_FOR_STATE
from concord.core.waiting import LIMIT, Waiting

from . import selectors
from .states import ReportStatus


def waiting(request: HttpRequest) -> list[Waiting]:
    """Two queries: the reporting rule of the user's state, the reports waiting for the user."""
    approves = viewer_of(request.user).role in SPEAKS_FOR_STATE
    kinds = {
        ReportStatus.DRAFT: _("Report to submit"),
        ReportStatus.SUBMITTED: _("Report to approve"),
        ReportStatus.APPROVED: _("Report to consolidate"),
    }
    reports = selectors.awaiting(request.user)
    if not approves:
        reports = reports.exclude(status=ReportStatus.SUBMITTED)
    return [
        Waiting(
            title=f"{r.stage.operation} – {r.stage} · {r.state}",
            url=reverse("operations:report-detail", args=[r.pk]),
            kind=str(kinds.get(ReportStatus(r.status), r.get_status_display())),
            module=_("Joint operations"),
            deadline=r.stage.ends_on,
        )
        for r in reports.order_by("stage__ends_on", "state__iso2", "pk")[:LIMIT]
    ]
