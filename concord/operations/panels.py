from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from concord.core.views import panel

from . import selectors


def operations_panel(request: HttpRequest) -> dict[str, Any]:
    """National reports waiting for the user: their state's drafts and submissions, or, for the
    Secretariat, approved reports to consolidate."""
    return panel("operations/panel.html", awaiting=list(selectors.awaiting(request.user)[:6]))
