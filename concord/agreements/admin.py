from typing import Any

from django import forms
from django.contrib import admin

from concord.audit.admin_mixins import AuditedModelAdmin
from concord.organization.models import MemberState

from . import rules, stored
from .models import Agreement, ProcedureStep


@admin.register(ProcedureStep)
class ProcedureStepAdmin(AuditedModelAdmin):
    """The steps of each state's internal procedure are configuration the depositary keeps."""

    list_display = ["state", "position", "name_ru", "name_en"]
    list_select_related = ["state"]


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "kind",
            "title_ru",
            "title_en",
            "amends",
            "document",
            "signed_on",
            "place_ru",
            "place_en",
            "rule",
            "signatories",
            "signatories_recorded",
            "deposits_recorded",
            "published_status",
            "known_in_force",
            "published_source",
            "duration_ru",
            "duration_en",
            "note_ru",
            "note_en",
            "marking",
            "illustrative",
        ]

    def clean_rule(self) -> Any:
        rule = self.cleaned_data["rule"]
        if rule is not None:
            try:
                rules.parse_rule(rule, list(MemberState.objects.values_list("iso2", flat=True)))
            except rules.RuleError as error:
                raise forms.ValidationError(str(error)) from error
        return rule


@admin.register(Agreement)
class AgreementAdmin(AuditedModelAdmin):
    """The register's facts that are not treaty actions: the clause, the signature block and what was
    published (status, date, source). Treaty actions are recorded on the agreement's page."""

    form = AgreementForm
    list_display = ["title_ru", "kind", "signed_on", "published_status", "known_in_force"]
    list_filter = ["kind", "published_status", "deposits_recorded"]
    filter_horizontal = ["signatories"]
    raw_id_fields = ["amends", "document"]
    search_fields = ["title_ru", "title_en"]

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        """The clause and the signature block are what the engine reads: keep its answer."""
        super().save_related(request, form, formsets, change)
        stored.refresh(form.instance)
