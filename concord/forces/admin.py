"""Reference data of the collective forces kept in the admin, every change audited: formations and
their requirements, the register of units, and the readiness questionnaires (evaluation programmes
are data: a new edition is added here and made the one in use; assessments keep the edition they
were answered on). Assessments are not edited here: they have their own workflow."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _

from concord.audit.admin_mixins import AuditedModelAdmin

from .models import Criterion, Formation, Questionnaire, Requirement, Unit
from .services import UNIT_FIELDS


class RequirementInline(admin.TabularInline):
    model = Requirement
    extra = 0


@admin.register(Formation)
class FormationAdmin(AuditedModelAdmin):
    list_display = ["code", "short_ru", "short_en", "name_ru", "published_strength"]
    filter_horizontal = ["states"]
    inlines = [RequirementInline]


@admin.register(Requirement)
class RequirementAdmin(AuditedModelAdmin):
    list_display = ["formation", "kind", "capability_ru", "units", "strength", "demo"]
    list_filter = ["formation", "kind"]
    list_select_related = ["formation"]


class UnitAdminForm(forms.ModelForm):
    """The register's rule in the admin too: a unit is pledged to a formation its state is in."""

    class Meta:
        model = Unit
        fields = [*UNIT_FIELDS, "certified_on"]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        formation, state = cleaned.get("formation"), cleaned.get("state")
        if formation and state and not formation.states.filter(pk=state.pk).exists():
            self.add_error(
                "formation",
                _("This state does not take part in %(formation)s.") % {"formation": formation},
            )
        return cleaned


@admin.register(Unit)
class UnitAdmin(AuditedModelAdmin):
    form = UnitAdminForm
    list_display = ["name_ru", "formation", "state", "kind", "strength", "certified_on", "score"]
    list_filter = ["formation", "state", "kind", "readiness"]
    list_select_related = ["formation", "state"]
    # Set by reviewed assessments and the edit counter, never by hand.
    readonly_fields = ["score", "previous_score", "assessed_on", "version"]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    ordering = ["number"]


@admin.register(Questionnaire)
class QuestionnaireAdmin(AuditedModelAdmin):
    list_display = ["name_ru", "kind", "edition", "active"]
    list_filter = ["kind", "active"]
    inlines = [CriterionInline]


@admin.register(Criterion)
class CriterionAdmin(AuditedModelAdmin):
    list_display = ["questionnaire", "number", "text_ru", "max_score", "weight"]
    list_filter = ["questionnaire"]
    list_select_related = ["questionnaire"]
