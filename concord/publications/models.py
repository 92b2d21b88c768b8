from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.models import BilingualName, EditCounted, MarkedModel, in_language

from .states import Kind, Section, Status


class Tag(BilingualName):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name_ru"]


class Publication(EditCounted):
    """A text of the public site in Russian and English (either may be missing)."""

    section = models.CharField(_("section"), max_length=16, choices=Section.choices)
    slug = models.SlugField(_("address"), max_length=120, unique=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_ru = models.TextField(_("summary (Russian)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    body_ru = models.TextField(
        _("text (Russian)"), blank=True, help_text=_("HTML: paragraphs, lists, emphasis, links.")
    )
    body_en = models.TextField(_("text (English)"), blank=True)
    tags = models.ManyToManyField(
        Tag, verbose_name=_("tags"), blank=True, related_name="publications"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    unpublished_note_ru = models.CharField(
        _("why it was withdrawn (Russian)"), max_length=300, blank=True
    )
    unpublished_note_en = models.CharField(
        _("why it was withdrawn (English)"), max_length=300, blank=True
    )
    source_kind = models.CharField(
        _("made from"), max_length=24, blank=True
    )  # e.g. "consultation", "agreement", "press_release"
    source_id = models.CharField(_("made from (id)"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-publish_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "section", "publish_at"], name="publication_live")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source_kind", "source_id"],
                condition=~models.Q(source_kind=""),
                name="one_publication_per_source",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def source_label(self) -> str:
        return str(SOURCE_LABELS.get(self.source_kind, self.source_kind))

    @property
    def title(self) -> str:
        return in_language(self.title_ru, self.title_en)

    @property
    def summary(self) -> str:
        return in_language(self.summary_ru, self.summary_en)

    @property
    def body(self) -> str:
        return in_language(self.body_ru, self.body_en)

    @property
    def languages(self) -> list[str]:
        return [lang for lang, title in (("ru", self.title_ru), ("en", self.title_en)) if title]

    def is_live(self, now: dt.datetime | None = None) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= (now or timezone.now())
        )


# What a revision did (`Revision.what`, the audit verb without its app) and what a draft was made
# from (`Publication.source_kind`), as the editor's pages say it.
REVISION_LABELS = {
    "save": pgettext_lazy("revision", "saved"),
    "publish": pgettext_lazy("revision", "published"),
    "unpublish": pgettext_lazy("revision", "withdrawn"),
    "index_live": pgettext_lazy("revision", "indexed when it went live"),
}
SOURCE_LABELS = {
    "consultation": pgettext_lazy("made from", "adopted consultation"),
    "agreement": pgettext_lazy("made from", "agreement in force"),
    "press_release": pgettext_lazy("made from", "press release"),
    "model_act": pgettext_lazy("made from", "model act of the Assembly"),
}


class Revision(models.Model):
    """Every saved state of a publication: its history."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    what = models.CharField(max_length=60)
    snapshot = models.JSONField()

    class Meta:
        ordering = ["publication", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "number"], name="one_revision_number")
        ]

    def __str__(self) -> str:
        return f"{self.publication_id} r{self.number}"

    @property
    def what_label(self) -> str:
        return str(REVISION_LABELS.get(self.what, self.what))

    @property
    def status_label(self) -> str:
        status = self.snapshot.get("status", "")
        return str(Status(status).label) if status in Status.values else status


class SearchEntry(MarkedModel):
    """One searchable object in one language: its stems, and the visibility of its object, so that
    the search filters in SQL what the user may see. The full-text index over `stems` is the
    backend's (migration 0005): an FTS5 table kept by triggers on SQLite (a migration that rebuilds
    this table drops them, and must create them again); a generated tsvector column with a GIN index
    on PostgreSQL, stored in the row. A search thus walks this one table newest first, reading each
    entry's filters and vector together; the texts shown are in SearchText."""

    kind = models.CharField(max_length=24, choices=Kind.choices)
    object_id = models.CharField(max_length=40)
    language = models.CharField(max_length=2)
    section = models.CharField(max_length=16, blank=True)
    date = models.DateTimeField()
    available_from = models.DateTimeField(null=True, blank=True)  # scheduled publications
    url = models.CharField(max_length=300)
    stems = models.TextField(blank=True)
    # Part of a negotiation (a draft, a question under consultation): not found by those who read
    # only what was adopted (members of parliament).
    negotiation = models.BooleanField(default=False)

    class Meta(MarkedModel.Meta):
        constraints = [
            *MarkedModel.Meta.constraints,
            # led by the object, not the kind: a filter on kind alone must not lead the planner away
            # from the full-text match, which is what narrows a search
            models.UniqueConstraint(
                fields=["object_id", "kind", "language"], name="one_entry_per_object_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}:{self.language}"


class SearchText(models.Model):
    """An entry's texts, read only for the page of results shown (titles and snippets)."""

    entry = models.OneToOneField(
        SearchEntry, primary_key=True, on_delete=models.CASCADE, related_name="text"
    )
    title = models.CharField(max_length=500)
    body = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.title


class PublicSite(models.Model):
    """The public site's own settings: one row (pk 1), made when first read."""

    demo_notice = models.BooleanField(
        _("demonstration notice"),
        default=False,
        help_text=_(
            "Every public page says that its texts and some of its data are a demonstration. "
            "Turned on by seed_demo; off on a real installation (manage.py demo_notice off)."
        ),
    )

    class Meta:
        verbose_name = _("public site")
        verbose_name_plural = _("public site")

    def __str__(self) -> str:
        return "public site"

    @classmethod
    def current(cls) -> PublicSite:
        return cls.objects.get_or_create(pk=1)[0]
