from __future__ import annotations

from django.db.models import QuerySet

from .models import Affiliation, ApiToken, User


def affiliations_of(user: User) -> QuerySet[Affiliation]:
    return Affiliation.objects.filter(user=user, active=True).select_related("state", "body")


def tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)
