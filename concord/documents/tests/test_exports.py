"""Exports read back: the PDF through pypdf's text extraction, the DOCX through python-docx."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.shared import Pt
from pypdf import PdfReader

from concord.documents.comparison import compare
from concord.documents.exports import (
    ExportMeta,
    diff_docx,
    diff_pdf,
    display_text,
    version_docx,
    version_pdf,
)
from concord.documents.rules import Unit, UnitKind, fingerprint

K = UnitKind

UNITS = [
    Unit("u1", K.TITLE, "Совместное заявление", "Joint statement"),
    Unit(
        "u2", K.PREAMBLE, "Государства, [[KZ,RU: желая укреплять]] мир,", "States, wishing peace,"
    ),
    Unit("u3", K.ARTICLE, "Цели", "Purposes"),
    Unit("u4", K.PARAGRAPH, "Стороны сотрудничают в области обороны.", "The Parties cooperate."),
    Unit("u5", K.SUBPARAGRAPH, "обмен информацией;", "exchange of information;"),
    Unit("u6", K.ARTICLE, "Заключительные положения", "Final provisions"),
    Unit("u7", K.PARAGRAPH, "Заявление вступает в силу.", "This enters into force."),
]


def _meta(units: list[Unit], *, final: bool = False) -> ExportMeta:
    return ExportMeta(
        title="Совместное заявление",
        kind="Проект совместного заявления",
        marking="Official",
        version=3,
        fingerprint=fingerprint(units),
        final=final,
        organization="ОДКБ / CSTO",
    )


def _pdf_pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF")
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _docx_body(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def _docx_header_footer(data: bytes) -> str:
    section = Document(io.BytesIO(data)).sections[0]
    return "\n".join(p.text for p in section.header.paragraphs + section.footer.paragraphs)


# --- One version ----------------------------------------------------------------------------------


def test_pdf_ru_has_labels_cyrillic_text_and_fingerprint():
    meta = _meta(UNITS, final=True)
    text = "\n".join(_pdf_pages(version_pdf(meta, UNITS, "ru")))
    assert meta.fingerprint in text
    assert "Official" in text
    assert "версия 3" in text and "окончательная" in text
    assert "Статья 1. Цели" in text
    assert "1. Стороны сотрудничают в области обороны." in text
    assert "а) обмен информацией;" in text
    assert "Joint statement" not in text


def test_pdf_brackets_print_as_square_brackets_with_owners():
    text = "\n".join(_pdf_pages(version_pdf(_meta(UNITS), UNITS, "ru")))
    assert "[желая укреплять] (KZ, RU)" in text
    assert "[[" not in text


def test_pdf_en_uses_english_labels():
    text = "\n".join(_pdf_pages(version_pdf(_meta(UNITS), UNITS, "en")))
    assert "Article 2. Final provisions" in text
    assert "(a) exchange of information;" in text
    assert "version 3" in text and "final" not in text


def test_pdf_both_has_both_languages():
    text = "\n".join(_pdf_pages(version_pdf(_meta(UNITS), UNITS, "both")))
    assert "Статья 1. Цели" in text and "Article 1. Purposes" in text
    assert "Заявление вступает в силу." in text and "This enters into force." in text


def test_every_pdf_page_carries_marking_version_and_fingerprint():
    long_text = [UNITS[0]] + [
        Unit(f"p{i}", K.PARAGRAPH, f"Пункт номер {i}. " + "Текст пункта. " * 30, "")
        for i in range(40)
    ]
    meta = _meta(long_text)
    pages = _pdf_pages(version_pdf(meta, long_text, "ru"))
    assert len(pages) > 2
    for page in pages:
        assert meta.fingerprint in page
        assert "Official" in page and "версия 3" in page


def test_pdf_without_title_unit_prints_the_meta_title():
    units = [Unit("p1", K.PARAGRAPH, "Единственный пункт.", "")]
    text = "\n".join(_pdf_pages(version_pdf(_meta(units), units, "ru")))
    assert "Совместное заявление" in text and "1. Единственный пункт." in text


def test_docx_ru_has_labels_text_and_fingerprint_in_footer():
    meta = _meta(UNITS, final=True)
    data = version_docx(meta, UNITS, "ru")
    body = _docx_body(data)
    assert body[0] == "Совместное заявление"
    assert "Статья 1. Цели" in body
    assert "1. Стороны сотрудничают в области обороны." in body
    assert "а) обмен информацией;" in body
    margins = _docx_header_footer(data)
    assert meta.fingerprint in margins
    assert "Official" in margins and "версия 3" in margins and "окончательная" in margins
    assert "ОДКБ / CSTO · Проект совместного заявления" in margins


def test_docx_bracket_owners_are_small():
    doc = Document(io.BytesIO(version_docx(_meta(UNITS), UNITS, "ru")))
    preamble = next(p for p in doc.paragraphs if "желая" in p.text)
    assert preamble.text == "Государства, [желая укреплять] (KZ, RU) мир,"
    owners = next(r for r in preamble.runs if "(KZ, RU)" in r.text)
    assert owners.font.size == Pt(8)


def test_docx_both_is_a_two_column_table_russian_left():
    doc = Document(io.BytesIO(version_docx(_meta(UNITS), UNITS, "both")))
    [table] = doc.tables
    rows = [(row.cells[0].text, row.cells[1].text) for row in table.rows]
    assert len(rows) == len(UNITS)
    assert ("Статья 1. Цели", "Article 1. Purposes") in rows
    assert ("а) обмен информацией;", "(a) exchange of information;") in rows


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        version_pdf(_meta(UNITS), UNITS, "kz")


# --- Comparison of two versions -------------------------------------------------------------------

NEW = [
    UNITS[0],
    UNITS[1],
    UNITS[5],  # the final article moves to the front: both articles are renumbered
    UNITS[6],
    UNITS[2],
    Unit(
        "u4", K.PARAGRAPH, "Стороны тесно сотрудничают в области обороны.", "The Parties cooperate."
    ),
    Unit("u8", K.PARAGRAPH, "Новый пункт.", "A new paragraph."),
]  # u5 is removed


def _changes():
    return compare(UNITS, NEW)


def test_diff_docx_strikes_deleted_and_underlines_inserted_words():
    changes = compare(
        UNITS,
        [
            *UNITS[:3],
            Unit("u4", K.PARAGRAPH, "Стороны сотрудничают в сфере обороны.", ""),
            *UNITS[4:],
        ],
    )
    doc = Document(io.BytesIO(diff_docx(_meta(UNITS), changes, 2, "ru")))
    runs = [r for p in doc.paragraphs for r in p.runs]
    struck = [r.text for r in runs if r.font.strike]
    underlined = [r.text for r in runs if r.font.underline]
    assert struck == ["области"]
    assert underlined == ["сфере"]
    assert str(next(r for r in runs if r.font.strike).font.color.rgb) == "B00020"


def test_diff_docx_labels_notes_and_omits_unchanged_units():
    meta = _meta(NEW)
    data = diff_docx(meta, _changes(), 2, "ru")
    body = "\n".join(_docx_body(data))
    assert "Изменения по сравнению с версией 2" in body
    assert "Статья 1 (перемещено; прежний номер: статья 2)" in body
    assert "Статья 2 (прежний номер: статья 1)" in body
    assert "(исключено)" in body and "обмен информацией;" in body
    assert "Статья 2, пункт 2 (добавлено)" in body and "Новый пункт." in body
    assert "Совместное заявление" in body  # the title line, not the unchanged title unit
    assert "[желая укреплять]" not in body  # unchanged preamble is omitted
    assert "Неизменённые части не показаны: 2." in body
    assert meta.fingerprint in _docx_header_footer(data)


def test_diff_ignores_edits_made_only_in_the_other_language():
    new = [
        *UNITS[:3],
        Unit("u4", K.PARAGRAPH, UNITS[3].text_ru, "The Parties work together."),
        *UNITS[4:],
    ]
    body = "\n".join(_docx_body(diff_docx(_meta(new), compare(UNITS, new), 2, "ru")))
    assert "Изменений нет." in body
    body_en = "\n".join(_docx_body(diff_docx(_meta(new), compare(UNITS, new), 2, "en")))
    assert "Article 1, paragraph 1" in body_en and "work together" in body_en


def test_diff_pdf_shows_changes_and_fingerprint():
    meta = _meta(NEW, final=True)
    pages = _pdf_pages(diff_pdf(meta, _changes(), 2, "both"))
    text = "\n".join(pages)
    assert all(meta.fingerprint in page for page in pages)
    assert "тесно" in text and "Новый пункт." in text and "A new paragraph." in text
    assert "Article 2, paragraph 2 (added)" in text
    assert "версия / version 3" in text


def test_diff_of_a_bracket_shows_its_printed_form():
    agreed = [
        *UNITS[:1],
        Unit("u2", K.PREAMBLE, "Государства, желая укреплять мир,", ""),
        *UNITS[2:],
    ]
    doc = Document(io.BytesIO(diff_docx(_meta(agreed), compare(UNITS, agreed), 2, "ru")))
    struck = "".join(r.text for p in doc.paragraphs for r in p.runs if r.font.strike)
    assert "(KZ, RU)" in struck and "[[" not in struck


def test_display_text():
    assert display_text("a [[KZ, RU: b]] c") == "a [b] (KZ, RU) c"
