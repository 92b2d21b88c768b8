from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import models
from django.http import HttpRequest, HttpResponse

from concord.audit.admin_mixins import AuditedModelAdmin
from concord.audit.services import record
from concord.core.actors import actor_of

from .codes import Verb
from .models import Affiliation, ApiToken, User


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    fk_name = "user"
    extra = 0


@admin.register(User)
class ConcordUserAdmin(AuditedModelAdmin, UserAdmin):
    inlines = [AffiliationInline]
    list_display = ["username", "first_name", "last_name", "current_affiliation", "is_active"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Personal info", {"fields": ("first_name", "last_name", "email")}),
        ("Access", {"fields": ("is_active", "current_affiliation")}),
    )

    def get_inlines(self, request: HttpRequest, obj: Any) -> list[Any]:
        # Administrators keep other people's affiliations, never their own: no one gives
        # themselves the right to speak for a state.
        return [] if obj is not None and obj.pk == request.user.pk else list(self.inlines)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "current_affiliation":
            # A user can only act for one of their own affiliations.
            match = request.resolver_match
            user_id: str = (match.kwargs.get("object_id") if match else None) or "0"
            kwargs["queryset"] = Affiliation.objects.filter(
                user_id=user_id, active=True
            ).select_related("state", "body")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            record(
                Verb.ADMIN_CHANGE_PASSWORD, actor=actor_of(request), target=User.objects.get(pk=id)
            )
        return response


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Read-only: tokens are made and revoked by their owners; the admin only lists them."""

    list_display = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_select_related = ["user"]
    exclude = ["digest"]

    def has_add_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        return False
