from typing import Any

from django import template

from concord.consultations.states import StanceChoices

register = template.Library()
LABELS = dict(StanceChoices.choices)


@register.filter
def get(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter
def stance_label(value: str) -> str:
    return str(LABELS.get(value, value))


@register.filter
def previous(items: list[Any], index: int) -> Any:
    return items[index - 1] if index > 0 else None
