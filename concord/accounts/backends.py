from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from concord.core.actors import Someone
from concord.core.models import viewer_of

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
