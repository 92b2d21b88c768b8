"""Words, stems and queries: pure functions shared by both search backends.

Texts are indexed as Snowball stems (Russian for Cyrillic words, English for Latin ones), so that
"ратифицировал" and "ратификации", or "ratified" and "ratification", meet. Snowball does not join
derivations ("ратифицирова-" and "ратификац-"), so each query word also matches the *root* of its stem
(the stem shortened by a few letters, used as a prefix); exact stems weigh more in the ranking.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)
CYRILLIC = re.compile(r"[а-яё]")
MAX_QUERY = 500  # characters read from a query
MAX_TERMS = 12


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("russian" if language == "ru" else "english")


def words(text: str) -> list[str]:
    return [w.replace("ё", "е") for w in WORD.findall(text.casefold()) if w != "_"]


@cache
def stem(word: str) -> str:
    language = "ru" if CYRILLIC.search(word) else "en"
    result: str = _stemmer(language).stemWord(word)
    return result


# Russian derivational suffixes left on Snowball stems (ратифицирова-, ратификац-, соглашен-).
RU_SUFFIXES = sorted(
    [
        "ирова",
        "изова",
        "ова",
        "ева",
        "ыва",
        "ива",
        "ени",
        "ани",
        "ен",
        "ан",
        "ац",
        "иц",
        "ик",
        "ост",
        "ств",
        "тель",
        "чик",
        "щик",
        "ник",
    ],
    key=len,
    reverse=True,
)


@cache
def root(stemmed: str) -> str:
    """The part of a stem shared by the word's derivations, matched as a prefix."""
    if CYRILLIC.search(stemmed):
        base = stemmed
        while True:
            suffix = next(
                (x for x in RU_SUFFIXES if base.endswith(x) and len(base) - len(x) >= 4), None
            )
            if suffix is None:
                return base
            base = base[: -len(suffix)]
    return stemmed if len(stemmed) <= 4 else stemmed[: max(4, len(stemmed) - 1)]


def stems(text: str) -> str:
    """What is indexed: the text's stems, space-separated."""
    return " ".join(stem(w) for w in words(text))


@dataclass(frozen=True)
class Term:
    stems: tuple[str, ...]  # one stem, or several for a phrase
    prefix: bool = False  # the user typed `word*`

    @property
    def phrase(self) -> bool:
        return len(self.stems) > 1


def parse(query: str) -> list[Term]:
    """Terms of a user's query: words, "quoted phrases" and prefixes (`ратиф*`). Everything else that
    search syntax might mean (operators, brackets, column filters, SQL) is read as plain words."""
    text = query if len(query) <= MAX_QUERY else query[:MAX_QUERY].rsplit(None, 1)[0]
    terms: list[Term] = []
    for match in re.finditer(r'"([^"]*)"|(\S+)', text):
        if match.group(1) is not None:
            found = tuple(stem(w) for w in words(match.group(1)))
            if found:
                terms.append(Term(found))
            continue
        token = match.group(2)
        prefix = token.endswith("*")
        parts = words(token)
        for i, w in enumerate(parts):
            is_prefix = prefix and i == len(parts) - 1
            terms.append(Term((w if is_prefix else stem(w),), prefix=is_prefix))
    unique = list(dict.fromkeys(terms))
    return unique[:MAX_TERMS]


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def fts5(terms: list[Term]) -> str:
    """The SQLite FTS5 query: every term must match; a word matches its stem or its root."""
    parts = []
    for term in terms:
        if term.phrase:
            parts.append(_quoted(" ".join(term.stems)))
        elif term.prefix:
            parts.append(_quoted(term.stems[0]) + "*")
        else:
            s = term.stems[0]
            parts.append(f"({_quoted(s)} OR {_quoted(root(s))}*)" if root(s) != s else _quoted(s))
    return " AND ".join(parts)


def _lexeme(value: str) -> str:
    return "'" + value.replace("'", "''").replace("\\", "") + "'"


def tsquery(terms: list[Term]) -> str:
    """The PostgreSQL tsquery (over the 'simple' configuration, the text being stemmed already)."""
    parts = []
    for term in terms:
        if term.phrase:
            parts.append("(" + " <-> ".join(_lexeme(s) for s in term.stems) + ")")
        elif term.prefix:
            parts.append(_lexeme(term.stems[0]) + ":*")
        else:
            s = term.stems[0]
            parts.append(f"({_lexeme(s)} | {_lexeme(root(s))}:*)" if root(s) != s else _lexeme(s))
    return " & ".join(parts)


def matches(word: str, terms: list[Term]) -> bool:
    s = stem(word)
    for term in terms:
        for t in term.stems:
            if (
                s == t
                or (term.prefix and word.startswith(t))
                or (not term.phrase and s.startswith(root(t)))
            ):
                return True
    return False


def highlight(text: str, terms: list[Term], *, around: int = 14, limit: int = 60) -> str:
    """Escaped HTML of the part of `text` around the first match, matched words in <mark>."""
    tokens = re.split(r"(\w+)", text)
    word_positions = [i for i in range(1, len(tokens), 2)]
    folded = [tokens[i].casefold().replace("ё", "е") for i in word_positions]
    matched = {w: matches(w, terms) for w in set(folded)}  # each distinct word checked once
    hits = [i for i, w in zip(word_positions, folded, strict=True) if matched[w]]
    if hits:
        first = word_positions.index(hits[0])
        start = max(0, first - around)
        end = min(len(word_positions), start + limit)
    else:
        start, end = 0, min(len(word_positions), limit)
    if not word_positions:
        return html.escape(text[:300])
    lo = 0 if start == 0 else word_positions[start]
    hi = word_positions[end - 1] + 1 if end > 0 else 0
    out = ["…" if start > 0 else ""]
    marked = set(hits)
    for i in range(lo, hi + 1 if hi < len(tokens) else hi):
        piece = html.escape(tokens[i])
        out.append(f"<mark>{piece}</mark>" if i in marked else piece)
    if end < len(word_positions):
        out.append("…")
    return "".join(out).strip()
