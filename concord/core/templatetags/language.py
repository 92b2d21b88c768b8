"""`{{ value|own_language }}`: data shown in the language it was written in, labelled with it.

Titles, names and sources that exist in one language only are shown as written (a Russian-only
title on an English page, an English place name from UCDP on a Russian page). The page must say so,
for screen readers and for the language test: the text comes wrapped in `<span lang="…">` when its
script is not the page's. Russian and English differ in script, which is all this needs to read."""

from __future__ import annotations

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN = re.compile(r"[A-Za-z]")


def written_in(text: str) -> str:
    """'ru' for text with Cyrillic letters, 'en' for text with Latin letters only, '' for neither."""
    if CYRILLIC.search(text):
        return "ru"
    return "en" if LATIN.search(text) else ""


@register.filter
def own_language(value: object) -> SafeString | object:
    """The value, with the lines written in the other language than the page's labelled (a text
    given in both languages, one after the other, gets one label per line)."""
    text = "" if value is None else str(value)
    page = (get_language() or "ru")[:2]
    lines = text.split("\n")
    if all(written_in(line) in ("", page) for line in lines):
        return value
    return SafeString("\n".join(_labelled(line, page) for line in lines))


def _labelled(line: str, page: str) -> str:
    language = written_in(line)
    if language and language != page:
        return format_html('<span lang="{}">{}</span>', language, line)
    return format_html("{}", line)
