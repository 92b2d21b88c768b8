"""Who acts: a signed-in person, or the system itself. Never `None`.

Every service takes `actor` as a required keyword. A person is a user acting for their current
affiliation; `SYSTEM` is the system acting on its own (management commands, scheduled jobs, demo data,
reactions to domain events). Permission functions grant `SYSTEM` only what they say so explicitly, and
refuse `None`: a caller that forgets who acts gets no rights at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, Protocol, TypeAlias, cast, final

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from .rules import Viewer


class Person(Protocol):
    """What the kernel needs of a user (`accounts.User` is one)."""

    @property
    def pk(self) -> Any: ...

    @property
    def is_authenticated(self) -> bool: ...

    @property
    def is_active(self) -> bool: ...

    @property
    def viewer(self) -> Viewer: ...

    @property
    def acting_for_label(self) -> str: ...

    def get_username(self) -> str: ...


@final
class System:
    """The system acting on its own; stored in the audit log as "system", with no user."""

    pk: Final = None
    is_authenticated: Final = False
    is_active: Final = True
    acting_for_label: Final = "system"

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM: Final = System()

Actor: TypeAlias = "Person | System"
# Whoever looks at a page or calls the API: an actor, or a visitor who has not signed in.
Someone: TypeAlias = "Person | System | AnonymousUser"


def user_of(actor: Actor) -> Any:
    """The user to store in a "who did it" field: the person, or no one for the system."""
    if actor is SYSTEM:
        return None
    return require_actor(actor)


def actor_of(request: HttpRequest) -> Person:
    """The signed-in person behind a request; 403 for a visitor (pages that act require sign-in)."""
    if not request.user.is_authenticated:
        raise PermissionDenied
    return cast(Person, request.user)


def require_actor(actor: object) -> Actor:
    """`actor` itself, or TypeError for anything that is not a person or SYSTEM (None above all)."""
    if actor is SYSTEM:
        return SYSTEM
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise TypeError(f"{actor!r} cannot act: pass the signed-in user or SYSTEM")
    return cast("Person", actor)
