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
    reading = _Reading(lang, title=_title_index([b for b in blocks if isinstance(b, Paragraph)]))
    for block in blocks:
        if isinstance(block, Table):
            reading.table()
        else:
            reading.paragraph(block)
    return reading.finish()


@dataclass
class _Reading:
    """The draft read so far, block by block: what a paragraph becomes, and how a problem names
    its place, depend on the paragraphs before it."""

    lang: str
    title: int | None  # the title's index among the paragraphs
    result: ImportResult = field(default_factory=ImportResult)
    paragraphs: int = 0  # read so far, tables not counted; problems name a paragraph by its number
    empty: list[str] = field(default_factory=list)  # their numbers, reported together at the end
    # Before the first numbered unit an unnumbered paragraph is preamble; after it, a paragraph
    # whose number is missing.
    numbered_seen: bool = False

    def table(self) -> None:
        where = f"after paragraph {self.paragraphs}" if self.paragraphs else "at the start"
        self.result.problems.append(f"a table {where} was skipped: tables are not imported")

    def paragraph(self, p: Paragraph) -> None:
        self.paragraphs += 1
        text = p.text.strip()
        if _has_image(p):
            self.result.problems.append(f"an image in paragraph {self.paragraphs} was skipped")
        elif not text:
            self.empty.append(str(self.paragraphs))
        if text:
            self._unit(p, text)

    def finish(self) -> ImportResult:
        if self.empty:
            self.result.problems.append(f"empty paragraphs skipped: {', '.join(self.empty)}")
        return self.result

    def _unit(self, p: Paragraph, text: str) -> None:
        kind, text = self._kind(p, text)
        text = _bracket_marks(text.strip())
        ru, en = (text, "") if self.lang == "ru" else ("", text)
        self.result.units.append(Unit(f"u{len(self.result.units) + 1}", kind, ru, en))

    def _kind(self, p: Paragraph, text: str) -> tuple[UnitKind, str]:
        """The paragraph's kind, and its text without a typed number."""
        if self.paragraphs - 1 == self.title:
            return UnitKind.TITLE, text
        kind, text = _classify(p, text)
        if kind is None and self.numbered_seen:
            self.result.problems.append(
                f"paragraph {self.paragraphs} '{_snippet(text)}' has no number; imported as a paragraph"
            )
        kind = kind or (UnitKind.PARAGRAPH if self.numbered_seen else UnitKind.PREAMBLE)
        self.numbered_seen = self.numbered_seen or kind not in (UnitKind.TITLE, UnitKind.PREAMBLE)
        return kind, text
