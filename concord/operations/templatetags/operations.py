from decimal import Decimal

from django import template

from concord.operations.outputs import amount as _amount

register = template.Library()


@register.filter
def amount(value: Decimal | None) -> str:
    return _amount(value)
