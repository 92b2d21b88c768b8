"""DOCX drafts into units: what is read, what is reported, what is refused."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from concord.documents.docx_import import DocxImportError, import_docx
from concord.documents.exports import ExportMeta, version_docx
from concord.documents.rules import Unit, UnitKind, fingerprint

K = UnitKind

UNITS = [
    Unit("u1", K.TITLE, "Соглашение о сотрудничестве", "Agreement on cooperation"),
    Unit(
        "u2",
        K.PREAMBLE,
        "Стороны, [[KZ,RU: желая укреплять]] мир,",
        "The Parties, [[KZ: wishing]] peace,",
    ),
    Unit("u3", K.PREAMBLE, "согласились о нижеследующем:", "have agreed as follows:"),
    Unit("u4", K.ARTICLE, "Цели", "Purposes"),
    Unit("u5", K.PARAGRAPH, "Стороны сотрудничают.", "The Parties cooperate."),
    Unit("u6", K.SUBPARAGRAPH, "в области обороны;", "in defence;"),
    Unit("u7", K.SUBPARAGRAPH, "в области связи.", "in communications."),
    Unit("u8", K.ARTICLE, "", ""),
    Unit("u9", K.PARAGRAPH, "Соглашение вступает в силу.", "This Agreement enters into force."),
    Unit("u10", K.ANNEX, "Перечень", "List"),
    Unit("u11", K.PARAGRAPH, "Первый пункт приложения.", "First paragraph of the annex."),
]


def _save(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_export_then_import_gives_back_kinds_and_texts(lang):
    meta = ExportMeta("Соглашение", "Проект соглашения", "Official", 1, fingerprint(UNITS), False)
    result = import_docx(version_docx(meta, UNITS, lang), lang=lang)
    assert result.problems == []
    assert [u.kind for u in result.units] == [u.kind for u in UNITS]
    assert [u.text(lang) for u in result.units] == [u.text(lang) for u in UNITS]
    other = "en" if lang == "ru" else "ru"
    assert all(u.text(other) == "" for u in result.units)
    assert [u.uid for u in result.units] == [f"u{i}" for i in range(1, len(UNITS) + 1)]


def _hand_made() -> bytes:
    doc = Document()
    doc.add_paragraph("Проект")
    doc.add_paragraph("Соглашение о связи", style="Title")
    doc.add_paragraph("Государства-члены,")
    doc.add_paragraph("Статья 1. Общие положения", style="Heading 1")
    doc.add_paragraph("1. Первый пункт.")
    doc.add_paragraph("Второй пункт по списку Word.", style="List Number")
    doc.add_paragraph("а) первый подпункт;")
    doc.add_paragraph("")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ячейка"
    doc.add_paragraph("Абзац без номера после таблицы.")
    nested = doc.add_paragraph("Подпункт, заданный уровнем списка Word.")
    nested._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr>')
    )
    doc.add_paragraph("Article 2", style="Heading 1")
    doc.add_paragraph("Приложение 1. Карта")
    return _save(doc)


def test_hand_made_draft():
    result = import_docx(_hand_made())
    assert [(u.kind, u.text_ru) for u in result.units] == [
        (K.PREAMBLE, "Проект"),
        (K.TITLE, "Соглашение о связи"),
        (K.PREAMBLE, "Государства-члены,"),
        (K.ARTICLE, "Общие положения"),
        (K.PARAGRAPH, "Первый пункт."),
        (K.PARAGRAPH, "Второй пункт по списку Word."),
        (K.SUBPARAGRAPH, "первый подпункт;"),
        (K.PARAGRAPH, "Абзац без номера после таблицы."),
        (K.SUBPARAGRAPH, "Подпункт, заданный уровнем списка Word."),
        (K.ARTICLE, ""),
        (K.ANNEX, "Карта"),
    ]
    assert result.problems == [
        "a table after paragraph 8 was skipped: tables are not imported",
        "paragraph 9 'Абзац без номера после таблицы.' has no number; imported as a paragraph",
        "empty paragraphs skipped: 8",
    ]


def test_without_a_title_style_the_first_paragraph_is_the_title():
    doc = Document()
    doc.add_paragraph("")
    doc.add_paragraph("Заявление министров")
    doc.add_paragraph("Министры,")
    doc.add_paragraph("1. Заявляют.")
    result = import_docx(_save(doc))
    assert [u.kind for u in result.units] == [K.TITLE, K.PREAMBLE, K.PARAGRAPH]
    assert result.units[0].text_ru == "Заявление министров"


def test_long_unnumbered_paragraph_is_quoted_shortly():
    doc = Document()
    doc.add_paragraph("Заголовок", style="Title")
    doc.add_paragraph("1. Пункт.")
    doc.add_paragraph("Очень длинный абзац без номера, " * 5)
    [problem] = import_docx(_save(doc)).problems
    assert problem.startswith("paragraph 3 'Очень длинный абзац без номера, Очень…'")


def test_image_is_reported():
    image = pytest.importorskip("PIL.Image")
    png = io.BytesIO()
    image.new("RGB", (2, 2)).save(png, format="PNG")
    doc = Document()
    doc.add_paragraph("Заголовок", style="Title")
    doc.add_picture(io.BytesIO(png.getvalue()))
    result = import_docx(_save(doc))
    assert [u.kind for u in result.units] == [K.TITLE]
    assert result.problems == ["an image in paragraph 2 was skipped"]


def test_not_a_zip_is_refused():
    with pytest.raises(DocxImportError, match="not a zip"):
        import_docx(b"not a docx")


def test_zip_without_document_xml_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(DocxImportError, match=r"word/document\.xml"):
        import_docx(buffer.getvalue())


def test_zip_that_python_docx_cannot_read_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not xml")
    with pytest.raises(DocxImportError):
        import_docx(buffer.getvalue())


def test_import_error_is_a_value_error():
    assert issubclass(DocxImportError, ValueError)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        import_docx(b"", lang="kz")
