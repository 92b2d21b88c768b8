from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.organization.models import MemberState

from .models import Agreement, ProcedureStep, TreatyAction
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
        label=_("Text of a reservation or declaration"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence = forms.CharField(
        label=_("Document"),
        required=False,
        max_length=300,
        help_text=_("The note or instrument that proves it."),
    )
    corrects = forms.ModelChoiceField(
        label=_("Corrects the action"), queryset=TreatyAction.objects.none(), required=False
    )

    def __init__(self, *args: object, agreement: Agreement, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field: forms.ModelChoiceField = self.fields["corrects"]  # type: ignore[assignment]
        field.queryset = TreatyAction.objects.filter(
            agreement=agreement, corrections=None
        ).select_related("state", "step")
