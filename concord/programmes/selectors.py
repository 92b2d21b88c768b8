"""Reads of programmes and budgets, limited to what the user may see, in a constant number of
queries. Action plans and priorities are read in `plan_selectors.py`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from concord.core.actors import Someone

from . import permissions, rules
from .models import (
    Activity,
    Budget,
    Contract,
    Contribution,
    Delivery,
    Funding,
    Payment,
    Programme,
    ProgrammeStage,
)
from .states import BudgetStatus

PAGE = 100  # activities and deliveries shown per page


def programmes(user: Someone) -> QuerySet[Programme]:
    return (
        permissions.programmes_visible_to(user)
        .select_related("coordinator", "currency")
        .annotate(
            n_activities=Coalesce(
                Subquery(
                    Activity.objects.filter(programme=OuterRef("pk"))
                    .values("programme")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                Value(0),
            )
        )
        .order_by("-starts_on", "pk")
    )


def programme(user: Someone, pk: int) -> Programme:
    found = (
        permissions.programmes_visible_to(user)
        .select_related("coordinator", "currency", "change_route")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


@dataclass
class StageFigures:
    stage: ProgrammeStage
    activities: int = 0
    planned: int = 0
    delivered: int = 0
    deliveries: int = 0
    contracts: int = 0
    contracted: dict[str, Decimal] = field(default_factory=dict)  # currency -> amount
    funding: list[Funding] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def progress(self) -> Fraction:
        return rules.progress(self.planned, self.delivered)

    @property
    def percent(self) -> Decimal | None:
        return rules.percent(self.progress)

    @property
    def funded(self) -> Decimal:
        return sum((f.amount for f in self.funding), Decimal(0))


def stage_figures(programme: Programme) -> list[StageFigures]:
    """Each stage's activities, planned and delivered quantities, contracts and funding: five
    aggregate queries, whatever the number of activities and deliveries."""
    figures = {s.pk: StageFigures(s) for s in programme.stages.order_by("number")}
    for row in (
        Activity.objects.filter(programme=programme)
        .values("stage_id", "kind")
        .annotate(n=Count("pk"), planned=Sum("planned"))
    ):
        f = figures[row["stage_id"]]
        f.activities += row["n"]
        f.planned += row["planned"] or 0
        f.by_kind[row["kind"]] = f.by_kind.get(row["kind"], 0) + row["n"]
    for row in (
        Delivery.objects.filter(programme=programme)
        .values("stage_id")
        .annotate(n=Count("pk"), q=Sum("quantity"))
    ):
        figures[row["stage_id"]].delivered = row["q"] or 0
        figures[row["stage_id"]].deliveries = row["n"]
    for row in (
        Contract.objects.filter(programme=programme)
        .values("activity__stage_id", "currency__code")
        .annotate(n=Count("pk"), amount=Sum("amount"))
    ):
        f = figures[row["activity__stage_id"]]
        f.contracts += row["n"]
        f.contracted[row["currency__code"]] = row["amount"]
    for funding in Funding.objects.filter(programme=programme).select_related("state"):
        figures[funding.stage_id].funding.append(funding)
    return list(figures.values())


def all_activities(programme: Programme) -> QuerySet[Activity]:
    """The programme's activities with the quantity delivered under each (one query)."""
    delivered = (
        Delivery.objects.filter(activity=OuterRef("pk"))
        .values("activity")
        .annotate(q=Sum("quantity"))
        .values("q")
    )
    return (
        Activity.objects.filter(programme=programme)
        .select_related("stage")
        .annotate(delivered=Coalesce(Subquery(delivered, output_field=IntegerField()), Value(0)))
        .order_by("stage__number", "pk")
    )


def activities(programme: Programme, *, page: int = 1) -> list[Activity]:
    start = (max(page, 1) - 1) * PAGE
    return list(all_activities(programme)[start : start + PAGE])


