from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from concord.core.views import panel

from . import selectors


def documents_panel(request: HttpRequest) -> dict[str, Any]:
    """Texts under negotiation that the user may see, newest first."""
    return panel("documents/panel.html", documents=list(selectors.documents(request.user)[:8]))
