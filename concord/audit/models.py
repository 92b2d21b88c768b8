from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Entry(models.Model):
    """One line of the append-only activity log. Rows are inserted, never updated or deleted.

    `hash` covers every other field and the previous entry's hash, so changing or removing any entry
    breaks the chain from there on (`manage.py verify_audit`).
    """

    seq = models.PositiveBigIntegerField(_("number"), unique=True)
    at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_username = models.CharField(_("actor's username"), max_length=150, blank=True)
    acting_for = models.CharField(_("acting for"), max_length=200, blank=True)
    verb = models.CharField(_("action"), max_length=80, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True, db_index=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-seq"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.verb} {self.object_repr}"

    @property
    def verb_label(self) -> str:
        from .verbs import verb_label

        return verb_label(self.verb)

    @property
    def object_type_label(self) -> str:
        from .verbs import object_type_label

        return object_type_label(self.object_type)


class Head(models.Model):
    """A single row holding the end of the chain; writers lock it so that entries never fork."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"
