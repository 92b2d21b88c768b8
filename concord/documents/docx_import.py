"""Import of a DOCX draft into units, one language at a time.

Drafts come from Word, typed by hand: numbers may be typed ("1.", "а)") or Word's own list
numbering, and there may be tables or pictures that a text has no place for. The import takes what
it can read as a text and reports the rest in `problems`, for a person to check before the
units are used.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

import docx
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from concord.documents.rules import Unit, UnitKind

# A DOCX is a zip; its unpacked size is checked before python-docx reads it all into memory.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024

ARTICLE = re.compile(r"^(?:статья|article)\s+\d+\b\s*[.:\-–—]?\s*", re.IGNORECASE)
# Case-sensitive, so that "Приложение к Уставу" does not lose its "к" as if it were a letter.
ANNEX = re.compile(
    r"^(?:[Пп]риложение|ПРИЛОЖЕНИЕ|[Aa]nnex|ANNEX)\b(?:\s+(?:\d+|[IVXLC]+|[А-ЯA-Z])\b)?\s*[.:\-–—]?\s*"
)
NUMBERED = re.compile(r"^\d+(?:\.\d+)*[.)](?:\s+|$)")
LETTERED = re.compile(r"^(?:[а-яё]{1,2}\)|[a-z]\)|\([a-z]{1,3}\))(?:\s+|$)", re.IGNORECASE)
# How exports print a bracket, "[words] (KZ, RU)", read back into the text's own mark.
PRINTED_BRACKET = re.compile(r"\[([^\[\]]*)\]\s*\(([A-Z]{2}(?:\s*,\s*[A-Z]{2})*)\)")


class DocxImportError(ValueError):
    """The bytes are not a DOCX that can be read."""


@dataclass
class ImportResult:
    units: list[Unit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _open(data: bytes) -> docx.document.Document:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as e:
        raise DocxImportError("This file is not a DOCX document (it is not a zip archive).") from e
    if "word/document.xml" not in names:
        raise DocxImportError("This file is not a DOCX document (it has no word/document.xml).")
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocxImportError("This DOCX document is too large to import.")
    try:
        return docx.Document(io.BytesIO(data))
    except (OpcError, KeyError, ValueError, SyntaxError, zipfile.BadZipFile) as e:
        raise DocxImportError(f"This DOCX document could not be read: {e}") from e


def _style_name(p: Paragraph) -> str:
    style = p.style
    return (style.name or "") if style is not None else ""


def _num_pr(element: BaseOxmlElement) -> BaseOxmlElement | None:
    return element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")


def _list_level(p: Paragraph) -> int | None:
    """Word's own list level (0 for the top), from the paragraph or its style; None if not a list."""
    num = _num_pr(p._p)
    style: ParagraphStyle | None = p.style
    while num is None and style is not None:
        num = _num_pr(style.element)
        style = style.base_style
    if num is None:
        return None
    num_id = num.find(qn("w:numId"))
    if num_id is not None and num_id.get(qn("w:val")) == "0":
        return None  # numId 0 is how Word switches off numbering inherited from a style
    ilvl = num.find(qn("w:ilvl"))
    if ilvl is None:
        return 0
    value = ilvl.get(qn("w:val"), "0")
    return int(value) if value.isdigit() else 0  # a broken level is read as the top level


def _has_image(p: Paragraph) -> bool:
    return bool(p._p.xpath(".//w:drawing | .//w:pict"))


def _snippet(text: str) -> str:
    # Cut at a word, so that the quote can be searched for in the draft.
    return text if len(text) <= 40 else text[:40].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _classify(p: Paragraph, text: str) -> tuple[UnitKind | None, str]:
    """The kind that a paragraph's number or style gives it (None: it has neither), and its text
    with any typed number removed."""
    if m := ANNEX.match(text):
        return UnitKind.ANNEX, text[m.end() :]
    if m := ARTICLE.match(text):
        return UnitKind.ARTICLE, text[m.end() :]
    if _style_name(p).startswith("Heading"):
        return UnitKind.ARTICLE, text
    if m := LETTERED.match(text):
        return UnitKind.SUBPARAGRAPH, text[m.end() :]
    if m := NUMBERED.match(text):
        return UnitKind.PARAGRAPH, text[m.end() :]
    level = _list_level(p)
    if level is not None:
        return (UnitKind.PARAGRAPH if level == 0 else UnitKind.SUBPARAGRAPH), text
    return None, text


def _title_index(paragraphs: list[Paragraph]) -> int | None:
    for i, p in enumerate(paragraphs):
        if _style_name(p) == "Title" and p.text.strip():
            return i
    return next((i for i, p in enumerate(paragraphs) if p.text.strip()), None)


def _bracket_marks(text: str) -> str:
    return PRINTED_BRACKET.sub(
        lambda m: f"[[{','.join(o.strip() for o in m.group(2).split(','))}: {m.group(1)}]]", text
    )


def import_docx(data: bytes, *, lang: str = "ru") -> ImportResult:
    if lang not in ("ru", "en"):
        raise ValueError(f"Unknown language {lang!r}; expected 'ru' or 'en'.")
    blocks = list(_open(data).iter_inner_content())
    title = _title_index([b for b in blocks if isinstance(b, Paragraph)])
    result = ImportResult()
    numbered_seen, empty, index = False, [], 0
    for block in blocks:
        if isinstance(block, Table):
            where = f"after paragraph {index}" if index else "at the start"
            result.problems.append(f"a table {where} was skipped: tables are not imported")
            continue
        index += 1
        text = block.text.strip()
        if _has_image(block):
            result.problems.append(f"an image in paragraph {index} was skipped")
        elif not text:
            empty.append(str(index))
        if not text:
            continue
        kind, text = (UnitKind.TITLE, text) if index - 1 == title else _classify(block, text)
        if kind is None and numbered_seen:
            result.problems.append(
                f"paragraph {index} '{_snippet(text)}' has no number; imported as a paragraph"
            )
        kind = kind or (UnitKind.PARAGRAPH if numbered_seen else UnitKind.PREAMBLE)
        numbered_seen = numbered_seen or kind not in (UnitKind.TITLE, UnitKind.PREAMBLE)
        text = _bracket_marks(text.strip())
        ru, en = (text, "") if lang == "ru" else ("", text)
        result.units.append(Unit(f"u{len(result.units) + 1}", kind, ru, en))
    if empty:
        result.problems.append(f"empty paragraphs skipped: {', '.join(empty)}")
    return result
