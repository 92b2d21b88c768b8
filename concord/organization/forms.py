from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MemberState


class ChairmanshipForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1992, max_value=2100)
    state = forms.ModelChoiceField(label=_("Chairing state"), queryset=MemberState.objects.all())
    decided_on = forms.DateField(
        label=_("Decided on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    decided_by = forms.CharField(label=_("Decision"), max_length=300, required=False)
    theme_ru = forms.CharField(label=_("Theme (Russian)"), max_length=300, required=False)
    theme_en = forms.CharField(label=_("Theme (English)"), max_length=300, required=False)
    note_ru = forms.CharField(
        label=_("Note (Russian)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    note_en = forms.CharField(
        label=_("Note (English)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
