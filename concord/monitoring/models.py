from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from concord.core.models import BilingualName, EditCounted, MarkedModel, in_language

from .countries import name as country_name
from .states import AlertStatus, Dataset, Level, ReportPeriod, ReportStatus, ViolenceType


class Region(BilingualName, EditCounted):
    """A region of concern: a set of countries and, where needed, single provinces of other countries."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    countries = models.JSONField(
        _("countries"),
        default=list,
        blank=True,
        help_text=_('ISO 3166-1 alpha-3 codes, e.g. ["AFG", "TJK"].'),
    )
    provinces = models.JSONField(
        _("provinces"),
        default=list,
        blank=True,
        help_text=_('Single provinces as "ISO3/name as the data spells it", e.g. "RUS/Belgorod".'),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("region of concern")
        verbose_name_plural = _("regions of concern")
        ordering = ["position", "code"]

    def area_filter(self, prefix: str = "") -> Q:
        """The events (or alerts) inside the region."""
        q = Q(**{f"{prefix}country__in": self.countries})
        for item in self.provinces:
            country, _sep, adm1 = item.partition("/")
            q |= Q(**{f"{prefix}country": country, f"{prefix}adm_1": adm1})
        return q


class Event(models.Model):
    """One event of organized violence from a source (UCDP GED, ACLED), keyed by the source's own id so
    that a re-import updates it."""

    source = models.CharField(_("source"), max_length=16)
    source_id = models.CharField(_("source's id"), max_length=40)
    source_version = models.CharField(_("source version"), max_length=20, blank=True)
    import_run = models.CharField(max_length=32, blank=True)  # which import wrote it last
    date_start = models.DateField(_("from"))
    date_end = models.DateField(_("to"))
    date_precision = models.PositiveSmallIntegerField(_("date precision"), null=True, blank=True)
    month = models.PositiveIntegerField(
        _("month index"), help_text=_("year × 12 + month − 1 of the start date")
    )
    country = models.CharField(_("country (ISO3)"), max_length=3)
    country_name = models.CharField(_("country as the source spells it"), max_length=100)
    adm_1 = models.CharField(_("province"), max_length=120, blank=True)
    adm_2 = models.CharField(_("district"), max_length=120, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    where_precision = models.PositiveSmallIntegerField(
        _("location precision"), null=True, blank=True
    )
    violence = models.PositiveSmallIntegerField(
        _("type of violence"), choices=ViolenceType.choices, null=True, blank=True
    )
    event_type = models.CharField(_("event type"), max_length=60, blank=True)
    conflict_id = models.CharField(_("conflict id"), max_length=20, blank=True)
    conflict = models.CharField(_("conflict"), max_length=200, blank=True)
    dyad_id = models.CharField(_("dyad id"), max_length=20, blank=True)
    dyad = models.CharField(_("dyad"), max_length=200, blank=True)
    side_a = models.CharField(_("side A"), max_length=200, blank=True)
    side_b = models.CharField(_("side B"), max_length=200, blank=True)
    best = models.PositiveIntegerField(_("deaths (best)"), default=0)
    low = models.PositiveIntegerField(_("deaths (low)"), default=0)
    high = models.PositiveIntegerField(_("deaths (high)"), default=0)
    civilians = models.PositiveIntegerField(_("civilian deaths"), default=0)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="event_source_id_unique")
        ]
        indexes = [
            # the one secondary index: the rollup's refresh after an import and the monthly counts
            # per area read it alone, in its order (it holds `violence` and `best`); every further
            # index costs the importer about a fifth of its speed
            models.Index(
                fields=["country", "adm_1", "month", "violence", "best"], name="event_area_month"
            ),
            # the events API pages by key on (date_start, id), newest first (api.list_events)
            models.Index(fields=["date_start", "id"], name="event_date_id"),
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.source_id} {self.date_start} {self.country} {self.adm_1}"


class MonthlyCount(models.Model):
    """Events and deaths (sum of `best`) per country, province, month and type of violence: the
    events grouped, kept by every import in its own transaction (rollup.py). The picture's and the
    detector's aggregates read it when their filters are areas, violence and whole months, so that
    they do not grow with the events."""

    country = models.CharField(_("country (ISO3)"), max_length=3)
    adm_1 = models.CharField(_("province"), max_length=120, blank=True)
    month = models.PositiveIntegerField(_("month index"))
    violence = models.PositiveSmallIntegerField(_("type of violence"), null=True, blank=True)
    events = models.PositiveIntegerField(_("events"))
    deaths = models.PositiveIntegerField(_("deaths (best)"))

    class Meta:
        verbose_name = _("monthly count")
        verbose_name_plural = _("monthly counts")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "adm_1", "month", "violence"], name="monthly_count_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.country} {self.adm_1} {self.month} {self.violence}: {self.events}"


class Coverage(models.Model):
    """What one version of a source covers: its countries over its months. Inside, a country-month
    with no events is zero; outside, the store has no event data for it (never zero). Recorded by
    every event import from the rows it wrote, or declared by the operator for a source that covers
    countries where it recorded nothing (GED covers the whole world)."""

    source = models.CharField(_("source"), max_length=16)
    source_version = models.CharField(_("source version"), max_length=20, blank=True)
    countries = models.JSONField(
        _("countries"), default=list, help_text=_("ISO 3166-1 alpha-3 codes")
    )
    first_month = models.PositiveIntegerField(
        _("first month"), help_text=_("year × 12 + month − 1")
    )
    last_month = models.PositiveIntegerField(_("last month"), help_text=_("year × 12 + month − 1"))
    rows = models.PositiveIntegerField(_("events"), default=0)
    declared = models.BooleanField(_("declared"), default=False)  # by an operator, not from rows
    note_ru = models.TextField(_("note (Russian)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("coverage of a source")
        verbose_name_plural = _("coverage of the sources")
        ordering = ["source", "first_month", "source_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_version", "first_month", "last_month"],
                name="coverage_source_version_period_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.source_version} {self.first_month}-{self.last_month}"

    @property
    def note(self) -> str:
        return in_language(self.note_ru, self.note_en)


class YearlyRecord(models.Model):
    """A conflict-year, dyad-year or actor-year of the yearly UCDP tables."""

    dataset = models.CharField(_("dataset"), max_length=12, choices=Dataset.choices)
    conflict_id = models.CharField(_("conflict id"), max_length=20)
    dyad_id = models.CharField(_("dyad id"), max_length=20, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    location = models.CharField(_("location"), max_length=200)
    countries = models.CharField(
        _("countries (ISO3)"), max_length=200, help_text=_("comma-separated, with commas around")
    )
    side_a = models.CharField(_("side A"), max_length=300, blank=True)
    side_b = models.CharField(_("side B"), max_length=300, blank=True)
    kind = models.PositiveSmallIntegerField(_("type of conflict"), null=True, blank=True)
    intensity = models.PositiveSmallIntegerField(_("intensity"), null=True, blank=True)
    best = models.PositiveIntegerField(_("deaths (best)"), null=True, blank=True)
    low = models.PositiveIntegerField(_("deaths (low)"), null=True, blank=True)
    high = models.PositiveIntegerField(_("deaths (high)"), null=True, blank=True)
    version = models.CharField(_("version"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("yearly record (UCDP)")
        verbose_name_plural = _("yearly records (UCDP)")
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "conflict_id", "dyad_id", "year"], name="yearly_record_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dataset} {self.conflict_id}/{self.dyad_id} {self.year}"


class AlertRule(models.TextChoices):
    """Which rule of the early-warning detector (rules.py) raised an alert."""

    ONSET = "onset", _("new conflict area")  # fighting where the window had none
    RISE = "rise", _("sharp rise")  # a month far above the window's upper quartile
    SUSTAINED = "sustained", _("sustained rise")  # months in a row well above the window's median
    SURPRISE = "surprise", _("improbable count")  # the previous detector (negative binomial)


class Alert(EditCounted):
    """What the early-warning detector flagged for one area and month, and what analysts did with it."""

    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    country = models.CharField(_("country (ISO3)"), max_length=3)
    area = models.CharField(_("area"), max_length=120)
    period = models.DateField(_("month"))
    score = models.FloatField(_("score"))
    rule = models.CharField(
        _("rule"), max_length=16, choices=AlertRule.choices, default=AlertRule.SURPRISE
    )
    events = models.PositiveIntegerField(_("events"))
    deaths = models.PositiveIntegerField(_("deaths"))
    baseline_events = models.FloatField(_("baseline events"))
    baseline_deaths = models.FloatField(_("baseline deaths"))
    explanation_ru = models.TextField(_("explanation (Russian)"))
    explanation_en = models.TextField(_("explanation (English)"))
    status = models.CharField(
        _("status"), max_length=16, choices=AlertStatus.choices, default=AlertStatus.NEW
    )
    note = models.TextField(_("analyst's note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    consultation = models.ForeignKey(
        "consultations.Consultation",
        verbose_name=_("joint assessment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-period", "-score"]
        constraints = [
            models.UniqueConstraint(
                fields=["level", "country", "area", "period"], name="one_alert_per_area_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.period:%Y-%m}"

    @property
    def explanation(self) -> str:
        return in_language(self.explanation_ru, self.explanation_en)

    @property
    def place(self) -> str:
        """The area in the reader's language: a country by its name, a province as the data spell it."""
        if self.level == Level.COUNTRY:
            return country_name(self.country, get_language() or settings.LANGUAGE_CODE)
        return self.area


class SituationReport(MarkedModel, EditCounted):
    """A periodic report on a region, drafted by the system, edited by an analyst, approved, then shared
    with the member states."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="reports"
    )
    period = models.CharField(_("period"), max_length=8, choices=ReportPeriod.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    body_ru = models.TextField(_("text (Russian)"))
    body_en = models.TextField(_("text (English)"))
    figures = models.JSONField(_("key figures"), default=dict)
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    shared_at = models.DateTimeField(_("shared"), null=True, blank=True)

    class Meta(MarkedModel.Meta):
        verbose_name = _("situation report")
        verbose_name_plural = _("situation reports")
        ordering = ["-ends_on", "region"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)

    @property
    def body(self) -> str:
        return in_language(self.body_ru, self.body_en)
