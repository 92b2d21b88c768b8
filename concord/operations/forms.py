from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.forms import LabelsLanguages

from .models import Agency, BreakdownItem, Indicator, NationalReport, Unit

MAX_UPLOAD = 50 * 1024 * 1024


class VersionForm(forms.Form):
    """Carries the edit counter the user saw, so that a change made meanwhile is not overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReplacingForm(VersionForm):
    """A change that replaces a draft's figures: the edit counter is required, never assumed."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class FigureForm(ReplacingForm):
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("— all agencies —"),
    )
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    item = forms.ModelChoiceField(
        label=_("Breakdown"),
        queryset=BreakdownItem.objects.none(),
        required=False,
        empty_label=_("— not broken down —"),
    )
    value = forms.CharField(label=_("Value"), max_length=40)
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("— none (count) —"),
    )

    def __init__(self, *args: Any, report: NationalReport, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(state=report.state)  # type: ignore[attr-defined]
        indicators = report.stage.operation.indicators.select_related("unit")
        self.fields["indicator"].queryset = indicators  # type: ignore[attr-defined]
        self.fields["item"].queryset = BreakdownItem.objects.filter(  # type: ignore[attr-defined]
            breakdown__in=indicators.values("breakdown")
        ).select_related("breakdown")

    def cells(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "agency": d["agency"].code if d["agency"] else "",
            "indicator": d["indicator"].code,
            "item": d["item"].code if d["item"] else "",
            "value": d["value"],
            "unit": d["unit"].code if d["unit"] else "",
        }


class UploadForm(ReplacingForm):
    file = forms.FileField(label=_("Spreadsheet (XLSX or CSV)"))

    def clean_file(self) -> Any:
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        return file


class PressReleaseForm(LabelsLanguages, VersionForm):
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300)
    body_ru = forms.CharField(label=_("Text (Russian)"), widget=forms.Textarea(attrs={"rows": 12}))
    title_en = forms.CharField(label=_("Title (English)"), max_length=300)
    body_en = forms.CharField(label=_("Text (English)"), widget=forms.Textarea(attrs={"rows": 12}))
