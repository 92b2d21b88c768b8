"""The catalogue is data the Secretariat keeps: indicators, units, breakdowns, exchange rates,
agencies and observers are extended here without code, and so is each state's reporting rule (four
eyes). Reports are not edited here (they have their own workflow)."""

from django.contrib import admin

from concord.audit.admin_mixins import AuditedModelAdmin

from .models import (
    Agency,
    Breakdown,
    BreakdownItem,
    ExchangeRate,
    Indicator,
    Observer,
    Operation,
    ReportingRule,
    Stage,
    Unit,
)


@admin.register(Indicator)
class IndicatorAdmin(AuditedModelAdmin):
    list_display = [
        "operation",
        "code",
        "name_ru",
        "name_en",
        "dimension",
        "unit",
        "breakdown",
        "position",
    ]
    list_filter = ["operation"]
    list_select_related = ["operation", "unit", "breakdown"]


@admin.register(Unit)
class UnitAdmin(AuditedModelAdmin):
    list_display = ["code", "name_ru", "name_en", "dimension", "factor"]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(AuditedModelAdmin):
    list_display = ["currency", "valid_from", "per_usd"]
    list_filter = ["currency"]
    list_select_related = ["currency"]


@admin.register(Breakdown)
class BreakdownAdmin(AuditedModelAdmin):
    list_display = ["code", "name_ru", "name_en"]


@admin.register(BreakdownItem)
class BreakdownItemAdmin(AuditedModelAdmin):
    list_display = ["breakdown", "code", "name_ru", "name_en", "position"]
    list_filter = ["breakdown"]


@admin.register(Agency)
class AgencyAdmin(AuditedModelAdmin):
    list_display = ["code", "state", "name_ru", "name_en", "kind"]
    list_filter = ["state", "kind"]
    list_select_related = ["state"]


@admin.register(Observer)
class ObserverAdmin(AuditedModelAdmin):
    list_display = ["name_ru", "name_en", "kind"]


@admin.register(Operation)
class OperationAdmin(AuditedModelAdmin):
    list_display = ["code", "name_ru", "name_en", "marking", "since"]
    filter_horizontal = ["states", "agencies", "observers", "released_to"]


@admin.register(ReportingRule)
class ReportingRuleAdmin(AuditedModelAdmin):
    """Per state; a state without a rule applies four eyes (docs/operations.md)."""

    list_display = ["state", "four_eyes"]
    list_select_related = ["state"]


@admin.register(Stage)
class StageAdmin(AuditedModelAdmin):
    list_display = ["operation", "name_ru", "name_en", "starts_on", "ends_on", "host_state"]
    list_filter = ["operation"]
    list_select_related = ["operation", "host_state"]
    filter_horizontal = ["states", "agencies", "observers"]
    exclude = [
        "results_public"
    ]  # an explicit decision on the stage page, not a checkbox among others
