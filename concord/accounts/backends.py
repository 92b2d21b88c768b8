from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend, ModelBackend

from concord.core.actors import Someone
from concord.core.models import viewer_of

from .models import User
from .signed_in import load_user

# Apps whose records are reference data that Secretariat administrators keep in the admin.
REFERENCE_DATA_APPS = {
    "organization",
    "accounts",
    "consultations",
    "agreements",
    "operations",
    "monitoring",
    "forces",
    "parliament",
}


def is_secretariat_administrator(user: Someone) -> bool:
    return viewer_of(user).is_secretariat_administrator


class SecretariatAdministratorBackend(BaseBackend):
    """Grants the admin's model permissions on reference data to Secretariat administrators,
    while they act for the Secretariat, and to no one else. It authenticates nobody."""

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        app_label = perm.split(".", 1)[0]
        return app_label in REFERENCE_DATA_APPS and is_secretariat_administrator(user_obj)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return app_label in REFERENCE_DATA_APPS and is_secretariat_administrator(user_obj)


class ConcordModelBackend(ModelBackend):
    """Django's password backend, with the user of each signed-in request loaded as `signed_in`
    says: the user, the affiliation they act for with its state or body, and whether any of their
    active affiliations asks for the second factor (SecondFactorMiddleware's question on every
    request), from the database once per change and from the shared cache in between."""

    def get_user(self, user_id: Any) -> User | None:
        user = load_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
