"""Every write to budgets: items, shares of contributions, adoption by the budget decision (with the
limited format as the consultations module records it), payments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import DomainError
from concord.organization.models import MemberState

from . import permissions
from .checks import adoption_of, check_shares, currency, positive
from .codes import Code, Verb
from .models import Budget, BudgetItem, Contribution, Payment
from .states import BUDGET_FLOW, BudgetStatus

KEEPS = _("Only the Secretariat keeps the budget and records payments.")


def _check_draft(budget: Budget) -> None:
    if budget.status != BudgetStatus.DRAFT:
        raise DomainError(
            Code.NOT_ADOPTED, _("The budget is adopted: its items and shares stand as adopted.")
        )


def _bump(budget: Budget) -> None:
    """The budget's edit counter up by one: its items or shares were replaced."""
    budget.version += 1
    budget.save(update_fields=["version"])


@transaction.atomic
def create_budget(
    *, actor: Actor, year: int, currency_code: str, due_on: dt.date, demo: bool = False
) -> Budget:
    require(permissions.can_keep_budget(actor), KEEPS)
    if Budget.objects.filter(year=year).exists():
        raise DomainError(Code.DUPLICATE, _("The year has its budget already."), field="year")
    budget = Budget.objects.create(
        year=year, currency=currency(currency_code), due_on=due_on, demo=demo
    )
    record(Verb.CREATE_BUDGET, actor=actor, target=budget, summary=str(year))
    return budget


@transaction.atomic
def save_item(
    budget: Budget,
    *,
    actor: Actor,
    position: int,
    name_ru: str,
    name_en: str,
    amount: Decimal,
    version: int | None = None,
) -> BudgetItem:
    """An item of a draft budget, by its position (a new one, or the one at that position changed).

    `version` is the budget's edit counter the change was made on (409 if the budget changed since);
    the counter goes up, so a second writer on the same version is refused."""
    require(permissions.can_keep_budget(actor), KEEPS)
    budget = lock(budget, version=version)
    _check_draft(budget)
    positive(amount, "amount")
    _bump(budget)
    item, _created = BudgetItem.objects.update_or_create(
        budget=budget,
        position=position,
        defaults={"name_ru": name_ru, "name_en": name_en, "amount": amount},
    )
    record(Verb.SAVE_ITEM, actor=actor, target=budget, summary=f"{position}. {name_en}: {amount}")
    return item


@transaction.atomic
def set_shares(
    budget: Budget,
    *,
    actor: Actor,
    shares: Mapping[MemberState, Decimal],
    version: int | None = None,
) -> list[Contribution]:
    """Each state's share of the total, all at once: they add up to 100 per cent. `version` as for
    `save_item`."""
    require(permissions.can_keep_budget(actor), KEEPS)
    budget = lock(budget, version=version)
    _check_draft(budget)
    check_shares(list(shares.values()), list(shares))
    _bump(budget)
    budget.contributions.all().delete()
    rows = Contribution.objects.bulk_create(
        Contribution(budget=budget, state=state, share=share) for state, share in shares.items()
    )
    record(
        Verb.SET_SHARES,
        actor=actor,
        target=budget,
        changes={state.iso2: str(share) for state, share in shares.items()},
    )
    return rows


def _names(states: list[MemberState]) -> str:
    return ", ".join(sorted(s.name for s in states))


@transaction.atomic
def adopt_budget(
    budget: Budget, *, actor: Actor, decision_id: int, version: int | None = None
) -> Budget:
    """Adopted by its decision: the states that refrained (limited format) are not bound by it and
    carry no share; every state the decision binds has one."""
    require(permissions.can_keep_budget(actor), KEEPS)
    adoption = adoption_of(decision_id)
    bound = {s.id for s in adoption.outcome.bound or adoption.outcome.joined}
    refrained = {s.id for s in adoption.outcome.refrained}
    contributions = list(budget.contributions.select_related("state"))
    if not contributions or not budget.items.exists():
        raise DomainError(Code.MISSING_SHARE, _("The budget has no items or no shares yet."))
    unbound = [c.state for c in contributions if c.state_id not in bound]
    if unbound:
        raise DomainError(
            Code.NOT_BOUND,
            _(
                "The decision does not bind %(states)s (limited format): restate the shares without them."
            )
            % {"states": _names(unbound)},
            field="decision",
        )
    missing = bound - {c.state_id for c in contributions}
    if missing:
        raise DomainError(
            Code.MISSING_SHARE,
            _("The decision binds %(states)s, who have no share.")
            % {"states": _names(list(MemberState.objects.filter(pk__in=missing)))},
            field="decision",
        )
    budget = transition(
        budget,
        BudgetStatus.ADOPTED,
        flow=BUDGET_FLOW,
        actor=actor,
        verb=Verb.ADOPT_BUDGET,
        version=version,
        decision_id=adoption.consultation.pk,
        adopted_on=adoption.on,
    )
    budget.not_bound.set(refrained)
    return budget


@transaction.atomic
def record_payment(
    budget: Budget,
    *,
    actor: Actor,
    state: MemberState,
    amount: Decimal,
    currency_code: str,
    paid_on: dt.date,
    reference: str = "",
    demo: bool = False,
) -> Payment:
    """A state's payment, in the budget's currency, against its assessed contribution."""
    require(permissions.can_keep_budget(actor), KEEPS)
    if budget.status != BudgetStatus.ADOPTED:
        raise DomainError(Code.NOT_ADOPTED, _("The budget is not adopted yet."))
    paid_in = currency(currency_code)
    if paid_in.pk != budget.currency_id:
        raise DomainError(
            Code.WRONG_CURRENCY,
            _("The budget is kept in %(code)s: record the payment's amount in %(code)s.")
            % {"code": budget.currency.code},
            field="currency",
        )
    if not budget.contributions.filter(state=state).exists():
        raise DomainError(
            Code.NOT_ASSESSED,
            _("%(state)s has no share in this budget.") % {"state": state.name},
            field="state",
        )
    positive(amount, "amount")
    payment = Payment.objects.create(
        budget=budget,
        state=state,
        amount=amount,
        currency=paid_in,
        paid_on=paid_on,
        reference=reference,
        recorded_by=user_of(actor),
        demo=demo,
    )
    record(
        Verb.RECORD_PAYMENT,
        actor=actor,
        target=budget,
        summary=f"{state.iso2} {paid_on} {amount} {paid_in.code}",
    )
    return payment
