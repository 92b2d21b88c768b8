"""Writes about people: accounts, affiliations, switching, tokens, passwords. Each is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.core.errors import DomainError, NotAllowed
from concord.organization.models import Body, MemberState

from . import rules
from .models import Affiliation, ApiToken, User, affiliation_problem


def create_user(
    *,
    actor: Any,
    username: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    with transaction.atomic():
        if User.objects.filter(username=username).exists():
            raise DomainError(
                "username_taken", _("This username is already taken."), field="username"
            )
        user = User(username=username, first_name=first_name, last_name=last_name, email=email)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save()
        record(actor, verb="accounts.create_user", target=user, summary=username)
    return user


def add_affiliation(
    user: User,
    *,
    actor: Any,
    role: str,
    state: MemberState | None = None,
    body: Body | None = None,
) -> Affiliation:
    """Give `user` the right to act for a state's delegation or an organ, in `role`."""
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
            actor,
            verb="accounts.add_affiliation",
            target=user,
            summary=affiliation.label_en,
            changes={"affiliation": affiliation.pk},
        )
    return affiliation


def switch_affiliation(user: User, *, affiliation_id: int) -> Affiliation:
    """Make the user act for another of their own affiliations from now on."""
    with transaction.atomic():
        affiliation = (
            Affiliation.objects.select_related("state", "body")
            .filter(user=user, pk=affiliation_id, active=True)
            .first()
        )
        if affiliation is None:
            raise NotAllowed(
                "affiliation_not_yours",
                _("You cannot act for this affiliation."),
                field="affiliation",
            )
        before = user.acting_for_label
        user.current_affiliation = affiliation
        user.save(update_fields=["current_affiliation"])
        record(
            user,
            verb="accounts.switch_affiliation",
            target=user,
            summary=f"{before} -> {affiliation.label_en}",
            changes={"acting_for": [before, affiliation.label_en]},
            acting_for=affiliation.label_en,
        )
    return affiliation


def create_api_token(user: User, *, name: str) -> tuple[ApiToken, str]:
    """Create a token; the raw value is returned once and never stored."""
    name = name.strip()
    if not name or len(name) > 100:
        raise DomainError(
            "token_name_required",
            _("Give the token a name of at most 100 characters."),
            field="name",
        )
    with transaction.atomic():
        raw = rules.new_token()
        token = ApiToken(
            user=user, name=name[:100], prefix=raw[:12], digest=rules.token_digest(raw)
        )
        token.save()
        record(user, verb="accounts.create_api_token", target=token, summary=name)
    return token, raw


def revoke_api_token(user: User, *, token_id: int, now: dt.datetime | None = None) -> ApiToken:
    with transaction.atomic():
        token = ApiToken.objects.filter(user=user, pk=token_id, revoked_at__isnull=True).first()
        if token is None:
            raise DomainError("token_not_found", _("No such active token of yours."), field="token")
        token.revoked_at = now or timezone.now()
        token.save(update_fields=["revoked_at"])
        record(user, verb="accounts.revoke_api_token", target=token, summary=token.name)
    return token


def change_password(user: User, *, new_password: str) -> None:
    """Set a new password (already validated by the form) and record that it changed."""
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        record(user, verb="accounts.change_password", target=user)


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
