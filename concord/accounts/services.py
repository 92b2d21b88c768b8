"""Writes about people: accounts, affiliations, switching, tokens, passwords. Each is audited."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.audit.services import diff, record
from concord.core.actions import require
from concord.core.actors import Actor
from concord.core.errors import DomainError, NotAllowed
from concord.organization.models import Body, MemberState

from . import permissions, rules
from .codes import Code, Verb
from .models import Affiliation, ApiToken, MailMode, User, affiliation_problem

ADMINISTRATORS_ONLY = _("Only a Secretariat administrator manages accounts.")
OWNER_ONLY = _("Only the user themself manages their account.")


def create_user(
    *,
    actor: Actor,
    username: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    require(permissions.can_administer_accounts(actor), ADMINISTRATORS_ONLY)
    with transaction.atomic():
        if User.objects.filter(username=username).exists():
            raise DomainError(
                Code.USERNAME_TAKEN, _("This username is already taken."), field="username"
            )
        user = User(username=username, first_name=first_name, last_name=last_name, email=email)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save()
        record(Verb.CREATE_USER, actor=actor, target=user, summary=username)
    return user


def add_affiliation(
    user: User,
    *,
    actor: Actor,
    role: str,
    state: MemberState | None = None,
    body: Body | None = None,
) -> Affiliation:
    """Give `user` the right to act for a state's delegation or an organ, in `role`."""
    require(permissions.can_administer_accounts(actor), ADMINISTRATORS_ONLY)
    with transaction.atomic():
        affiliation = Affiliation(user=user, state=state, body=body, role=role)
        problem = affiliation_problem(affiliation)
        if problem is not None:
            code, message, field = problem
            raise DomainError(code, message, field=field)
        affiliation.full_clean()
        affiliation.save()
        if user.current_affiliation_id is None:
            user.current_affiliation = affiliation
            user.save(update_fields=["current_affiliation"])
        record(
            Verb.ADD_AFFILIATION,
            actor=actor,
            target=user,
            summary=affiliation.label_en,
            changes={"affiliation": affiliation.pk},
        )
    return affiliation


def switch_affiliation(user: User, *, actor: Actor, affiliation_id: int) -> Affiliation:
    """Make the user act for another of their own affiliations from now on."""
    require(permissions.can_manage_account(actor, user), OWNER_ONLY)
    with transaction.atomic():
        affiliation = (
            Affiliation.objects.select_related("state", "body")
            .filter(user=user, pk=affiliation_id, active=True)
            .first()
        )
        if affiliation is None:
            raise NotAllowed(
                Code.AFFILIATION_NOT_YOURS,
                _("You cannot act for this affiliation."),
                field="affiliation",
            )
        before = user.acting_for_label
        user.current_affiliation = affiliation
        user.save(update_fields=["current_affiliation"])
        record(
            Verb.SWITCH_AFFILIATION,
            actor=actor,
            target=user,
            summary=f"{before} -> {affiliation.label_en}",
            changes={"acting_for": [before, affiliation.label_en]},
            acting_for=affiliation.label_en,
        )
    return affiliation


def create_api_token(user: User, *, actor: Actor, name: str) -> tuple[ApiToken, str]:
    """Create a token; the raw value is returned once and never stored."""
    require(permissions.can_manage_account(actor, user), OWNER_ONLY)
    name = name.strip()
    if not name or len(name) > 100:
        raise DomainError(
            Code.TOKEN_NAME_REQUIRED,
            _("Give the token a name of at most 100 characters."),
            field="name",
        )
    with transaction.atomic():
        raw = rules.new_token()
        token = ApiToken(
            user=user, name=name[:100], prefix=raw[:12], digest=rules.token_digest(raw)
        )
        token.save()
        record(Verb.CREATE_API_TOKEN, actor=actor, target=token, summary=name)
    return token, raw


def revoke_api_token(
    user: User, *, actor: Actor, token_id: int, now: dt.datetime | None = None
) -> ApiToken:
    require(permissions.can_manage_account(actor, user), OWNER_ONLY)
    with transaction.atomic():
        token = ApiToken.objects.filter(user=user, pk=token_id, revoked_at__isnull=True).first()
        if token is None:
            raise DomainError(
                Code.TOKEN_NOT_FOUND, _("No such active token of yours."), field="token"
            )
        token.revoked_at = now or timezone.now()
        token.save(update_fields=["revoked_at"])
        record(Verb.REVOKE_API_TOKEN, actor=actor, target=token, summary=token.name)
    return token


def change_password(user: User, *, actor: Actor, new_password: str) -> None:
    """Set a new password (already validated by the form) and record that it changed."""
    require(permissions.can_manage_account(actor, user), OWNER_ONLY)
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        record(Verb.CHANGE_PASSWORD, actor=actor, target=user)


def change_mail_settings(user: User, *, actor: Actor, mode: str, language: str) -> User:
    """How the user's notifications are mailed (each at once, or a daily digest) and in which language."""
    require(permissions.can_manage_account(actor, user), OWNER_ONLY)
    if mode not in MailMode.values:
        raise DomainError(
            Code.BAD_MAIL_SETTINGS, _("Choose how notifications are mailed."), field="mode"
        )
    if language not in dict(settings.LANGUAGES):
        raise DomainError(Code.BAD_MAIL_SETTINGS, _("Choose a language."), field="language")
    changes = diff(
        {"mail_mode": user.mail_mode, "language": user.language},
        {"mail_mode": mode, "language": language},
    )
    if changes:
        with transaction.atomic():
            user.mail_mode, user.language = mode, language
            user.save(update_fields=["mail_mode", "language"])
            record(Verb.CHANGE_MAIL_SETTINGS, actor=actor, target=user, changes=changes)
    return user


def user_for_token(raw: str, *, now: dt.datetime | None = None) -> User | None:
    """The active user a token belongs to, or None for an unknown or revoked token."""
    if not raw.startswith(rules.TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related(
            "user__current_affiliation__state", "user__current_affiliation__body"
        )
        .filter(digest=rules.token_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = now or timezone.now()
    # Remember use at most once a minute, so reading the API does not write on every call.
    ApiToken.objects.filter(pk=token.pk).exclude(
        last_used_at__gt=now - dt.timedelta(minutes=1)
    ).update(last_used_at=now)
    return token.user
