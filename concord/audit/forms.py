from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .verbs import object_type_label, verb_label


class EntryFilterForm(forms.Form):
    actor = forms.CharField(label=_("Actor"), required=False)
    verb = forms.ChoiceField(label=_("Action"), required=False)
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: object, verbs: list[str], object_types: list[str], **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        everything = [("", _("all"))]
        labelled = sorted(((v, verb_label(v)) for v in verbs), key=lambda choice: choice[1])
        self.fields["verb"].choices = everything + labelled  # type: ignore[attr-defined]
        types = sorted(((t, object_type_label(t)) for t in object_types if t), key=lambda c: c[1])
        self.fields["object_type"].choices = everything + types  # type: ignore[attr-defined]
