"""Forms of the training plan's pages: shape only; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.forms import label_written
from concord.organization.models import MemberState

from .models import ExerciseSeries, Formation, Unit
from .states import EventKind, EventStatus
from .training import Amendment

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionForm(forms.Form):
    """Carries the edit counter the user saw, so that a change made meanwhile is not overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PlanForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class EventForm(VersionForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    series = forms.ModelChoiceField(
        label=_("Exercise series"),
        queryset=ExerciseSeries.objects.all(),
        required=False,
        empty_label=_("— none —"),
    )
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE)
    host = forms.ModelChoiceField(
        label=_("Host state"),
        queryset=MemberState.objects.all(),
        required=False,
        empty_label=_("— none —"),
    )
    area_ru = forms.CharField(label=_("Training area (Russian)"), max_length=200, required=False)
    area_en = forms.CharField(label=_("Training area (English)"), max_length=200, required=False)
    formation = forms.ModelChoiceField(
        label=_("Formation"),
        queryset=Formation.objects.all(),
        required=False,
        empty_label=_("— none —"),
    )
    states = forms.ModelMultipleChoiceField(
        label=_("Participating states"),
        queryset=MemberState.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Participating units"),
        queryset=Unit.objects.select_related("state").order_by("state__iso2", "name_en"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    scenario_ru = forms.CharField(
        label=_("Scenario (Russian)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    scenario_en = forms.CharField(
        label=_("Scenario (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    demo = forms.BooleanField(label=_("Demo data (invented)"), required=False)
    basis = forms.CharField(
        label=_("Amendment decided by"),
        max_length=300,
        required=False,
        help_text=_("The adopted plan changes only by a decision: name it."),
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE, required=False)
    description = forms.CharField(
        label=_("What the amendment changes"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    AMENDMENT_FIELDS = ("basis", "decided_on", "description")

    def __init__(self, *args: Any, amending: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not amending:
            for name in self.AMENDMENT_FIELDS:
                del self.fields[name]

    def event_fields(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {k: v for k, v in d.items() if k not in ("version", *self.AMENDMENT_FIELDS)}

    def amendment(self) -> Amendment | None:
        if "basis" not in self.fields:
            return None
        d = self.cleaned_data
        return Amendment(d["basis"], d["decided_on"], d["description"])


class AmendmentForm(VersionForm):
    """Removing an event from the adopted plan: the decision that removes it."""

    basis = EventForm.base_fields["basis"]
    decided_on = EventForm.base_fields["decided_on"]
    description = EventForm.base_fields["description"]

    def amendment(self) -> Amendment:
        d = self.cleaned_data
        return Amendment(d["basis"], d["decided_on"], d["description"])


class StatusForm(VersionForm):
    status = forms.ChoiceField(label=_("Status"), choices=EventStatus.choices)
    personnel = forms.IntegerField(label=_("Personnel taking part"), min_value=1, required=False)


class AfterActionForm(VersionForm):
    summary = forms.CharField(
        label=_("After-action report"), widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        label_written(self, ["summary"])


class LessonForm(forms.Form):
    text = forms.CharField(label=_("Lesson"), widget=forms.Textarea(attrs={"rows": 2}))
    action = forms.CharField(
        label=_("Action to take"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible state"),
        queryset=MemberState.objects.all(),
        required=False,
        empty_label=_("— none —"),
    )
    due_on = forms.DateField(label=_("Due on"), widget=DATE, required=False)


class CloseLessonForm(VersionForm):
    closing_note = forms.CharField(
        label=_("How it was closed"), widget=forms.Textarea(attrs={"rows": 2})
    )
    closed_on = forms.DateField(label=_("Closed on"), widget=DATE, required=False)