def deliveries(programme: Programme, *, page: int = 1) -> list[Delivery]:
    start = (max(page, 1) - 1) * PAGE
    return list(
        Delivery.objects.filter(programme=programme)
        .select_related("activity", "stage", "contract")
        .order_by("-delivered_on", "-pk")[start : start + PAGE]
    )


def contracts(programme: Programme) -> QuerySet[Contract]:
    return (
        Contract.objects.filter(programme=programme)
        .select_related("activity__stage", "currency")
        .order_by("signed_on", "pk")
    )


# --- Budgets ---------------------------------------------------------------------------------------


def budgets(user: Someone) -> QuerySet[Budget]:
    return permissions.budgets_visible_to(user).select_related("currency").order_by("-year")


def budget(user: Someone, year: int) -> Budget:
    found = budgets(user).filter(year=year).first()
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class ContributionRow:
    state_id: int
    state_name: str
    iso2: str
    share: Decimal
    standing: rules.Standing


@dataclass
class BudgetTable:
    budget: Budget
    total: Decimal
    rows: list[ContributionRow]  # the ones the user may see

    @property
    def arrears(self) -> Decimal:
        return sum((r.standing.arrears for r in self.rows), Decimal(0))

    @property
    def paid(self) -> Decimal:
        return sum((r.standing.paid for r in self.rows), Decimal(0))


def budget_tables(user: Someone, budgets: list[Budget], *, today: dt.date) -> list[BudgetTable]:
    """Totals, and each visible state's due (its share of the total, apportioned exactly over every
    share), paid and arrears, for many budgets in four queries."""
    ids = [b.pk for b in budgets]
    totals = {
        pk: amount or Decimal(0)
        for pk, amount in Budget.objects.filter(pk__in=ids)
        .values_list("pk")
        .annotate(t=Sum("items__amount"))
    }
    visible = set(
        permissions.contributions_visible_to(user)
        .filter(budget_id__in=ids)
        .values_list("pk", flat=True)
    )
    shares: dict[int, dict[int, Decimal]] = defaultdict(dict)
    shown: dict[int, list[Contribution]] = defaultdict(list)
    for c in (
        Contribution.objects.filter(budget_id__in=ids)
        .select_related("state")
        .order_by("state__name_ru")
    ):
        shares[c.budget_id][c.state_id] = c.share
        if c.pk in visible:
            shown[c.budget_id].append(c)
    paid: dict[tuple[int, int], Decimal] = {
        (b, s): amount
        for b, s, amount in Payment.objects.filter(budget_id__in=ids)
        .values_list("budget_id", "state_id")
        .annotate(t=Sum("amount"))
    }
    return [
        _table(b, totals.get(b.pk, Decimal(0)), shares[b.pk], shown[b.pk], paid, today)
        for b in budgets
    ]


def _table(
    budget: Budget,
    total: Decimal,
    shares: dict[int, Decimal],
    shown: list[Contribution],
    paid: dict[tuple[int, int], Decimal],
    today: dt.date,
) -> BudgetTable:
    """Nothing is due before the budget is adopted, nor while its shares do not add up."""
    adopted = budget.status == BudgetStatus.ADOPTED
    due = rules.apportion(total, shares) if adopted and rules.shares_add_up(shares.values()) else {}
    rows = [
        ContributionRow(
            c.state_id,
            c.state.name,
            c.state.iso2,
            Decimal(rules.plain(c.share)),
            rules.standing(
                due.get(c.state_id, Decimal(0)),
                paid.get((budget.pk, c.state_id), Decimal(0)),
                due_on=budget.due_on,
                today=today,
            ),
        )
        for c in shown
    ]
    return BudgetTable(budget, total, rows)


def payments(user: Someone, budget: Budget) -> QuerySet[Payment]:
    return (
        permissions.payments_visible_to(user)
        .filter(budget=budget)
        .select_related("state", "currency")
        .order_by("paid_on", "pk")
    )
