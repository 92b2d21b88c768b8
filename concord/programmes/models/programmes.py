"""Target programmes: stages with years, activities per stage, funding per state and stage,
contracts and deliveries, and the changes put before the bodies once a programme is adopted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from concord.core.models import BilingualName, EditCounted, MarkedModel, in_language

from ..states import ActivityKind, ChangeStatus, ProgrammeStatus


class Currency(models.Model):
    """A currency amounts may be kept in (reference data, ISO 4217 codes)."""

    code = models.CharField(_("code"), max_length=3, unique=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    class Meta:
        verbose_name = _("currency")
        verbose_name_plural = _("currencies")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class Programme(MarkedModel, EditCounted, BilingualName):
    """A target intergovernmental programme: a customer-coordinator, national customers, stages."""

    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    coordinator = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("customer-coordinator"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    currency = models.ForeignKey(
        Currency, verbose_name=_("currency"), on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=12, choices=ProgrammeStatus.choices, default=ProgrammeStatus.DRAFT
    )
    decision = models.ForeignKey(
        "consultations.Consultation",
        verbose_name=_("adopting decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    change_route = models.ForeignKey(
        "consultations.Route",
        verbose_name=_("route of its changes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    history_ru = models.TextField(_("history (Russian)"), blank=True)
    history_en = models.TextField(_("history (English)"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    # Amounts and shares no source gives: pages say so.
    demo = models.BooleanField(_("demo figures"), default=False)

    class Meta(MarkedModel.Meta):
        verbose_name = _("target programme")
        verbose_name_plural = _("target programmes")
        ordering = ["-starts_on", "pk"]
        constraints = [
            *MarkedModel.Meta.constraints,
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="programme_dates_in_order"
            ),
        ]

    @property
    def history(self) -> str:
        return in_language(self.history_ru, self.history_en)


class NationalCustomer(models.Model):
    """The agency a state names to take part in the programme."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="customers")
    state = models.ForeignKey(
        "organization.MemberState", on_delete=models.PROTECT, related_name="+"
    )
    agency_ru = models.CharField(_("agency (Russian)"), max_length=300)
    agency_en = models.CharField(_("agency (English)"), max_length=300, blank=True)
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("national customer")
        verbose_name_plural = _("national customers")
        ordering = ["programme", "state__name_ru"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "state"], name="one_customer_per_state")
        ]

    def __str__(self) -> str:
        return self.agency

    @property
    def agency(self) -> str:
        return in_language(self.agency_ru, self.agency_en)


class ProgrammeStage(BilingualName):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField(_("number"))
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))

    class Meta:
        verbose_name = _("programme stage")
        verbose_name_plural = _("programme stages")
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="programme_stage_unique"),
            models.CheckConstraint(
                condition=Q(last_year__gte=F("first_year")), name="programme_stage_years"
            ),
        ]

    @property
    def years(self) -> str:
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"


class ProgrammeChange(EditCounted):
    """A change to an adopted programme, put before the bodies as a consultation of its own."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="changes")
    consultation = models.OneToOneField(
        "consultations.Consultation", on_delete=models.PROTECT, related_name="+"
    )
    summary_ru = models.TextField(_("what changes (Russian)"))
    summary_en = models.TextField(_("what changes (English)"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ChangeStatus.choices, default=ChangeStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed at"))
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("programme change")
        verbose_name_plural = _("programme changes")
        ordering = ["programme", "-proposed_at", "-pk"]

    def __str__(self) -> str:
        return self.summary

    @property
    def summary(self) -> str:
        return in_language(self.summary_ru, self.summary_en)


class Activity(EditCounted, BilingualName):
    """What a stage does: a supply, a construction, a training, for a recipient agency."""

    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="activities")
    stage = models.ForeignKey(ProgrammeStage, on_delete=models.PROTECT, related_name="activities")
    kind = models.CharField(_("kind"), max_length=16, choices=ActivityKind.choices)
    recipient_ru = models.CharField(_("recipient agency (Russian)"), max_length=300)
    recipient_en = models.CharField(_("recipient agency (English)"), max_length=300, blank=True)
    planned = models.PositiveIntegerField(_("planned quantity"))
    unit_ru = models.CharField(_("unit (Russian)"), max_length=40, default="ед.")
    unit_en = models.CharField(_("unit (English)"), max_length=40, default="units")
    change = models.ForeignKey(
        ProgrammeChange,
        verbose_name=_("added by the change"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["programme", "stage__number", "pk"]
        indexes = [models.Index(fields=["programme", "stage"], name="activity_stage")]

    @property
    def recipient(self) -> str:
        return in_language(self.recipient_ru, self.recipient_en)

    @property
    def unit(self) -> str:
        return in_language(self.unit_ru, self.unit_en)


class Funding(models.Model):
    """A state's share of a stage's funding and the amount, in the programme's currency."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="funding")
    stage = models.ForeignKey(ProgrammeStage, on_delete=models.CASCADE, related_name="funding")
    state = models.ForeignKey(
        "organization.MemberState", on_delete=models.PROTECT, related_name="+"
    )
    share = models.DecimalField(_("share, %"), max_digits=7, decimal_places=4)
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("funding")
        verbose_name_plural = _("funding")
        ordering = ["stage__number", "state__name_ru"]
        constraints = [
            models.UniqueConstraint(fields=["stage", "state"], name="funding_once_per_state")
        ]

    def __str__(self) -> str:
        return f"{self.stage_id}/{self.state_id}: {self.share}%"


class Contract(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="contracts")
    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="contracts")
    number = models.CharField(_("contract number"), max_length=60)
    supplier = models.CharField(_("supplier"), max_length=300)
    signed_on = models.DateField(_("signed on"))
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="+")
    document = models.CharField(_("document"), max_length=300, blank=True)
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        ordering = ["programme", "signed_on", "pk"]

    def __str__(self) -> str:
        return self.number


class Delivery(models.Model):
    """Equipment delivered (or works handed over) under an activity, with the document proving it."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="deliveries")
    stage = models.ForeignKey(ProgrammeStage, on_delete=models.PROTECT, related_name="deliveries")
    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="deliveries")
    contract = models.ForeignKey(
        Contract, null=True, blank=True, on_delete=models.PROTECT, related_name="deliveries"
    )
    delivered_on = models.DateField(_("delivered on"))
    quantity = models.PositiveIntegerField(_("quantity"))
    destination = models.CharField(_("outpost or site"), max_length=200, blank=True)
    document = models.CharField(_("document"), max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["programme", "-delivered_on", "-pk"]
        indexes = [models.Index(fields=["activity"], name="delivery_activity")]

    def __str__(self) -> str:
        return f"{self.delivered_on}: {self.quantity}"
