"""Names quoted in a generated sentence, titles and free-text fields in their own language, a
non-breaking space kept as the character (issue 21, the pages the language crawl listed as known)."""

from __future__ import annotations

from django import forms
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from concord.core.forms import label_written
from concord.core.templatetags.language import in_page_script, names_labelled
from concord.publications.services import clean_html


def test_names_in_the_other_script_inside_a_sentence_are_labelled():
    with translation.override("ru"):
        text = str(names_labelled("Luhans'k: 20 событий за февраль 2023"))
        assert text == '<span lang="en">Luhans&#x27;k</span>: 20 событий за февраль 2023'
        assert names_labelled("Украина: 7 событий") == "Украина: 7 событий"  # untouched
    with translation.override("en"):
        assert str(names_labelled("демонстрационный пример / demo example")) == (
            '<span lang="ru">демонстрационный пример</span> / demo example'
        )


@given(st.text(alphabet="abcАБВ <>&'\"-:", max_size=40))
def test_labelling_names_keeps_the_text_and_escapes_it(text):
    import re
    from html import unescape

    with translation.override("ru"):
        shown = str(names_labelled(text))
    if shown == text:  # nothing to label: the template escapes it as usual
        return
    assert unescape(re.sub(r"</?span[^>]*>", "", shown)) == text
    assert "<" not in re.sub(r"</?span[^>]*>", "", shown)


def test_a_title_keeps_only_a_name_in_the_pages_script():
    with translation.override("ru"):
        assert in_page_script("Zaporizhzhya") == ""
        assert in_page_script("Украина") == "Украина"
        assert in_page_script("2023-02") == "2023-02"
    with translation.override("en"):
        assert in_page_script("Zaporizhzhya") == "Zaporizhzhya"


class Free(forms.Form):
    summary = forms.CharField(widget=forms.Textarea)
    other = forms.CharField()


def test_a_free_text_field_says_the_language_it_holds():
    form = Free(initial={"summary": "Тренировка проведена", "other": ""})
    label_written(form, ["summary", "other"])
    assert 'lang="ru"' in str(form["summary"])
    assert "lang" not in str(form["other"])


def test_a_non_breaking_space_stays_the_character():
    assert clean_html("<p>2\u00a0773</p>") == "<p>2\u00a0773</p>"
    assert clean_html("<p>2&nbsp;773 &amp;nbsp;</p>") == "<p>2\u00a0773 &amp;nbsp;</p>"
