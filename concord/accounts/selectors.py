from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from .models import Affiliation, ApiToken, RoleChoices, User

_SYSTEM = gettext_lazy("the system")


def affiliations_of(user: User) -> QuerySet[Affiliation]:
    return Affiliation.objects.filter(user=user, active=True).select_related("state", "body")


def tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def affiliation_label(stored: str, names: dict[str, str]) -> str:
    """A stored affiliation label ("<organ in English> / <role code>", as records keep it) in the
    reader's language: the organ's name (`names`, from `organ_names`) and the role's label; what it
    cannot read stays as stored."""
    organ, separator, role = stored.rpartition(" / ")
    if not separator:
        return str(_SYSTEM) if stored == "system" else stored
    label = RoleChoices(role).label if role in RoleChoices.values else role
    return f"{names.get(organ, organ)} / {label}"


def organ_names() -> dict[str, str]:
    """English names of states and bodies -> their names in the active language."""
    from concord.organization.selectors import organ_names_by_english

    return organ_names_by_english()
