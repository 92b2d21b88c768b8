"""Every step of a consultation: opening it, its stages, positions, outcomes, written procedures,
sessions and signatures. Each writes an audit entry; each takes `now` so that deadlines are
computed from stored data, never from a worker being up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import User
from concord.audit.services import record
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.core.rules import SPEAKS_FOR_STATE
from concord.documents.models import Document, Version
from concord.organization.models import Body, MemberState
from concord.organization.states import Membership, Participation

from . import permissions, rules
from .models import (
    Consultation,
    DecisionRule,
    NonWorkingDay,
    Notification,
    Position,
    Route,
    Session,
    Signature,
    Stage,
)
from .rules import ConsentMode, Stance
from .states import ConsultationStatus, StageMode, StageOutcome, StageStatus

REMINDER_BEFORE = dt.timedelta(days=1)


def holidays() -> set[dt.date]:
    return set(NonWorkingDay.objects.values_list("date", flat=True))


def rule_for(body: Body, kind: str) -> tuple[str, int]:
    """The most specific configured rule: body and kind, then body, then kind, then consensus."""
    rows = DecisionRule.objects.filter(
        Q(body=body) | Q(body__isnull=True), Q(kind=kind) | Q(kind="")
    )
    best = sorted(rows, key=lambda r: (r.body_id is None, r.kind == ""))
    return (best[0].rule, best[0].quorum) if best else (rules.Rule.CONSENSUS.value, 0)


def members() -> list[MemberState]:
    """The states whose voice counts: members, not suspended or withdrawn."""
    return list(MemberState.objects.filter(membership=Membership.MEMBER))


def as_rule_state(state: MemberState) -> rules.State:
    return rules.State(
        state.pk, state.name_ru, state.name_en, frozen=state.participation == Participation.FROZEN
    )


# --- Notifications ---------------------------------------------------------------------------------


def delegates_of(states: Iterable[MemberState | int]) -> list[User]:
    ids = [s if isinstance(s, int) else s.pk for s in states]
    return list(
        User.objects.filter(
            is_active=True,
            affiliations__state_id__in=ids,
            affiliations__active=True,
            affiliations__role__in=[r.value for r in SPEAKS_FOR_STATE],
        ).distinct()
    )


def notify(users: Sequence[User], *, subject_ru: str, subject_en: str, url: str = "") -> None:
    """In the application at once; by e-mail after the transaction commits."""
    Notification.objects.bulk_create(
        [
            Notification(user=u, subject_ru=subject_ru[:300], subject_en=subject_en[:300], url=url)
            for u in users
        ]
    )
    messages = [
        (
            subject_en[:200],
            f"{subject_ru}\n{subject_en}\n\n{url}",
            settings.DEFAULT_FROM_EMAIL,
            [u.email],
        )
        for u in users
        if u.email
    ]
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))


def _board_url(consultation: Consultation) -> str:
    return reverse("consultations:consultation-detail", kwargs={"pk": consultation.pk})


# --- Consultations and stages ----------------------------------------------------------------------


def open_consultation(
    *,
    actor: Any,
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
    now: dt.datetime,
) -> Consultation:
    if not permissions.can_open(actor, kind):
        raise NotAllowed(
            "not_allowed", _("Only the Secretariat or a state's delegation opens a consultation.")
        )
    if emergency and not reason.strip():
        raise DomainError(
            "reason_required", _("An emergency consultation needs its reason."), field="reason"
        )
    viewer = actor.viewer
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
            created_by=actor,
        )
        consultation.full_clean(exclude=["created_by"])
        consultation.save()
        record(
            actor,
            verb="consultations.open_consultation",
            target=consultation,
            summary=("EMERGENCY " if emergency else "") + (title_en or title_ru),
        )
    return consultation


def open_stage(
    consultation: Consultation,
    *,
    actor: Any,
    now: dt.datetime,
    mode: str = StageMode.SESSION,
    consent: str = ConsentMode.SESSION,
    working_days: int = 10,
    session: Session | None = None,
) -> Stage:
    """Put the question before the next tier of its route (or the same tier again after it was
    returned for revision), on the latest version of its text."""
    if not permissions.runs_procedures(actor):
        raise NotAllowed("not_allowed", _("Only the Secretariat opens a stage."))
    with transaction.atomic():
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if consultation.status in (ConsultationStatus.ADOPTED, ConsultationStatus.DROPPED):
            raise Conflict("consultation_closed", _("This consultation is over."))
        if consultation.stages.filter(status=StageStatus.OPEN).exists():
            raise Conflict("stage_open", _("A stage is already open; close it first."))
        last = consultation.stages.order_by("-pk").first()
        position = (
            0
            if last is None
            else last.position + (1 if last.outcome == StageOutcome.FORWARDED else 0)
        )
        step = (
            consultation.route.steps.select_related("body")
            .filter(position__gte=position)
            .order_by("position")
            .first()
        )
        if step is None:
            raise Conflict("route_finished", _("The route has no further tier."))
        if mode == StageMode.WRITTEN and consent not in (ConsentMode.EXPLICIT, ConsentMode.SILENCE):
            consent = ConsentMode.EXPLICIT  # the default of procedures.md for decisions
        if mode == StageMode.SESSION:
            consent = ConsentMode.SESSION
        rule, quorum = rule_for(step.body, consultation.kind)
        version = _latest_version(consultation)
        deadline = (
            rules.add_working_days(now, working_days, holidays())
            if mode == StageMode.WRITTEN
            else None
        )
        if consultation.emergency and consultation.decide_by:
            deadline = min(deadline, consultation.decide_by) if deadline else consultation.decide_by
        stage = Stage.objects.create(
            consultation=consultation,
            position=step.position,
            body=step.body,
            version=version,
            mode=mode,
            consent=consent,
            rule=rule,
            quorum=quorum,
            opened_at=now,
            deadline=deadline,
            session=session,
        )
        consultation.status = ConsultationStatus.OPEN
        consultation.save(update_fields=["status"])
        record(
            actor,
            verb="consultations.open_stage",
            target=stage,
            summary=f"{step.body.name_en}, v{version.number if version else '-'}, {mode}",
            changes={"deadline": deadline, "rule": rule},
        )
        if mode == StageMode.WRITTEN:
            notify(
                delegates_of(members()),
                url=_board_url(consultation),
                subject_ru=f"Опросный порядок: {consultation.title_ru} (до {deadline:%d.%m.%Y %H:%M} UTC)",
                subject_en=f"Written procedure: {consultation.title_en or consultation.title_ru} (by {deadline:%d %b %Y %H:%M} UTC)",
            )
    return stage


def _latest_version(consultation: Consultation) -> Version | None:
    if consultation.document_id is None:
        return None
    document = consultation.document
    assert document is not None
    return Version.objects.filter(document=document, number=document.latest_number).first()


def put_latest_version(stage: Stage, *, actor: Any, now: dt.datetime) -> Stage:
    """Put the latest version of the text before an open stage; positions given on the earlier
    text stay in history but no longer count, and the states are asked to confirm."""
    if not permissions.runs_procedures(actor):
        raise NotAllowed(
            "not_allowed", _("Only the Secretariat puts a new version before a stage.")
        )
    with transaction.atomic():
        stage = (
            Stage.objects.select_for_update(of=("self",))
            .select_related("consultation")
            .get(pk=stage.pk)
        )
        _check_open(stage, now)
        version = _latest_version(stage.consultation)
        if version is None or version.pk == stage.version_id:
            raise Conflict("no_new_version", _("The stage already has the latest version."))
        stage.version = version
        stage.save(update_fields=["version"])
        record(actor, verb="consultations.put_version", target=stage, summary=f"v{version.number}")
        notify(
            delegates_of(members()),
            url=_board_url(stage.consultation),
            subject_ru=f"Новая редакция (v{version.number}): подтвердите позицию — {stage.consultation.title_ru}",
            subject_en=f"New version (v{version.number}): please confirm your position — {stage.consultation.title_en}",
        )
    return stage


def _check_open(stage: Stage, now: dt.datetime) -> None:
    if stage.status != StageStatus.OPEN:
        raise Conflict(
            "stage_closed", _("This stage is closed; positions can no longer be recorded.")
        )
    if stage.deadline and now >= stage.deadline:
        raise Conflict(
            "deadline_passed", _("The deadline has passed; positions can no longer be recorded.")
        )


NEEDS_STATEMENT = {Stance.OBJECT, Stance.JOIN_WITH_OPINION, Stance.MORE_TIME}


def record_position(
    stage: Stage,
    *,
    actor: Any,
    stance: str,
    version_id: int | None,
    now: dt.datetime,
    statement: str = "",
    clauses: Sequence[str] = (),
    amendments: Sequence[int] = (),
) -> Position:
    """A state's position on the version before the stage, given by its delegation."""
    state_id = permissions.speaking_state(actor)
    if state_id is None:
        raise NotAllowed(
            "not_allowed", _("Only a delegation's representative records its state's position.")
        )
    try:
        stance = Stance(stance)
    except ValueError:
        raise DomainError("bad_stance", _("Unknown position."), field="stance") from None
    if stance in NEEDS_STATEMENT and not statement.strip():
        raise DomainError(
            "statement_required", _("Give the reasons or the special opinion."), field="statement"
        )
    if stance == Stance.MORE_TIME and stage.mode != StageMode.WRITTEN:
        raise DomainError(
            "not_written", _("More time can be asked only in a written procedure."), field="stance"
        )
    with transaction.atomic():
        stage = (
            Stage.objects.select_for_update(of=("self",)).select_related("version").get(pk=stage.pk)
        )
        _check_open(stage, now)
        if version_id != stage.version_id:
            raise Conflict(
                "version_not_before_stage",
                _(
                    "This position was given on a version that is not the one before the stage. Read the current text and record it again."
                ),
                field="version",
            )
        if clauses and stage.version is not None:
            known = {u["uid"] for u in stage.version.units}
            unknown = sorted(set(clauses) - known)
            if unknown:
                raise DomainError(
                    "unknown_clauses",
                    _("No such clauses in this version: %(c)s.") % {"c": ", ".join(unknown)},
                    field="clauses",
                )
        position = Position.objects.create(
            stage=stage,
            state_id=state_id,
            stance=stance,
            statement=statement,
            clauses=list(clauses),
            amendments=list(amendments),
            version=stage.version,
            fingerprint=stage.version.fingerprint if stage.version else "",
            recorded_by=actor,
            acting_for=actor.acting_for_label,
            at=now,
        )
        record(
            actor,
            verb="consultations.record_position",
            target=stage,
            summary=f"{position.state.iso2}: {stance}",
            changes={"stance": stance, "clauses": list(clauses)},
        )
    return position


