"""The forms of the pages that build a programme or a budget: field names are the services' keywords
(the API's), so that a service's error lands beside its field; the shares of a stage's funding or of
a budget are one group of fields per state, and an error about the shares lands beside the group."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.consultations import selectors as consultations
from concord.core.errors import DomainError
from concord.core.views import RequiresVersion
from concord.organization.models import MemberState

from .models import Programme, ProgrammeStage
from .states import ActivityKind, ChangeStatus, ProgrammeStatus

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


class PageForm(forms.Form):
    """The one form of a page: its first field has the focus, or the first with an error once
    checked; `place` puts a service's error beside its field or beside the group it is about."""

    groups: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group_errors: dict[str, list[str]] = {g: [] for g in self.groups}
        self.group_fields: dict[str, list[str]] = {g: [] for g in self.groups}
        self.focus()

    def focus(self, target: str | None = None) -> None:
        shown = [n for n, f in self.fields.items() if not f.widget.is_hidden]
        checked = getattr(self, "_errors", None) or {}  # None until the form is checked
        erred = [n for n in shown if n in checked]
        target = target or next(iter(erred or shown), None)
        for name in shown:
            self.fields[name].widget.attrs.pop("autofocus", None)
        if target is not None:
            self.fields[target].widget.attrs["autofocus"] = True

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        self.focus()

    def place(self, error: DomainError) -> None:
        message = str(error.message)
        if error.field in self.fields:
            self.add_error(error.field, message)
        elif error.field in self.group_errors:
            self.group_errors[error.field].append(message)
            self.focus(next(iter(self.group_fields[error.field]), None))
        else:
            self.add_error(None, message)

    @property
    def plain(self) -> list[forms.BoundField]:
        """The visible fields outside any group, in order."""
        grouped = {n for names in self.group_fields.values() for n in names}
        return [f for f in self.visible_fields() if f.name not in grouped]


def _changes(programme: Programme) -> forms.ModelChoiceField[Any] | None:
    """An adopted programme changes only under an adopted change: which one."""
    if programme.status != ProgrammeStatus.ADOPTED:
        return None
    return forms.ModelChoiceField(
        label=_("Under the adopted change"),
        queryset=programme.changes.filter(status=ChangeStatus.ADOPTED),
        required=False,
        help_text=_("The programme is adopted: it changes only under a change the bodies adopted."),
    )


class ProgrammeForm(PageForm):
    code = forms.RegexField(
        label=_("Code"),
        regex=r"^[a-z0-9-]{1,40}$",
        max_length=40,
        help_text=_(
            "Lower-case Latin letters, digits and hyphens; it names the programme's files."
        ),
    )
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300)
    coordinator = forms.ModelChoiceField(
        label=_("Customer-coordinator"), queryset=MemberState.objects.all()
    )
    currency = forms.CharField(label=_("Currency (ISO code)"), min_length=3, max_length=3)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE)
    change_route = forms.ChoiceField(
        label=_("Route of changes"),
        required=False,
        help_text=_("The consultations route a change to the adopted programme goes through."),
    )
    history_ru = forms.CharField(
        label=_("History (Russian)"), widget=TEXT, max_length=10_000, required=False
    )
    history_en = forms.CharField(
        label=_("History (English)"), widget=TEXT, max_length=10_000, required=False
    )
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    demo = forms.BooleanField(label=_("Figures made up for the demonstration"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(r.code, str(r)) for r in consultations.routes()]
        self.fields["change_route"].choices = [("", "—"), *choices]  # type: ignore[attr-defined]


class StageForm(PageForm):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=99)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300)
    first_year = forms.IntegerField(label=_("First year"), min_value=1990, max_value=2200)
    last_year = forms.IntegerField(label=_("Last year"), min_value=1990, max_value=2200)

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if (change := _changes(programme)) is not None:
            self.fields["change"] = change


class CustomerForm(PageForm):
    state = forms.ModelChoiceField(label=_("State"), queryset=MemberState.objects.all())
    agency_ru = forms.CharField(label=_("Agency (Russian)"), max_length=300)
    agency_en = forms.CharField(label=_("Agency (English)"), max_length=300, required=False)
    demo = forms.BooleanField(label=_("Made up for the demonstration"), required=False)


