"""The organization's annual budget: items, each state's share of contributions, payments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.models import BilingualName, EditCounted

from ..states import BudgetStatus
from .programmes import Currency


class Budget(EditCounted):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    currency = models.ForeignKey(
        Currency, verbose_name=_("currency"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("contributions due by"))
    status = models.CharField(
        _("status"), max_length=12, choices=BudgetStatus.choices, default=BudgetStatus.DRAFT
    )
    decision = models.ForeignKey(
        "consultations.Consultation",
        verbose_name=_("budget decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    # The states that refrained from the decision (limited format): it does not bind them.
    not_bound = models.ManyToManyField(
        "organization.MemberState", verbose_name=_("not bound"), blank=True, related_name="+"
    )
    demo = models.BooleanField(_("demo figures"), default=False)

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(_("Budget for %(year)s") % {"year": self.year})


class BudgetItem(BilingualName):
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("order"))
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)

    class Meta:
        verbose_name = _("budget item")
        verbose_name_plural = _("budget items")
        ordering = ["budget", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "position"], name="budget_item_position")
        ]


class Contribution(models.Model):
    """A state's share of the budget's total, in per cent."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="contributions")
    state = models.ForeignKey(
        "organization.MemberState", on_delete=models.PROTECT, related_name="+"
    )
    share = models.DecimalField(_("share, %"), max_digits=7, decimal_places=4)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["budget", "state__name_ru"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "state"], name="contribution_once_per_state")
        ]

    def __str__(self) -> str:
        return f"{self.budget_id}/{self.state_id}: {self.share}%"


class Payment(models.Model):
    """A payment of a state's contribution, recorded by the Secretariat. Never changed."""

    budget = models.ForeignKey(Budget, on_delete=models.PROTECT, related_name="payments")
    state = models.ForeignKey(
        "organization.MemberState", on_delete=models.PROTECT, related_name="+"
    )
    paid_on = models.DateField(_("paid on"))
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(_("payment document"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["budget", "paid_on", "pk"]
        indexes = [models.Index(fields=["budget", "state"], name="payment_state")]

    def __str__(self) -> str:
        return f"{self.state_id} {self.paid_on}: {self.amount}"
