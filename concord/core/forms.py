"""What every form with texts in both languages shares."""

from __future__ import annotations

from typing import Any

from django import forms


class LabelsLanguages(forms.BaseForm):
    """Fields named `…_ru` and `…_en` hold text in that language: their inputs say so (`lang`), so
    that a screen reader reads them right and the language test knows them for content."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name, field in self.fields.items():
            for language in ("ru", "en"):
                if name.endswith(f"_{language}"):
                    field.widget.attrs.setdefault("lang", language)


class LanguageLabelledSelect(forms.Select):
    """A choice among records named in their own language (units of a text, titles): an option
    written in the other language than the page's says so (`lang`)."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from django.utils.translation import get_language

        from .templatetags.language import written_in

        option = super().create_option(*args, **kwargs)
        language = written_in(str(option["label"]))
        if language and language != (get_language() or "ru")[:2]:
            option["attrs"]["lang"] = language
        return option


class LanguageLabelledSelectMultiple(LanguageLabelledSelect, forms.SelectMultiple):
    """The same for a choice of several (statements on an annual list)."""


def label_written(form: forms.BaseForm, names: Any) -> None:
    """Free text its author wrote in either language (evidence, an after-action report): the
    field's input says which (`lang`), read from the text it holds."""
    from .templatetags.language import written_in

    for name in names:
        language = written_in(str(form[name].value() or ""))
        if language:
            form.fields[name].widget.attrs["lang"] = language
