"""The annual plan of joint training, its events, amendments to an adopted plan, exercise series,
after-action reports and the lessons drawn from them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from concord.core.models import BilingualName, EditCounted, in_language

from ..states import EventKind, EventStatus, LessonStatus, PlanStatus
from .units import Formation, Unit

# Sources without an address of their own, in the reader's language.
SOURCE_LABELS = {
    "press": _("press reports"),
    "press-low": _("press reports of low reliability"),
}


def source_label(source: str) -> str:
    return str(SOURCE_LABELS.get(source, source))


class ExerciseSeries(BilingualName):
    """A recurring exercise (Interaction, Search, Rubezh…): data, not code."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    purpose_ru = models.CharField(_("purpose (Russian)"), max_length=300, blank=True)
    purpose_en = models.CharField(_("purpose (English)"), max_length=300, blank=True)
    formation = models.ForeignKey(
        Formation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("exercise series")
        verbose_name_plural = _("exercise series")
        ordering = ["pk"]


class TrainingPlan(EditCounted):
    """The annual plan of joint training of command bodies and formations for one year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    status = models.CharField(
        _("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("text of the plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    consultation = models.ForeignKey(
        "consultations.Consultation",
        verbose_name=_("consultation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by_ru = models.CharField(_("adopted by (Russian)"), max_length=300, blank=True)
    adopted_by_en = models.CharField(_("adopted by (English)"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    demo = models.BooleanField(_("demo plan"), default=False)

    @property
    def source_label(self) -> str:
        return source_label(self.source)

    class Meta:
        verbose_name = _("training plan")
        verbose_name_plural = _("training plans")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(_("Joint training plan %(year)s") % {"year": self.year})

    @property
    def adopted_by(self) -> str:
        return in_language(self.adopted_by_ru, self.adopted_by_en)


class TrainingEvent(EditCounted, BilingualName):
    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=24, choices=EventKind.choices)
    series = models.ForeignKey(
        ExerciseSeries,
        verbose_name=_("exercise series"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    host = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("host state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    area_ru = models.CharField(_("training area (Russian)"), max_length=200, blank=True)
    area_en = models.CharField(_("training area (English)"), max_length=200, blank=True)
    formation = models.ForeignKey(
        Formation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    states = models.ManyToManyField(
        "organization.MemberState",
        verbose_name=_("participating states"),
        blank=True,
        related_name="+",
    )
    units = models.ManyToManyField(
        Unit, verbose_name=_("participating units"), blank=True, related_name="events"
    )
    scenario_ru = models.TextField(_("scenario (Russian)"), blank=True)
    scenario_en = models.TextField(_("scenario (English)"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.PLANNED
    )
    personnel = models.PositiveIntegerField(_("personnel taking part"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    demo = models.BooleanField(_("demo event"), default=False)

    @property
    def source_label(self) -> str:
        return source_label(self.source)

    class Meta:
        verbose_name = _("training event")
        verbose_name_plural = _("training events")
        ordering = ["plan", "starts_on", "pk"]
        indexes = [models.Index(fields=["plan", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="forces_event_ends_after_start"
            )
        ]

    @property
    def area(self) -> str:
        return in_language(self.area_ru, self.area_en)

    @property
    def scenario(self) -> str:
        return in_language(self.scenario_ru, self.scenario_en)


class PlanAmendment(models.Model):
    """A change to an adopted plan: what changed, on what decision, who recorded it."""

    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, related_name="amendments")
    event = models.ForeignKey(
        TrainingEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="amendments"
    )
    description = models.TextField(_("what changed"))
    basis = models.CharField(_("decided by"), max_length=300)
    decided_on = models.DateField(_("decided on"))
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan amendment")
        verbose_name_plural = _("plan amendments")
        ordering = ["plan", "decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.decided_on}: {self.basis}"


class AfterActionReport(EditCounted):
    event = models.OneToOneField(
        TrainingEvent, on_delete=models.CASCADE, related_name="after_action"
    )
    summary = models.TextField(_("summary"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(_("written at"), auto_now_add=True)
    demo = models.BooleanField(_("demo report"), default=False)

    class Meta:
        verbose_name = _("after-action report")
        verbose_name_plural = _("after-action reports")


class Lesson(EditCounted):
    report = models.ForeignKey(AfterActionReport, on_delete=models.CASCADE, related_name="lessons")
    text = models.TextField(_("lesson"))
    action = models.TextField(_("action to take"), blank=True)
    responsible = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("responsible state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=LessonStatus.choices, default=LessonStatus.OPEN
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closing_note = models.TextField(_("how it was closed"), blank=True)
    demo = models.BooleanField(_("demo lesson"), default=False)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["report", "pk"]
