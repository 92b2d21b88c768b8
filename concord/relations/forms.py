"""Forms of the relations pages; the services check what they receive again."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.models import MarkingChoices
from concord.organization.selectors import bodies, member_states

from .models import Partner
from .states import Half, ItemStatus, MeetingFormat, PartnerKind, StatusKind

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


class PartnerForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=40)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300)
    short_ru = forms.CharField(label=_("Abbreviation (Russian)"), max_length=40, required=False)
    short_en = forms.CharField(label=_("Abbreviation (English)"), max_length=40, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=PartnerKind.choices)
    parent = forms.ModelChoiceField(
        label=_("Part of"), queryset=Partner.objects.all(), required=False
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    contacts_ru = forms.CharField(
        label=_("Contacts (Russian)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    contacts_en = forms.CharField(
        label=_("Contacts (English)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    source = forms.CharField(label=_("Source"), max_length=300, required=False)


class ApplicationForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Partner organization"), queryset=Partner.objects.all(), required=False
    )
    applicant_ru = forms.CharField(
        label=_("Applicant (Russian)"),
        max_length=200,
        required=False,
        help_text=_("Empty: the partner's name."),
    )
    applicant_en = forms.CharField(label=_("Applicant (English)"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Status applied for"), choices=StatusKind.choices)
    applied_on = forms.DateField(label=_("Applied on"), widget=DATE, required=False)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)


class GroupForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=bodies().filter(kind="working_group"))
    mandate_ru = forms.CharField(
        label=_("Mandate (Russian)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    mandate_en = forms.CharField(
        label=_("Mandate (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    created_on = forms.DateField(label=_("Created on"), widget=DATE, required=False)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    states = forms.ModelMultipleChoiceField(
        label=_("Member states"),
        queryset=member_states(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    role_ru = forms.CharField(
        label=_("Post of each member (Russian)"), max_length=200, required=False
    )


class WorkPlanForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    half = forms.TypedChoiceField(label=_("Half-year"), choices=Half.choices, coerce=int)


class PlanItemForm(forms.Form):
    text_ru = forms.CharField(label=_("Item (Russian)"), widget=forms.Textarea(attrs={"rows": 2}))
    text_en = forms.CharField(
        label=_("Item (English)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    due_on = forms.DateField(label=_("Due on"), widget=DATE)


class ItemStatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        choices=[
            (ItemStatus.DONE, ItemStatus.DONE.label),
            (ItemStatus.DROPPED, ItemStatus.DROPPED.label),
        ]
    )


class ReportForm(forms.Form):
    period_from = forms.DateField(label=_("Period from"), widget=DATE)
    period_to = forms.DateField(label=_("Period to"), widget=DATE)
    text = forms.CharField(
        label=_("Text (Russian), one paragraph a line"), widget=forms.Textarea(attrs={"rows": 4})
    )


class TrackForm(forms.Form):
    """A follow-up turned into a task of an action plan the user may see (a draft)."""

    follow_up = forms.TypedChoiceField(label=_("Follow-up"), coerce=int)
    plan = forms.TypedChoiceField(label=_("Action plan"), coerce=int)
    decision = forms.IntegerField(
        label=_("Decision"), help_text=_("Number of a decision adopted at the plan's session.")
    )
    bodies = forms.ModelMultipleChoiceField(label=_("Responsible bodies"), queryset=bodies())
    deadline = forms.DateField(
        label=_("Deadline"),
        widget=DATE,
        required=False,
        help_text=_("Empty: the follow-up's due date."),
    )

    def __init__(self, *args: Any, follow_ups: Any = (), plans: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["follow_up"].choices = [(f.pk, str(f)) for f in follow_ups]  # type: ignore[attr-defined]
        self.fields["plan"].choices = [(p.pk, str(p)) for p in plans]  # type: ignore[attr-defined]
