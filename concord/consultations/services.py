"""Every step of a consultation: opening it, its stages, positions, outcomes, written procedures,
sessions and signatures. Each writes an audit entry; each takes `now` so that deadlines are
computed from stored data, never from a worker being up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.core.actions import lock, require
from concord.core.actors import Actor, user_of
from concord.core.errors import Code as CoreCode
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.core.models import viewer_of
from concord.documents import finality
from concord.documents import selectors as documents
from concord.documents.states import DocumentStatus

from . import closing, outcomes, permissions, rules, selectors, sessions
from .codes import Code, Verb
from .models import (
    Consultation,
    Position,
    Route,
    RouteStep,
    Session,
    Signature,
    Stage,
)
from .notifications import board_url, tell_members
from .rules import ConsentMode, Stance

if TYPE_CHECKING:
    from concord.documents.models import Document, Version

from .states import (
    CONSULTATION_FLOW,
    ConsultationStatus,
    QuestionKind,
    StageMode,
    StageOutcome,
    StageStatus,
)


def _speaking_state(actor: Actor, message: str | Promise) -> int:
    state_id = permissions.speaking_state(actor)
    if state_id is None:
        raise NotAllowed(CoreCode.NOT_ALLOWED, message)
    return state_id


# --- Consultations and stages ----------------------------------------------------------------------


def open_consultation(
    *,
    actor: Actor,
    title_ru: str,
    title_en: str = "",
    kind: str,
    route: Route,
    marking: str = "official",
    document: Document | None = None,
    emergency: bool = False,
    reason: str = "",
    clock: dt.timedelta | None = None,
    planned_year: int | None = None,
    statements: Sequence[Consultation] = (),
    now: dt.datetime,
) -> Consultation:
    """A question put forward. An annual list names the joint statements it puts on its year's list;
    a correction is of an adopted text, which its editor may then revise until a body adopts the
    corrected version."""
    require(
        permissions.can_open(actor, kind),
        _("Only the Secretariat or a state's delegation opens a consultation."),
    )
    if emergency and not reason.strip():
        raise DomainError(
            Code.REASON_REQUIRED, _("An emergency consultation needs its reason."), field="reason"
        )
    _check_subject(kind, document, planned_year, statements)
    viewer = viewer_of(actor)
    with transaction.atomic():
        consultation = Consultation(
            title_ru=title_ru,
            title_en=title_en,
            kind=kind,
            route=route,
            marking=marking,
            document=document,
            owner_state_id=viewer.state_id,
            owner_body_id=viewer.body_id,
            initiator_state_id=viewer.state_id,
            initiator_body_id=viewer.body_id,
            emergency=emergency,
            reason=reason,
            decide_by=now + clock if emergency and clock else None,
            planned_year=planned_year,
            created_by=user_of(actor),
        )
        consultation.full_clean(exclude=["created_by"])
        consultation.save()
        consultation.statements.set(statements)
        if kind == QuestionKind.CORRECTION and document is not None:
            finality.open_correction(document, actor=actor)
        record(
            Verb.OPEN_CONSULTATION,
            actor=actor,
            target=consultation,
            summary=("EMERGENCY " if emergency else "") + (title_en or title_ru),
        )
    return consultation


def _check_subject(
    kind: str,
    document: Document | None,
    planned_year: int | None,
    statements: Sequence[Consultation],
) -> None:
    """What a question is about must fit its kind: an adopted text changes only by a correction, and
    an annual list names joint statements of its year."""
    adopted = document is not None and document.status == DocumentStatus.ADOPTED
    if kind == QuestionKind.CORRECTION and not adopted:
        raise DomainError(
            Code.NOT_ADOPTED_TEXT, _("A correction is of an adopted text."), field="document"
        )
    if kind != QuestionKind.CORRECTION and adopted:
        raise DomainError(
            Code.TEXT_ADOPTED,
            _("This text was adopted: open a correction to change it."),
            field="document",
        )
    if kind == QuestionKind.ANNUAL_LIST:
        wrong = [
            c
            for c in statements
            if c.kind != QuestionKind.JOINT_STATEMENT or c.planned_year != planned_year
        ]
        if planned_year is None or not statements or wrong:
            raise DomainError(
                Code.BAD_LIST,
                _("An annual list names the year and joint statements proposed for that year."),
                field="statements",
            )


def _check_listed(consultation: Consultation, position: int) -> None:
    """A joint statement goes past the working level only once the Permanent Council has put it on
    the adopted annual list of its year."""
    if consultation.kind != QuestionKind.JOINT_STATEMENT or position == 0:
        return
    if not selectors.listed(consultation):
        raise Conflict(
            Code.NOT_LISTED,
            _(
                "This statement is not on the adopted annual list of joint statements for its year: it stays at the working level."
            ),
        )


def _next_step(consultation: Consultation) -> RouteStep:
    """The tier after the last forwarding stage, or the same tier again after a return."""
    last = consultation.stages.order_by("-pk").first()
    position = 0 if last is None else last.position + (last.outcome == StageOutcome.FORWARDED)
    step = (
        consultation.route.steps.select_related("body")
        .filter(position__gte=position)
        .order_by("position")
        .first()
    )
    if step is None:
        raise Conflict(Code.ROUTE_FINISHED, _("The route has no further tier."))
    return step


def _consent_for(mode: str, consent: str) -> str:
    if mode == StageMode.SESSION:
        return ConsentMode.SESSION
    if consent in (ConsentMode.EXPLICIT, ConsentMode.SILENCE):
        return consent
    return ConsentMode.EXPLICIT  # the default of procedures.md for decisions


def _deadline(
    consultation: Consultation, mode: str, term: tuple[int, rules.TermUnit] | None, now: dt.datetime
) -> dt.datetime | None:
    """A written procedure's deadline: the term asked for, else the one configured for the route and
    kind of question; an emergency's clock cuts it short."""
    deadline = None
    if mode == StageMode.WRITTEN:
        amount, unit = term or outcomes.term_for(consultation.route, consultation.kind)
        deadline = rules.term_end(now, amount, unit, outcomes.holidays())
    if consultation.emergency and consultation.decide_by:
        deadline = min(deadline, consultation.decide_by) if deadline else consultation.decide_by
    return deadline