def current_stances(stage: Stage, positions: Iterable[Position]) -> dict[int, Stance]:
    """Each state's latest position that was given on the text now before the stage."""
    latest: dict[int, Position] = {}
    for p in positions:
        if p.state_id not in latest or p.pk > latest[p.state_id].pk:
            latest[p.state_id] = p
    fingerprint = stage.version.fingerprint if stage.version_id and stage.version else ""
    return {sid: Stance(p.stance) for sid, p in latest.items() if p.fingerprint == fingerprint}


def outcome(
    stage: Stage, positions: Iterable[Position], states: Sequence[MemberState], now: dt.datetime
) -> rules.Outcome:
    closed = stage.status == StageStatus.CLOSED or bool(stage.deadline and now >= stage.deadline)
    return rules.decide(
        rules.Rule(stage.rule),
        [as_rule_state(s) for s in states],
        current_stances(stage, positions),
        quorum=stage.quorum,
        consent=ConsentMode(stage.consent),
        closed=closed,
    )


def close_stage(
    stage: Stage, *, actor: Any, now: dt.datetime, drop: bool = False, note: str = ""
) -> Stage:
    """Close a stage with the outcome its rule gives: adopted at the last tier, forwarded to the next,
    or returned for revision with the objections; or dropped, when the Secretariat says so."""
    if actor is not None and not permissions.runs_procedures(actor):
        raise NotAllowed("not_allowed", _("Only the Secretariat closes a stage."))
    with transaction.atomic():
        stage = (
            Stage.objects.select_for_update(of=("self",))
            .select_related("consultation", "version")
            .get(pk=stage.pk)
        )
        if stage.status != StageStatus.OPEN:
            raise Conflict("stage_closed", _("This stage is already closed."))
        is_last = not stage.consultation.route.steps.filter(position__gt=stage.position).exists()
        _decide(stage, list(stage.positions.all()), members(), now=now, is_last=is_last, drop=drop)
        stage.closed_by, stage.note = actor, note
        stage.save()
        stage.consultation.save(update_fields=["status"])
        record(
            actor,
            verb="consultations.close_stage",
            target=stage,
            summary=f"{stage.outcome}: {stage.explanation_en}",
            changes={"outcome": stage.outcome, "result": stage.result},
        )
        notify(
            delegates_of(members()),
            url=_board_url(stage.consultation),
            subject_ru=f"Итог: {stage.consultation.title_ru} — {stage.explanation_ru}",
            subject_en=f"Outcome: {stage.consultation.title_en or stage.consultation.title_ru} — {stage.explanation_en}",
        )
    return stage


