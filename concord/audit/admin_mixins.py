from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from concord.core.actors import actor_of

from .codes import Verb
from .selectors import last_seq_for
from .services import record

SECRET_FIELDS = ("password",)


class AuditedModelAdmin(admin.ModelAdmin):
    """Reference data edited in the admin is audited like every other change, and an edit made on a
    record that someone else changed since the form was opened is refused rather than overwriting it.

    Every change is in the audit log, so "changed since I opened it" is "has an audit entry newer than
    the one that was last when the form was drawn".
    """

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if kwargs.get("fields"):
            # The model form is built from the model's fields only; audit_seq is added below.
            kwargs["fields"] = [f for f in kwargs["fields"] if f != "audit_seq"]
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None:
            return form
        seen = last_seq_for(obj)

        class GuardedForm(form):  # type: ignore[valid-type,misc]
            audit_seq = forms.IntegerField(widget=forms.HiddenInput, initial=seen, required=False)

            def clean(self) -> dict[str, Any]:
                cleaned: dict[str, Any] = super().clean()
                if last_seq_for(obj) > (cleaned.get("audit_seq") or 0):
                    raise ValidationError(
                        _(
                            "Someone else changed this record after you opened it. Your input is "
                            "kept below: open the record again in another tab to see their change, "
                            "then save yours on top of it."
                        ),
                        code="stale",
                    )
                return cleaned

        return GuardedForm

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or "audit_seq" in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], "audit_seq"]}), *rest]

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            changed = [f for f in form.changed_data if f != "audit_seq"]
            record(
                Verb.ADMIN_CHANGE if change else Verb.ADMIN_ADD,
                actor=actor_of(request),
                target=obj,
                summary=", ".join(changed),
                changes={
                    f: "(changed)"
                    if any(s in f for s in SECRET_FIELDS)
                    else str(form.cleaned_data.get(f))
                    for f in changed
                },
            )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_formset(request, form, formset, change)
            for obj in formset.new_objects:
                record(
                    Verb.ADMIN_ADD,
                    actor=actor_of(request),
                    target=obj,
                    summary=f"in {form.instance}",
                )
            for obj, fields in formset.changed_objects:
                record(
                    Verb.ADMIN_CHANGE,
                    actor=actor_of(request),
                    target=obj,
                    summary=", ".join(fields),
                )
            for obj in formset.deleted_objects:
                record(
                    Verb.ADMIN_DELETE,
                    actor=actor_of(request),
                    target=obj,
                    summary=f"in {form.instance}",
                )

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        with transaction.atomic():
            record(Verb.ADMIN_DELETE, actor=actor_of(request), target=obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        with transaction.atomic():
            for obj in queryset:
                record(Verb.ADMIN_DELETE, actor=actor_of(request), target=obj)
            super().delete_queryset(request, queryset)
