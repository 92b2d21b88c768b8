from django.contrib import admin

from concord.audit.admin_mixins import AuditedModelAdmin

from .models import ProcedureStep


@admin.register(ProcedureStep)
class ProcedureStepAdmin(AuditedModelAdmin):
    """The steps of each state's internal procedure are configuration the depositary keeps."""

    list_display = ["state", "position", "name_ru", "name_en"]
    list_select_related = ["state"]
