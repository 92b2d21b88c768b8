"""Codes kept for programs are shown to readers through labels in their language (issue 21)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.utils import translation

from concord.accounts.selectors import affiliation_label
from concord.audit.verbs import LABELS, object_type_label, verb_label
from concord.core.templatetags.language import own_language


def every_verb() -> set[str]:
    verbs: set[str] = set()
    for config in apps.get_app_configs():
        if not config.name.startswith("concord."):
            continue
        try:
            codes = importlib.import_module(f"{config.name}.codes")
        except ModuleNotFoundError:
            continue
        verbs |= {v.value for v in getattr(codes, "Verb", [])}
    return verbs


def test_every_audit_verb_has_a_label_in_both_languages():
    assert every_verb() == set(LABELS)
    for verb in LABELS:
        with translation.override("ru"):
            russian = verb_label(verb)
        with translation.override("en"):
            english = verb_label(verb)
        assert russian != english, verb  # translated, not the English msgid
        assert "." not in english and "_" not in english, verb


def test_a_verb_no_app_declares_is_shown_as_its_code():
    assert verb_label("retired.verb") == "retired.verb"


def test_object_types_are_named_as_their_models():
    with translation.override("ru"):
        assert object_type_label("agreements.agreement") == "соглашение"
        assert object_type_label("gone.model") == "gone.model"


def test_a_stored_affiliation_reads_in_the_readers_language():
    names = {"Kazakhstan": "Казахстан"}
    with translation.override("ru"):
        assert (
            affiliation_label("Kazakhstan / permanent_representative", names)
            == "Казахстан / Постоянный представитель"
        )
        assert affiliation_label("system", names) == "система"
        assert affiliation_label("Atlantis / king", names) == "Atlantis / king"


@pytest.mark.parametrize(
    ("page", "text", "shown"),
    [
        ("en", "Доклад", '<span lang="ru">Доклад</span>'),
        ("ru", "Aleppo Governorate", '<span lang="en">Aleppo Governorate</span>'),
        ("ru", "Доклад", "Доклад"),
        ("en", "2024-03", "2024-03"),
        ("en", "Запрос\nRequest", '<span lang="ru">Запрос</span>\nRequest'),
        ("en", "<b>", "<b>"),  # unchanged values stay for autoescaping
        ("ru", "a <b>", '<span lang="en">a &lt;b&gt;</span>'),
    ],
)
def test_data_in_the_other_language_is_labelled_with_its_language(page, text, shown):
    with translation.override(page):
        assert str(own_language(text)) == shown