def _decide(
    stage: Stage,
    positions: list[Position],
    states: list[MemberState],
    *,
    now: dt.datetime,
    is_last: bool,
    drop: bool = False,
) -> None:
    """Set a closing stage's result and outcome, and its consultation's status; the caller saves
    (one stage at a time, or many in a few UPDATEs)."""
    stage.status, stage.closed_at = StageStatus.CLOSED, now
    result = outcome(stage, positions, states, now)
    stage.result = result.result
    stage.explanation_ru, stage.explanation_en = result.explanation_ru, result.explanation_en
    consultation = stage.consultation
    if drop:
        stage.outcome, consultation.status = StageOutcome.DROPPED, ConsultationStatus.DROPPED
    elif result.adopted and is_last:
        stage.outcome, consultation.status = StageOutcome.ADOPTED, ConsultationStatus.ADOPTED
    elif result.adopted:
        stage.outcome, consultation.status = StageOutcome.FORWARDED, ConsultationStatus.OPEN
    else:
        stage.outcome, consultation.status = StageOutcome.RETURNED, ConsultationStatus.RETURNED


def close_due_procedures(*, now: dt.datetime) -> tuple[int, int]:
    """Close every written procedure whose deadline has passed and remind the states of those that
    end within a day. Safe to run at any time, as often as wanted: it only acts on what is due.
    Returns (closed, reminded)."""
    states = members()
    closed = reminded = 0
    with transaction.atomic():
        due = list(
            Stage.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=StageStatus.OPEN, mode=StageMode.WRITTEN, deadline__lte=now)
            .select_related("consultation__route", "version")
        )
        by_stage: dict[int, list[Position]] = {s.pk: [] for s in due}
        for p in Position.objects.filter(stage__in=due).only(
            "pk", "stage_id", "state_id", "stance", "fingerprint"
        ):
            by_stage[p.stage_id].append(p)
        last_positions = _last_positions({s.consultation.route_id for s in due})
        for stage in due:
            is_last = stage.position >= last_positions[stage.consultation.route_id]
            _decide(stage, by_stage[stage.pk], states, now=now, is_last=is_last)
        if due:
            _save_closed(due, now)
            record(
                None,
                verb="consultations.close_due_procedures",
                summary=f"{len(due)} written procedures closed",
                changes={"stages": {str(s.pk): s.outcome for s in due}},
            )
            _notify_outcomes(due, states)
            closed = len(due)
        soon = list(
            Stage.objects.filter(
                status=StageStatus.OPEN,
                mode=StageMode.WRITTEN,
                reminded=False,
                deadline__gt=now,
                deadline__lte=now + REMINDER_BEFORE,
            ).select_related("consultation")
        )
        if soon:
            waiting = _states_without_position(soon, states)
            for stage in soon:
                notify(
                    delegates_of(waiting[stage.pk]),
                    url=_board_url(stage.consultation),
                    subject_ru=f"Напоминание: срок опросного порядка истекает {stage.deadline:%d.%m.%Y %H:%M} UTC — {stage.consultation.title_ru}",
                    subject_en=f"Reminder: the written procedure ends {stage.deadline:%d %b %Y %H:%M} UTC — {stage.consultation.title_en}",
                )
            Stage.objects.filter(pk__in=[s.pk for s in soon]).update(reminded=True)
            reminded = len(soon)
    return closed, reminded


