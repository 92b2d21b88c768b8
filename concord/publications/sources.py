"""Drafts made when another module adopts something public: an adopted joint statement or declaration,
an agreement entering into force, a press release on an operation's results. They wait for an editor;
nothing is published without one. Each reacts to a domain event (see docs/architecture.md)."""

from __future__ import annotations

from django.utils.html import escape

from concord.agreements import selectors as agreements
from concord.agreements.events import AgreementInForce
from concord.agreements.notices import day_en, day_ru
from concord.consultations import selectors as consultations
from concord.consultations.events import ConsultationAdopted
from concord.consultations.states import QuestionKind
from concord.core.actors import SYSTEM
from concord.core.events import subscribe
from concord.operations import selectors as operations
from concord.operations.events import PressReleaseSaved
from concord.parliament import selectors as parliament
from concord.parliament.events import ModelActAdopted

from . import services
from .states import Section

PUBLIC_KINDS = (QuestionKind.JOINT_STATEMENT, QuestionKind.DECLARATION)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def statement_adopted(event: ConsultationAdopted) -> None:
    if event.kind not in PUBLIC_KINDS:
        return
    adoption = consultations.adoption(event.consultation_id)
    if adoption is None:
        return
    consultation = adoption.consultation
    body = {lang: _adopted(adoption, lang) + _numbered(adoption, lang) for lang in ("ru", "en")}
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


WHO = {
    "ru": (
        "Принято: {body}, {date}.",
        "Присоединились: ",
        "Воздержались: ",
        "Не выразили позиции: ",
    ),
    "en": ("Adopted by {body} on {date}.", "Joined: ", "Refrained: ", "Gave no position: "),
}


DEMO = {
    "ru": "Демонстрационные данные: позиции государств условны, источники их не приводят.",
    "en": "Demo data: the states' positions are illustrative; the sources do not give them.",
}


def _adopted(adoption: consultations.Adoption, lang: str) -> str:
    """Who adopted the text and when, and where each state stood."""
    adopted, joined, refrained, silent = WHO[lang]
    name = (lambda s: s.name_en) if lang == "en" else (lambda s: s.name_ru)
    body = adoption.body.name_en if lang == "en" else adoption.body.name_ru
    date = f"{adoption.on:%d.%m.%Y}" if lang == "ru" else f"{adoption.on:%d %B %Y}"
    lines = [adopted.format(body=body, date=date)]
    for label, states in (
        (joined, adoption.outcome.joined),
        (refrained, adoption.outcome.refrained),
        (silent, adoption.outcome.silent),
    ):
        if states:
            lines.append(label + ", ".join(sorted(name(s) for s in states)) + ".")
    if adoption.consultation.illustrative:
        lines.append(DEMO[lang])
    return "".join(f"<p>{escape(line)}</p>" for line in lines)


def _numbered(adoption: consultations.Adoption, lang: str) -> str:
    """The adopted text, each paragraph with its number as adopted."""
    parts = []
    for unit, label in adoption.text[1:]:
        text = unit.text_en if lang == "en" else unit.text_ru
        number = label.en if lang == "en" else label.ru
        if text:
            parts.append(f"<p>{escape(f'{number} {text}'.strip())}</p>")
    return "".join(parts)


def agreement_in_force(event: AgreementInForce) -> None:
    agreement = agreements.agreement_by_id(event.agreement_id)
    date = event.since
    services.draft_from(
        "agreement",
        agreement.pk,
        actor=SYSTEM,
        section=Section.NEWS,
        title_ru=f"Вступление в силу {day_ru(date)}: {agreement.title_ru}",
        title_en=f"Entry into force on {day_en(date)}: {agreement.title_en or agreement.title_ru}",
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


def model_act_adopted(event: ModelActAdopted) -> None:
    """A news draft for a model law or recommendation the Assembly adopted; demo examples are never
    drafted for the public site."""
    act = parliament.adopted_act(event.act_id)
    if act.demo or act.adopted_on is None:
        return
    date = act.adopted_on
    services.draft_from(
        "model_act",
        act.pk,
        actor=SYSTEM,
        section=Section.DOCUMENT,
        title_ru=act.title_ru,
        title_en=act.title_en or act.title_ru,
        summary_ru=f"Парламентская ассамблея приняла {day_ru(date)}: {act.title_ru}.",
        summary_en=f"Adopted by the Parliamentary Assembly on {day_en(date)}: "
        f"{act.title_en or act.title_ru}.",
    )


def connect() -> None:
    subscribe(ConsultationAdopted, statement_adopted)
    subscribe(AgreementInForce, agreement_in_force)
    subscribe(PressReleaseSaved, press_release_saved)
    subscribe(ModelActAdopted, model_act_adopted)