def _latest_version(consultation: Consultation) -> Version | None:
    """The text as it is now, read afresh: a stage always puts the latest version before the states."""
    if consultation.document_id is None:
        return None
    return documents.latest_version(consultation.document_id)


def open_stage(
    consultation: Consultation,
    *,
    actor: Actor,
    now: dt.datetime,
    mode: str = StageMode.SESSION,
    consent: str = ConsentMode.SESSION,
    term: tuple[int, rules.TermUnit] | None = None,
    session: Session | None = None,
    agenda_note: str = "",
) -> Stage:
    """Put the question before the next tier of its route (or the same tier again after it was
    returned for revision), on the latest version of its text; a written procedure runs for `term`
    or the configured one; a stage at a session is placed on that session's agenda."""
    require(permissions.runs_procedures(actor), _("Only the Secretariat opens a stage."))
    with transaction.atomic():
        consultation = lock(consultation)
        if (
            consultation.status != ConsultationStatus.OPEN
        ):  # a returned question goes back before a tier
            CONSULTATION_FLOW.check(consultation.status, ConsultationStatus.OPEN)
        if consultation.stages.filter(status=StageStatus.OPEN).exists():
            raise Conflict(Code.STAGE_OPEN, _("A stage is already open; close it first."))
        step = _next_step(consultation)
        _check_listed(consultation, step.position)
        rule, quorum = outcomes.rule_for(step.body, consultation.kind)
        version = _latest_version(consultation)
        deadline = _deadline(consultation, mode, term, now)
        stage = Stage.objects.create(
            consultation=consultation,
            position=step.position,
            body=step.body,
            version=version,
            mode=mode,
            consent=_consent_for(mode, consent),
            rule=rule,
            quorum=quorum,
            breakers=consultation.route.silence_breakers,
            opened_at=now,
            deadline=deadline,
        )
        if session is not None:
            sessions.place(stage, session, note=agenda_note)
        if consultation.status != ConsultationStatus.OPEN:
            closing.move_consultation(consultation, ConsultationStatus.OPEN, actor=actor)
        record(
            Verb.OPEN_STAGE,
            actor=actor,
            target=stage,
            summary=f"{step.body.name_en}, v{version.number if version else '-'}, {mode}",
            changes={"deadline": deadline, "rule": rule},
        )
        if mode == StageMode.WRITTEN:
            tell_members(
                board_url(consultation),
                subject_ru=f"Опросный порядок: {consultation.title_ru} (до {deadline:%d.%m.%Y %H:%M} UTC)",
                subject_en=f"Written procedure: {consultation.title_en or consultation.title_ru} (by {deadline:%d %b %Y %H:%M} UTC)",
            )
    return stage


def put_latest_version(stage: Stage, *, actor: Actor, now: dt.datetime) -> Stage:
    """Put the latest version of the text before an open stage; positions given on the earlier
    text stay in history but no longer count, and the states are asked to confirm."""
    require(
        permissions.runs_procedures(actor),
        _("Only the Secretariat puts a new version before a stage."),
    )
    with transaction.atomic():
        stage = lock(stage)
        _check_open(stage, now)
        version = _latest_version(stage.consultation)
        if version is None or version.pk == stage.version_id:
            raise Conflict(Code.NO_NEW_VERSION, _("The stage already has the latest version."))
        stage.version = version
        stage.save(update_fields=["version"])
        record(Verb.PUT_VERSION, actor=actor, target=stage, summary=f"v{version.number}")
        tell_members(
            board_url(stage.consultation),
            subject_ru=f"Новая редакция (v{version.number}): подтвердите позицию — {stage.consultation.title_ru}",
            subject_en=f"New version (v{version.number}): please confirm your position — {stage.consultation.title_en}",
        )
    return stage