def _save_closed(stages: list[Stage], now: dt.datetime) -> None:
    """Write closed stages in a few UPDATEs: stages that ended alike share one statement (bulk_update
    would build one huge CASE per field instead)."""
    from collections import defaultdict

    stage_groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    consultation_groups: dict[str, list[int]] = defaultdict(list)
    for s in stages:
        stage_groups[(s.outcome, s.result, s.explanation_ru, s.explanation_en)].append(s.pk)
        consultation_groups[s.consultation.status].append(s.consultation_id)
    for (outcome_, result, ru, en), ids in stage_groups.items():
        for i in range(0, len(ids), 900):
            Stage.objects.filter(pk__in=ids[i : i + 900]).update(
                status=StageStatus.CLOSED,
                closed_at=now,
                outcome=outcome_,
                result=result,
                explanation_ru=ru,
                explanation_en=en,
            )
    for status, ids in consultation_groups.items():
        for i in range(0, len(ids), 900):
            Consultation.objects.filter(pk__in=ids[i : i + 900]).update(status=status)


def _last_positions(route_ids: set[int]) -> dict[int, int]:
    from django.db.models import Max

    from .models import RouteStep

    return dict(
        RouteStep.objects.filter(route_id__in=route_ids)
        .values("route_id")
        .annotate(m=Max("position"))
        .values_list("route_id", "m")
    )


