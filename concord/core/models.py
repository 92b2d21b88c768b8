"""The reusable marking: owner, marking and release list, and the one `visible_to` every app uses."""

from __future__ import annotations

from typing import TypeVar, cast

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .actors import SYSTEM, Person, Someone
from .rules import ANONYMOUS, Marking, Viewer


class MarkingChoices(models.TextChoices):
    PUBLIC = Marking.PUBLIC.value, _("Public")
    OFFICIAL = Marking.OFFICIAL.value, _("Official")
    RESTRICTED = Marking.RESTRICTED.value, _("Restricted")


def viewer_of(someone: Someone | None) -> Viewer:
    """What `someone` may see: their affiliation's viewer. Visitors who have not signed in, users
    without an affiliation, SYSTEM and None see only what is public (SYSTEM gets rights only where a
    permission function grants them by name)."""
    if (
        someone is None
        or someone is SYSTEM
        or not someone.is_authenticated
        or not someone.is_active
    ):
        return ANONYMOUS
    return cast(Person, someone).viewer


M = TypeVar("M", bound="MarkedModel")


class MarkedQuerySet(models.QuerySet[M]):
    def visible_to(self, user: Someone) -> MarkedQuerySet[M]:
        """The records `user` may see; everything else does not exist for them.

        Mirrors `rules.can_see` exactly (a property-based test holds them together). The release list is
        checked with EXISTS rather than a join so that no record is returned twice.
        """
        viewer = viewer_of(user)
        allowed = Q(marking=Marking.PUBLIC)
        owns = Q(pk__in=[])
        if viewer.state_id is not None:
            owns |= Q(owner_state_id=viewer.state_id)
        if viewer.body_id is not None:
            owns |= Q(owner_body_id=viewer.body_id)
        if viewer.is_insider:
            allowed |= Q(marking=Marking.OFFICIAL)
        else:
            allowed |= Q(marking=Marking.OFFICIAL) & owns
        if viewer.is_secretariat:
            allowed |= Q(marking=Marking.RESTRICTED)
        else:
            allowed |= Q(marking=Marking.RESTRICTED) & (owns | self._released_to(viewer.state_id))
        return self.filter(allowed)

    def _released_to(self, state_id: int | None) -> Q:
        if state_id is None:
            return Q(pk__in=[])
        field = self.model._meta.get_field("released_to")
        through = field.remote_field.through  # type: ignore[union-attr]
        source = field.m2m_field_name()  # type: ignore[union-attr]
        target = field.m2m_reverse_field_name()  # type: ignore[union-attr]
        return Q(Exists(through.objects.filter(**{source: OuterRef("pk"), target: state_id})))


class MarkedModel(models.Model):
    """Abstract base for every record that carries substance: who owns it and who may see it."""

    marking = models.CharField(
        _("marking"), max_length=16, choices=MarkingChoices.choices, default=Marking.OFFICIAL
    )
    owner_state = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("owner state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner_body = models.ForeignKey(
        "organization.Body",
        verbose_name=_("owner body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    released_to = models.ManyToManyField(
        "organization.MemberState",
        verbose_name=_("released to"),
        blank=True,
        related_name="%(app_label)s_%(class)s_released",
    )

    objects = MarkedQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=(Q(owner_state__isnull=False) & Q(owner_body__isnull=True))
                | (Q(owner_state__isnull=True) & Q(owner_body__isnull=False)),
                name="%(app_label)s_%(class)s_one_owner",
            )
        ]


class EditCounted(models.Model):
    """A record people edit through forms. `version` counts its changes, so that a form drawn from an
    older edit is refused instead of silently overwriting (`core.actions.lock`)."""

    version = models.PositiveIntegerField(_("edit counter"), default=1)

    class Meta:
        abstract = True


class BilingualName(models.Model):
    """Names users see, in Russian (the working language) and English."""

    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_ru, self.name_en)


def in_language(ru: str, en: str) -> str:
    """The text in the active language, falling back to Russian, the working language."""
    if (get_language() or "ru").startswith("en") and en:
        return en
    return ru


class ScheduledJob(models.Model):
    """One periodic job (`core.scheduler`): when it last ran and when it is due, and the lease a
    scheduler process takes while it runs it. The lease is taken by one conditional UPDATE, so two
    scheduler processes never run the same job at once (SQLite and PostgreSQL alike)."""

    name = models.CharField(max_length=100, unique=True)
    next_run_at = models.DateTimeField()
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    lease_owner = models.CharField(max_length=200, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class JobRun(models.Model):
    """One run of a scheduled job: what it did, or the error it stopped on."""

    job = models.CharField(max_length=100, db_index=True)
    owner = models.CharField(max_length=200)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    ok = models.BooleanField()
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.job} {self.started_at:%Y-%m-%d %H:%M:%S}"
