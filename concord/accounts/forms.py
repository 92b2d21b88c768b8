from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import MailMode


class SwitchAffiliationForm(forms.Form):
    affiliation = forms.IntegerField(label=_("Act for"), widget=forms.HiddenInput)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “reporting script”."),
    )


class MailSettingsForm(forms.Form):
    mode = forms.ChoiceField(label=_("E-mail notifications"), choices=MailMode.choices)
    language = forms.ChoiceField(label=_("Language of e-mails"), choices=settings.LANGUAGES)


class OneTimeCodeForm(forms.Form):
    code = forms.CharField(
        label=_("One-time code"),
        max_length=8,
        min_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=_("The six digits your authenticator app shows for Concord."),
    )
