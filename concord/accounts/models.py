from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from concord.core.rules import ROLES_FOR_KIND, AffiliationKind, Role, Viewer
from concord.organization.states import AFFILIABLE_BODY_KINDS, Membership

from .codes import Code


class RoleChoices(models.TextChoices):
    PERMANENT_REPRESENTATIVE = Role.PERMANENT_REPRESENTATIVE.value, _("Permanent representative")
    NATIONAL_COORDINATOR = Role.NATIONAL_COORDINATOR.value, _("National coordinator")
    DELEGATE = Role.DELEGATE.value, _("Delegate")
    SECRETARIAT_OFFICER = Role.SECRETARIAT_OFFICER.value, _("Secretariat officer")
    SECRETARIAT_ADMINISTRATOR = Role.SECRETARIAT_ADMINISTRATOR.value, _("Secretariat administrator")
    ANALYST = Role.ANALYST.value, _("Analyst")
    STAFF_OFFICER = Role.STAFF_OFFICER.value, _("Staff officer")
    MEMBER_OF_PARLIAMENT = Role.MEMBER_OF_PARLIAMENT.value, _("Member of parliament")


class ConcordUserManager(UserManager["User"]):
    def get_queryset(self) -> models.QuerySet[User]:
        # Every request needs the current affiliation to decide what the user may see.
        return (
            super()
            .get_queryset()
            .select_related("current_affiliation__state", "current_affiliation__body")
        )


class MailMode(models.TextChoices):
    IMMEDIATE = (
        "immediate",
        _("Each notification at once"),
    )  # mailed on the next scheduler tick at latest
    DAILY = "daily", _("One daily digest")  # the day's unsent notifications in one mail


class User(AbstractUser):
    # How notifications reach the user by e-mail, and in which language (settings.LANGUAGES).
    mail_mode = models.CharField(
        _("e-mail notifications"),
        max_length=10,
        choices=MailMode.choices,
        default=MailMode.IMMEDIATE,
    )
    language = models.CharField(_("language of e-mails"), max_length=8, default="ru")
    current_affiliation = models.ForeignKey(
        "accounts.Affiliation",
        verbose_name=_("acting for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects: ClassVar[ConcordUserManager] = ConcordUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def acting_affiliation(self) -> Affiliation | None:
        """The affiliation the user acts for: only ever one of their own, and only while active."""
        affiliation = self.current_affiliation
        if affiliation is None or not affiliation.active or affiliation.user_id != self.pk:
            return None
        return affiliation

    @property
    def viewer(self) -> Viewer:
        affiliation = self.acting_affiliation
        if affiliation is None:
            return Viewer(user_id=self.pk)
        if affiliation.state is not None:
            return Viewer(
                user_id=self.pk,
                state_id=affiliation.state_id,
                role=affiliation.role,
                is_insider=affiliation.state.membership == Membership.MEMBER,
            )
        assert affiliation.body is not None
        return Viewer(
            user_id=self.pk,
            body_id=affiliation.body_id,
            role=affiliation.role,
            is_insider=True,
            is_secretariat=affiliation.body.is_secretariat,
        )

    @property
    def acting_for_label(self) -> str:
        """How the audit log names the affiliation: stable, language-independent."""
        affiliation = self.acting_affiliation
        return affiliation.label_en if affiliation is not None else ""


class Affiliation(models.Model):
    """A state's delegation or an organ a user may act for, with the role they hold there."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="affiliations"
    )
    state = models.ForeignKey(
        "organization.MemberState",
        verbose_name=_("member state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = models.ForeignKey(
        "organization.Body",
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=40, choices=RoleChoices.choices)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        ordering = ["user", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(state__isnull=False) & Q(body__isnull=True))
                | (Q(state__isnull=True) & Q(body__isnull=False)),
                name="affiliation_state_or_body",
            ),
            # Two constraints, as NULLs never collide: one for states, one for bodies.
            models.UniqueConstraint(
                fields=["user", "state", "role"],
                condition=Q(state__isnull=False),
                name="affiliation_unique_state",
            ),
            models.UniqueConstraint(
                fields=["user", "body", "role"],
                condition=Q(body__isnull=False),
                name="affiliation_unique_body",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organ} — {self.get_role_display()}"

    def clean(self) -> None:
        # The same checks guard the service and the admin's inline form.
        problem = affiliation_problem(self)
        if problem is not None:
            code, message, field = problem
            raise ValidationError({field: message}, code=code)

    @property
    def organ(self) -> str:
        return str(self.state or self.body)

    @property
    def label_en(self) -> str:
        organ = self.state.name_en if self.state else self.body.name_en if self.body else ""
        return f"{organ} / {self.role}"

    @property
    def kind(self) -> AffiliationKind:
        if self.state_id is not None:
            return AffiliationKind.STATE
        if self.body is not None and self.body.is_secretariat:
            return AffiliationKind.SECRETARIAT
        return AffiliationKind.BODY


def affiliation_problem(affiliation: Affiliation) -> tuple[Code, str | Promise, str] | None:
    """Why `affiliation` cannot be held, as (code, message, field), or None when it can."""
    if (affiliation.state_id is None) == (affiliation.body_id is None):
        return (
            Code.AFFILIATION_NEEDS_ONE_ORGAN,
            _("An affiliation is to exactly one member state or one body."),
            "state",
        )
    if affiliation.body is not None and affiliation.body.kind not in AFFILIABLE_BODY_KINDS:
        return (
            Code.BODY_NOT_AFFILIABLE,
            _("Users cannot act for this body; they act for their state or an organ."),
            "body",
        )
    if affiliation.role not in {r.value for r in ROLES_FOR_KIND[affiliation.kind]}:
        return (Code.ROLE_NOT_ALLOWED, _("This role cannot be held in this affiliation."), "role")
    return None


class ApiToken(models.Model):
    """A personal token for the API. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("begins with"), max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