class ActivityForm(PageForm):
    stage = forms.ModelChoiceField(label=_("Stage"), queryset=ProgrammeStage.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=ActivityKind.choices)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300)
    recipient_ru = forms.CharField(label=_("Recipient agency (Russian)"), max_length=300)
    recipient_en = forms.CharField(
        label=_("Recipient agency (English)"), max_length=300, required=False
    )
    planned = forms.IntegerField(label=_("Planned quantity"), min_value=1, max_value=1_000_000_000)
    unit_ru = forms.CharField(label=_("Unit (Russian)"), max_length=40, required=False)
    unit_en = forms.CharField(label=_("Unit (English)"), max_length=40, required=False)
    demo = forms.BooleanField(label=_("Made up for the demonstration"), required=False)

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = programme.stages.order_by("number")  # type: ignore[attr-defined]
        if (change := _changes(programme)) is not None:
            self.fields["change"] = change

    def clean(self) -> dict[str, Any]:
        """A unit left blank is the service's default (pieces)."""
        data = super().clean() or {}
        for name in ("unit_ru", "unit_en"):
            if not data.get(name):
                data.pop(name, None)
        return data


@dataclass(frozen=True)
class ShareRow:
    """One state's row of the shares: its share field and, for funding, its amount field."""

    state: MemberState
    share: forms.BoundField
    amount: forms.BoundField | None


class SharesForm(PageForm):
    """Each state's share (per cent, adding up to 100); a state left blank has none."""

    groups = ("shares",)
    amounts: ClassVar[bool] = False

    def __init__(self, *args: Any, states: Iterable[MemberState], **kwargs: Any) -> None:
        self.states = list(states)
        super().__init__(*args, **kwargs)
        for s in self.states:
            key = s.iso2.lower()
            self.fields[f"share_{key}"] = forms.DecimalField(
                label=s.name, max_digits=7, decimal_places=4, required=False
            )
            self.group_fields["shares"].append(f"share_{key}")
            if self.amounts:
                label = _("Amount: %(state)s") % {"state": s.name}
                self.fields[f"amount_{key}"] = forms.DecimalField(
                    label=label, max_digits=18, decimal_places=2, required=False
                )
                self.fields[f"amount_{key}"].widget.attrs["aria-label"] = label
                self.group_fields["shares"].append(f"amount_{key}")
        self.order_fields(self.group_fields["shares"])
        self.focus()

    @property
    def rows(self) -> list[ShareRow]:
        return [
            ShareRow(
                s,
                self[f"share_{s.iso2.lower()}"],
                self[f"amount_{s.iso2.lower()}"] if self.amounts else None,
            )
            for s in self.states
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for s in self.states if self.amounts else ():
            share, amount = (data.get(f"{k}_{s.iso2.lower()}") for k in ("share", "amount"))
            if share is not None and amount is None:
                self.add_error(f"amount_{s.iso2.lower()}", _("Give the amount with the share."))
            if amount is not None and share is None:
                self.add_error(f"share_{s.iso2.lower()}", _("Give the share with the amount."))
        return data

    def shares(self) -> dict[MemberState, Decimal]:
        found = ((s, self.cleaned_data.get(f"share_{s.iso2.lower()}")) for s in self.states)
        return {s: share for s, share in found if share is not None}

    def amounts_of(self) -> dict[MemberState, Decimal]:
        return {s: self.cleaned_data[f"amount_{s.iso2.lower()}"] for s in self.shares()}


class FundingForm(RequiresVersion, SharesForm):
    """A stage's funding, with the programme's edit counter (required)."""

    amounts = True
    demo = forms.BooleanField(label=_("Made up for the demonstration"), required=False)

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if (change := _changes(programme)) is not None:
            self.fields["change"] = change


class AdoptionForm(PageForm):
    """The decision that adopted it, and the edit counter the user saw."""

    decision: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Adopting decision"), queryset=None
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, decisions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions  # type: ignore[attr-defined]


class BudgetForm(PageForm):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2200)
    currency = forms.CharField(label=_("Currency (ISO code)"), min_length=3, max_length=3)
    due_on = forms.DateField(label=_("Contributions due by"), widget=DATE)
    demo = forms.BooleanField(label=_("Figures made up for the demonstration"), required=False)


class BudgetSharesForm(RequiresVersion, SharesForm):
    """The budget's shares, with the budget's edit counter (required)."""


class ItemForm(RequiresVersion, PageForm):
    """A budget item, with the budget's edit counter (required)."""

    position = forms.IntegerField(
        label=_("Position"),
        min_value=1,
        max_value=999,
        help_text=_("An item at this position already is replaced."),
    )
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300)
    amount = forms.DecimalField(label=_("Amount"), max_digits=18, decimal_places=2)
