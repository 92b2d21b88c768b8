"""Forms of the relations pages; the services check what they receive again."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.models import MarkingChoices

from .models import Partner
from .states import MeetingFormat

DATE = forms.DateInput(attrs={"type": "date"})


class MeetingForm(forms.Form):
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        required=False,
        help_text=_("Empty: the next in the group's sequence."),
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE, required=False)
    place_ru = forms.CharField(label=_("Place (Russian)"), max_length=200, required=False)
    place_en = forms.CharField(label=_("Place (English)"), max_length=200, required=False)
    format = forms.ChoiceField(label=_("Format"), choices=MeetingFormat.choices)
    chair_ru = forms.CharField(label=_("Chair (Russian)"), max_length=200, required=False)
    participants_ru = forms.CharField(
        label=_("Participants (Russian)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    guests_ru = forms.CharField(
        label=_("Guests (Russian)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    agenda_ru = forms.CharField(
        label=_("Agenda (Russian)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    marking = forms.ChoiceField(
        label=_("Marking"), choices=MarkingChoices.choices, initial=MarkingChoices.OFFICIAL
    )

    def __init__(self, *args: Any, with_number: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not with_number:
            del self.fields["number"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and not data.get("ends_on"):
            data["ends_on"] = data["starts_on"]
        return data


class PartnerMeetingForm(MeetingForm):
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"), queryset=Partner.objects.all(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, with_number=False, **kwargs)


class OutcomeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    minutes_text = forms.CharField(
        label=_("Minutes (Russian), one paragraph a line"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    decisions_ru = forms.CharField(
        label=_("Decisions (Russian)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    decisions_en = forms.CharField(
        label=_("Decisions (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class FollowUpForm(forms.Form):
    text_ru = forms.CharField(label=_("Task (Russian)"), widget=forms.Textarea(attrs={"rows": 2}))
    text_en = forms.CharField(
        label=_("Task (English)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    due_on = forms.DateField(label=_("Due on"), widget=DATE, required=False)


class StatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
