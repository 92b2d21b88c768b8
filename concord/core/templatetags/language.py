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


OTHER_WORDS = {
    "ru": re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:[ \-][A-Za-z][A-Za-z'’\-]*)*"),
    "en": re.compile(r"[А-Яа-яЁё][А-Яа-яЁё'’\-]*(?:[ \-][А-Яа-яЁё][А-Яа-яЁё'’\-]*)*"),
}


@register.filter
def names_labelled(value: object) -> SafeString | object:
    """A sentence in the page's language that quotes names as the data spell them in the other
    script (UCDP place names in an alert's explanation, "Luhans'k: 20 событий…"): each run of such
    words labelled with its language. For generated sentences only; a text written wholly in one
    language takes `own_language`."""
    text = "" if value is None else str(value)
    page = (get_language() or "ru")[:2]
    words = OTHER_WORDS.get(page)
    if words is None or not words.search(text):
        return value
    other = "en" if page == "ru" else "ru"
    parts, end = [], 0
    for match in words.finditer(text):
        parts.append(format_html("{}", text[end : match.start()]))
        parts.append(format_html('<span lang="{}">{}</span>', other, match.group()))
        end = match.end()
    parts.append(format_html("{}", text[end:]))
    return SafeString("".join(parts))


@register.filter
def in_page_script(value: object) -> object:
    """The value if it is written in the page's language (or in no letters), else "": for a
    <title>, which cannot label part of itself (the page's heading shows the name labelled)."""
    text = "" if value is None else str(value)
    return value if written_in(text) in ("", (get_language() or "ru")[:2]) else ""
