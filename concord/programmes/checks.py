"""Checks the services of this app share: currencies, adopted decisions, amounts, shares."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from concord.consultations import selectors as consultations
from concord.core.errors import DomainError
from concord.organization.models import MemberState

from . import rules
from .codes import Code
from .models import Currency


def currency(code: str, *, field: str = "currency") -> Currency:
    found = Currency.objects.filter(code=code.strip().upper()).first() if code else None
    if found is None:
        raise DomainError(
            Code.UNKNOWN_CURRENCY,
            _("Unknown currency “%(code)s”: give an ISO 4217 code the system knows.")
            % {"code": code},
            field=field,
        )
    return found


def adoption_of(decision_id: int | None, *, field: str = "decision") -> consultations.Adoption:
    """The adoption the consultations module records for the decision, or a clear error."""
    adoption = consultations.adoption(decision_id) if decision_id else None
    if adoption is None:
        raise DomainError(
            Code.NOT_ADOPTED,
            _("The consultations module records no adoption of this decision."),
            field=field,
        )
    return adoption


def positive(value: Decimal | int, field: str) -> None:
    if value <= 0 or (isinstance(value, Decimal) and not rules.whole_cents(value)):
        raise DomainError(
            Code.BAD_AMOUNT, _("Give a positive amount (whole cents at most)."), field=field
        )


def check_shares(shares: Sequence[Decimal], states: Sequence[MemberState]) -> None:
    if len({s.pk for s in states}) != len(states):
        raise DomainError(Code.DUPLICATE, _("A state is named twice."), field="shares")
    if any(not Decimal(0) < s <= rules.HUNDRED for s in shares):
        raise DomainError(
            Code.BAD_SHARE, _("Each share is above 0 and at most 100 per cent."), field="shares"
        )
    if not rules.shares_add_up(shares):
        raise DomainError(
            Code.SHARES_NOT_100,
            _("The shares add up to %(total)s per cent, not 100.")
            % {"total": rules.plain(rules.shares_total(shares))},
            field="shares",
        )
