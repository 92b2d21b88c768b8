"""Drafts made when another module adopts something public: an adopted joint statement or declaration,
an agreement entering into force, a press release on an operation's results. They wait for an editor;
nothing is published without one. Each reacts to a domain event (see docs/architecture.md)."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape

from concord.agreements import selectors as agreements
from concord.agreements.events import AgreementInForce
from concord.consultations import selectors as consultations
from concord.consultations.events import ConsultationAdopted
from concord.consultations.states import QuestionKind
from concord.core.actors import SYSTEM
from concord.core.events import subscribe
from concord.operations import selectors as operations
from concord.operations.events import PressReleaseSaved

from . import services
from .states import Section

PUBLIC_KINDS = (QuestionKind.JOINT_STATEMENT, QuestionKind.DECLARATION)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def statement_adopted(event: ConsultationAdopted) -> None:
    if event.kind not in PUBLIC_KINDS:
        return
    consultation = consultations.adopted_consultation(event.consultation_id)
    if consultation is None:
        return
    units: list[dict[str, Any]] = consultations.adopted_text(consultation)
    body = {
        lang: "".join(
            f"<p>{escape(u.get(f'text_{lang}', ''))}</p>"
            for u in units[1:]
            if u.get(f"text_{lang}")
        )
        for lang in ("ru", "en")
    }
    services.draft_from(
        "consultation",
        consultation.pk,
        actor=SYSTEM,
        section=Section.STATEMENT,
        title_ru=consultation.title_ru,
        title_en=consultation.title_en,
        body_ru=body["ru"],
        body_en=body["en"],
    )


def agreement_in_force(event: AgreementInForce) -> None:
    agreement = agreements.agreement_by_id(event.agreement_id)
    date = event.since
    services.draft_from(
        "agreement",
        agreement.pk,
        actor=SYSTEM,
        section=Section.NEWS,
        title_ru=f"{agreement.title_ru} вступил(о) в силу {date:%d.%m.%Y}",
        title_en=f"{agreement.title_en or agreement.title_ru} entered into force on {date:%d %B %Y}",
        summary_ru=f"Депозитарий сообщает о вступлении в силу: {agreement.title_ru}.",
        summary_en=f"The depositary announces the entry into force of the {agreement.title_en or agreement.title_ru}.",
    )


def press_release_saved(event: PressReleaseSaved) -> None:
    release = operations.press_release(event.stage_id)
    services.draft_from(
        "press_release",
        event.stage_id,
        actor=SYSTEM,
        section=Section.NEWS,
        title_ru=release.title_ru,
        title_en=release.title_en,
        body_ru=_paragraphs(release.body_ru),
        body_en=_paragraphs(release.body_en),
    )


def connect() -> None:
    subscribe(ConsultationAdopted, statement_adopted)
    subscribe(AgreementInForce, agreement_in_force)
    subscribe(PressReleaseSaved, press_release_saved)
