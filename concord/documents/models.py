from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.models import MarkedModel, in_language

from .rules import Operation, OpKind, Unit, UnitKind
from .states import (
    AmendmentStatus,
    DocumentKind,
    DocumentStatus,
    Language,
    LanguageState,
    VersionSource,
)


class Document(MarkedModel):
    """A text that delegations negotiate. Its words live in its immutable versions; the fields here
    that repeat the latest version (title, status, language state) are kept for lists and filters."""

    kind = models.CharField(_("kind"), max_length=24, choices=DocumentKind.choices)
    body = models.ForeignKey(
        "organization.Body",
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The body expected to adopt it."),
    )
    authentic_language = models.CharField(
        _("authentic language"), max_length=2, choices=Language.choices, default=Language.RU
    )
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=DocumentStatus.choices,
        default=DocumentStatus.NEGOTIATION,
    )
    language_state = models.CharField(
        _("languages"), max_length=16, choices=LanguageState.choices, default=LanguageState.IN_STEP
    )
    latest_number = models.PositiveIntegerField(_("latest version"), default=0)
    final_version = models.ForeignKey(
        "Version",
        verbose_name=_("final version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    adopted_by = models.ForeignKey(
        "organization.Body",
        verbose_name=_("adopted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    # While a correction of the adopted text is under way, the editor may make its versions.
    under_correction = models.BooleanField(_("correction under way"), default=False)
    next_uid = models.PositiveIntegerField(default=1)  # for new units: "u<next_uid>"
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta(MarkedModel.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)


class Version(models.Model):
    """One state of a document's text. Never changed once written."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    units = models.JSONField(_("text"))  # [{"uid", "kind", "text_ru", "text_en"}, ...] in order
    source = models.CharField(_("made by"), max_length=16, choices=VersionSource.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    amendment = models.ForeignKey(
        "Amendment", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    acting_for = models.CharField(_("acting for"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64)
    # {uid: "ru" | "en"}: units whose translation in that language lags behind the other.
    lagging = models.JSONField(_("languages out of step"), default=dict, blank=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="version_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"

    @property
    def text(self) -> list[Unit]:
        return [Unit.from_dict(u) for u in self.units]


# What an amendment does to its unit, as the pages say it (the stored value is the rules' code).
OP_LABELS = {
    OpKind.MODIFY: pgettext_lazy("amendment", "new wording"),
    OpKind.ADD: pgettext_lazy("amendment", "insertion"),
    OpKind.DELETE: pgettext_lazy("amendment", "deletion"),
    OpKind.MOVE: pgettext_lazy("amendment", "move"),
}


class Amendment(models.Model):
    """A delegation's proposal, on a given version, to change one unit or add one."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="amendments")
    version = models.ForeignKey(
        Version, verbose_name=_("on version"), on_delete=models.PROTECT, related_name="+"
    )
    op = models.CharField(_("change"), max_length=8, choices=[(k.value, k.value) for k in OpKind])
    uid = models.CharField(_("unit"), max_length=20)
    after_uid = models.CharField(_("after unit"), max_length=20, blank=True)
    kind = models.CharField(
        _("new unit's kind"),
        max_length=16,
        choices=[(k.value, k.value) for k in UnitKind],
        blank=True,
    )
    # NULL means "this language is not changed", which differs from "changed to empty".
    text_ru = models.TextField(_("text (Russian)"), null=True, blank=True)  # noqa: DJ001
    text_en = models.TextField(_("text (English)"), null=True, blank=True)  # noqa: DJ001
    justification_ru = models.TextField(_("justification (Russian)"), blank=True)
    justification_en = models.TextField(_("justification (English)"), blank=True)
    state = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=12, choices=AmendmentStatus.choices, default=AmendmentStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    result = models.ForeignKey(
        Version,
        verbose_name=_("resulting version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["document", "pk"]
        indexes = [models.Index(fields=["document", "status"], name="amendment_document_status")]

    def __str__(self) -> str:
        return f"#{self.pk} {self.op} {self.uid}"

    @property
    def op_label(self) -> str:
        return str(OP_LABELS.get(OpKind(self.op), self.op))

    @property
    def operation(self) -> Operation:
        return Operation(
            OpKind(self.op),
            uid=self.uid,
            after_uid=self.after_uid,
            kind=UnitKind(self.kind or UnitKind.PARAGRAPH),
            text_ru=self.text_ru,
            text_en=self.text_en,
        )

    @property
    def justification(self) -> str:
        return in_language(self.justification_ru, self.justification_en)


class Support(models.Model):
    """A state's support for another delegation's amendment."""

    amendment = models.ForeignKey(Amendment, on_delete=models.CASCADE, related_name="supports")
    state = models.ForeignKey(
        "organization.MemberState", on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["amendment", "state"], name="support_once_per_state")
        ]

    def __str__(self) -> str:
        return f"{self.state} supports #{self.amendment_id}"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"documents/{instance.document_id}/{filename}"


class Attachment(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path)
    name = models.CharField(_("name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["document", "pk"]

    def __str__(self) -> str:
        return self.name