def _check_open(stage: Stage, now: dt.datetime) -> None:
    if stage.status != StageStatus.OPEN:
        raise Conflict(
            Code.STAGE_CLOSED, _("This stage is closed; positions can no longer be recorded.")
        )
    if stage.deadline and now >= stage.deadline:
        raise Conflict(
            Code.DEADLINE_PASSED,
            _("The deadline has passed; positions can no longer be recorded."),
        )


NEEDS_STATEMENT = {Stance.OBJECT, Stance.JOIN_WITH_OPINION, Stance.MORE_TIME}


def _checked_stance(stance: str, statement: str, mode: str) -> Stance:
    try:
        checked = Stance(stance)
    except ValueError:
        raise DomainError(Code.BAD_STANCE, _("Unknown position."), field="stance") from None
    if checked in NEEDS_STATEMENT and not statement.strip():
        raise DomainError(
            Code.STATEMENT_REQUIRED,
            _("Give the reasons or the special opinion."),
            field="statement",
        )
    if checked == Stance.MORE_TIME and mode != StageMode.WRITTEN:
        raise DomainError(
            Code.NOT_WRITTEN,
            _("More time can be asked only in a written procedure."),
            field="stance",
        )
    return checked


def _check_clauses(stage: Stage, version_id: int | None, clauses: Sequence[str]) -> None:
    if version_id != stage.version_id:
        raise Conflict(
            Code.VERSION_NOT_BEFORE_STAGE,
            _(
                "This position was given on a version that is not the one before the stage. Read the current text and record it again."
            ),
            field="version",
        )
    if clauses and stage.version is not None:
        unknown = sorted(set(clauses) - {u["uid"] for u in stage.version.units})
        if unknown:
            raise DomainError(
                Code.UNKNOWN_CLAUSES,
                _("No such clauses in this version: %(c)s.") % {"c": ", ".join(unknown)},
                field="clauses",
            )


def record_position(
    stage: Stage,
    *,
    actor: Actor,
    stance: str,
    version_id: int | None,
    now: dt.datetime,
    statement: str = "",
    clauses: Sequence[str] = (),
    amendments: Sequence[int] = (),
) -> Position:
    """A state's position on the version before the stage, given by its delegation."""
    state_id = _speaking_state(
        actor, _("Only a delegation's representative records its state's position.")
    )
    checked = _checked_stance(stance, statement, stage.mode)
    with transaction.atomic():
        stage = lock(stage)
        _check_open(stage, now)
        _check_clauses(stage, version_id, clauses)
        position = Position.objects.create(
            stage=stage,
            state_id=state_id,
            stance=checked,
            statement=statement,
            clauses=list(clauses),
            amendments=list(amendments),
            version=stage.version,
            fingerprint=stage.version.fingerprint if stage.version else "",
            recorded_by=user_of(actor),
            acting_for=actor.acting_for_label,
            at=now,
        )
        record(
            Verb.RECORD_POSITION,
            actor=actor,
            target=stage,
            summary=f"{position.state.iso2}: {checked}",
            changes={"stance": checked, "clauses": list(clauses)},
        )
    return position


# --- Signatures ------------------------------------------------------------------------------------


def sign_decision(stage: Stage, *, actor: Actor, on: dt.date, note: str = "") -> Signature:
    """A state signs an adopted decision; a state that had not joined joins by signing."""
    state_id = _speaking_state(actor, _("Only a delegation's representative signs for its state."))
    with transaction.atomic():
        stage = lock(stage)
        if stage.outcome != StageOutcome.ADOPTED:
            raise Conflict(Code.NOT_ADOPTED, _("Only an adopted decision is signed."))
        if Signature.objects.filter(stage=stage, state_id=state_id).exists():
            raise Conflict(Code.ALREADY_SIGNED, _("Your state has already signed."))
        last_stance = (
            Position.objects.filter(stage=stage, state_id=state_id)
            .order_by("-pk")
            .values_list("stance", flat=True)
            .first()
        )
        if last_stance == Stance.OBJECT:
            raise Conflict(
                Code.OBJECTED,
                _("Your state objected; record a new position to withdraw the objection first."),
            )
        signature = Signature.objects.create(
            stage=stage,
            state_id=state_id,
            signed_on=on,
            signed_by=user_of(actor),
            acting_for=actor.acting_for_label,
            note=note,
            fingerprint=stage.version.fingerprint if stage.version else "",
        )
        record(Verb.SIGN, actor=actor, target=stage, summary=f"{signature.state.iso2} {on}")
    return signature
