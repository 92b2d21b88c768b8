"""What waits for the user in documents (the landing page, `core.waiting`): for the editors (the
Secretariat's officers), each negotiated text with amendments still to decide."""

from __future__ import annotations

from django.db.models import Count, Min, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from concord.core.waiting import LIMIT, Waiting

from . import permissions
from .states import AmendmentStatus, DocumentStatus


def waiting(request: HttpRequest) -> list[Waiting]:
    """One query: the texts under negotiation with pending amendments, the oldest proposal first."""
    if not permissions.is_editor(request.user):
        return []
    pending = Q(amendments__status=AmendmentStatus.PENDING)
    documents = (
        permissions.documents_visible_to(request.user)
        .filter(status=DocumentStatus.NEGOTIATION)
        .annotate(
            pending=Count("amendments", filter=pending),
            since=Min("amendments__proposed_at", filter=pending),
        )
        .filter(pending__gt=0)
        .order_by("since", "pk")[:LIMIT]
    )
    return [
        Waiting(
            title=f"{d} · "
            + ngettext("%(n)d amendment", "%(n)d amendments", d.pending) % {"n": d.pending},
            url=reverse("documents:amendment-inbox", args=[d.pk]),
            kind=_("Amendments to decide"),
            module=_("Documents"),
        )
        for d in documents
    ]
