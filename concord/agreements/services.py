"""The depositary's work: recording treaty actions (each checked by the entry-into-force engine and
answered by a depositary notification to the parties). Every write is audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.consultations.notifications import delegates_of, notify
from concord.core.actions import lock, require
from concord.core.actors import Actor, user_of
from concord.core.errors import DomainError
from concord.core.events import emit
from concord.core.models import viewer_of
from concord.documents import finality
from concord.organization.models import MemberState

from . import checks, notices, permissions, rules, standing, stored
from .codes import Code, Verb
from .events import AgreementInForce
from .models import Agreement, ProcedureStep, TreatyAction
from .notices import is_notified
from .selectors import block_of, live, member_codes, standing_of, state_names
from .states import ActionType, PublishedStatus
from .wording import describe_error


def create_agreement(
    *, actor: Actor, signatories: Sequence[MemberState] = (), **fields: Any
) -> Agreement:
    """Register an instrument: its titles, kind and dates, its entry-into-force rule (None when the
    clause is not recorded), its signatories, and what was published about it (see the model)."""
    require(
        permissions.is_depositary(actor),
        _("Only the Secretariat, as depositary, registers agreements."),
    )
    rule = fields.get("rule")
    if rule is not None:
        try:
            rules.parse_rule(rule, list(MemberState.objects.values_list("iso2", flat=True)))
        except rules.RuleError as error:
            raise DomainError(Code.INVALID_RULE, error.message, field=error.field) from error
    fields.setdefault("marking", "public")  # the register of agreements is public by default
    if fields.get("known_in_force"):
        fields.setdefault("published_status", PublishedStatus.IN_FORCE)
    with transaction.atomic():
        agreement = Agreement(owner_body_id=viewer_of(actor).body_id, **fields)
        agreement.full_clean(exclude=["rule"])
        agreement.save()
        agreement.signatories.set(signatories)
        stored.refresh(agreement)
        record(
            Verb.CREATE_AGREEMENT,
            actor=actor,
            target=agreement,
            summary=agreement.title_en or agreement.title_ru,
            changes={"signatories": sorted(s.iso2 for s in signatories)},
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
    from_archive: bool = False,
) -> TreatyAction:
    """Record a state's act; refused, with nothing saved, when the record or the engine finds it
    impossible (see `checks.py`). A correction is a new action naming the one it replaces, which
    stays in the record. Treaty acts are notified to the signatories and parties with a depositary
    notification; a state's internal steps are recorded, not notified. An act entered `from_archive`
    was notified at the time, outside the system: no new notice is written or sent."""
    require(
        permissions.is_depositary(actor),
        _("Only the Secretariat, as depositary, records treaty actions."),
    )
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
    checks.check_shape(agreement, action)
    with transaction.atomic():
        agreement = lock(agreement)
        before, after = _checked(agreement, action)
        if is_notified(action.type) and not from_archive:
            _notice(agreement, action, before, after, actor=actor)
        action.save()
        stored.store(agreement, after)
        record(
            Verb.RECORD_ACTION,
            actor=actor,
            target=agreement,
            summary=f"{state.iso2} {type} {date}",
            changes={
                "state": state.iso2,
                "type": type,
                "date": date,
                "corrects": corrects.pk if corrects else None,
            },
        )
        if after.computed and after.computed <= timezone.localdate():
            emit(AgreementInForce(agreement.pk, after.computed))
    return action


def _checked(
    agreement: Agreement, action: TreatyAction
) -> tuple[standing.Standing, standing.Standing]:
    """The instrument's standing before and after `action`, once every check passed (`checks.py`,
    then the engine's own refusals)."""
    record_before = list(agreement.actions.select_related("state"))
    standing_actions = live(record_before)
    corrects = action.corrects
    if corrects is not None and corrects not in standing_actions:
        raise DomainError(
            Code.BAD_CORRECTION, _("This action was already corrected."), field="corrects"
        )
    mine = [a for a in standing_actions if a.state_id == action.state_id and a != corrects]
    signed = min((a.date for a in mine if a.type == ActionType.SIGNATURE), default=None)
    checks.check_dates(agreement, action, signed, today=timezone.localdate())
    before = _standing(agreement, record_before)
    checks.check_against_record(
        action,
        before,
        standing_actions,
        requires_signature=(agreement.rule or {}).get("requires_signature", True),
    )
    after = _standing(agreement, [*record_before, action])
    if after.error is not None:
        raise DomainError(
            Code.IMPOSSIBLE_ACTION, describe_error(after.error, state_names()), field="type"
        )
    return before, after


def _standing(agreement: Agreement, actions: list[TreatyAction]) -> standing.Standing:
    return standing_of(
        agreement, actions, block_of(agreement), today=timezone.localdate(), members=member_codes()
    )


def _notice(
    agreement: Agreement,
    action: TreatyAction,
    before: standing.Standing,
    after: standing.Standing,
    *,
    actor: Actor,
) -> None:
    """Write the notification in both languages, keep it as a final public document and tell the
    delegations of the signatories and of every state that acted."""
    new_date = after.computed if after.computed != before.computed else None
    own = after.bound(action.state.iso2)
    corrected = action.corrects
    action.notification_ru, action.notification_en = notices.write(
        notices.Act(
            title_ru=agreement.title_ru,
            title_en=agreement.title_en,
            state_ru=action.state.name_ru,
            state_en=action.state.name_en,
            type=action.type,
            date=action.date,
            text=action.reservation,
            corrects=(corrected.type, corrected.date) if corrected else None,
            in_force=new_date,
            in_force_for_state=own if own and own != after.computed else None,
        )
    )
    title_ru, title_en = notices.title(agreement.title_ru, agreement.title_en)
    action.notice = finality.issue(
        actor=actor,
        kind="notice",
        marking=agreement.marking,
        units=[
            ("title", title_ru, title_en),
            *(
                ("paragraph", ru, en)
                for ru, en in zip(
                    action.notification_ru.split("\n"),
                    action.notification_en.split("\n"),
                    strict=True,
                )
            ),
        ],
    )
    concerned = set(after.signatories) | {action.state.iso2}
    notify(
        delegates_of(MemberState.objects.filter(iso2__in=concerned)),
        subject_ru=title_ru,
        subject_en=title_en,
        url=reverse("agreements:agreement-detail", args=[agreement.pk]),
    )


def correct_action(
    original: TreatyAction,
    *,
    actor: Actor,
    type: str,
    date: dt.date,
    step: ProcedureStep | None = None,
    reservation: str = "",
    evidence: str = "",
) -> TreatyAction:
    """Replace a recorded action of a state by what it should have been; both stay on record."""
    return record_action(
        original.agreement,
        actor=actor,
        state=original.state,
        type=type,
        date=date,
        step=step,
        reservation=reservation,
        evidence=evidence,
        corrects=original,
    )
