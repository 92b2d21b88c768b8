from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class SwitchAffiliationForm(forms.Form):
    affiliation = forms.IntegerField(label=_("Act for"), widget=forms.HiddenInput)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “reporting script”."),
    )
