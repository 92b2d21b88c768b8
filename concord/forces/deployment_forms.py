"""The forms of a deployment's steps: the shape of the input only; the services judge the order and
the dates. Times are entered in the host state's local time (the views set it)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.organization.models import MemberState

from .models import Contingent, Deployment, Formation
from .states import LogKind


def _when(label: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


def _text(
    label: Any, *, required: bool = True, rows: int = 0, max_length: int = 300
) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label, required=required, widget=widget, max_length=None if rows else max_length
    )


class VersionForm(forms.Form):
    """Carries the edit counter the user saw, so that a change made meanwhile is not overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RequestForm(forms.Form):
    host = forms.ModelChoiceField(label=_("Requesting state"), queryset=MemberState.objects.none())
    requested_at = _when(_("Request received at (local time of the requesting state)"))
    letter_reference_ru = _text(_("Letter (Russian)"), max_length=200)
    letter_reference_en = _text(_("Letter (English)"), required=False, max_length=200)
    request_text_ru = _text(_("Text of the request (Russian)"), required=False, rows=4)
    request_text_en = _text(_("Text of the request (English)"), required=False, rows=4)
    formation = forms.ModelChoiceField(
        label=_("Formation"),
        queryset=Formation.objects.all(),
        required=False,
        empty_label=_("— not named —"),
    )

    def __init__(self, *args: Any, states: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = states  # type: ignore[attr-defined]


class DecisionForm(VersionForm):
    decided_at = _when(_("Decided at"))
    decision_reference_ru = _text(_("Decision (Russian)"))
    decision_reference_en = _text(_("Decision (English)"), required=False)
    legal_basis_ru = _text(_("Legal basis (Russian)"))
    legal_basis_en = _text(_("Legal basis (English)"), required=False)
    tasks_ru = _text(_("Tasks (Russian)"), required=False, rows=3)
    tasks_en = _text(_("Tasks (English)"), required=False, rows=3)
    area_ru = _text(_("Area (Russian)"), required=False)
    area_en = _text(_("Area (English)"), required=False)
    duration_ru = _text(_("Duration (Russian)"), required=False, max_length=200)
    duration_en = _text(_("Duration (English)"), required=False, max_length=200)


class RefusalForm(VersionForm):
    decided_at = _when(_("Ended at"))
    decision_reference_ru = _text(_("Decision or record (Russian)"), required=False)
    decision_reference_en = _text(_("Decision or record (English)"), required=False)


class CommandForm(VersionForm):
    lead_state = forms.ModelChoiceField(label=_("Lead state"), queryset=MemberState.objects.none())
    commander_ru = _text(_("Commander (Russian)"), max_length=200)
    commander_en = _text(_("Commander (English)"), required=False, max_length=200)

    def __init__(self, *args: Any, deployment: Deployment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_state"].queryset = MemberState.objects.filter(  # type: ignore[attr-defined]
            pk__in=deployment.contingents.values("state")
        )


class OfferForm(forms.Form):
    offered = forms.IntegerField(label=_("Personnel offered"), min_value=1)
    offered_at = _when(_("Offered at"))


class AcceptanceForm(VersionForm):
    accepted_at = _when(_("Accepted at"))
    strength = forms.IntegerField(label=_("Personnel deployed"), min_value=1)
    equipment = forms.IntegerField(label=_("Equipment"), min_value=0, required=False)


class ArrivalForm(VersionForm):
    arrived_at = _when(_("Arrived at"))


class WithdrawalForm(VersionForm):
    withdrawn_at = _when(_("Withdrawn at"))


class SiteForm(forms.Form):
    name_ru = _text(_("Name (Russian)"), max_length=200)
    name_en = _text(_("Name (English)"), max_length=200)
    since = _when(_("Protected since"))
    contingent = forms.ModelChoiceField(
        label=_("Contingent"), queryset=Contingent.objects.none(), required=False
    )
    latitude = forms.FloatField(label=_("Latitude"), required=False)
    longitude = forms.FloatField(label=_("Longitude"), required=False)

    def __init__(self, *args: Any, deployment: Deployment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["contingent"]
        field.queryset = deployment.contingents.filter(  # type: ignore[attr-defined]
            arrived_at__isnull=False
        ).select_related("state")
        field.label_from_instance = lambda c: c.state.name  # type: ignore[attr-defined]


class LogForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[(k, label) for k, label in LogKind.choices if k != LogKind.UN_INFORMED],
    )
    at = _when(_("At"))
    text_ru = _text(_("Text (Russian)"), required=False, rows=2)
    text_en = _text(_("Text (English)"), required=False, rows=2)


class UnInformedForm(VersionForm):
    on = forms.DateField(label=_("Informed on"), widget=forms.DateInput(attrs={"type": "date"}))


class CompletionForm(VersionForm):
    decided_at = _when(_("Decided at"))
    decision_reference_ru = _text(_("Decision to complete (Russian)"))
    decision_reference_en = _text(_("Decision to complete (English)"), required=False)


class ReportForm(VersionForm):
    reported_at = _when(_("Reported at"))
    report_reference_ru = _text(
        _("Report (Russian; leave empty if the document is not on record)"), required=False
    )
    report_reference_en = _text(_("Report (English)"), required=False)
