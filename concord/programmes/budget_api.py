"""The API of budgets: items and total, each state's contribution as the user may see it (its own for
a state, all for the Secretariat), payments; the Secretariat keeps the budget."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from concord.core.actors import actor_of
from concord.core.api import ErrorOut, StrictIn, Title

from . import budgets as services
from . import selectors
from .api import EDITING, state_named
from .models import Budget

router = Router(tags=["budgets"])


class BudgetItemOut(Schema):
    position: int
    name_ru: str
    name_en: str
    amount: Decimal


class ContributionOut(Schema):
    state: str = Field(..., description="ISO alpha-2")
    share: Decimal = Field(..., description="per cent of the total")
    due: Decimal = Field(..., description="its part of the total, apportioned to the cent")
    paid: Decimal
    balance: Decimal
    arrears: Decimal = Field(..., description="the balance once the due date has passed")


class BudgetOut(Schema):
    year: int
    currency: str
    due_on: dt.date
    status: str
    decision: int | None
    adopted_on: dt.date | None
    total: Decimal
    not_bound: list[str] = Field(..., description="states that refrained (limited format)")
    items: list[BudgetItemOut]
    contributions: list[ContributionOut] = Field(..., description="those the user may see")
    version: int
    demo: bool


class PaymentOut(Schema):
    id: int
    state: str = Field(..., alias="state.iso2")
    paid_on: dt.date
    amount: Decimal
    currency: str = Field(..., alias="currency.code")
    reference: str
    demo: bool


class BudgetIn(StrictIn):
    year: int = Field(..., ge=1990, le=2200)
    currency: str = Field(..., min_length=3, max_length=3)
    due_on: dt.date
    demo: bool = False


# Writes that replace a draft budget's items or shares carry the budget's edit counter they were made
# on (required); each raises it, so a second writer on the same counter is refused (409 `stale`).
BUDGET_VERSION = "the budget's edit counter the change was made on; a newer budget is refused (409)"


class BudgetItemIn(StrictIn):
    name_ru: Title
    name_en: Title
    amount: Decimal = Field(..., max_digits=18, decimal_places=2)
    version: int = Field(..., description=BUDGET_VERSION)


class SharesIn(StrictIn):
    shares: dict[str, Decimal] = Field(
        ..., description='{"RU": "50", ...}: per cent, adding up to 100'
    )
    version: int = Field(..., description=BUDGET_VERSION)


class BudgetAdoptionIn(StrictIn):
    decision: int = Field(..., description="the consultation that adopted the budget")
    version: int | None = None


class PaymentIn(StrictIn):
    state: str = Field(..., min_length=2, max_length=2)
    amount: Decimal = Field(..., max_digits=18, decimal_places=2)
    currency: str = Field(..., max_length=3)
    paid_on: dt.date
    reference: str = Field("", max_length=200)


def _out(table: selectors.BudgetTable, budget: Budget) -> dict[str, Any]:
    return {
        "year": budget.year,
        "currency": budget.currency.code,
        "due_on": budget.due_on,
        "status": budget.status,
        "decision": budget.decision_id,
        "adopted_on": budget.adopted_on,
        "total": table.total,
        "not_bound": [s.iso2 for s in budget.not_bound.all()],
        "items": list(budget.items.all()),
        "contributions": [
            {
                "state": r.iso2,
                "share": r.share,
                "due": r.standing.due,
                "paid": r.standing.paid,
                "balance": r.standing.balance,
                "arrears": r.standing.arrears,
            }
            for r in table.rows
        ],
        "version": budget.version,
        "demo": budget.demo,
    }


def _budgets(request: HttpRequest, found: list[Budget]) -> list[dict[str, Any]]:
    tables = selectors.budget_tables(request.user, found, today=timezone.localdate())
    return [_out(t, t.budget) for t in tables]


def _one(request: HttpRequest, year: int) -> dict[str, Any]:
    return _budgets(request, [selectors.budget(request.user, year)])[0]


@router.get("/budgets", response=list[BudgetOut])
def list_budgets(request: HttpRequest) -> Any:
    """Every budget with the contributions the user may see: a constant number of queries."""
    return _budgets(
        request, list(selectors.budgets(request.user).prefetch_related("items", "not_bound"))
    )


@router.post("/budgets", response={201: BudgetOut, **EDITING})
def create_budget(request: HttpRequest, payload: BudgetIn) -> Any:
    services.create_budget(
        actor=actor_of(request),
        year=payload.year,
        currency_code=payload.currency,
        due_on=payload.due_on,
        demo=payload.demo,
    )
    return Status(201, _one(request, payload.year))


@router.get("/budgets/{year}", response={200: BudgetOut, 404: ErrorOut})
def get_budget(request: HttpRequest, year: int) -> Any:
    return _one(request, year)


@router.put("/budgets/{year}/items/{position}", response={200: BudgetOut, **EDITING})
def save_item(request: HttpRequest, year: int, position: int, payload: BudgetItemIn) -> Any:
    budget = selectors.budget(request.user, year)
    services.save_item(budget, actor=actor_of(request), position=position, **payload.model_dump())
    return _one(request, year)


@router.put("/budgets/{year}/shares", response={200: BudgetOut, **EDITING})
def set_shares(request: HttpRequest, year: int, payload: SharesIn) -> Any:
    budget = selectors.budget(request.user, year)
    shares = {state_named(k, "shares"): v for k, v in payload.shares.items()}
    services.set_shares(budget, actor=actor_of(request), shares=shares, version=payload.version)
    return _one(request, year)


@router.post("/budgets/{year}/adopt", response={200: BudgetOut, **EDITING})
def adopt_budget(request: HttpRequest, year: int, payload: BudgetAdoptionIn) -> Any:
    """Adopted by its decision; the states that refrained from it are not bound (limited format)."""
    budget = selectors.budget(request.user, year)
    services.adopt_budget(
        budget, actor=actor_of(request), decision_id=payload.decision, version=payload.version
    )
    return _one(request, year)


@router.get("/budgets/{year}/payments", response={200: list[PaymentOut], 404: ErrorOut})
def list_payments(request: HttpRequest, year: int) -> Any:
    return selectors.payments(request.user, selectors.budget(request.user, year))


@router.post("/budgets/{year}/payments", response={201: PaymentOut, **EDITING})
def record_payment(request: HttpRequest, year: int, payload: PaymentIn) -> Any:
    budget = selectors.budget(request.user, year)
    data = payload.model_dump()
    payment = services.record_payment(
        budget,
        actor=actor_of(request),
        state=state_named(data.pop("state")),
        currency_code=data.pop("currency"),
        **data,
    )
    return Status(201, payment)
