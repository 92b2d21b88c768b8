"""The pages' forms: field names are the services' keywords, so that a service's error lands beside
its field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.forms import LanguageLabelledSelect
from concord.organization.models import Body, MemberState

from .models import Activity, Contract, Programme, ProgrammeStage

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionForm(forms.Form):
    """Carries the edit counter the user saw, so that a change made meanwhile is not overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DeliveryForm(forms.Form):
    stage = forms.ModelChoiceField(label=_("Stage"), queryset=ProgrammeStage.objects.none())
    activity = forms.ModelChoiceField(label=_("Activity"), queryset=Activity.objects.none())
    contract = forms.ModelChoiceField(
        label=_("Contract"),
        queryset=Contract.objects.none(),
        required=False,
        widget=LanguageLabelledSelect,
    )
    delivered_on = forms.DateField(label=_("Delivered on"), widget=DATE)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1)
    destination = forms.CharField(label=_("Outpost or site"), max_length=200, required=False)
    document = forms.CharField(label=_("Document"), max_length=300)

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = programme.stages.order_by("number")  # type: ignore[attr-defined]
        self.fields["activity"].queryset = programme.activities.select_related("stage")  # type: ignore[attr-defined]
        self.fields["contract"].queryset = programme.contracts.all()  # type: ignore[attr-defined]


class ContractForm(forms.Form):
    activity = forms.ModelChoiceField(label=_("Activity"), queryset=Activity.objects.none())
    number = forms.CharField(label=_("Contract number"), max_length=60)
    supplier = forms.CharField(label=_("Supplier"), max_length=300)
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE)
    amount = forms.DecimalField(label=_("Amount"), max_digits=18, decimal_places=2)
    currency = forms.CharField(label=_("Currency (ISO code)"), max_length=3)
    document = forms.CharField(label=_("Document"), max_length=300, required=False)

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = programme.activities.select_related("stage")  # type: ignore[attr-defined]


class ChangeForm(forms.Form):
    summary_ru = forms.CharField(
        label=_("What changes (Russian)"), widget=forms.Textarea(attrs={"rows": 3})
    )
    summary_en = forms.CharField(
        label=_("What changes (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class PaymentForm(forms.Form):
    state = forms.ModelChoiceField(label=_("State"), queryset=MemberState.objects.all())
    amount = forms.DecimalField(label=_("Amount"), max_digits=18, decimal_places=2)
    currency = forms.CharField(label=_("Currency (ISO code)"), max_length=3)
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE)
    reference = forms.CharField(label=_("Payment document"), max_length=200, required=False)


class PlanForm(forms.Form):
    session = forms.ModelChoiceField(label=_("Session"), queryset=MemberState.objects.none())
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    dated = forms.DateField(label=_("Plan date"), widget=DATE)

    def __init__(self, *args: Any, sessions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions  # type: ignore[attr-defined]


class TaskForm(forms.Form):
    decision = forms.ModelChoiceField(label=_("Decision"), queryset=MemberState.objects.none())
    text_ru = forms.CharField(label=_("Task (Russian)"), widget=forms.Textarea(attrs={"rows": 2}))
    text_en = forms.CharField(
        label=_("Task (English)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)
    bodies = forms.ModelMultipleChoiceField(
        label=_("Responsible bodies"), queryset=Body.objects.all(), required=False
    )
    states = forms.ModelMultipleChoiceField(
        label=_("Responsible states"), queryset=MemberState.objects.all(), required=False
    )

    def __init__(self, *args: Any, decisions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions  # type: ignore[attr-defined]


class ApproveForm(VersionForm):
    on = forms.DateField(label=_("Approved on"), widget=DATE)


class ReportForm(VersionForm):
    text = forms.CharField(label=_("Report"), widget=forms.Textarea(attrs={"rows": 2}))
    done = forms.BooleanField(label=_("Our part is done"), required=False)


class ReturnForm(VersionForm):
    reason = forms.CharField(label=_("Why the report is returned"), max_length=2000)


class ValueForm(forms.Form):
    on = forms.DateField(label=_("As of"), widget=DATE)
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
