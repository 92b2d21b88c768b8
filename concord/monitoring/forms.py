from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from concord.core.forms import LabelsLanguages
from concord.core.views import RequiresVersion

from .countries import bad_provinces, codes, unknown_countries
from .models import Region
from .rules import month_index, month_text, year_month
from .selectors import Filters
from .states import AlertStatus, ReportPeriod, ViolenceType


class MonthField(forms.CharField):
    """A month written 2018-03 (a browser's month input sends that; a full date 2018-03-15 is read as
    its month, so older links keep working). Cleans to the month's index, or None when empty."""

    widget = forms.TextInput(
        attrs={
            "type": "month",  # a text box with the pattern where the browser has no month picker
            "pattern": r"[0-9]{4}-[0-9]{2}",
            "placeholder": _("YYYY-MM"),
            "inputmode": "numeric",
            "size": 8,
        }
    )

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        text = str(value or "").strip()
        if not text:
            return None
        found = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?", text)
        if found is None or not 1 <= int(found[2]) <= 12:
            raise forms.ValidationError(_("Write the month as YYYY-MM, e.g. 2018-03."))
        year = int(found[1])
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise forms.ValidationError(
                _("Choose a month between %(first)s and %(last)s.")
                % {"first": MIN_YEAR, "last": MAX_YEAR}
            )
        return month_index(year, int(found[2]))

    def prepare_value(self, value: Any) -> Any:
        """The month as the input shows it (2018-03), also for a full date given in a link; text
        that is not a month is shown back as typed, beside its error."""
        if isinstance(value, str):
            try:
                value = self.to_python(value)
            except forms.ValidationError:
                return value
        return month_text(value) if isinstance(value, int) else value


MIN_YEAR, MAX_YEAR = 1946, 2100  # UCDP's tables begin in 1946
DEFAULT_MONTHS = 12  # the picture opens on the last 12 months of data


class PictureForm(forms.Form):
    """The filters of the situation picture; every field optional, bad values are field errors. The
    period is whole months (`start`, `end`: 2018-03); with neither given (a first visit, a link from
    another page) it is the last 12 months of the selection's data, shown in the fields."""

    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        required=False,
        to_field_name="code",
        empty_label=_("— all —"),
    )
    country = forms.CharField(label=_("Country (ISO3)"), max_length=3, required=False)
    adm1 = forms.CharField(label=_("Province"), max_length=120, required=False)
    start = MonthField(label=_("From (month)"), required=False)
    end = MonthField(label=_("To (month)"), required=False)
    violence = forms.TypedChoiceField(
        label=_("Type of violence"),
        choices=[("", _("— all —")), *ViolenceType.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )
    actor = forms.CharField(label=_("Actor"), max_length=100, required=False)

    def __init__(
        self, data: Any = None, *, last_month: Callable[[Filters], int | None] | None = None
    ) -> None:
        """`last_month` gives the last month of data of a selection (None: no data at all); without
        it, no period is the whole record."""
        data = data.copy() if data is not None else QueryDict(mutable=True)
        self.defaulted = last_month is not None and "start" not in data and "end" not in data
        super().__init__(data)
        if self.defaulted and last_month is not None:
            chosen = self._filters({**self.cleaned_data_or_empty(), "start": None, "end": None})
            last = last_month(chosen)
            if last is not None:
                data["start"] = month_text(last - DEFAULT_MONTHS + 1)
                data["end"] = month_text(last)
                self.data = data
                self._errors = None  # validated again with the period

    def cleaned_data_or_empty(self) -> dict[str, Any]:
        return self.cleaned_data if self.is_valid() else {}

    def clean_country(self) -> str:
        value = self.cleaned_data["country"].strip().upper()
        if value and value not in codes().by_iso3:
            raise forms.ValidationError(_("Not an ISO 3166-1 alpha-3 code."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and end < start:
            self.add_error("end", _("The period ends before it starts."))
        return data

    def filters(self) -> Filters:
        return self._filters(self.cleaned_data_or_empty())

    @staticmethod
    def _filters(d: dict[str, Any]) -> Filters:
        start, end = d.get("start"), d.get("end")
        return Filters(
            region=d.get("region"),
            country=d.get("country", ""),
            adm_1=d.get("adm1", "").strip(),
            start=month_start(start) if start is not None else None,
            end=month_end(end) if end is not None else None,
            violence=d.get("violence"),
            actor=d.get("actor", ""),
        )

    def period(self) -> dict[str, str]:
        """The months applied, as the fields show them ("" for an open end)."""
        d = self.cleaned_data_or_empty()
        return {k: month_text(d[k]) if d.get(k) is not None else "" for k in ("start", "end")}


def month_start(index: int) -> dt.date:
    year, month = year_month(index)
    return dt.date(year, month, 1)


def month_end(index: int) -> dt.date:
    return month_start(index + 1) - dt.timedelta(days=1)


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


class ReportForm(LabelsLanguages, RequiresVersion):
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300)
    # A report's text quotes UCDP names as the data spell them (Latin in the Russian text): a
    # textarea cannot label part of its text, so its text is marked as content not to translate.
    body_ru = forms.CharField(
        label=_("Text (Russian)"),
        widget=forms.Textarea(attrs={"rows": 14, "translate": "no"}),
    )
    title_en = forms.CharField(label=_("Title (English)"), max_length=300)
    body_en = forms.CharField(label=_("Text (English)"), widget=forms.Textarea(attrs={"rows": 14}))
