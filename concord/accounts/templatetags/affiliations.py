"""`{% acting_for stored %}`: the affiliation a record keeps ("Secretariat / secretariat_officer",
stable and in English, `User.acting_for_label`) shown in the reader's language. The organs' names
are read once per rendered template (two small queries, however many rows show one)."""

from __future__ import annotations

from typing import Any

from django import template

from concord.accounts.selectors import affiliation_label, organ_names

register = template.Library()


@register.simple_tag(takes_context=True)
def acting_for(context: template.Context, stored: str | None) -> str:
    if not stored or " / " not in stored:
        return affiliation_label(stored or "", {})
    names: dict[str, Any] = context.render_context.get("organ_names")  # type: ignore[assignment]
    if names is None:
        names = context.render_context["organ_names"] = organ_names()
    return affiliation_label(stored, names)
