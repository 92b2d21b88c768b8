from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from concord.audit.admin_mixins import AuditedModelAdmin

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


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Read-only: tokens are made and revoked by their owners; the admin only shows them."""

    list_display = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_select_related = ["user"]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
