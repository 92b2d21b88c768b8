"""What every public page carries: the demonstration notice and the footer with the contacts."""

from __future__ import annotations

from typing import Any

from django import template

from concord.organization import selectors as organization

from ..models import PublicSite

register = template.Library()


@register.inclusion_tag("publications/_demo_notice.html")
def demo_notice() -> dict[str, Any]:
    return {"shown": PublicSite.current().demo_notice}


@register.inclusion_tag("publications/_footer.html")
def public_footer() -> dict[str, Any]:
    return {"seat": organization.secretariat()}
