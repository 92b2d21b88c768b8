"""The five draft joint statements of 2024 (demo_texts.py), negotiated through the services:
each is drafted by the Secretariat, amended by delegations, and its amendments decided."""

from __future__ import annotations

from typing import Any

from concord.accounts.models import User
from concord.organization.models import Body

from . import services
from .demo_texts import STATEMENTS
from .models import Document
from .rules import Operation, OpKind, UnitKind
from .states import DocumentKind


def _representative(iso2: str) -> User:
    return User.objects.get(username=f"{iso2.lower()}_rep")


def _operation(a: dict[str, Any]) -> Operation:
    target = f"u{a['target'] + 1}"  # the first version numbers its units u1, u2, … in order
    op = OpKind(a["op"])
    if op == OpKind.ADD:
        return Operation(
            op,
            after_uid=target,
            kind=UnitKind(a.get("kind", "paragraph")),
            text_ru=a.get("text_ru") or "",
            text_en=a.get("text_en") or "",
        )
    return Operation(op, uid=target, text_ru=a.get("text_ru"), text_en=a.get("text_en"))


def seed(*, password: str) -> list[str]:
    editor = User.objects.get(username="secretariat")
    made = 0
    for statement in STATEMENTS:
        title_ru = statement["units"][0][1]
        if Document.objects.filter(
            kind=DocumentKind.JOINT_STATEMENT, title_ru=title_ru[:500]
        ).exists():
            continue
        document = services.create_document(
            actor=editor,
            kind=DocumentKind.JOINT_STATEMENT,
            units=statement["units"],
            marking=statement.get("marking", "official"),
            body=Body.objects.filter(code=statement["body"]).first(),
        )
        for a in statement["amendments"]:
            document.refresh_from_db()
            amendment = services.propose_amendment(
                document,
                actor=_representative(a["state"]),
                base_number=document.latest_number,
                operation=_operation(a),
                justification_ru=a.get("justification_ru", ""),
                justification_en=a.get("justification_en", ""),
            )
            for iso2 in a.get("supporters", []):
                services.support_amendment(amendment, actor=_representative(iso2))
            if a["outcome"] == "accepted":
                services.decide_amendment(
                    amendment, actor=editor, decision="accept", base_number=document.latest_number
                )
            elif a["outcome"] == "rejected":
                services.decide_amendment(
                    amendment,
                    actor=editor,
                    decision="reject",
                    base_number=document.latest_number,
                    reason=a.get("reason_en") or a.get("reason_ru") or "Not agreed.",
                )
        made += 1
    return [f"Documents: {made} draft joint statements negotiated."] if made else []
