from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.forms import LanguageLabelledSelect, LanguageLabelledSelectMultiple
from concord.core.models import MarkingChoices
from concord.documents.rules import Label, Unit, UnitKind, number_units
from concord.organization.models import Body

from .models import Route, Session
from .rules import ConsentMode, TermUnit
from .states import (
    QuestionKind,
    SessionFormat,
    SessionKind,
    StageMode,
    StanceChoices,
    TermUnitChoices,
)


class ConsultationForm(forms.Form):
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=500)
    title_en = forms.CharField(label=_("Title (English)"), max_length=500, required=False)
    kind = forms.ChoiceField(label=_("Kind of question"), choices=QuestionKind.choices)
    route = forms.ModelChoiceField(label=_("Route"), queryset=Route.objects.all())
    # the documents the user may see, given by the view
    document: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Subject document"),
        queryset=None,
        required=False,
        widget=LanguageLabelledSelect,
    )
    marking = forms.ChoiceField(
        label=_("Marking"), choices=MarkingChoices.choices, initial="official"
    )
    planned_year = forms.IntegerField(
        label=_("On the annual list of (year)"), required=False, min_value=2000, max_value=2100
    )

    statements: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Joint statements on the list (for an annual list)"),
        queryset=None,
        required=False,
        widget=LanguageLabelledSelectMultiple,
    )

    def __init__(
        self, *args: object, documents: object, statements: object, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["document"].queryset = documents  # type: ignore[attr-defined]
        self.fields["statements"].queryset = statements  # type: ignore[attr-defined]


class EmergencyForm(ConsultationForm):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    hours = forms.IntegerField(
        label=_("Decision clock (hours)"), min_value=1, max_value=168, initial=24
    )


class StageForm(forms.Form):
    mode = forms.ChoiceField(label=_("How"), choices=StageMode.choices)
    consent = forms.ChoiceField(
        label=_("Consent (written procedure)"),
        choices=[
            (ConsentMode.EXPLICIT.value, _("Explicit consent required")),
            (ConsentMode.SILENCE.value, _("Silence counts as consent")),
        ],
        required=False,
    )
    term = forms.IntegerField(
        label=_("Term"),
        min_value=1,
        max_value=720,
        required=False,
        help_text=_("Empty: the term configured for the route and the kind of question."),
    )
    unit = forms.ChoiceField(label=_("counted in"), choices=TermUnitChoices.choices, required=False)
    session = forms.ModelChoiceField(
        label=_("Session"), queryset=Session.objects.select_related("body"), required=False
    )
    agenda_note = forms.CharField(
        label=_("Why at a session held before today"), max_length=300, required=False
    )

    def term_asked(self) -> tuple[int, TermUnit] | None:
        term, unit = self.cleaned_data.get("term"), self.cleaned_data.get("unit")
        return (term, TermUnit(unit or TermUnit.WORKING_DAYS)) if term else None


class ExtendForm(forms.Form):
    until = forms.DateTimeField(
        label=_("New deadline (UTC)"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    reason = forms.CharField(label=_("Reason"), max_length=300)


class PositionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    stance = forms.ChoiceField(
        label=_("Position"), choices=StanceChoices.choices, widget=forms.RadioSelect
    )
    statement = forms.CharField(
        label=_("Statement"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for a special opinion, an objection or a request for more time."),
    )
    clauses = forms.MultipleChoiceField(
        label=_("Provisions concerned"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick the paragraphs your position concerns."),
    )

    def __init__(self, *args: Any, units: Sequence[Unit] = (), lang: str = "ru", **kwargs: Any):
        """`units`: the text before the stage; each numbered provision becomes a box to tick."""
        super().__init__(*args, **kwargs)
        labels = number_units(units)
        self.fields["clauses"].choices = [  # type: ignore[attr-defined]
            (u.uid, _provision_label(u, labels[u.uid], lang))
            for u in units
            if u.uid in labels and u.kind != UnitKind.TITLE
        ]
        if not units:
            del self.fields["clauses"]

    def clean_clauses(self) -> list[str]:
        return list(self.cleaned_data["clauses"])


def _provision_label(unit: Unit, label: Label, lang: str) -> str:
    """«Статья 2, пункт 1 — Стороны обмениваются…»: the reference and the opening words."""
    ref = label.ref_en if lang == "en" else label.ref_ru
    text = unit.text(lang) or unit.text_ru
    opening = text if len(text) <= 80 else text[:80].rsplit(" ", 1)[0] + "…"
    return f"{ref[:1].upper()}{ref[1:]} — {opening}" if ref else opening


class SessionForm(forms.Form):
    """A session of a body: the body is chosen once, when the session is scheduled."""

    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.order_by("position"))
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label=_("Kind"), choices=SessionKind.choices)
    format = forms.ChoiceField(label=_("Format"), choices=SessionFormat.choices)
    venue_ru = forms.CharField(label=_("Venue (Russian)"), max_length=200, required=False)
    venue_en = forms.CharField(label=_("Venue (English)"), max_length=200, required=False)


class SessionChangeForm(SessionForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["body"]


class AgendaForm(forms.Form):
    stage: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Question before this body"), queryset=None
    )
    note = forms.CharField(
        label=_("Why at a session held before the question"), max_length=300, required=False
    )

    def __init__(self, *args: Any, stages: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = stages  # type: ignore[attr-defined]
