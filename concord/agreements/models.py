from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.models import MarkedModel, in_language

from .states import ActionType, InstrumentKind, PublishedStatus


class Agreement(MarkedModel):
    """An international instrument concluded within the organization, kept by its depositary."""

    kind = models.CharField(_("kind"), max_length=16, choices=InstrumentKind.choices)
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    amends = models.ForeignKey(
        "self",
        verbose_name=_("amends or extends"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="protocols",
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("final text"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    place_ru = models.CharField(_("place (Russian)"), max_length=200, blank=True)
    place_en = models.CharField(_("place (English)"), max_length=200, blank=True)
    rule = models.JSONField(
        _("entry-into-force rule"),
        null=True,
        blank=True,
        help_text=_("See docs/entry-into-force.md. Empty when the clause is not recorded."),
    )
    signatories = models.ManyToManyField(
        "organization.MemberState",
        verbose_name=_("signatories"),
        blank=True,
        related_name="+",
        help_text=_("The states in the signature block of the final text."),
    )
    signatories_recorded = models.BooleanField(
        _("signature block recorded in full"),
        default=True,
        help_text=_("False when the sources name only some of the signatories."),
    )
    deposits_recorded = models.BooleanField(
        _("deposits recorded"),
        default=True,
        help_text=_(
            "Every notification and instrument is in the record. False for an instrument whose "
            "deposits predate the system and were not found: nothing is then computed from them."
        ),
    )
    duration_ru = models.CharField(
        _("duration and withdrawal (Russian)"), max_length=500, blank=True
    )
    duration_en = models.CharField(
        _("duration and withdrawal (English)"), max_length=500, blank=True
    )
    known_in_force = models.DateField(
        _("entry into force as published"),
        null=True,
        blank=True,
        help_text=_("The published date, to compare with what the recorded actions give."),
    )
    published_status = models.CharField(
        _("status as published"),
        max_length=16,
        blank=True,
        choices=PublishedStatus.choices,
        default=PublishedStatus.UNKNOWN,
    )
    published_source = models.CharField(
        _("source of the published status"), max_length=300, blank=True
    )
    illustrative = models.BooleanField(
        _("demo example"),
        default=False,
        help_text=_("Made up for the demonstration; never shown on the public site."),
    )
    note_ru = models.TextField(_("note (Russian)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    # What the engine made of the record when it last changed (`stored.py`), so that lists read it
    # instead of running the engine for every instrument on every view; "in force" is judged by the
    # day of the reading (`standing.stored_standing`).
    computed = models.JSONField(_("computed standing"), null=True, blank=True, editable=False)
    computed_in_force = models.DateField(
        _("entry into force as computed"), null=True, blank=True, editable=False
    )

    class Meta(MarkedModel.Meta):
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["signed_on", "pk"]
        constraints = [
            *MarkedModel.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(known_in_force=None)
                | models.Q(published_status=PublishedStatus.IN_FORCE),
                name="agreement_published_date_means_in_force",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)

    @property
    def place(self) -> str:
        return in_language(self.place_ru, self.place_en)

    @property
    def note(self) -> str:
        return in_language(self.note_ru, self.note_en)


class ProcedureStep(models.Model):
    """A step of a state's internal procedure (e.g. the lower chamber ratifies); configurable per state."""

    state = models.ForeignKey(
        "organization.MemberState", on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("order"))
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)

    class Meta:
        verbose_name = _("internal procedure step")
        verbose_name_plural = _("internal procedure steps")
        ordering = ["state", "position"]
        constraints = [
            models.UniqueConstraint(fields=["state", "position"], name="procedure_step_unique")
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.name}"

    @property
    def name(self) -> str:
        return in_language(self.name_ru, self.name_en)


class TreatyAction(models.Model):
    """A dated act of a state about an agreement, as recorded by the depositary. Never edited: a
    correction is a new action that names the one it corrects."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="actions")
    state = models.ForeignKey(
        "organization.MemberState", on_delete=models.PROTECT, related_name="+"
    )
    type = models.CharField(_("action"), max_length=16, choices=ActionType.choices)
    step = models.ForeignKey(
        ProcedureStep, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField(_("date"))
    reservation = models.TextField(_("reservation or statement"), blank=True)
    evidence = models.CharField(
        _("document"),
        max_length=300,
        blank=True,
        help_text=_("The note or instrument that proves it."),
    )
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    notice = models.ForeignKey(
        "documents.Document",
        verbose_name=_("depositary notification"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notification_ru = models.TextField(_("depositary notification (Russian)"), blank=True)
    notification_en = models.TextField(_("depositary notification (English)"), blank=True)

    class Meta:
        verbose_name = _("treaty action")
        verbose_name_plural = _("treaty actions")
        ordering = ["agreement", "date", "pk"]
        indexes = [models.Index(fields=["agreement", "state"], name="treaty_action_state")]

    def __str__(self) -> str:
        step = f" ({self.step.name})" if self.step_id and self.step else ""
        return f"{self.state}: {self.get_type_display()}{step}, {self.date:%d.%m.%Y}"
