from django.contrib import admin

from concord.audit.admin_mixins import AuditedModelAdmin

from .models import DecisionRule, NonWorkingDay, Route, RouteStep, Session


class RouteStepInline(admin.TabularInline):
    model = RouteStep
    extra = 0


@admin.register(Route)
class RouteAdmin(AuditedModelAdmin):
    list_display = ["code", "name_ru", "name_en"]
    inlines = [RouteStepInline]


@admin.register(DecisionRule)
class DecisionRuleAdmin(AuditedModelAdmin):
    list_display = ["body", "kind", "rule", "quorum"]
    list_select_related = ["body"]


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(AuditedModelAdmin):
    list_display = ["date", "name_ru", "name_en"]


@admin.register(Session)
class SessionAdmin(AuditedModelAdmin):
    list_display = ["date", "body", "kind", "format", "venue_ru"]
    list_select_related = ["body"]
    filter_horizontal = ["participants"]
