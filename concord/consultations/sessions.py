"""Sessions of the bodies and their agendas: the Secretariat schedules a session of any body (in person,
online, or written), puts the questions before it on its agenda in order, moves them, and publishes the
agenda to the states. A stage is placed only at a session of its own body held on or after the day
it opened; history entered after the fact says so, with its reason, and is audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.audit.services import diff, record
from concord.core.actions import lock, require
from concord.core.actors import Actor
from concord.core.errors import Conflict, DomainError
from concord.organization.models import Body, MemberState

from . import permissions
from .codes import Code, Verb
from .models import Session, Stage
from .notifications import tell_members
from .states import SessionFormat, SessionKind, StageStatus

SECRETARIAT_ONLY = _("Only the Secretariat schedules sessions and sets their agendas.")


def _check_session(kind: str, format: str) -> None:
    if kind not in SessionKind.values:
        raise DomainError(Code.BAD_SESSION, _("Choose regular or extraordinary."), field="kind")
    if format not in SessionFormat.values:
        raise DomainError(Code.BAD_SESSION, _("Choose how the session meets."), field="format")


def create_session(
    *,
    actor: Actor,
    body: Body,
    date: dt.date,
    kind: str = SessionKind.REGULAR,
    format: str = SessionFormat.IN_PERSON,
    venue_ru: str = "",
    venue_en: str = "",
    participants: Sequence[MemberState] = (),
) -> Session:
    require(permissions.runs_procedures(actor), SECRETARIAT_ONLY)
    _check_session(kind, format)
    with transaction.atomic():
        session = Session.objects.create(
            body=body, date=date, kind=kind, format=format, venue_ru=venue_ru, venue_en=venue_en
        )
        session.participants.set(participants)
        record(Verb.CREATE_SESSION, actor=actor, target=session, summary=str(session))
    return session


def update_session(
    session: Session,
    *,
    actor: Actor,
    version: int | None,
    date: dt.date,
    kind: str,
    format: str,
    venue_ru: str = "",
    venue_en: str = "",
) -> Session:
    """Change a session's day, kind, format or place; its body stays (its agenda is that body's)."""
    require(permissions.runs_procedures(actor), SECRETARIAT_ONLY)
    _check_session(kind, format)
    with transaction.atomic():
        session = lock(session, version=version)
        items = session.items.select_related("consultation")
        early = [s for s in items if s.opened_at.date() > date and not s.agenda_note]
        if early:
            raise DomainError(
                Code.SESSION_PAST,
                _("Questions on its agenda opened after that day; move them first."),
                field="date",
            )
        before = {f: str(getattr(session, f)) for f in ("date", "kind", "format", "venue_ru")}
        session.date, session.kind, session.format = date, kind, format
        session.venue_ru, session.venue_en = venue_ru, venue_en
        session.version += 1
        session.save()
        after = {f: str(getattr(session, f)) for f in ("date", "kind", "format", "venue_ru")}
        record(Verb.UPDATE_SESSION, actor=actor, target=session, changes=diff(before, after))
    return session


def place(stage: Stage, session: Session, *, note: str = "") -> None:
    """Put `stage` at the end of `session`'s agenda (the caller's transaction audits it)."""
    if session.body_id != stage.body_id:
        raise DomainError(
            Code.WRONG_BODY,
            _("The question is before %(body)s; choose a session of that body.")
            % {"body": stage.body},
            field="session",
        )
    if session.date < stage.opened_at.date() and not note.strip():
        raise DomainError(
            Code.SESSION_PAST,
            _(
                "This session was held before the question was put to the body. To record history after the fact, say why."
            ),
            field="session",
        )
    last = session.items.aggregate(last=Max("agenda_order"))["last"] or 0
    stage.session, stage.agenda_order, stage.agenda_note = session, last + 1, note.strip()[:300]
    stage.save(update_fields=["session", "agenda_order", "agenda_note"])


def put_on_agenda(stage: Stage, *, actor: Actor, session: Session, note: str = "") -> Stage:
    """Place an open question at a session of its body."""
    require(permissions.runs_procedures(actor), SECRETARIAT_ONLY)
    with transaction.atomic():
        stage = lock(stage)
        if stage.status != StageStatus.OPEN:
            raise Conflict(Code.STAGE_CLOSED, _("This stage is already closed."))
        place(stage, session, note=note)
        record(
            Verb.PUT_ON_AGENDA,
            actor=actor,
            target=stage,
            summary=f"{session} #{stage.agenda_order}" + (f" ({note})" if note else ""),
        )
    return stage


def move_agenda_item(stage: Stage, *, actor: Actor, to: int) -> Stage:
    """Move an item to place `to` (1 is first) of its session's agenda; the others close up."""
    require(permissions.runs_procedures(actor), SECRETARIAT_ONLY)
    if stage.session is None:
        raise DomainError(Code.NOT_ON_AGENDA, _("This question is on no agenda."), field="stage")
    with transaction.atomic():
        session = lock(stage.session)
        order = list(session.items.order_by("agenda_order", "pk"))
        current = next(s for s in order if s.pk == stage.pk)
        order.remove(current)
        order.insert(max(0, min(to - 1, len(order))), current)
        for number, item in enumerate(order, start=1):
            if item.agenda_order != number:
                Stage.objects.filter(pk=item.pk).update(agenda_order=number)
        record(
            Verb.MOVE_AGENDA_ITEM,
            actor=actor,
            target=session,
            summary=f"{current.consultation} → {to}",
            changes={"order": [s.pk for s in order]},
        )
        current.refresh_from_db()
    return current


def publish_agenda(session: Session, *, actor: Actor, now: dt.datetime) -> Session:
    """The agenda goes to the states' delegations; it may still change, and is sent again then."""
    require(permissions.runs_procedures(actor), SECRETARIAT_ONLY)
    with transaction.atomic():
        session = lock(session)
        if not session.items.exists():
            raise DomainError(Code.NOT_ON_AGENDA, _("The agenda is empty."), field="session")
        session.agenda_published_at = now
        session.save(update_fields=["agenda_published_at"])
        record(Verb.PUBLISH_AGENDA, actor=actor, target=session)
        tell_members(
            reverse("consultations:session-detail", kwargs={"pk": session.pk}),
            subject_ru=f"Повестка дня: {session.body.name_ru}, {session.date:%d.%m.%Y}",
            subject_en=f"Agenda: {session.body.name_en}, {session.date:%d %b %Y}",
        )
    return session
