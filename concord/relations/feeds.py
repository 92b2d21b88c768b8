"""Personal calendar addresses: a secret shown once to its user, kept only as its SHA-256, that
anyone holding it may read the user's calendar with until the user revokes it."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.core.actions import require
from concord.core.actors import Actor, user_of

from . import permissions
from .codes import Verb
from .models import CalendarFeed


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def create_feed(*, actor: Actor) -> tuple[CalendarFeed, str]:
    """A new address for the actor's own calendar; the secret is returned once and never kept."""
    require(permissions.can_have_feed(actor), _("Sign in to have a calendar address."))
    secret = secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(user=user_of(actor), digest=digest_of(secret))
    record(Verb.CREATE_FEED, actor=actor, target=feed)
    return feed, secret


@transaction.atomic
def revoke_feed(feed: CalendarFeed, *, actor: Actor) -> CalendarFeed:
    require(
        permissions.can_revoke_feed(actor, feed), _("Only its owner revokes a calendar address.")
    )
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
        record(Verb.REVOKE_FEED, actor=actor, target=feed)
    return feed


def owner_of(secret: str) -> object | None:
    """The active user a live address belongs to; None for an unknown, revoked or disabled one."""
    if not secret or len(secret) > 100:
        return None
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(digest=digest_of(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    return feed.user if feed else None
