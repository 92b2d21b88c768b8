"""Formations (the collective forces' components) and the units member states pledge to them."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.models import BilingualName, EditCounted, in_language

from ..states import Personnel, ReadinessCategory, UnitKind


class Formation(BilingualName):
    """A component of the collective forces (the rapid reaction forces, the peacekeeping forces…)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    short_ru = models.CharField(_("abbreviation (Russian)"), max_length=40, blank=True)
    short_en = models.CharField(_("abbreviation (English)"), max_length=40, blank=True)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    basis_ru = models.CharField(_("legal basis (Russian)"), max_length=400, blank=True)
    basis_en = models.CharField(_("legal basis (English)"), max_length=400, blank=True)
    headquarters_ru = models.CharField(_("headquarters (Russian)"), max_length=200, blank=True)
    headquarters_en = models.CharField(_("headquarters (English)"), max_length=200, blank=True)
    states = models.ManyToManyField(
        "organization.MemberState",
        verbose_name=_("participating states"),
        blank=True,
        related_name="+",
    )
    # The size the organization has made public (not the sum of the pledged units, which is not).
    published_strength = models.PositiveIntegerField(_("published strength"), null=True, blank=True)
    published_strength_source = models.CharField(
        _("source of the published strength"), max_length=300, blank=True
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("formation")
        verbose_name_plural = _("formations")
        ordering = ["pk"]


class Requirement(models.Model):
    """What a formation needs of one kind of unit: its capability gap is this against the units
    pledged and the units certified."""

    formation = models.ForeignKey(
        Formation,
        verbose_name=_("formation"),
        on_delete=models.CASCADE,
        related_name="requirements",
    )
    kind = models.CharField(_("kind of unit"), max_length=16, choices=UnitKind.choices)
    capability_ru = models.CharField(_("capability (Russian)"), max_length=200)
    capability_en = models.CharField(_("capability (English)"), max_length=200)
    units = models.PositiveIntegerField(_("units required"))
    strength = models.PositiveIntegerField(_("personnel required"))
    demo = models.BooleanField(_("demo figure"), default=False)

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["formation", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["formation", "kind"], name="forces_requirement_once")
        ]

    def __str__(self) -> str:
        return in_language(self.capability_ru, self.capability_en)


class Unit(EditCounted, BilingualName):
    """A unit a member state pledges to a formation, certified or not, with the decision that
    assigned it. Restricted: its state sees it in detail, the Joint Staff all, others aggregates."""

    state = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("state"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    formation = models.ForeignKey(
        Formation, verbose_name=_("formation"), on_delete=models.PROTECT, related_name="units"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=UnitKind.choices)
    personnel = models.CharField(
        _("personnel"), max_length=16, choices=Personnel.choices, default=Personnel.MILITARY
    )
    strength = models.PositiveIntegerField(_("strength (personnel)"))
    readiness = models.CharField(
        _("readiness category"), max_length=16, choices=ReadinessCategory.choices
    )
    home_base_ru = models.CharField(_("home base (Russian)"), max_length=200, blank=True)
    home_base_en = models.CharField(_("home base (English)"), max_length=200, blank=True)
    certified_on = models.DateField(_("certified on"), null=True, blank=True)
    assigned_by_ru = models.CharField(_("assigned by (Russian)"), max_length=300, blank=True)
    assigned_by_en = models.CharField(_("assigned by (English)"), max_length=300, blank=True)
    withdrawn_on = models.DateField(_("withdrawn from the formation on"), null=True, blank=True)
    # The latest reviewed assessment, kept here so that the readiness table is one query.
    score = models.PositiveSmallIntegerField(_("readiness score (%)"), null=True, blank=True)
    previous_score = models.PositiveSmallIntegerField(
        _("previous readiness score (%)"), null=True, blank=True
    )
    assessed_on = models.DateField(_("last assessed on"), null=True, blank=True)
    demo = models.BooleanField(_("demo figures"), default=False)

    class Meta:
        verbose_name = pgettext_lazy("military unit", "unit")
        verbose_name_plural = pgettext_lazy("military unit", "units")
        ordering = ["formation", "state__iso2", "name_en"]
        indexes = [models.Index(fields=["formation", "state"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(strength__gt=0), name="forces_unit_strength_positive"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=100),
                name="forces_unit_score_percent",
            ),
        ]

    @property
    def certified(self) -> bool:
        return self.certified_on is not None
