from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.core.models import BilingualName, in_language

from .states import BodyKind, Membership, Participation


class MemberState(BilingualName):
    iso2 = models.CharField(_("ISO 3166-1 alpha-2"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO 3166-1 alpha-3"), max_length=3, unique=True)
    member_since = models.DateField(_("member since"))
    membership = models.CharField(
        _("membership"), max_length=16, choices=Membership.choices, default=Membership.MEMBER
    )
    membership_since = models.DateField(_("membership status since"))
    participation = models.CharField(
        _("participation"),
        max_length=16,
        choices=Participation.choices,
        default=Participation.PARTICIPATING,
    )
    participation_since = models.DateField(_("participation status since"), null=True, blank=True)
    participation_note_ru = models.TextField(_("participation note (Russian)"), blank=True)
    participation_note_en = models.TextField(_("participation note (English)"), blank=True)

    class Meta:
        verbose_name = _("member state")
        verbose_name_plural = _("member states")
        ordering = ["name_ru"]
        constraints = [
            models.CheckConstraint(condition=Q(iso2__regex=r"^[A-Z]{2}$"), name="state_iso2_upper"),
            models.CheckConstraint(condition=Q(iso3__regex=r"^[A-Z]{3}$"), name="state_iso3_upper"),
        ]

    @property
    def participation_note(self) -> str:
        return in_language(self.participation_note_ru, self.participation_note_en)

    @property
    def is_frozen(self) -> bool:
        return self.participation == Participation.FROZEN


class Body(BilingualName):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    short_ru = models.CharField(_("abbreviation (Russian)"), max_length=40, blank=True)
    short_en = models.CharField(_("abbreviation (English)"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=BodyKind.choices)
    tier = models.PositiveSmallIntegerField(
        _("tier"),
        null=True,
        blank=True,
        help_text=_(
            "1 is the supreme body; higher numbers are lower tiers. Empty for working bodies."
        ),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    chaired_by_chair_state = models.BooleanField(
        _("chaired by the chairing state"),
        default=False,
        help_text=_("The state holding the chairmanship chairs this body."),
    )
    is_secretariat = models.BooleanField(
        _("is the Secretariat"),
        default=False,
        help_text=_("Runs procedures, acts as depositary, sees restricted records of every owner."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    # Contacts, shown in the public site's footer for the Secretariat (the organization's seat).
    address_ru = models.CharField(_("address (Russian)"), max_length=300, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=300, blank=True)
    phone = models.CharField(_("telephone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_secretariat"], condition=Q(is_secretariat=True), name="one_secretariat"
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("pk")), name="body_not_own_parent"),
        ]

    @property
    def short(self) -> str:
        return in_language(self.short_ru, self.short_en)

    @property
    def address(self) -> str:
        return in_language(self.address_ru, self.address_en)


class Chairmanship(models.Model):
    """The state that chairs the organization for a calendar year, as decided.

    `proposed_state` is what the rotation rule proposed when the decision was recorded; when the
    decision differs from it, the reason is part of the record, so a state declining its turn is an
    explicit choice and never a guess.
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    state = models.ForeignKey(
        MemberState, verbose_name=_("chairing state"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_state = models.ForeignKey(
        MemberState,
        verbose_name=_("proposed by rotation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.CharField(
        _("decision"), max_length=300, blank=True, help_text=_("Which decision, of which body.")
    )
    theme_ru = models.CharField(_("theme (Russian)"), max_length=300, blank=True)
    theme_en = models.CharField(_("theme (English)"), max_length=300, blank=True)
    note_ru = models.TextField(_("note (Russian)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)

    class Meta:
        verbose_name = _("chairmanship")
        verbose_name_plural = _("chairmanships")
        ordering = ["year"]

    def __str__(self) -> str:
        return f"{self.year}: {self.state}"

    @property
    def theme(self) -> str:
        return in_language(self.theme_ru, self.theme_en)

    @property
    def note(self) -> str:
        return in_language(self.note_ru, self.note_en)

    @property
    def departs_from_rotation(self) -> bool:
        return self.proposed_state_id is not None and self.proposed_state_id != self.state_id


class SecretaryGeneralTerm(models.Model):
    person_ru = models.CharField(_("name (Russian)"), max_length=200)
    person_en = models.CharField(_("name (English)"), max_length=200)
    state = models.ForeignKey(
        MemberState, verbose_name=_("citizen of"), on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField(_("term starts"))
    ends_on = models.DateField(_("term ends"))
    acting = models.BooleanField(_("acting"), default=False)
    appointed_by = models.CharField(_("appointed by"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Secretary General term")
        verbose_name_plural = _("Secretary General terms")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="sg_term_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.starts_on.year}–{self.ends_on.year})"

    @property
    def person(self) -> str:
        return in_language(self.person_ru, self.person_en)
