"""The implementation of decisions: action plans after a council's session, their tasks, who is
responsible for each, their reports; the chairmanship's priorities with indicators."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.core.models import EditCounted, in_language

from ..states import AssignmentStatus, PlanStatus, TaskStatus


class ActionPlan(EditCounted):
    """The plan to carry out what a council decided at a session, approved by its chairman."""

    session = models.ForeignKey(
        "consultations.Session",
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    dated = models.DateField(_("plan date"))
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_for = models.CharField(_("approved for"), max_length=200, blank=True)
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-dated", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)


class ActionTask(EditCounted):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="tasks")
    number = models.PositiveSmallIntegerField(_("number"))
    decision = models.ForeignKey(
        "consultations.Consultation",
        verbose_name=_("decision"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text_ru = models.TextField(_("task (Russian)"))
    text_en = models.TextField(_("task (English)"), blank=True)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=8, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="task_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"

    @property
    def text(self) -> str:
        return in_language(self.text_ru, self.text_en)


class Assignment(EditCounted):
    """A state or a body responsible for a task, and where its part stands."""

    task = models.ForeignKey(ActionTask, on_delete=models.CASCADE, related_name="assignments")
    state = models.ForeignKey(
        "organization.MemberState",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = models.ForeignKey(
        "organization.Body", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=8, choices=AssignmentStatus.choices, default=AssignmentStatus.OPEN
    )
    done_on = models.DateField(_("reported done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        ordering = ["task", "pk"]
        indexes = [
            models.Index(fields=["state", "status"], name="assignment_state"),
            models.Index(fields=["body", "status"], name="assignment_body"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(state__isnull=False) & Q(body__isnull=True))
                | (Q(state__isnull=True) & Q(body__isnull=False)),
                name="assignment_state_or_body",
            ),
            models.UniqueConstraint(fields=["task", "state"], name="assignment_state_once"),
            models.UniqueConstraint(fields=["task", "body"], name="assignment_body_once"),
        ]

    def __str__(self) -> str:
        return f"{self.task_id}: {self.state or self.body}"

    @property
    def party(self) -> object:
        return self.state or self.body


class TaskReport(models.Model):
    """What a state or body reported on its part of a task. Never changed: a new report follows."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reports")
    text = models.TextField(_("report"))
    done = models.BooleanField(_("reported done"), default=False)
    returned = models.BooleanField(_("returned by the Secretariat"), default=False)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    acting_for = models.CharField(max_length=200)
    at = models.DateTimeField(_("reported at"))

    class Meta:
        verbose_name = _("task report")
        verbose_name_plural = _("task reports")
        ordering = ["assignment", "at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Priority(models.Model):
    """A goal of the chairmanship for its year (the theme's programme), with indicators."""

    year = models.PositiveSmallIntegerField(_("year"))
    state = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("chairing state"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title_ru = models.CharField(_("goal (Russian)"), max_length=300)
    title_en = models.CharField(_("goal (English)"), max_length=300, blank=True)
    demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("chairmanship priority")
        verbose_name_plural = _("chairmanship priorities")
        ordering = ["-year", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)


class Indicator(models.Model):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="indicators")
    name_ru = models.CharField(_("indicator (Russian)"), max_length=300)
    name_en = models.CharField(_("indicator (English)"), max_length=300, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    unit_ru = models.CharField(_("unit (Russian)"), max_length=40, blank=True)
    unit_en = models.CharField(_("unit (English)"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["priority", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_ru, self.name_en)

    @property
    def unit(self) -> str:
        return in_language(self.unit_ru, self.unit_en)


class IndicatorValue(models.Model):
    """Where an indicator stood on a day. Never changed: a later value follows."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    on = models.DateField(_("as of"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "on", "pk"]

    def __str__(self) -> str:
        return f"{self.on}: {self.value}"
