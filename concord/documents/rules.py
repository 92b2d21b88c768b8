"""Texts as pure data: units and their numbering, brackets, word diffs, comparison of versions,
operations on a text, conflicts between amendments, and the fingerprint of a final text.

A text is an ordered list of units. Each unit has a stable `uid` that it keeps across versions, so
that "article 3, paragraph 2" of one version can be followed into the next even when it is moved or
renumbered. Numbers are never stored by hand: they follow from kinds and order (`number_units`).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from .codes import Code


class UnitKind(StrEnum):
    TITLE = "title"  # the document's title; not numbered
    PREAMBLE = "preamble"  # a preamble paragraph; not numbered
    ARTICLE = "article"  # Статья N / Article N
    PARAGRAPH = "paragraph"  # N. within its article or annex (or the document when there are none)
    SUBPARAGRAPH = "subparagraph"  # а) / (a) within its paragraph
    ANNEX = "annex"  # Приложение N / Annex N; paragraphs after it belong to it


# What a unit holds: the units of these kinds that follow it belong to it (are deleted and moved
# with it). A preamble paragraph or the title holds nothing.
HOLDS = {
    UnitKind.ARTICLE: {UnitKind.PARAGRAPH, UnitKind.SUBPARAGRAPH},
    UnitKind.ANNEX: {UnitKind.PARAGRAPH, UnitKind.SUBPARAGRAPH},
    UnitKind.PARAGRAPH: {UnitKind.SUBPARAGRAPH},
}


class RuleError(ValueError):
    """An operation that the text cannot take; `code` is stable, the message is for people."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Unit:
    uid: str
    kind: UnitKind
    text_ru: str = ""
    text_en: str = ""

    def text(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text_ru

    def as_dict(self) -> dict[str, str]:
        return {
            "uid": self.uid,
            "kind": str(self.kind),
            "text_ru": self.text_ru,
            "text_en": self.text_en,
        }

    @classmethod
    def from_dict(cls, d: dict[str, str]) -> Unit:
        return cls(d["uid"], UnitKind(d["kind"]), d.get("text_ru", ""), d.get("text_en", ""))


# --- Numbering ------------------------------------------------------------------------------------

RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
EN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _letter(n: int, letters: str) -> str:
    return letters[(n - 1) % len(letters)] * ((n - 1) // len(letters) + 1)


@dataclass(frozen=True)
class Label:
    ru: str  # the number as printed: "Статья 3", "2.", "б)"
    en: str
    ref_ru: str  # the full reference: "статья 3, пункт 2"
    ref_en: str  # "article 3, paragraph 2"


def number_units(units: Sequence[Unit]) -> dict[str, Label]:
    articles = annexes = paragraphs = subparagraphs = 0
    parent_ru = parent_en = ""
    para_ru = para_en = ""
    labels: dict[str, Label] = {}
    for u in units:
        if u.kind == UnitKind.ARTICLE:
            articles += 1
            paragraphs = subparagraphs = 0
            parent_ru, parent_en = f"статья {articles}", f"article {articles}"
            para_ru, para_en = parent_ru, parent_en
            labels[u.uid] = Label(f"Статья {articles}", f"Article {articles}", parent_ru, parent_en)
        elif u.kind == UnitKind.ANNEX:
            annexes += 1
            paragraphs = subparagraphs = 0
            parent_ru, parent_en = f"приложение {annexes}", f"annex {annexes}"
            para_ru, para_en = parent_ru, parent_en
            labels[u.uid] = Label(f"Приложение {annexes}", f"Annex {annexes}", parent_ru, parent_en)
        elif u.kind == UnitKind.PARAGRAPH:
            paragraphs += 1
            subparagraphs = 0
            para_ru = ", ".join(p for p in (parent_ru, f"пункт {paragraphs}") if p)
            para_en = ", ".join(p for p in (parent_en, f"paragraph {paragraphs}") if p)
            labels[u.uid] = Label(f"{paragraphs}.", f"{paragraphs}.", para_ru, para_en)
        elif u.kind == UnitKind.SUBPARAGRAPH:
            subparagraphs += 1
            ru, en = _letter(subparagraphs, RU_LETTERS), _letter(subparagraphs, EN_LETTERS)
            labels[u.uid] = Label(
                f"{ru})",
                f"({en})",
                f"{para_ru}, подпункт «{ru}»",
                f"{para_en}, subparagraph ({en})",
            )
        elif u.kind == UnitKind.PREAMBLE:
            labels[u.uid] = Label("", "", "преамбула", "preamble")
        else:
            labels[u.uid] = Label("", "", "название", "title")
    return labels


# --- Brackets -------------------------------------------------------------------------------------
# Text not yet agreed is written [[KZ,RU: the words]]: the owners are the states (ISO codes) that
# hold the bracket open. Brackets are part of a version's text, so they are versioned with it.

BRACKET = re.compile(r"\[\[([A-Z]{2}(?:\s*,\s*[A-Z]{2})*)\s*:\s*(.*?)\]\]", re.DOTALL)


@dataclass(frozen=True)
class Segment:
    text: str
    owners: tuple[str, ...] = ()  # empty for agreed text

    @property
    def bracketed(self) -> bool:
        return bool(self.owners)


def segments(text: str) -> list[Segment]:
    result, pos = [], 0
    for m in BRACKET.finditer(text):
        if m.start() > pos:
            result.append(Segment(text[pos : m.start()]))
        owners = tuple(o.strip() for o in m.group(1).split(","))
        result.append(Segment(m.group(2), owners))
        pos = m.end()
    if pos < len(text):
        result.append(Segment(text[pos:]))
    return result


def malformed_brackets(text: str) -> bool:
    """Bracket marks that do not form a well-written bracket ([[KZ,RU: words]]): unclosed, nested,
    lower-case or missing owners. They count as open, so a text with them cannot become final."""
    rest = BRACKET.sub("", text)
    return (
        "[[" in rest or "]]" in rest or any("[[" in s.text for s in segments(text) if s.bracketed)
    )


def bracket_owners(text: str) -> set[str]:
    return {o for s in segments(text) if s.bracketed for o in s.owners}


def clean_text(text: str) -> str:
    """The text as it reads with the bracket marks removed."""
    return BRACKET.sub(lambda m: m.group(2), text)


def open_brackets(units: Iterable[Unit]) -> list[tuple[str, str, Segment]]:
    """Every open bracket as (uid, language, segment); malformed marks count as one each."""
    found = []
    for u in units:
        for lang in ("ru", "en"):
            text = u.text(lang)
            found += [(u.uid, lang, s) for s in segments(text) if s.bracketed]
            if malformed_brackets(text):
                found.append((u.uid, lang, Segment(text, ("?",))))
    return found


# --- Word diff ------------------------------------------------------------------------------------

TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def tokenize(text: str) -> list[str]:
    return TOKEN.findall(text)


@dataclass(frozen=True)
class Op:
    tag: str  # equal, insert, delete, replace
    old: str
    new: str


def word_diff(a: str, b: str) -> list[Op]:
    """Word-level diff of `a` into `b`. Joining `old` gives `a`; joining `new` gives `b`."""
    ta, tb = tokenize(a), tokenize(b)
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    return [
        Op(tag, "".join(ta[i1:i2]), "".join(tb[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def apply_diff(a: str, ops: Sequence[Op]) -> str:
    """Apply `ops` to `a`; refuses a diff that was not made from `a`."""
    if "".join(op.old for op in ops) != a:
        raise RuleError(Code.DIFF_DOES_NOT_APPLY, "This diff was not made from this text.")
    return "".join(op.new for op in ops)


def changed_spans(a: str, b: str) -> list[tuple[int, int]]:
    """Token ranges of `a` that the change into `b` touches; an insertion is an empty range."""
    ta, tb = tokenize(a), tokenize(b)
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    return [(i1, i2) for tag, i1, i2, _j1, _j2 in matcher.get_opcodes() if tag != "equal"]


def spans_conflict(x: tuple[int, int], y: tuple[int, int]) -> bool:
    """Two changes touch the same words: overlapping ranges, or an insertion inside or at the edge
    of the other's range (which order the words would go in is then a choice for the editor)."""
    (xs, xe), (ys, ye) = x, y
    if xs == xe:
        return ys <= xs <= ye
    if ys == ye:
        return xs <= ys <= xe
    return xs < ye and ys < xe


# --- Operations on a text -------------------------------------------------------------------------


class OpKind(StrEnum):
    MODIFY = "modify"  # new wording of a unit, in one or both languages
    ADD = "add"  # a new unit after `after_uid` (or at the start)
    DELETE = "delete"  # the unit and the units under it
    MOVE = "move"  # the unit and the units under it, to after `after_uid`


@dataclass(frozen=True)
class Operation:
    op: OpKind
    uid: str = ""  # the unit changed, deleted or moved; for ADD, the new unit's uid
    after_uid: str = ""  # for ADD and MOVE; "" means at the start (after the title, if any)
    kind: UnitKind = UnitKind.PARAGRAPH  # for ADD
    text_ru: str | None = None  # None: this language is not changed
    text_en: str | None = None


def _index(units: Sequence[Unit], uid: str) -> int:
    for i, u in enumerate(units):
        if u.uid == uid:
            return i
    raise RuleError(Code.UNIT_NOT_FOUND, f"There is no unit {uid!r} in this version.")


def _block_end(units: Sequence[Unit], start: int) -> int:
    """The index after the unit at `start` and the units it holds."""
    held = HOLDS.get(units[start].kind, set())
    end = start + 1
    while end < len(units) and units[end].kind in held:
        end += 1
    return end


def block(units: Sequence[Unit], uid: str) -> list[str]:
    """The uids of a unit and of the units it holds."""
    i = _index(units, uid)
    return [u.uid for u in units[i : _block_end(units, i)]]


def _insert_at(units: Sequence[Unit], after_uid: str, kind: UnitKind) -> int:
    """Where a unit of `kind` goes when placed after `after_uid`: right after it if it can hold the
    new unit (a paragraph after an article heading), else after everything that unit holds."""
    if not after_uid:
        return 1 if units and units[0].kind == UnitKind.TITLE else 0
    i = _index(units, after_uid)
    at = i + 1 if kind in HOLDS.get(units[i].kind, set()) else _block_end(units, i)
    while at < len(units) and units[at].kind in HOLDS.get(kind, set()):
        at += 1  # never capture units that belong to the unit before (an article splitting another)
    return at


def apply_operation(units: Sequence[Unit], op: Operation) -> list[Unit]:
    result = list(units)
    if op.op == OpKind.MODIFY:
        i = _index(result, op.uid)
        unit = result[i]
        result[i] = replace(
            unit,
            text_ru=unit.text_ru if op.text_ru is None else op.text_ru,
            text_en=unit.text_en if op.text_en is None else op.text_en,
        )
    elif op.op == OpKind.ADD:
        if any(u.uid == op.uid for u in result) or not op.uid:
            raise RuleError(Code.UNIT_EXISTS, f"A unit {op.uid!r} already exists.")
        at = _insert_at(result, op.after_uid, op.kind)
        result.insert(at, Unit(op.uid, op.kind, op.text_ru or "", op.text_en or ""))
    elif op.op == OpKind.DELETE:
        i = _index(result, op.uid)
        if result[i].kind == UnitKind.TITLE:
            raise RuleError(Code.TITLE_IS_REQUIRED, "The title cannot be deleted.")
        del result[i : _block_end(result, i)]
    elif op.op == OpKind.MOVE:
        i = _index(result, op.uid)
        block = result[i : _block_end(result, i)]
        if op.after_uid in {u.uid for u in block}:
            raise RuleError(Code.MOVE_INTO_ITSELF, "A unit cannot be moved under itself.")
        del result[i : i + len(block)]
        at = _insert_at(result, op.after_uid, block[0].kind)
        result[at:at] = block
    return result


def touched(base: Sequence[Unit], op: Operation) -> dict[str, list[tuple[int, int]]]:
    """For a MODIFY, the token ranges it touches in each language it changes."""
    unit = base[_index(base, op.uid)]
    return {
        lang: changed_spans(unit.text(lang), text)
        for lang, text in (("ru", op.text_ru), ("en", op.text_en))
        if text is not None
    }


def conflicts(
    base: Sequence[Unit],
    a: Operation,
    b: Operation,
    spans: tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]] | None = None,
) -> bool:
    """Whether two operations proposed on the same text touch the same words (or the same unit
    in a way that cannot be combined, like changing a unit that the other deletes).

    `spans` may carry `touched()` of both when the caller has them already."""
    if a.op == b.op == OpKind.ADD:
        return a.after_uid == b.after_uid
    for x, y in ((a, b), (b, a)):
        if x.op in (OpKind.DELETE, OpKind.MOVE):  # touches the whole block it takes along
            taken = set(block(base, x.uid))
            if (y.after_uid if y.op == OpKind.ADD else y.uid) in taken:
                return True
    if OpKind.ADD in (a.op, b.op) or a.uid != b.uid:
        return False
    if a.op != b.op:
        return True
    sa, sb = spans or (touched(base, a), touched(base, b))
    return any(
        spans_conflict(x, y) for lang in sa.keys() & sb.keys() for x in sa[lang] for y in sb[lang]
    )


def lagging_language(previous: Unit | None, previous_lag: str, unit: Unit) -> str:
    """Which language of `unit` is behind the other ("ru", "en" or "" when they are in step).

    A unit falls out of step when one language changes and the other does not; it comes back in
    step when the lagging language is changed in turn (or both change together).
    """
    if previous is None:
        if unit.text_ru.strip() and not unit.text_en.strip():
            return "en"
        if unit.text_en.strip() and not unit.text_ru.strip():
            return "ru"
        return ""
    ru_changed, en_changed = previous.text_ru != unit.text_ru, previous.text_en != unit.text_en
    if ru_changed and en_changed:
        return ""
    if ru_changed:
        return "" if previous_lag == "ru" else "en"
    if en_changed:
        return "" if previous_lag == "en" else "ru"
    return previous_lag


# --- Fingerprint ----------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """One way to write a text: NFC, and \n for line ends (browsers send \r\n)."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def canonical_form(units: Sequence[Unit]) -> str:
    """What a fingerprint covers: kinds, numbers and texts in both languages, in order, normalised.
    Unit identities are bookkeeping and are left out: two identical texts have one fingerprint."""
    labels = number_units(units)
    rows = [
        [
            str(u.kind),
            labels[u.uid].ru,
            labels[u.uid].en,
            normalise(u.text_ru),
            normalise(u.text_en),
        ]
        for u in units
    ]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def fingerprint(units: Sequence[Unit]) -> str:
    return hashlib.sha256(canonical_form(units).encode()).hexdigest()
