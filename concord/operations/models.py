from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from concord.core.models import BilingualName, EditCounted, MarkedModel, in_language

from .rules import IndicatorInfo, UnitInfo
from .states import AgencyKind, DimensionChoices, ObserverKind, ReportStatus, StageKind


class Observer(BilingualName):
    """A state or an organization that observes operations without reporting."""

    kind = models.CharField(_("kind"), max_length=16, choices=ObserverKind.choices)

    class Meta:
        verbose_name = _("observer")
        verbose_name_plural = _("observers")
        ordering = ["name_en"]


class Agency(BilingualName):
    """A competent authority of a member state taking part in operations."""

    state = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("state"),
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Used in report spreadsheets, e.g. KZ-MVD."),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=AgencyKind.choices)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["state__iso2", "code"]


class Operation(MarkedModel, BilingualName):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    purpose_ru = models.TextField(_("purpose (Russian)"), blank=True)
    purpose_en = models.TextField(_("purpose (English)"), blank=True)
    council = models.ForeignKey(
        "organization.Body",
        verbose_name=_("coordination council"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    council_name_ru = models.CharField(
        _("coordination council (Russian)"), max_length=300, blank=True
    )
    council_name_en = models.CharField(
        _("coordination council (English)"), max_length=300, blank=True
    )
    since = models.PositiveSmallIntegerField(_("running since (year)"), null=True, blank=True)
    permanent_since = models.DateField(_("permanent since"), null=True, blank=True)
    states = models.ManyToManyField(
        "organization.MemberState",
        verbose_name=_("participating states"),
        blank=True,
        related_name="+",
    )
    agencies = models.ManyToManyField(
        Agency, verbose_name=_("agencies"), blank=True, related_name="operations"
    )
    observers = models.ManyToManyField(
        Observer, verbose_name=_("observers"), blank=True, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    shows_drug_seizures = models.BooleanField(
        _("show national drug seizures (UNODC) beside the results"), default=False
    )
    note_ru = models.TextField(_("note (Russian)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)

    class Meta(MarkedModel.Meta):
        verbose_name = _("operation")
        verbose_name_plural = _("operations")
        ordering = ["position", "code"]

    @property
    def purpose(self) -> str:
        return in_language(self.purpose_ru, self.purpose_en)

    @property
    def council_name(self) -> str:
        return in_language(self.council_name_ru, self.council_name_en)

    @property
    def note(self) -> str:
        return in_language(self.note_ru, self.note_en)


class Stage(BilingualName):
    """A dated stage of an operation (or a reporting period of a permanent one). Its visibility is its
    operation's."""

    operation = models.ForeignKey(
        Operation, verbose_name=_("operation"), on_delete=models.PROTECT, related_name="stages"
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=StageKind.choices, default=StageKind.STAGE
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(
        _("ends on"), help_text=_("Also the reporting date for exchange rates.")
    )
    host_state = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("host state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    headquarters_ru = models.CharField(
        _("coordination headquarters (Russian)"), max_length=200, blank=True
    )
    headquarters_en = models.CharField(
        _("coordination headquarters (English)"), max_length=200, blank=True
    )
    states = models.ManyToManyField(
        "organization.MemberState", verbose_name=_("participating states"), related_name="+"
    )
    agencies = models.ManyToManyField(
        Agency, verbose_name=_("agencies"), blank=True, related_name="stages"
    )
    observers = models.ManyToManyField(
        Observer, verbose_name=_("observers"), blank=True, related_name="+"
    )
    plan = models.ForeignKey(
        "documents.Document",
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    results_meeting_on = models.DateField(_("results meeting"), null=True, blank=True)
    results_meeting_place_ru = models.CharField(
        _("results meeting place (Russian)"), max_length=200, blank=True
    )
    results_meeting_place_en = models.CharField(
        _("results meeting place (English)"), max_length=200, blank=True
    )
    results_public = models.BooleanField(
        _("consolidated results are public"),
        default=False,
        help_text=_("An explicit decision of the Secretariat; recorded in the audit log."),
    )
    source_ru = models.TextField(_("source of published figures (Russian)"), blank=True)
    source_en = models.TextField(_("source of published figures (English)"), blank=True)

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["operation__position", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="stage_dates_in_order"
            ),
        ]

    @property
    def headquarters(self) -> str:
        return in_language(self.headquarters_ru, self.headquarters_en)

    @property
    def results_meeting_place(self) -> str:
        return in_language(self.results_meeting_place_ru, self.results_meeting_place_en)

    @property
    def source(self) -> str:
        return in_language(self.source_ru, self.source_en)

    @property
    def year(self) -> int:
        return self.ends_on.year


class Unit(BilingualName):
    code = models.CharField(_("code"), max_length=8, unique=True, help_text=_("kg, t, USD, KZT…"))
    dimension = models.CharField(_("dimension"), max_length=8, choices=DimensionChoices.choices)
    factor = models.DecimalField(
        _("factor to the base unit"),
        max_digits=20,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_(
            "For mass: kilograms in one unit (t = 1000). Empty for currencies, converted "
            "through the exchange-rate table."
        ),
    )

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["dimension", "code"]

    def __str__(self) -> str:
        return self.name or self.code  # the symbol in the reader's language: «кг», kg

    @property
    def info(self) -> UnitInfo:
        return UnitInfo(self.code, self.dimension, self.factor)


class ExchangeRate(models.Model):
    """National currency per US dollar from a date, kept by the Secretariat."""

    currency = models.ForeignKey(
        Unit,
        verbose_name=_("currency"),
        on_delete=models.PROTECT,
        limit_choices_to={"dimension": "money"},
        related_name="rates",
    )
    valid_from = models.DateField(_("valid from"))
    per_usd = models.DecimalField(_("units per US dollar"), max_digits=20, decimal_places=6)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency__code", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "valid_from"], name="one_rate_per_day"),
            models.CheckConstraint(condition=Q(per_usd__gt=0), name="rate_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.currency.code} {self.per_usd} ({self.valid_from})"


class Breakdown(BilingualName):
    """A way to split an indicator: drugs by substance, violations by type."""

    code = models.SlugField(_("code"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("breakdown")
        verbose_name_plural = _("breakdowns")
        ordering = ["code"]


class BreakdownItem(BilingualName):
    breakdown = models.ForeignKey(
        Breakdown, verbose_name=_("breakdown"), on_delete=models.CASCADE, related_name="items"
    )
    code = models.SlugField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("breakdown item")
        verbose_name_plural = _("breakdown items")
        ordering = ["breakdown", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["breakdown", "code"], name="item_code_unique")
        ]


class Indicator(BilingualName):
    """One line of an operation's catalogue. The Secretariat extends the catalogue in the admin."""

    operation = models.ForeignKey(
        Operation, verbose_name=_("operation"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.SlugField(_("code"), max_length=40)
    dimension = models.CharField(_("kind"), max_length=8, choices=DimensionChoices.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("base unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for counts."),
    )
    breakdown = models.ForeignKey(
        Breakdown,
        verbose_name=_("breakdown"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    plausible_low = models.DecimalField(
        _("plausible at least"), max_digits=20, decimal_places=3, null=True, blank=True
    )
    plausible_high = models.DecimalField(
        _("plausible at most"), max_digits=20, decimal_places=3, null=True, blank=True
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["operation", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["operation", "code"], name="indicator_code_unique"),
            models.CheckConstraint(
                condition=Q(dimension="count", unit__isnull=True)
                | (~Q(dimension="count") & Q(unit__isnull=False)),
                name="indicator_unit_matches_kind",
            ),
        ]

    def info(self) -> IndicatorInfo:
        return IndicatorInfo(
            self.code,
            self.dimension,
            self.unit.info if self.unit else None,
            self.plausible_low,
            self.plausible_high,
        )


class ReportingRule(models.Model):
    """A state's own rule for deciding on its reports; a state without one has the defaults."""

    state = models.OneToOneField(
        "organization.MemberState", verbose_name=_("state"), on_delete=models.PROTECT
    )
    four_eyes = models.BooleanField(
        _("four eyes"),
        default=True,
        help_text=_("Someone other than the submitter approves or returns a report."),
    )

    class Meta:
        verbose_name = _("reporting rule")
        verbose_name_plural = _("reporting rules")

    def __str__(self) -> str:
        return str(self.state)


class NationalReport(EditCounted):
    """A state's figures for a stage. A revision is never edited after approval: a correction is the
    next revision, which replaces it in the results once consolidated."""

    stage = models.ForeignKey(
        Stage, verbose_name=_("stage"), on_delete=models.PROTECT, related_name="reports"
    )
    state = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("state"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    note_ru = models.TextField(_("note (Russian)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    consolidated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    consolidated_at = models.DateTimeField(_("consolidated"), null=True, blank=True)

    class Meta:
        verbose_name = _("national report")
        verbose_name_plural = _("national reports")
        ordering = ["stage", "state__iso2", "-revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["stage", "state", "revision"], name="one_report_revision"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stage} — {self.state.iso2} r{self.revision}"

    @property
    def note(self) -> str:
        return in_language(self.note_ru, self.note_en)

    @property
    def editable(self) -> bool:
        return self.status == ReportStatus.DRAFT


class Figure(models.Model):
    """One reported value, stored in the indicator's base unit with what was entered beside it."""

    report = models.ForeignKey(NationalReport, on_delete=models.CASCADE, related_name="figures")
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+"
    )
    item = models.ForeignKey(
        BreakdownItem,
        verbose_name=_("breakdown"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=3)
    entered = models.CharField(_("as entered"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        constraints = [
            # one line per agency, indicator and breakdown, "none" included (NULLs would not collide)
            models.UniqueConstraint(
                "report",
                Coalesce("agency", 0),
                "indicator",
                Coalesce("item", 0),
                name="one_figure_per_line",
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="figure_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.item_id or '-'}: {self.value}"


class PressRelease(EditCounted):
    """A draft press release generated from the consolidated figures, edited by the Secretariat and
    handed to the publications module."""

    stage = models.OneToOneField(Stage, on_delete=models.CASCADE, related_name="press_release")
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    body_ru = models.TextField(_("text (Russian)"))
    body_en = models.TextField(_("text (English)"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)

    @property
    def body(self) -> str:
        return in_language(self.body_ru, self.body_en)


class Seizure(models.Model):
    """National drug seizures as published by UNODC: the reference layer beside Channel results. The
    source has several rows for one country, year and drug (forms converted to kg), so rows are kept as
    they come and a re-import replaces those of the same source."""

    iso3 = models.CharField(_("country code"), max_length=3, db_index=True)
    country = models.CharField(_("country"), max_length=100)
    year = models.PositiveSmallIntegerField(_("year"))
    drug_group = models.CharField(_("drug group"), max_length=120)
    drug_subgroup = models.CharField(_("drug subgroup"), max_length=120)
    drug = models.CharField(_("drug"), max_length=200)
    kilograms = models.DecimalField(
        _("kilograms"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        verbose_name = _("drug seizure (UNODC)")
        verbose_name_plural = _("drug seizures (UNODC)")
        indexes = [models.Index(fields=["source"])]

    def __str__(self) -> str:
        return f"{self.iso3} {self.year} {self.drug}"
