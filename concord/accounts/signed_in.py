"""The user of a signed-in request: loaded from the database once per change, not once per request.

Every page needs the user, the affiliation they act for with its state or body, and whether any of
their active affiliations asks for the second factor. Built by the ORM that is one query whose
compilation alone cost a signed-in request more than an anonymous request's whole work (issue 23,
`bench/signed_in_cost.py`). So the loaded user is kept in the shared cache (settings CACHES, seen by
every worker) under a key that names two generations, which are replaced when something the user is
built from changes:

- the user's own generation, when their row or one of their affiliations is saved or deleted (a
  switched affiliation, a new password, a closed account, a role given or taken away);
- everyone's generation, when a member state or a body changes (membership, the Secretariat, names).

A replaced generation makes the next request of any worker load the user again. The generation is
replaced at once and again when the transaction commits, so a request that read the old row while
the change was being written cannot keep it. Writes that bypass the model signals (`update()`, SQL
by hand, restoring a backup) are seen within `KEEP_SECONDS` at most, or at once after emptying the
cache. The password hash is part of the kept user, so the session check of `auth.get_user` (a
password change signs out the other sessions) stays exact.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from .models import Affiliation, User
from .second_factor import with_second_factor_role

# How long a loaded user is kept at most: the bound on a change made without the model signals.
KEEP_SECONDS = 300
_EVERYONE = "concord:signed-in:generation"


def _own(user_id: Any) -> str:
    return f"concord:signed-in:{user_id}:generation"


def _generation(key: str, known: dict[str, Any]) -> str:
    value = known.get(key)
    if value is None:
        cache.add(key, secrets.token_hex(8))
        value = cache.get(key) or "none"
    return str(value)


def load_user(user_id: Any) -> User | None:
    """The active or inactive user `user_id` with their acting affiliation (its state or body) and
    `holds_second_factor_role`, or None if there is no such user."""
    known = cache.get_many([_EVERYONE, _own(user_id)])
    key = f"concord:signed-in:{user_id}:{_generation(_EVERYONE, known)}:{_generation(_own(user_id), known)}"
    user = cache.get(key)
    if user is None:
        user = with_second_factor_role(User.objects.filter(pk=user_id)).first()
        if user is not None:
            cache.set(key, user, KEEP_SECONDS)
    return user


def _replace(key: str) -> None:
    cache.set(key, secrets.token_hex(8))


def forget_user(user_id: Any) -> None:
    """The next request of `user_id` loads them again (now, and once more after the commit)."""
    _replace(_own(user_id))
    transaction.on_commit(lambda: _replace(_own(user_id)))


def forget_everyone() -> None:
    _replace(_EVERYONE)
    transaction.on_commit(lambda: _replace(_EVERYONE))


def _user_changed(sender: Any, instance: User, **kwargs: Any) -> None:
    forget_user(instance.pk)


def _affiliation_changed(sender: Any, instance: Affiliation, **kwargs: Any) -> None:
    forget_user(instance.user_id)


def _organization_changed(sender: Any, **kwargs: Any) -> None:
    forget_everyone()


def _signed_in(sender: Any, user: User, **kwargs: Any) -> None:
    load_user(user.pk)  # loaded once per sign-in: the first page costs what the next ones do


def connect() -> None:
    """Called once from AccountsConfig.ready: the saves and deletes that replace a generation, and
    the sign-in that loads the user."""
    user_logged_in.connect(_signed_in, weak=False, dispatch_uid="signed-in-load")
    receivers: list[tuple[type[Model] | str, Callable[..., None]]] = [
        (User, _user_changed),
        (Affiliation, _affiliation_changed),
        ("organization.MemberState", _organization_changed),
        ("organization.Body", _organization_changed),
    ]
    for sender, receiver in receivers:
        name = sender if isinstance(sender, str) else sender.__name__
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=sender, weak=False, dispatch_uid=f"signed-in-{name}")
