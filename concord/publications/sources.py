"""Drafts made automatically when another module adopts something public: an adopted joint statement or
declaration, an agreement entering into force, a press release on an operation's results. They wait
for an editor; nothing is published without one."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import escape

from concord.agreements import selectors as agreements
from concord.agreements.models import TreatyAction
from concord.consultations.models import Consultation
from concord.consultations.states import ConsultationStatus, QuestionKind
from concord.operations.models import PressRelease

from . import services
from .states import Section


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def consultation_adopted(
    sender: Any, instance: Consultation, raw: bool = False, **kwargs: Any
) -> None:
    if (
        raw
        or instance.status != ConsultationStatus.ADOPTED
        or instance.kind not in (QuestionKind.JOINT_STATEMENT, QuestionKind.DECLARATION)
    ):
        return
    units: list[dict[str, Any]] = []
    if instance.document is not None:
        version = instance.document.versions.order_by("-number").first()
        units = version.units if version else []
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
        instance.pk,
        section=Section.STATEMENT,
        title_ru=instance.title_ru,
        title_en=instance.title_en,
        body_ru=body["ru"],
        body_en=body["en"],
    )


def agreement_in_force(
    sender: Any, instance: TreatyAction, raw: bool = False, **kwargs: Any
) -> None:
    if raw:
        return
    agreement = instance.agreement
    actions = list(TreatyAction.objects.filter(agreement=agreement).select_related("state"))
    today = timezone.localdate()
    status = agreements.status_of(
        agreement, actions, today=today, members=agreements.member_codes()
    )
    date = status.result.entry_into_force if status.result else None
    if date is None or date > today:
        return
    services.draft_from(
        "agreement",
        agreement.pk,
        section=Section.NEWS,
        title_ru=f"{agreement.title_ru} вступил(о) в силу {date:%d.%m.%Y}",
        title_en=f"{agreement.title_en or agreement.title_ru} entered into force on {date:%d %B %Y}",
        summary_ru=f"Депозитарий сообщает о вступлении в силу: {agreement.title_ru}.",
        summary_en=f"The depositary announces the entry into force of the {agreement.title_en or agreement.title_ru}.",
    )


def press_release_saved(
    sender: Any, instance: PressRelease, raw: bool = False, **kwargs: Any
) -> None:
    if raw:
        return
    services.draft_from(
        "press_release",
        instance.stage_id,
        section=Section.NEWS,
        title_ru=instance.title_ru,
        title_en=instance.title_en,
        body_ru=_paragraphs(instance.body_ru),
        body_en=_paragraphs(instance.body_en),
    )


def connect() -> None:
    post_save.connect(
        consultation_adopted, sender=Consultation, dispatch_uid="publication-from-consultation"
    )
    post_save.connect(
        agreement_in_force, sender=TreatyAction, dispatch_uid="publication-from-agreement"
    )
    post_save.connect(
        press_release_saved, sender=PressRelease, dispatch_uid="publication-from-press-release"
    )