def _states_without_position(
    stages: list[Stage], states: list[MemberState]
) -> dict[int, list[int]]:
    answered: dict[int, set[int]] = {s.pk: set() for s in stages}
    for stage_id, state_id in Position.objects.filter(stage__in=stages).values_list(
        "stage_id", "state_id"
    ):
        answered[stage_id].add(state_id)
    return {s.pk: [st.pk for st in states if st.pk not in answered[s.pk]] for s in stages}


DIGEST_ABOVE = 50


def _notify_outcomes(stages: list[Stage], states: list[MemberState]) -> None:
    """One notification per outcome; when many procedures end at once, one digest per person."""
    users = delegates_of(states)
    if len(stages) > DIGEST_ABOVE:
        url = reverse("consultations:consultation-list")
        Notification.objects.bulk_create(
            [
                Notification(
                    user=u,
                    url=url,
                    subject_ru=f"Завершено опросных процедур: {len(stages)}",
                    subject_en=f"{len(stages)} written procedures closed",
                )
                for u in users
            ]
        )
        return
    notifications = [
        Notification(
            user=u,
            url=_board_url(s.consultation),
            subject_ru=f"Итог опросного порядка: {s.consultation.title_ru} — {s.explanation_ru}"[
                :300
            ],
            subject_en=f"Written procedure closed: {s.consultation.title_en} — {s.explanation_en}"[
                :300
            ],
        )
        for s in stages
        for u in users
    ]
    Notification.objects.bulk_create(notifications, batch_size=2000)


# --- Sessions and signatures -----------------------------------------------------------------------


def create_session(
    *,
    actor: Any,
    body: Body,
    date: dt.date,
    kind: str = "regular",
    format: str = "in_person",
    venue_ru: str = "",
    venue_en: str = "",
    participants: Sequence[MemberState] = (),
) -> Session:
    if not permissions.runs_procedures(actor):
        raise NotAllowed("not_allowed", _("Only the Secretariat schedules sessions."))
    with transaction.atomic():
        session = Session.objects.create(
            body=body, date=date, kind=kind, format=format, venue_ru=venue_ru, venue_en=venue_en
        )
        session.participants.set(participants)
        record(actor, verb="consultations.create_session", target=session, summary=str(session))
    return session


def put_on_agenda(stage: Stage, *, actor: Any, session: Session) -> Stage:
    if not permissions.runs_procedures(actor):
        raise NotAllowed("not_allowed", _("Only the Secretariat sets the agenda."))
    if session.body_id != stage.body_id:
        raise DomainError("wrong_body", _("The stage is before another body."), field="session")
    with transaction.atomic():
        stage.session = session
        stage.agenda_order = (session.items.count() or 0) + 1
        stage.save(update_fields=["session", "agenda_order"])
        record(actor, verb="consultations.put_on_agenda", target=stage, summary=str(session))
    return stage


def sign(stage: Stage, *, actor: Any, on: dt.date, note: str = "") -> Signature:
    """A state signs an adopted decision; a state that had not joined joins by signing."""
    state_id = permissions.speaking_state(actor)
    if state_id is None:
        raise NotAllowed(
            "not_allowed", _("Only a delegation's representative signs for its state.")
        )
    with transaction.atomic():
        stage = Stage.objects.select_for_update().get(pk=stage.pk)
        if stage.outcome != StageOutcome.ADOPTED:
            raise Conflict("not_adopted", _("Only an adopted decision is signed."))
        if Signature.objects.filter(stage=stage, state_id=state_id).exists():
            raise Conflict("already_signed", _("Your state has already signed."))
        objected = (
            Position.objects.filter(stage=stage, state_id=state_id)
            .order_by("-pk")
            .values_list("stance", flat=True)
            .first()
            == Stance.OBJECT
        )
        if objected:
            raise Conflict(
                "objected",
                _("Your state objected; record a new position to withdraw the objection first."),
            )
        signature = Signature.objects.create(
            stage=stage,
            state_id=state_id,
            signed_on=on,
            signed_by=actor,
            acting_for=actor.acting_for_label,
            note=note,
        )
        record(
            actor, verb="consultations.sign", target=stage, summary=f"{signature.state.iso2} {on}"
        )
    return signature


def mark_read(user_id: int, *, ids: Sequence[int] | None, now: dt.datetime) -> int:
    qs = Notification.objects.filter(user_id=user_id, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=now)
