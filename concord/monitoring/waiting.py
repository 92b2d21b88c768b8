"""What waits for the user in monitoring (the landing page, `core.waiting`): for an analyst, the new
alerts to acknowledge, dismiss or escalate, the strongest first (an alert has no deadline)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core.waiting import LIMIT, Waiting

from . import permissions
from .states import AlertStatus


def waiting(request: HttpRequest) -> list[Waiting]:
    """One query: the new alerts, the highest score first."""
    if not permissions.is_analyst(request.user):
        return []
    alerts = (
        permissions.alerts_visible_to(request.user)
        .filter(status=AlertStatus.NEW)
        .order_by("-score", "-period", "pk")[:LIMIT]
    )
    return [
        Waiting(
            title=f"{a.place} · {a.period:%m.%Y}",
            url=reverse("monitoring:alert-detail", args=[a.pk]),
            kind=_("New alert to assess"),
            module=_("Monitoring"),
        )
        for a in alerts
    ]
