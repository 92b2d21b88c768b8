from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from concord.core.forms import LabelsLanguages, LanguageLabelledSelect
from concord.core.models import MarkingChoices
from concord.organization.models import Body

from .rules import OpKind, UnitKind
from .states import GENERATED_KINDS, DocumentKind, DocumentStatus, Language, LanguageState

UNIT_KINDS = [
    (UnitKind.PREAMBLE.value, _("Preamble paragraph")),
    (UnitKind.ARTICLE.value, _("Article")),
    (UnitKind.PARAGRAPH.value, _("Paragraph")),
    (UnitKind.SUBPARAGRAPH.value, _("Subparagraph")),
    (UnitKind.ANNEX.value, _("Annex")),
]
TEXT = forms.Textarea(attrs={"rows": 4})
BRACKET_HELP = _(
    "Leave a language empty to keep it as it is. Mark words not yet agreed as [[KZ,RU: words]], "
    "naming the states that hold the bracket open."
)


# What people write: the generated kinds (depositary notifications) are the system's.
AUTHORED_KINDS = [(k, label) for k, label in DocumentKind.choices if k not in GENERATED_KINDS]


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label=_("Title contains"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("all but depositary notifications")), *DocumentKind.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("all")), *DocumentStatus.choices]
    )
    body = forms.ChoiceField(label=_("Body"), required=False)
    language_state = forms.ChoiceField(
        label=_("Languages"), required=False, choices=[("", _("all")), *LanguageState.choices]
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field: forms.ChoiceField = self.fields["body"]  # type: ignore[assignment]
        field.choices = [("", _("all")), *((b.code, str(b)) for b in Body.objects.all())]


class DocumentForm(LabelsLanguages, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AUTHORED_KINDS)
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.all(), required=False)
    marking = forms.ChoiceField(
        label=_("Marking"), choices=MarkingChoices.choices, initial="official"
    )
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=500)
    title_en = forms.CharField(label=_("Title (English)"), max_length=500, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("DOCX file"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.CONCORD_MAX_UPLOAD_BYTES:  # refused before anything is read
            raise forms.ValidationError(_("The file is too large."), code="file_too_large")
        return upload

    lang = forms.ChoiceField(
        label=_("Language of the file"), choices=Language.choices, initial="ru"
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=AUTHORED_KINDS)
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.all(), required=False)
    marking = forms.ChoiceField(
        label=_("Marking"), choices=MarkingChoices.choices, initial="official"
    )


class ChangeForm(LabelsLanguages, forms.Form):
    """One change to one unit: what a delegation proposes as an amendment, or the editor makes."""

    base_version = forms.IntegerField(widget=forms.HiddenInput)
    op = forms.ChoiceField(
        label=_("Change"),
        choices=[
            (OpKind.MODIFY.value, _("New wording of this unit")),
            (OpKind.ADD.value, _("Add a unit after this one")),
            (OpKind.DELETE.value, _("Delete this unit")),
        ],
    )
    uid = forms.CharField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=_("Kind of the new unit"), choices=UNIT_KINDS, required=False, initial="paragraph"
    )
    text_ru = forms.CharField(
        label=_("Text (Russian)"), required=False, widget=TEXT, help_text=BRACKET_HELP
    )
    text_en = forms.CharField(
        label=_("Text (English)"), required=False, widget=TEXT, help_text=BRACKET_HELP
    )


class AmendmentForm(ChangeForm):
    justification_ru = forms.CharField(
        label=_("Justification (Russian)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    justification_en = forms.CharField(
        label=_("Justification (English)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class EditForm(ChangeForm):
    op = forms.ChoiceField(
        label=_("Change"),
        choices=[
            (OpKind.MODIFY.value, _("New wording of this unit")),
            (OpKind.ADD.value, _("Add a unit after this one")),
            (OpKind.DELETE.value, _("Delete this unit")),
            (OpKind.MOVE.value, _("Move this unit after another")),
        ],
    )
    after_uid = forms.ChoiceField(
        label=_("Move after"), required=False, widget=LanguageLabelledSelect
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args: object, targets: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["after_uid"].choices = [("", _("the start")), *targets]  # type: ignore[attr-defined]


class DecisionForm(LabelsLanguages, forms.Form):
    base_version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", _("Accept as proposed")),
            ("merge", _("Merge in this wording")),
            ("reject", _("Reject")),
        ],
    )
    text_ru = forms.CharField(label=_("Wording (Russian)"), required=False, widget=TEXT)
    text_en = forms.CharField(label=_("Wording (English)"), required=False, widget=TEXT)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))


EXPORT_FORMATS = ("pdf", "docx")
EXPORT_LANGS = ("ru", "en", "both")
