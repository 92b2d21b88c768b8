from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.views import RequiresVersion

from .countries import bad_provinces, codes, unknown_countries
from .models import Region
from .selectors import Filters
from .states import AlertStatus, ReportPeriod, ViolenceType


class PictureForm(forms.Form):
    """The filters of the situation picture; every field optional, bad values are field errors."""

    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("— all —"),
    )
    country = forms.CharField(label=_("Country (ISO3)"), max_length=3, required=False)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    violence = forms.TypedChoiceField(
        label=_("Type of violence"),
        choices=[("", _("— all —")), *ViolenceType.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )
    actor = forms.CharField(label=_("Actor"), max_length=100, required=False)

    def clean_country(self) -> str:
        value = self.cleaned_data["country"].strip().upper()
        if value and value not in codes().by_iso3:
            raise forms.ValidationError(_("Not an ISO 3166-1 alpha-3 code."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period ends before it starts."))
        return data

    def filters(self) -> Filters:
        d = self.cleaned_data if self.is_valid() else {}
        return Filters(
            region=d.get("region"),
            country=d.get("country", ""),
            start=d.get("start"),
            end=d.get("end"),
            violence=d.get("violence"),
            actor=d.get("actor", ""),
        )


class DecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    decision = forms.ChoiceField(
        choices=[
            (AlertStatus.ACKNOWLEDGED, _("Acknowledge")),
            (AlertStatus.DISMISSED, _("Dismiss")),
            ("escalate", _("Escalate to a joint assessment")),
        ]
    )


def _codes(text: str) -> list[str]:
    return [c for c in (part.strip() for part in re.split(r"[,\n;\s]+", text)) if c]


class RegionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    code = forms.SlugField(label=_("Code"), max_length=40)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    countries = forms.CharField(
        label=_("Countries (ISO3, comma-separated)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    provinces = forms.CharField(
        label=_("Provinces (ISO3/name, one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_countries(self) -> list[str]:
        values = [c.upper() for c in _codes(self.cleaned_data["countries"])]
        unknown = unknown_countries(values)
        if unknown:
            raise forms.ValidationError(
                _("Unknown ISO3 codes: %(codes)s") % {"codes": ", ".join(unknown)}
            )
        return list(dict.fromkeys(values))

    def clean_provinces(self) -> list[str]:
        values = [
            p for p in (line.strip() for line in self.cleaned_data["provinces"].splitlines()) if p
        ]
        bad = bad_provinces(values)
        if bad:
            raise forms.ValidationError(
                _("Write each province as ISO3/name, e.g. RUS/Belgorod: %(bad)s")
                % {"bad": "; ".join(bad)}
            )
        return list(dict.fromkeys(values))


class RegionEditForm(RequiresVersion, RegionForm):
    """An existing region changed: its edit counter is required (a new one has none)."""


class NewReportForm(forms.Form):
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), to_field_name="code"
    )
    period = forms.ChoiceField(label=_("Period"), choices=ReportPeriod.choices)
    end = forms.DateField(label=_("Period ends on"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_end(self) -> dt.date:
        end: dt.date = self.cleaned_data["end"]
        if end.year < 1989 or end > dt.date.today() + dt.timedelta(days=366):
            raise forms.ValidationError(_("Choose a date between 1989 and next year."))
        return end


class ReportForm(RequiresVersion):
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300)
    body_ru = forms.CharField(label=_("Text (Russian)"), widget=forms.Textarea(attrs={"rows": 14}))
    title_en = forms.CharField(label=_("Title (English)"), max_length=300)
    body_en = forms.CharField(label=_("Text (English)"), widget=forms.Textarea(attrs={"rows": 14}))
