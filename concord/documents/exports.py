"""Printable exports of a text: one version as PDF or DOCX, and the comparison of two versions.

Both formats are drawn from one neutral layout (`_Block`s of `_Run`s), so the PDF and the DOCX of
the same version say the same thing. Every page carries the marking, the version and the full
fingerprint: a printed page must be traceable to the exact text it came from.

Comparisons show only what changed: units whose text, place and number are all unchanged are
left out (their count is printed at the top).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from reportlab.lib.enums import TA_CENTER  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from concord.documents.comparison import UnitChange
from concord.documents.rules import (
    Op,
    Unit,
    UnitKind,
    number_units,
    segments,
    word_diff,
)

LANGS = ("ru", "en", "both")
FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"

DELETED_RGB, INSERTED_RGB, NOTE_RGB = "B00020", "1B7A2E", "666666"

WORDS: dict[str, dict[str, str]] = {
    "version": {"ru": "версия", "en": "version"},
    "final": {"ru": "окончательная", "en": "final"},
    "page": {"ru": "стр.", "en": "page"},
    "added": {"ru": "добавлено", "en": "added"},
    "removed": {"ru": "исключено", "en": "removed"},
    "moved": {"ru": "перемещено", "en": "moved"},
    "renumbered": {"ru": "прежний номер:", "en": "renumbered from"},
    "compared": {"ru": "Изменения по сравнению с версией", "en": "Changes since version"},
    "omitted": {"ru": "Неизменённые части не показаны:", "en": "Unchanged units not shown:"},
    "none": {"ru": "Изменений нет.", "en": "No changes."},
}


@dataclass(frozen=True)
class ExportMeta:
    title: str
    kind: str  # human label, e.g. "Проект совместного заявления"
    marking: str  # human label, e.g. "Official"
    version: int
    fingerprint: str  # 64-hex SHA-256 of the version's canonical form
    final: bool
    organization: str = ""


# --- The neutral layout ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Run:
    text: str
    bold: bool = False
    small: bool = False
    mark: str = ""  # "", "del", "ins" or "note"


@dataclass(frozen=True)
class _Block:
    style: str  # "title", "heading", "body", "indent" or "note"
    cells: tuple[tuple[_Run, ...], ...]  # one per language column


def _langs(lang: str) -> tuple[str, ...]:
    if lang not in LANGS:
        raise ValueError(f"Unknown export language {lang!r}; expected one of {LANGS}.")
    return ("ru", "en") if lang == "both" else (lang,)


def _word(key: str, lang: str) -> str:
    return " / ".join(WORDS[key][x] for x in _langs(lang))


def _text_runs(text: str) -> list[_Run]:
    """Brackets print as `[words]` with their owners in small type after them."""
    runs: list[_Run] = []
    for s in segments(text):
        if s.bracketed:
            runs += [_Run(f"[{s.text}]"), _Run(f" ({', '.join(s.owners)})", small=True)]
        elif s.text:
            runs.append(_Run(s.text))
    return runs


def display_text(text: str) -> str:
    """The text as an export prints it, brackets included, as one string."""
    return "".join(r.text for r in _text_runs(text))


def _unit_runs(unit: Unit, label: str, lang: str) -> tuple[str, list[_Run]]:
    text = _text_runs(unit.text(lang))
    if unit.kind in (UnitKind.ARTICLE, UnitKind.ANNEX):
        # One line "Статья 3. Цели", so that a DOCX export imports back as the same article.
        return "heading", [_Run(label), *([_Run(". "), *text] if text else [])]
    if unit.kind in (UnitKind.PARAGRAPH, UnitKind.SUBPARAGRAPH):
        style = "body" if unit.kind == UnitKind.PARAGRAPH else "indent"
        return style, [_Run(label, bold=True), _Run(" "), *text]
    return ("title" if unit.kind == UnitKind.TITLE else "body"), text


def _version_blocks(meta: ExportMeta, units: Sequence[Unit], lang: str) -> list[_Block]:
    langs = _langs(lang)
    labels = number_units(units)
    blocks = []
    if not any(u.kind == UnitKind.TITLE for u in units):
        blocks.append(_Block("title", tuple((_Run(meta.title),) for _ in langs)))
    for u in units:
        label = labels[u.uid]
        cells = [_unit_runs(u, label.ru if x == "ru" else label.en, x) for x in langs]
        blocks.append(_Block(cells[0][0], tuple(tuple(runs) for _, runs in cells)))
    return blocks


def _ops(change: UnitChange, lang: str) -> list[Op]:
    # Diffed on the printed form, so a bracket that is lifted shows as its marks struck out.
    old = display_text(change.old.text(lang)) if change.old else ""
    new = display_text(change.new.text(lang)) if change.new else ""
    return word_diff(old, new)


def _diff_runs(ops: Sequence[Op]) -> tuple[_Run, ...]:
    runs: list[_Run] = []
    for op in ops:
        if op.tag == "equal":
            runs.append(_Run(op.new))
            continue
        if op.old:
            runs.append(_Run(op.old, mark="del"))
        if op.new:
            runs.append(_Run(op.new, mark="ins"))
    return tuple(runs)


def _notes(change: UnitChange, lang: str) -> list[str]:
    notes = [WORDS[change.status][lang]] if change.status in ("added", "removed") else []
    if change.moved:
        notes.append(WORDS["moved"][lang])
    old, new = change.old_label, change.new_label
    # The full reference, not just the label: a paragraph whose article was renumbered keeps
    # its "1." but is now cited differently, and that is what a reader needs to know.
    if old and new and (old.ref_ru, old.ref_en) != (new.ref_ru, new.ref_en):
        notes.append(f"{WORDS['renumbered'][lang]} {old.ref_ru if lang == 'ru' else old.ref_en}")
    return notes


def _change_heading(change: UnitChange, lang: str) -> _Block:
    label = change.new_label or change.old_label
    assert label is not None  # compare() labels every unit on at least one side
    parts = []
    for x in _langs(lang):
        ref = label.ref_ru if x == "ru" else label.ref_en
        notes = _notes(change, x)
        parts.append(ref[:1].upper() + ref[1:] + (f" ({'; '.join(notes)})" if notes else ""))
    return _Block("heading", ((_Run(" / ".join(parts)),),))


def _shown(change: UnitChange, langs: Sequence[str]) -> bool:
    """Worth printing in this language: an edit in another language alone is not."""
    if not change.is_change:
        return False
    if change.status != "changed" or change.moved or change.renumbered:
        return True
    assert change.old is not None and change.new is not None
    return change.old.kind != change.new.kind or any(
        change.old.text(x) != change.new.text(x) for x in langs
    )


def _diff_blocks(
    meta: ExportMeta, changes: Sequence[UnitChange], from_version: int, lang: str
) -> list[_Block]:
    langs = _langs(lang)
    shown = [c for c in changes if _shown(c, langs)]
    omitted = len(changes) - len(shown)
    blocks = [_Block("title", ((_Run(meta.title),),))]
    for x in langs:
        intro = f"{WORDS['compared'][x]} {from_version}. {WORDS['omitted'][x]} {omitted}."
        blocks.append(_Block("note", ((_Run(intro, mark="note"),),)))
    if not shown:
        blocks.append(_Block("body", ((_Run(_word("none", lang)),),)))
    for c in shown:
        blocks.append(_change_heading(c, lang))
        blocks.append(_Block("body", tuple(_diff_runs(_ops(c, x)) for x in langs)))
    return blocks


def _footer_line(meta: ExportMeta, lang: str) -> str:
    parts = [meta.marking, f"{_word('version', lang)} {meta.version}"]
    if meta.final:
        parts.append(_word("final", lang))
    return " · ".join(p for p in parts if p)


def _header_line(meta: ExportMeta) -> str:
    return " · ".join(p for p in (meta.organization, meta.kind) if p)


# --- PDF ------------------------------------------------------------------------------------------


@cache
def register_pdf_fonts() -> None:
    """The vendored DejaVu faces, for every module that writes PDF (Cyrillic and Latin)."""
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    # No oblique face is vendored: <i> falls back to upright rather than failing.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


@cache
def _pdf_styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14, spaceAfter=5)
    return {
        "body": base,
        "indent": ParagraphStyle("indent", base, leftIndent=8 * mm),
        "note": ParagraphStyle("note", base, fontSize=9, leading=12, spaceAfter=8),
        "heading": ParagraphStyle(
            "heading", base, fontName=FONT_BOLD, fontSize=11, spaceBefore=8, keepWithNext=True
        ),
        "title": ParagraphStyle(
            "title",
            base,
            fontName=FONT_BOLD,
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            spaceAfter=10,
        ),
    }


def _markup(runs: Sequence[_Run]) -> str:
    out = []
    for r in runs:
        t = escape(r.text).replace("\n", "<br/>")
        if r.bold:
            t = f"<b>{t}</b>"
        if r.small:
            t = f'<font size="7">{t}</font>'
        if r.mark == "del":
            t = f'<strike><font color="#{DELETED_RGB}">{t}</font></strike>'
        elif r.mark == "ins":
            t = f'<u><font color="#{INSERTED_RGB}">{t}</font></u>'
        elif r.mark == "note":
            t = f'<font color="#{NOTE_RGB}">{t}</font>'
        out.append(t)
    return "".join(out)


def _pdf_story(blocks: Sequence[_Block]) -> list[Flowable]:
    styles = _pdf_styles()
    story: list[Flowable] = []
    rows: list[list[Paragraph]] = []

    def flush() -> None:
        # Consecutive two-column blocks form one table, so the columns stay aligned row by row.
        if rows:
            width = (A4[0] - 40 * mm) / 2
            table = Table(list(rows), colWidths=[width, width], splitInRow=1)
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(table)
            rows.clear()

    for b in blocks:
        paragraphs = [Paragraph(_markup(cell), styles[b.style]) for cell in b.cells]
        if len(paragraphs) == 1:
            flush()
            story.append(paragraphs[0])
        else:
            rows.append(paragraphs)
    flush()
    return story


def _pdf(meta: ExportMeta, blocks: Sequence[_Block], lang: str) -> bytes:
    register_pdf_fonts()
    header, footer = _header_line(meta), _footer_line(meta, lang)
    page_word = _word("page", lang)

    def decorate(c: Any, doc: Any) -> None:
        middle, top = A4[0] / 2, A4[1]
        c.saveState()
        c.setFont(FONT_BOLD, 9)
        c.drawCentredString(middle, top - 12 * mm, meta.marking)
        c.setFont(FONT, 8)
        c.drawCentredString(middle, top - 16 * mm, header)
        c.drawCentredString(middle, 14 * mm, f"{footer} · {page_word} {doc.page}")
        c.setFont(FONT, 7)
        c.drawCentredString(middle, 10 * mm, f"SHA-256 {meta.fingerprint}")
        c.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=24 * mm,
        bottomMargin=22 * mm,
        title=meta.title,
        author=meta.organization,
        subject=f"{footer} · SHA-256 {meta.fingerprint}",
        invariant=True,
    )
    doc.build(_pdf_story(blocks), onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


# --- DOCX -----------------------------------------------------------------------------------------

_DOCX_STYLES = {"title": "Title", "heading": "Heading 1"}


def _docx_run(paragraph: DocxParagraph, run: _Run) -> None:
    r = paragraph.add_run(run.text)
    r.bold = run.bold or None
    if run.small:
        r.font.size = Pt(8)
    if run.mark == "del":
        r.font.strike = True
        r.font.color.rgb = RGBColor.from_string(DELETED_RGB)
    elif run.mark == "ins":
        r.font.underline = True
        r.font.color.rgb = RGBColor.from_string(INSERTED_RGB)
    elif run.mark == "note":
        r.italic = True
        r.font.color.rgb = RGBColor.from_string(NOTE_RGB)


def _docx_paragraph(paragraph: DocxParagraph, block_style: str, runs: Sequence[_Run]) -> None:
    paragraph.style = _DOCX_STYLES.get(block_style, "Normal")
    if block_style == "indent":
        paragraph.paragraph_format.left_indent = Cm(1)
    for run in runs:
        _docx_run(paragraph, run)


def _docx_styles(doc: DocxDocument) -> None:
    # The default template's headings are blue Calibri Light; an official text wants plain type.
    styles = doc.styles
    for name, size in (("Normal", 12), ("Title", 16), ("Heading 1", 12)):
        font = styles[name].font
        font.name, font.size = "Times New Roman", Pt(size)
        font.color.rgb = RGBColor(0, 0, 0)
        # Word prefers a theme font to a named one, so the theme's must go for the name to count.
        rfonts = styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            rfonts.attrib.pop(qn(f"w:{attr}"), None)
    styles["Title"].font.bold = True
    styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _page_field(paragraph: DocxParagraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _docx_page(doc: DocxDocument, meta: ExportMeta, lang: str) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(2)
    marking, header = section.header.paragraphs[0], section.header.add_paragraph()
    marking.add_run(meta.marking).bold = True
    header.add_run(_header_line(meta)).font.size = Pt(8)
    footer, fingerprint = section.footer.paragraphs[0], section.footer.add_paragraph()
    footer.add_run(f"{_footer_line(meta, lang)} · {_word('page', lang)} ").font.size = Pt(8)
    _page_field(footer)
    fingerprint.add_run(f"SHA-256 {meta.fingerprint}").font.size = Pt(7)
    for p in (marking, header, footer, fingerprint):
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _docx(meta: ExportMeta, blocks: Sequence[_Block], lang: str) -> bytes:
    doc = Document()
    _docx_styles(doc)
    _docx_page(doc, meta, lang)
    doc.core_properties.title = meta.title
    doc.core_properties.subject = f"{_footer_line(meta, lang)} · SHA-256 {meta.fingerprint}"
    table = None
    for b in blocks:
        if len(b.cells) == 1:
            table = None
            _docx_paragraph(doc.add_paragraph(), b.style, b.cells[0])
            continue
        if table is None:
            table = doc.add_table(rows=0, cols=2)
        for cell, runs in zip(table.add_row().cells, b.cells, strict=True):
            _docx_paragraph(cell.paragraphs[0], b.style, runs)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# --- Public API -----------------------------------------------------------------------------------


def version_pdf(meta: ExportMeta, units: Sequence[Unit], lang: str) -> bytes:
    return _pdf(meta, _version_blocks(meta, units, lang), lang)


def certified_pdf(
    meta: ExportMeta, units: Sequence[Unit], certification: Sequence[tuple[str, str]]
) -> bytes:
    """The text in both languages, closed by the certification (Russian and English lines)."""
    blocks = _version_blocks(meta, units, "both")
    blocks += [
        _Block("note", ((_Run(ru, bold=True),), (_Run(en, bold=True),))) for ru, en in certification
    ]
    return _pdf(meta, blocks, "both")


def version_docx(meta: ExportMeta, units: Sequence[Unit], lang: str) -> bytes:
    return _docx(meta, _version_blocks(meta, units, lang), lang)


def diff_pdf(
    meta: ExportMeta, changes: Sequence[UnitChange], from_version: int, lang: str
) -> bytes:
    return _pdf(meta, _diff_blocks(meta, changes, from_version, lang), lang)


def diff_docx(
    meta: ExportMeta, changes: Sequence[UnitChange], from_version: int, lang: str
) -> bytes:
    return _docx(meta, _diff_blocks(meta, changes, from_version, lang), lang)
