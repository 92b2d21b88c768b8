from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.organization.models import MemberState

from .models import ProcedureStep
from .states import ActionType


class ActionForm(forms.Form):
    state = forms.ModelChoiceField(label=_("State"), queryset=MemberState.objects.all())
    type = forms.ChoiceField(label=_("Action"), choices=ActionType.choices)
    step = forms.ModelChoiceField(
        label=_("Internal procedure step"),
        queryset=ProcedureStep.objects.select_related("state"),
        required=False,
    )
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    reservation = forms.CharField(
        label=_("Reservation or statement"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence = forms.CharField(label=_("Document"), required=False, max_length=300)
