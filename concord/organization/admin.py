from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from concord.audit.admin_mixins import AuditedModelAdmin
from concord.core.actors import actor_of

from . import rules, services
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
class ChairmanshipAdmin(admin.ModelAdmin):
    """Shown only: a chairmanship is a recorded decision, made on the chairmanship page or the API,
    which checks it against the rotation. The admin must not rewrite that history."""

    list_display = ["year", "state", "proposed_state", "decided_on"]
    list_select_related = ["state", "proposed_state"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class TermForm(ModelForm):
    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends:
            terms = [rules.Term(t.starts_on, t.ends_on) for t in SecretaryGeneralTerm.objects.all()]
            if ends < starts or rules.overlapping(terms, rules.Term(starts, ends)):
                raise ValidationError(
                    _("The term must end after it starts and must not overlap another term.")
                )
        return cleaned


@admin.register(SecretaryGeneralTerm)
class SecretaryGeneralTermAdmin(admin.ModelAdmin):
    """Terms are added through the service, which refuses overlapping terms; recorded terms stay."""

    form = TermForm
    list_display = ["person_ru", "person_en", "state", "starts_on", "ends_on", "acting"]
    list_select_related = ["state"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None  # the add form, never a change

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        saved = services.add_secretary_general_term(actor=actor_of(request), **form.cleaned_data)
        obj.pk = saved.pk
