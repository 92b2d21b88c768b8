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
