"""The Assembly's structure as data: national parliaments and their chambers, the Assembly's bodies,
its members (each in one state's delegation, from one chamber) and their seats, observers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from concord.core.models import BilingualName, in_language

from ..states import BodyKind, SeatRole


class Sourced(models.Model):
    """Where a fact comes from, and whether the demo made it up."""

    source = models.CharField(_("source"), max_length=300, blank=True)
    demo = models.BooleanField(_("demo example"), default=False)

    class Meta:
        abstract = True


class Parliament(BilingualName):
    """A member state's national parliament."""

    state = models.OneToOneField(
        "organization.MemberState", on_delete=models.PROTECT, related_name="+"
    )
    delegation_note_ru = models.CharField(
        _("size of the delegation (Russian)"), max_length=300, blank=True
    )
    delegation_note_en = models.CharField(
        _("size of the delegation (English)"), max_length=300, blank=True
    )

    class Meta:
        verbose_name = _("national parliament")
        verbose_name_plural = _("national parliaments")
        ordering = ["state__name_ru"]

    @property
    def delegation_note(self) -> str:
        return in_language(self.delegation_note_ru, self.delegation_note_en)


class Chamber(BilingualName):
    """A chamber of a national parliament; `step` is its step in the state's internal procedure
    (kept by the agreements module), so a chamber's vote on a ratification is that step, recorded once."""

    parliament = models.ForeignKey(Parliament, on_delete=models.CASCADE, related_name="chambers")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    step = models.OneToOneField(
        "agreements.ProcedureStep",
        verbose_name=_("its step in the internal procedure"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    seats = models.CharField(_("seats in the delegation"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("chamber")
        verbose_name_plural = _("chambers")
        ordering = ["parliament", "position"]


class AssemblyBody(BilingualName, Sourced):
    """The Assembly in plenary, its Council, its standing commissions and other bodies."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=BodyKind.choices)
    competence_ru = models.TextField(_("competence (Russian)"), blank=True)
    competence_en = models.TextField(_("competence (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    organ = models.ForeignKey(
        "organization.Body",
        verbose_name=_("the organ in the organization's structure"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For the Assembly in plenary: the body that adopts, in the documents module."),
    )

    class Meta:
        verbose_name = _("body of the Assembly")
        verbose_name_plural = _("bodies of the Assembly")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def competence(self) -> str:
        return in_language(self.competence_ru, self.competence_en)


class Member(BilingualName, Sourced):
    """A member of a national parliament in the state's delegation to the Assembly, for a period.
    A person belongs to one state's delegation at a time (services refuse a second)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    parliament = models.ForeignKey(Parliament, on_delete=models.PROTECT, related_name="members")
    chamber = models.ForeignKey(
        Chamber,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        help_text=_("Empty when the sources do not say."),
    )
    since = models.DateField(_("in the delegation since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("member of a delegation")
        verbose_name_plural = _("members of the delegations")
        ordering = ["parliament", "chamber__position", "name_ru"]
        constraints = [
            models.CheckConstraint(
                condition=Q(until=None) | Q(since=None) | Q(until__gte=F("since")),
                name="member_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Seat(Sourced):
    """A member's seat in a body of the Assembly: the chair of the Assembly, a commission's member."""

    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="seats")
    body = models.ForeignKey(AssemblyBody, on_delete=models.PROTECT, related_name="seats")
    role = models.CharField(_("role"), max_length=12, choices=SeatRole.choices)
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["body", "role", "since"]

    def __str__(self) -> str:
        return f"{self.body}: {self.member} ({self.role})"


class Observer(BilingualName, Sourced):
    """A parliament or assembly with observer status at the Assembly."""

    since = models.DateField(_("observer since"), null=True, blank=True)
    since_year = models.PositiveSmallIntegerField(_("observer since (year)"), null=True, blank=True)

    class Meta:
        verbose_name = _("observer")
        verbose_name_plural = _("observers")
        ordering = ["name_ru"]

    def __str__(self) -> str:
        return self.name
