from django.contrib import admin

from concord.audit.admin_mixins import AuditedModelAdmin

from .models import Body, Chairmanship, MemberState, SecretaryGeneralTerm


@admin.register(MemberState)
class MemberStateAdmin(AuditedModelAdmin):
    list_display = ["name_ru", "name_en", "iso2", "membership", "participation"]
    search_fields = ["name_ru", "name_en", "iso2", "iso3"]


@admin.register(Body)
class BodyAdmin(AuditedModelAdmin):
    list_display = [
        "code",
        "name_ru",
        "name_en",
        "kind",
        "tier",
        "parent",
        "chaired_by_chair_state",
    ]
    list_filter = ["kind", "tier"]
    list_select_related = ["parent"]
    search_fields = ["code", "name_ru", "name_en"]


@admin.register(Chairmanship)
class ChairmanshipAdmin(AuditedModelAdmin):
    list_display = ["year", "state", "proposed_state", "decided_on"]
    list_select_related = ["state", "proposed_state"]


@admin.register(SecretaryGeneralTerm)
class SecretaryGeneralTermAdmin(AuditedModelAdmin):
    list_display = ["person_ru", "person_en", "state", "starts_on", "ends_on", "acting"]
    list_select_related = ["state"]
