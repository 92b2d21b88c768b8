from django.contrib import admin

from concord.audit.admin_mixins import AuditedModelAdmin

from .models import Region


@admin.register(Region)
class RegionAdmin(AuditedModelAdmin):
    """Analysts edit regions on the monitoring pages; administrators may too."""

    list_display = ["code", "name_ru", "name_en", "position"]
