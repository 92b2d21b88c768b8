"""The depositary's work: recording treaty actions (each checked by the entry-into-force engine and
answered by a depositary notification to the parties). Every write is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.consultations.notifications import delegates_of, notify
from concord.core.actions import lock, require
from concord.core.actors import Actor, user_of
from concord.core.errors import DomainError
from concord.core.events import emit
from concord.core.models import viewer_of
from concord.documents.services import create_document
from concord.organization.models import MemberState

from . import permissions, rules
from .codes import Code, Verb
from .events import AgreementInForce
from .models import Agreement, ProcedureStep, TreatyAction
from .selectors import engine_input, member_codes
from .states import ActionType


def create_agreement(
    *,
    actor: Actor,
    kind: str,
    title_ru: str,
    title_en: str,
    rule: dict[str, Any],
    signed_on: dt.date | None = None,
    place_ru: str = "",
    place_en: str = "",
    amends: Agreement | None = None,
    known_in_force: dt.date | None = None,
    duration_ru: str = "",
    duration_en: str = "",
    note_ru: str = "",
    note_en: str = "",
    marking: str = "public",
) -> Agreement:
    require(
        permissions.is_depositary(actor),
        _("Only the Secretariat, as depositary, registers agreements."),
    )
    try:
        rules.parse_rule(rule, list(MemberState.objects.values_list("iso2", flat=True)))
    except rules.RuleError as error:
        raise DomainError(Code.INVALID_RULE, error.message, field=error.field) from error
    viewer = viewer_of(actor)
    with transaction.atomic():
        agreement = Agreement.objects.create(
            kind=kind,
            title_ru=title_ru,
            title_en=title_en,
            rule=rule,
            signed_on=signed_on,
            place_ru=place_ru,
            place_en=place_en,
            amends=amends,
            known_in_force=known_in_force,
            duration_ru=duration_ru,
            duration_en=duration_en,
            note_ru=note_ru,
            note_en=note_en,
            marking=marking,
            owner_body_id=viewer.body_id,
        )
        record(
            Verb.CREATE_AGREEMENT,
            actor=actor,
            target=agreement,
            summary=title_en or title_ru,
        )
    return agreement


def record_action(
    agreement: Agreement,
    *,
    actor: Actor,
    state: MemberState,
    type: str,
    date: dt.date,
    step: ProcedureStep | None = None,
    reservation: str = "",
    evidence: str = "",
    corrects: TreatyAction | None = None,
) -> TreatyAction:
    """Record a state's act; refused, with nothing saved, when the engine finds it impossible (an
    instrument without signature, a withdrawal before entry into force). A correction is a new
    action naming the one it replaces; the replaced one stays in the record."""
    require(
        permissions.is_depositary(actor),
        _("Only the Secretariat, as depositary, records treaty actions."),
    )
    if type not in ActionType.values:
        raise DomainError(Code.UNKNOWN_ACTION, _("Unknown kind of action."), field="type")
    if corrects is not None and (
        corrects.agreement_id != agreement.pk or corrects.state_id != state.pk
    ):
        raise DomainError(
            Code.BAD_CORRECTION,
            _("A correction replaces an action of the same state on this agreement."),
            field="corrects",
        )
    if (type == ActionType.STEP) != (step is not None) or (
        step is not None and step.state_id != state.pk
    ):
        raise DomainError(
            Code.BAD_STEP,
            _("An internal procedure step must be one of that state's steps."),
            field="step",
        )
    with transaction.atomic():
        agreement = lock(agreement)
        action = TreatyAction(
            agreement=agreement,
            state=state,
            type=type,
            step=step,
            date=date,
            reservation=reservation,
            evidence=evidence,
            recorded_by=user_of(actor),
            corrects=corrects,
        )
        actions = [
            *TreatyAction.objects.filter(agreement=agreement).select_related("state"),
            action,
        ]
        try:
            members = member_codes()
            before = (
                rules.run(engine_input(agreement, actions[:-1], members), as_of=date)
                if actions[:-1]
                else None
            )
            after = rules.run(engine_input(agreement, actions, members), as_of=date)
        except rules.RuleError as error:
            raise DomainError(Code.IMPOSSIBLE_ACTION, error.message, field="type") from error
        action.notification_ru, action.notification_en = _notification(
            agreement, action, before, after
        )
        # The notification is a document of its own, public like the agreements register, so that it
        # can be exported, published and cited like any other text.
        action.notice = create_document(
            actor=actor,
            kind="notice",
            marking="public",
            units=[
                (
                    "title",
                    f"Уведомление депозитария: {agreement.title_ru}",
                    f"Depositary notification: {agreement.title_en}",
                ),
                ("paragraph", action.notification_ru, action.notification_en),
            ],
        )
        action.save()
        record(
            Verb.RECORD_ACTION,
            actor=actor,
            target=agreement,
            summary=f"{state.iso2} {type} {date}",
            changes={"state": state.iso2, "type": type, "date": date},
        )
        notify(
            delegates_of(MemberState.objects.filter(pk__in={a.state_id for a in actions})),
            subject_ru=f"Уведомление депозитария: {agreement.title_ru}",
            subject_en=f"Depositary notification: {agreement.title_en}",
            url=f"/agreements/{agreement.pk}/",
        )
        if after.entry_into_force and after.entry_into_force <= timezone.localdate():
            emit(AgreementInForce(agreement.pk, after.entry_into_force))
    return action


def _notification(
    agreement: Agreement, action: TreatyAction, before: rules.Result | None, after: rules.Result
) -> tuple[str, str]:
    """The depositary's note to the parties, from a fixed template in both languages."""
    label_ru = {
        "signature": "подписало",
        "step": "сообщило о шаге внутригосударственных процедур",
        "notification": "уведомило о выполнении внутригосударственных процедур",
        "ratification": "сдало на хранение ратификационную грамоту",
        "acceptance": "сдало документ о принятии",
        "approval": "сдало документ об утверждении",
        "accession": "сдало документ о присоединении",
        "provisional": "заявило о временном применении",
        "withdrawal": "уведомило о выходе",
    }[action.type]
    ru = (
        f"Секретариат Организации, выступая депозитарием, сообщает, что {action.date:%d.%m.%Y} "
        f"{action.state.name_ru} {label_ru}: «{agreement.title_ru}»."
    )
    en = (
        f"The Secretariat of the Organization, acting as depositary, informs the parties that on "
        f"{action.date:%d %B %Y} {action.state.name_en} made the following act: {action.get_type_display()} — "
        f"{agreement.title_en or agreement.title_ru}."
    )
    if after.entry_into_force and (
        before is None or before.entry_into_force != after.entry_into_force
    ):
        ru += f" Документ вступает в силу {after.entry_into_force:%d.%m.%Y}."
        en += f" The instrument enters into force on {after.entry_into_force:%d %B %Y}."
    return ru, en
