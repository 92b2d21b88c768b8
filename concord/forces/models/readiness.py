"""Readiness assessments: a questionnaire per kind of unit (criteria, evidence, score), answered by
the unit's state and reviewed by the Joint Staff."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.core.models import BilingualName, EditCounted, in_language

from ..states import AssessmentStatus, UnitKind
from .units import Unit


class Questionnaire(BilingualName):
    """The evaluation programme for one kind of unit; a new edition replaces the old one for new
    assessments, the old ones keep theirs."""

    kind = models.CharField(_("kind of unit"), max_length=16, choices=UnitKind.choices)
    edition = models.PositiveSmallIntegerField(_("edition"), default=1)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["kind", "-edition"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "edition"], name="forces_questionnaire_edition"
            ),
            models.UniqueConstraint(
                fields=["kind"], condition=Q(active=True), name="forces_one_active_questionnaire"
            ),
        ]


class Criterion(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="criteria"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text_ru = models.CharField(_("criterion (Russian)"), max_length=400)
    text_en = models.CharField(_("criterion (English)"), max_length=400)
    evidence_ru = models.CharField(_("evidence expected (Russian)"), max_length=400, blank=True)
    evidence_en = models.CharField(_("evidence expected (English)"), max_length=400, blank=True)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=4)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["questionnaire", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "number"], name="forces_criterion_once"
            ),
            models.CheckConstraint(condition=Q(max_score__gt=0), name="forces_criterion_scored"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {in_language(self.text_ru, self.text_en)}"


class Assessment(EditCounted):
    """One unit's readiness as of a day."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="assessments")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="+")
    as_of = models.DateField(_("as of"))
    status = models.CharField(
        _("status"), max_length=16, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("Joint Staff's note"), blank=True)
    demo = models.BooleanField(_("demo figures"), default=False)

    class Meta:
        verbose_name = _("readiness assessment")
        verbose_name_plural = _("readiness assessments")
        ordering = ["unit", "-as_of"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "as_of"], name="forces_assessment_once_a_day"),
        ]


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="forces_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.score}"
