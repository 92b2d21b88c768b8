from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.forms import ModelForm
from django.http import HttpRequest

from .services import record


class AuditedModelAdmin(admin.ModelAdmin):
    """Reference data edited in the admin is audited like every other change."""

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            record(
                request.user,
                verb=f"admin.{'change' if change else 'add'}",
                target=obj,
                summary=", ".join(form.changed_data),
                changes={f: str(form.cleaned_data.get(f)) for f in form.changed_data},
            )

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        with transaction.atomic():
            record(request.user, verb="admin.delete", target=obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        with transaction.atomic():
            for obj in queryset:
                record(request.user, verb="admin.delete", target=obj)
            super().delete_queryset(request, queryset)
