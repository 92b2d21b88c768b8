"""Forms of the readiness pages: the table's filters, the register of units, and an assessment's
questionnaire. Ranges are the services' to check, so that the page and the API say the same thing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.forms import label_written
from concord.core.models import in_language
from concord.organization.models import MemberState

from .models import Assessment, Formation, Unit
from .readiness import AnswerInput, evidence_field, score_field
from .readiness_selectors import Filters
from .services import UNIT_FIELDS
from .states import ReadinessCategory, UnitKind


class VersionForm(forms.Form):
    """Carries the edit counter the user saw, so that a change made meanwhile is not overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FilterForm(forms.Form):
    formation = forms.ChoiceField(label=_("Formation"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("— all —")), *UnitKind.choices]
    )
    category = forms.ChoiceField(
        label=_("Readiness category"),
        required=False,
        choices=[("", _("— all —")), *ReadinessCategory.choices],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everyone = [("", _("— all —"))]
        self.fields["formation"].choices = everyone + [  # type: ignore[attr-defined]
            (f.code, in_language(f.short_ru, f.short_en) or f.name)
            for f in Formation.objects.order_by("pk")
        ]
        self.fields["state"].choices = everyone + [  # type: ignore[attr-defined]
            (s.iso2, s.name) for s in MemberState.objects.order_by("name_ru")
        ]

    def filters(self) -> Filters:
        """What was chosen; a value that is not a choice is left out rather than refused."""
        if not self.is_bound:
            return Filters()
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return Filters(**{k: data.get(k) or "" for k in ("formation", "state", "kind", "category")})


class UnitForm(VersionForm):
    """A pledged unit as the Joint Staff records it (the fields `services.pledge_unit` takes)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(forms.fields_for_model(Unit, fields=UNIT_FIELDS))
        self.fields["withdrawn_on"].widget = forms.DateInput(attrs={"type": "date"})

    @classmethod
    def of(cls, unit: Unit) -> UnitForm:
        return cls(
            initial={**forms.model_to_dict(unit, fields=UNIT_FIELDS), "version": unit.version}
        )

    def unit_fields(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k in UNIT_FIELDS}


class CertifyForm(VersionForm):
    on = forms.DateField(
        label=_("Certified on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        initial=dt.date.today,
    )


class OpenAssessmentForm(forms.Form):
    as_of = forms.DateField(
        label=_("As of"), widget=forms.DateInput(attrs={"type": "date"}), initial=dt.date.today
    )


class StepForm(VersionForm):
    note = forms.CharField(
        label=_("Note to the state"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class AnswersForm(VersionForm):
    """A score and the evidence for every criterion of the assessment's questionnaire, named
    `criterion-<number>` and `evidence-<number>` as the service names them in its errors."""

    def __init__(self, *args: Any, assessment: Assessment, criteria: list[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion, _answer in criteria:
            n = criterion.number
            self.fields[score_field(n)] = forms.IntegerField(
                label=_("Score (0 to %(max)s)") % {"max": criterion.max_score},
                required=False,
                widget=forms.NumberInput(attrs={"min": 0, "max": criterion.max_score, "step": 1}),
            )
            self.fields[evidence_field(n)] = forms.CharField(
                label=_("Evidence"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        label_written(self, [evidence_field(c.number) for c, _answer in criteria])

    @classmethod
    def of(cls, assessment: Assessment, criteria: list[Any], *, bound: bool = False) -> AnswersForm:
        """The saved answers; `bound` to put a service's error on one of them."""
        initial: dict[str, Any] = {"version": assessment.version}
        for criterion, answer in criteria:
            if answer is not None:
                initial[score_field(criterion.number)] = answer.score
                initial[evidence_field(criterion.number)] = answer.evidence
        if not bound:
            return cls(initial=initial, assessment=assessment, criteria=criteria)
        form = cls(initial, assessment=assessment, criteria=criteria)
        form.is_valid()
        return form

    def answers(self) -> list[AnswerInput]:
        d = self.cleaned_data
        return [
            AnswerInput(
                criterion=c.number,
                score=d.get(score_field(c.number)),
                evidence=(d.get(evidence_field(c.number)) or "").strip(),
            )
            for c, _answer in self.criteria
        ]

    def rows(self) -> list[tuple[Any, Any, Any]]:
        """(criterion, score field, evidence field) in the questionnaire's order, for the template."""
        return [
            (c, self[score_field(c.number)], self[evidence_field(c.number)])
            for c, _answer in self.criteria
        ]
