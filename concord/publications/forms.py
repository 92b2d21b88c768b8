from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.forms import LabelsLanguages

from .models import Publication, Tag
from .states import Kind, Section
from .text import MAX_QUERY


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY, required=False, strip=True)
    section = forms.ChoiceField(
        label=_("Section"), choices=[("", _("all")), *Section.choices], required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("all")), *Kind.choices], required=False
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("both")), ("ru", _("Russian")), ("en", _("English"))],
        required=False,
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=1000, widget=forms.HiddenInput)

    def __init__(self, *args: Any, inside: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not inside:
            del self.fields["kind"]

    def clean_q(self) -> str:
        return self.cleaned_data["q"].replace("\x00", "")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data.setdefault("kind", "")
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period ends before it starts."))
        return data


class PublicationForm(LabelsLanguages, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    tags = forms.ModelMultipleChoiceField(
        label=_("Tags"),
        queryset=Tag.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Publication
        fields = [
            "section",
            "title_ru",
            "summary_ru",
            "body_ru",
            "title_en",
            "summary_en",
            "body_en",
            "tags",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 3 if f.startswith("summary") else 12})
            for f in ("summary_ru", "summary_en", "body_ru", "body_en")
        }
        help_texts = {
            "title_en": _("Leave the English texts empty if there is no English version yet.")
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def _post_clean(self) -> None:  # the service validates and saves; the form only reads
        pass


class PublishForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    at = forms.DateTimeField(
        label=_("Publish at (empty: now)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_at(self) -> dt.datetime | None:
        at: dt.datetime | None = self.cleaned_data["at"]
        if at and at.year > 2100:
            raise forms.ValidationError(_("Choose a date before 2100."))
        return at


class UnpublishForm(LabelsLanguages, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note_ru = forms.CharField(label=_("Why (Russian)"), max_length=300, required=False)
    note_en = forms.CharField(label=_("Why (English)"), max_length=300, required=False)
