"""The Assembly's structure and records kept in the admin by the Secretariat's administrator, every
change audited: parliaments and their chambers, the Assembly's bodies, members and their seats,
observers, sessions with their agendas, programmes of approximation and joint plans. Model laws,
harmonisation, requests and ratification have their own pages and API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from concord.audit.admin_mixins import AuditedModelAdmin
from concord.core.errors import DomainError

from .models import (
    AgendaItem,
    ApproximationProgramme,
    AssemblyBody,
    Chamber,
    JointPlan,
    Member,
    Observer,
    Parliament,
    ProgrammeItem,
    Seat,
    Session,
)
from .services import check_member


class ChamberInline(admin.TabularInline):
    model = Chamber
    extra = 0


@admin.register(Parliament)
class ParliamentAdmin(AuditedModelAdmin):
    list_display = ["name_ru", "state"]
    inlines = [ChamberInline]


@admin.register(AssemblyBody)
class AssemblyBodyAdmin(AuditedModelAdmin):
    list_display = ["name_ru", "kind", "demo"]
    list_filter = ["kind"]


class MemberAdminForm(forms.ModelForm):
    """The service's rule in the admin too: the chamber of one's own parliament, one delegation at
    a time."""

    class Meta:
        model = Member
        fields = ["name_ru", "name_en", "user", "parliament", "chamber", "since", "until"]
        fields += ["source", "demo"]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if not self.errors:
            try:
                check_member(Member(pk=self.instance.pk, **cleaned))
            except DomainError as error:
                self.add_error(error.field, str(error.message))
        return cleaned


class SeatInline(admin.TabularInline):
    model = Seat
    extra = 0


@admin.register(Member)
class MemberAdmin(AuditedModelAdmin):
    form = MemberAdminForm
    list_display = ["name_ru", "parliament", "chamber", "since", "until", "demo"]
    list_filter = ["parliament"]
    list_select_related = ["parliament", "chamber"]
    inlines = [SeatInline]


@admin.register(Observer)
class ObserverAdmin(AuditedModelAdmin):
    list_display = ["name_ru", "demo"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Session)
class SessionAdmin(AuditedModelAdmin):
    list_display = ["body", "held_on", "demo"]
    list_filter = ["body"]
    list_select_related = ["body"]
    inlines = [AgendaItemInline]


class ProgrammeItemInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 0


@admin.register(ApproximationProgramme)
class ApproximationProgrammeAdmin(AuditedModelAdmin):
    list_display = ["name_ru", "first_year", "last_year"]
    inlines = [ProgrammeItemInline]


@admin.register(JointPlan)
class JointPlanAdmin(AuditedModelAdmin):
    list_display = ["__str__", "demo"]
