"""Deployment of the collective forces on a member state's request: the request, the emergency
consultation, the decision and its mandate, force generation, the log, completion and withdrawal,
the Secretary General's report. Every step is dated; the chronology is read from these rows."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.core.models import EditCounted, MarkedModel, in_language

from ..states import DeploymentStatus, LogKind
from .units import Formation, Unit


class Deployment(MarkedModel, EditCounted):
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    host = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("requesting state"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    formation = models.ForeignKey(
        Formation, null=True, blank=True, on_delete=models.PROTECT, related_name="deployments"
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=DeploymentStatus.choices,
        default=DeploymentStatus.REQUESTED,
    )
    # the request
    requested_at = models.DateTimeField(_("request received at"))
    letter_reference_ru = models.CharField(_("letter (Russian)"), max_length=200, blank=True)
    letter_reference_en = models.CharField(_("letter (English)"), max_length=200, blank=True)
    request_text_ru = models.TextField(_("text of the request (Russian)"), blank=True)
    request_text_en = models.TextField(_("text of the request (English)"), blank=True)
    consultation = models.ForeignKey(
        "consultations.Consultation",
        verbose_name=_("emergency consultation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # the decision and its mandate
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reference_ru = models.CharField(_("decision (Russian)"), max_length=300, blank=True)
    decision_reference_en = models.CharField(_("decision (English)"), max_length=300, blank=True)
    legal_basis_ru = models.CharField(_("legal basis (Russian)"), max_length=300, blank=True)
    legal_basis_en = models.CharField(_("legal basis (English)"), max_length=300, blank=True)
    tasks_ru = models.TextField(_("tasks (Russian)"), blank=True)
    tasks_en = models.TextField(_("tasks (English)"), blank=True)
    area_ru = models.CharField(_("area (Russian)"), max_length=300, blank=True)
    area_en = models.CharField(_("area (English)"), max_length=300, blank=True)
    duration_ru = models.CharField(_("duration (Russian)"), max_length=200, blank=True)
    duration_en = models.CharField(_("duration (English)"), max_length=200, blank=True)
    lead_state = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("lead state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    commander_ru = models.CharField(_("commander (Russian)"), max_length=200, blank=True)
    commander_en = models.CharField(_("commander (English)"), max_length=200, blank=True)
    # the rest of the way
    deployed_at = models.DateTimeField(_("first arrival at"), null=True, blank=True)
    completion_decided_at = models.DateTimeField(
        _("decision to complete at"), null=True, blank=True
    )
    completion_reference_ru = models.CharField(
        _("decision to complete (Russian)"), max_length=300, blank=True
    )
    completion_reference_en = models.CharField(
        _("decision to complete (English)"), max_length=300, blank=True
    )
    withdrawn_at = models.DateTimeField(_("withdrawal completed at"), null=True, blank=True)
    report_reference_ru = models.CharField(
        _("Secretary General's report (Russian)"), max_length=300, blank=True
    )
    report_reference_en = models.CharField(
        _("Secretary General's report (English)"), max_length=300, blank=True
    )
    reported_at = models.DateTimeField(_("report at"), null=True, blank=True)
    un_informed_on = models.DateField(_("UN Security Council informed on"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    country = models.CharField(_("country code (ISO3)"), max_length=3, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    demo = models.BooleanField(_("includes demo figures"), default=False)

    class Meta(MarkedModel.Meta):
        verbose_name = _("deployment")
        verbose_name_plural = _("deployments")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return in_language(self.title_ru, self.title_en)

    # The texts in the active language (English falls back to Russian, the working language).
    @property
    def letter_reference(self) -> str:
        return in_language(self.letter_reference_ru, self.letter_reference_en)

    @property
    def request_text(self) -> str:
        return in_language(self.request_text_ru, self.request_text_en)

    @property
    def decision_reference(self) -> str:
        return in_language(self.decision_reference_ru, self.decision_reference_en)

    @property
    def legal_basis(self) -> str:
        return in_language(self.legal_basis_ru, self.legal_basis_en)

    @property
    def tasks(self) -> str:
        return in_language(self.tasks_ru, self.tasks_en)

    @property
    def area(self) -> str:
        return in_language(self.area_ru, self.area_en)

    @property
    def duration(self) -> str:
        return in_language(self.duration_ru, self.duration_en)

    @property
    def commander(self) -> str:
        return in_language(self.commander_ru, self.commander_en)

    @property
    def completion_reference(self) -> str:
        return in_language(self.completion_reference_ru, self.completion_reference_en)

    @property
    def report_reference(self) -> str:
        return in_language(self.report_reference_ru, self.report_reference_en)


class Contingent(EditCounted):
    """A state's offer to a deployment; accepted, it is deployed, then withdrawn."""

    deployment = models.ForeignKey(Deployment, on_delete=models.CASCADE, related_name="contingents")
    state = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("state"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("pledged unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    offered = models.PositiveIntegerField(_("personnel offered"))
    offered_at = models.DateTimeField(_("offered at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    strength = models.PositiveIntegerField(_("personnel deployed"), null=True, blank=True)
    equipment = models.PositiveIntegerField(_("equipment"), null=True, blank=True)
    arrived_at = models.DateTimeField(_("arrived at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    demo = models.BooleanField(_("demo figures"), default=False)

    class Meta:
        verbose_name = _("contingent")
        verbose_name_plural = _("contingents")
        ordering = ["deployment", "state__iso2"]
        constraints = [
            models.UniqueConstraint(fields=["deployment", "state"], name="forces_contingent_once"),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(arrived_at__isnull=False),
                name="forces_contingent_withdrawn_after_arrival",
            ),
        ]


class ProtectedSite(models.Model):
    deployment = models.ForeignKey(Deployment, on_delete=models.CASCADE, related_name="sites")
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    contingent = models.ForeignKey(
        Contingent, null=True, blank=True, on_delete=models.SET_NULL, related_name="sites"
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    since = models.DateTimeField(_("protected since"), null=True, blank=True)
    until = models.DateTimeField(_("handed over at"), null=True, blank=True)
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("protected site")
        verbose_name_plural = _("protected sites")
        ordering = ["deployment", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_ru, self.name_en)


class LogEntry(models.Model):
    """The deployment log: arrivals, sites, incidents, sessions, the UN informed, notes."""

    deployment = models.ForeignKey(Deployment, on_delete=models.CASCADE, related_name="log")
    kind = models.CharField(_("kind"), max_length=16, choices=LogKind.choices)
    at = models.DateTimeField(_("at"))
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    state = models.ForeignKey(
        "organization.MemberState",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    demo = models.BooleanField(_("demo"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")
        ordering = ["deployment", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()}"

    @property
    def text(self) -> str:
        return in_language(self.text_ru, self.text_en)
