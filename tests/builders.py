"""Test builders: what a test needs, made in one call with sensible defaults, so that a test says
what matters to it instead of looking demo records up by name. The demo world (conftest personas)
stays where it is the point: permissions over the named personas, pages as users see them.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from concord.core.actors import Actor
from concord.documents import services as documents
from concord.documents.models import Document


class TestVerb(StrEnum):
    """Audit verbs that only tests write."""

    __test__ = False  # not a test class, whatever pytest thinks of its name

    TOUCH = "test.touch"
    SPECIAL = "test.special"
    BULK = "test.bulk"
    NUMBER = "test.number"


# A short joint statement: title, preamble, two operative paragraphs (uids u1–u4).
STATEMENT = [
    ("title", "Совместное заявление", "Joint statement"),
    ("preamble", "Мы, государства-члены,", "We, the member states,"),
    (
        "paragraph",
        "Решительно осуждаем терроризм во всех его формах.",
        "Firmly condemn terrorism in all its forms.",
    ),
    ("paragraph", "Поддерживаем центральную роль ООН.", "Support the central role of the UN."),
]


def a_draft(
    actor: Actor,
    *,
    units: Sequence[tuple[str, str, str]] = STATEMENT,
    kind: str = "joint_statement",
    marking: str = "official",
) -> Document:
    """A text under negotiation, version 1, owned by whom `actor` acts for."""
    return documents.create_document(actor=actor, kind=kind, units=units, marking=marking)
