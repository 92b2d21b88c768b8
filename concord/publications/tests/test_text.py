from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concord.publications.text import (
    Term,
    fts5,
    highlight,
    matches,
    parse,
    root,
    stem,
    stems,
    tsquery,
    words,
)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("ратификации", "Парламент ратифицировал соглашение"),
        ("ратифицировал", "завершение ратификации протокола"),
        ("ратифицированы", "Соглашения ратифицировал Казахстан"),
        ("соглашения", "подписано соглашение о статусе"),
        ("операции", "результаты операций «Канал»"),
        ("ratified", "the ratification of the Charter"),
        ("ratification", "Kazakhstan ratified the agreement"),
        ("ratifies", "after ratifying it"),
        ("agreements", "the agreement on peacekeeping"),
        ("Ёлка", "елки"),
    ],
)
def test_a_word_finds_its_other_forms(query, found):
    terms = parse(query)
    assert any(matches(w, terms) for w in words(found)), (terms, stems(found))


@pytest.mark.parametrize(
    ("query", "not_found"),
    [("ратификации", "рассмотрел бюджет"), ("ratified", "rational"), ("mission", "missile")],
)
def test_unrelated_words_are_not_found(query, not_found):
    assert not any(matches(w, parse(query)) for w in words(not_found))


def test_phrases_prefixes_and_odd_input_become_safe_terms():
    assert parse('"коллективной безопасности" ратиф*') == [
        Term(("коллективн", "безопасн")),
        Term(("ратиф",), prefix=True),
    ]
    assert parse("") == [] and parse('   ""  ** -- ;') == []
    odd = parse("'; DROP TABLE x; -- NEAR(a b) OR \"unclosed AND col:val")
    assert all(t.stems for t in odd) and len(odd) <= 12
    assert (
        len(parse("слово " * 400)) == 1 and len(parse(" ".join(f"w{i}" for i in range(50)))) == 12
    )


@given(st.text(max_size=300))
def test_any_text_gives_a_well_formed_query_for_both_backends(text):
    terms = parse(text)
    query, ts = fts5(terms), tsquery(terms)
    assert query.count('"') % 2 == 0
    for term in terms:
        for s in term.stems:
            assert s and '"' + s.replace('"', '""') + '"' in query
    assert ts.count("(") == ts.count(")")


def test_roots_are_shorter_stems():
    assert (
        root(stem("ратификации")) == root(stem("ратифицировал")) == "ратиф"
        and root(stem("ratification")) == "rati"
    )
    assert root("мир") == "мир"


def test_highlight_escapes_and_marks_only_the_words_found():
    html = highlight(
        "<script>alert(1)</script> Казахстан ратифицировал «соглашение» & протокол",
        parse("ратификация"),
    )
    assert (
        "<script>" not in html
        and "&lt;script&gt;" in html
        and "<mark>ратифицировал</mark>" in html
        and "&amp;" in html
    )
    long = " ".join(["слово"] * 200 + ["ратификация"] + ["слово"] * 200)
    snippet = highlight(long, parse("ратификации"))
    assert (
        snippet.startswith("…")
        and snippet.endswith("…")
        and "<mark>ратификация</mark>" in snippet
        and len(snippet) < 600
    )
