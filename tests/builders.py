"""Test builders: what a test needs, made in one call with sensible defaults, so that a test says
what matters to it instead of looking demo records up by name. The demo world (conftest personas)
stays where it is the point: permissions over the named personas, pages as users see them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

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


def delegate(iso2: str) -> Any:
    """The demo world's permanent representative of a state (`kz_rep`, `by_rep`, …)."""
    from concord.accounts.models import User

    return User.objects.get(username=f"{iso2.lower()}_rep")


def a_question(
    actor: Actor,
    *,
    now: dt.datetime,
    route: str = "budget",
    kind: str = "draft_decision",
    document: Document | None = None,
    **extra: Any,
) -> Any:
    """A question on a route of the demo world, about `document` (a new draft if none is given)."""
    from concord.consultations import services as consultations
    from concord.consultations.models import Route

    return consultations.open_consultation(
        actor=actor,
        title_ru="Вопрос",
        title_en="Question",
        kind=kind,
        route=Route.objects.get(code=route),
        document=document if document is not None else a_draft(actor, kind="draft_decision"),
        now=now,
        **extra,
    )


def answer(stage: Any, stances: dict[str, str], *, now: dt.datetime) -> None:
    """Each named state's delegation gives its stance on the text before `stage`."""
    from concord.consultations import services as consultations

    for iso2, stance in stances.items():
        stage.refresh_from_db()
        consultations.record_position(
            stage,
            actor=delegate(iso2),
            stance=stance,
            statement="" if stance in ("join", "refrain") else "Reasons.",
            version_id=stage.version_id,
            now=now,
        )
