"""What every form with texts in both languages shares."""

from __future__ import annotations

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
