"""Every write of the Assembly's work: structure, sessions, model acts and their national follow-up,
requests for information. A chamber's vote on a ratification is written through the agreements module
(`ratification.py`); texts are written through the documents module."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.core.actions import require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import DomainError
from concord.core.events import emit
from concord.documents import finality
from concord.documents import selectors as documents
from concord.documents import services as texts
from concord.organization.models import MemberState
from concord.organization.states import Membership

from . import permissions, rules
from .codes import Code, Verb
from .events import ModelActAdopted
from .models import (
    AssemblyBody,
    Chamber,
    Harmonisation,
    InformationRequest,
    Member,
    ModelAct,
    Parliament,
    Seat,
    Session,
)
from .states import ACT_FLOW, REQUEST_FLOW, ActStatus, BodyKind, RequestStatus

KEEPS = _("Only the Secretariat keeps the records of the Parliamentary Assembly.")


def check_member(member: Member) -> None:
    """A member's chamber is of their own parliament, and the same person (user account or Russian
    name) does not sit in another state's delegation over the same period (also the admin's rule)."""
    chamber = member.chamber if member.chamber_id is not None else None
    if chamber is not None and chamber.parliament_id != member.parliament_id:
        raise DomainError(
            Code.OTHER_PARLIAMENT, _("This chamber belongs to another parliament."), field="chamber"
        )
    same = Member.objects.exclude(parliament_id=member.parliament_id)
    same = same.filter(user=member.user) if member.user_id else same.filter(name_ru=member.name_ru)
    for other in same.select_related("parliament__state"):
        if rules.overlaps((member.since, member.until), (other.since, other.until)):
            raise DomainError(
                Code.TWO_DELEGATIONS,
                _("This person is already in the delegation of %(state)s over that period.")
                % {"state": other.parliament.state.name},
                field="parliament",
            )


@transaction.atomic
def add_member(
    parliament: Parliament, *, actor: Actor, chamber: Chamber | None, **fields: Any
) -> Member:
    """A member of `chamber` joins `parliament`'s delegation; refused when the chamber is another
    parliament's, or when the same person (user account or Russian name) sits in another state's
    delegation over the same period. `chamber` is None when the sources do not say."""
    require(permissions.is_secretariat(actor), KEEPS)
    member = Member(parliament=parliament, chamber=chamber, **fields)
    check_member(member)
    member.full_clean()
    member.save()
    record(Verb.ADD_MEMBER, actor=actor, target=member, summary=member.name_en or member.name_ru)
    return member


@transaction.atomic
def add_seat(member: Member, *, actor: Actor, body: AssemblyBody, role: str, **fields: Any) -> Seat:
    require(permissions.is_secretariat(actor), KEEPS)
    seat = Seat(member=member, body=body, role=role, **fields)
    seat.full_clean()
    seat.save()
    record(Verb.ADD_SEAT, actor=actor, target=seat, summary=f"{body.code} {role}")
    return seat


@transaction.atomic
def hold_session(
    body: AssemblyBody,
    *,
    actor: Actor,
    held_on: dt.date,
    items: Sequence[tuple[str, str, str, str]] = (),
    **fields: Any,
) -> Session:
    """A session of `body` with its agenda: (title_ru, title_en, outcome_ru, outcome_en) per item."""
    require(permissions.is_secretariat(actor), KEEPS)
    session = Session(body=body, held_on=held_on, **fields)
    session.full_clean()
    session.save()
    for i, (title_ru, title_en, outcome_ru, outcome_en) in enumerate(items, 1):
        session.items.create(
            position=i,
            title_ru=title_ru,
            title_en=title_en,
            outcome_ru=outcome_ru,
            outcome_en=outcome_en,
            demo=session.demo,
            source=session.source,
        )
    record(Verb.HOLD_SESSION, actor=actor, target=session, summary=f"{body.code} {held_on}")
    return session


@transaction.atomic
def draft_act(
    *,
    actor: Actor,
    kind: str,
    commission: AssemblyBody,
    units: Sequence[tuple[str, str, str]],
    marking: str = "official",
    **fields: Any,
) -> ModelAct:
    """A model law or recommendation: its text is created in the documents module (title first,
    then its clauses), where delegations propose amendments; `commission` is competent for it."""
    require(permissions.is_secretariat(actor), KEEPS)
    if commission.kind != BodyKind.COMMISSION:
        raise DomainError(
            Code.NOT_A_COMMISSION,
            _("A model act is examined by a standing commission."),
            field="commission",
        )
    document = texts.create_document(actor=actor, kind="other", units=units, marking=marking)
    act = ModelAct(
        kind=kind,
        title_ru=units[0][1],
        title_en=units[0][2],
        document=document,
        commission=commission,
        **fields,
    )
    act.full_clean(exclude=["document"])
    act.save()
    record(Verb.DRAFT_ACT, actor=actor, target=act, summary=act.title_en or act.title_ru)
    return act


def examine_act(
    act: ModelAct,
    *,
    actor: Actor,
    on: dt.date | None,
    session: Session | None = None,
    version: int | None = None,
) -> ModelAct:
    """The competent commission examined the draft (at one of its meetings, when recorded; `on` is
    None when the date was not found)."""
    require(permissions.is_secretariat(actor), KEEPS)
    if session is not None and session.body_id != act.commission_id:
        raise DomainError(
            Code.NOT_A_COMMISSION,
            _("The draft is examined at a meeting of its competent commission."),
            field="session",
        )
    return transition(
        act,
        ActStatus.EXAMINED,
        flow=ACT_FLOW,
        actor=actor,
        verb=Verb.EXAMINE_ACT,
        version=version,
        examined_on=on,
        examined_at=session,
    )


def adopt_act(
    act: ModelAct, *, actor: Actor, session: Session, version: int | None = None
) -> ModelAct:
    """The Assembly adopted the act in plenary (`rules.adoption_refusal`): its text becomes the
    adopted text in the documents module, and publications drafts the announcement."""
    require(permissions.is_secretariat(actor), KEEPS)
    refusal = rules.adoption_refusal(
        status=act.status,
        examined_on=act.examined_on,
        body_kind=session.body.kind,
        on=session.held_on,
    )
    if refusal is not None:
        raise DomainError(refusal, str(ADOPTION_REFUSALS[refusal]), field="session")
    with transaction.atomic():
        latest = documents.latest_version(act.document_id)
        organ = session.body.organ
        if latest is not None and organ is not None:
            finality.adopt_text(
                act.document, actor=actor, version=latest, body=organ, on=session.held_on
            )
        act = transition(
            act,
            ActStatus.ADOPTED,
            flow=ACT_FLOW,
            actor=actor,
            verb=Verb.ADOPT_ACT,
            version=version,
            adopted_on=session.held_on,
            adopted_at=session,
        )
        emit(ModelActAdopted(act.pk))
    return act


ADOPTION_REFUSALS = {
    Code.NOT_EXAMINED: _(
        "The competent commission has not examined this draft: the Assembly cannot adopt it yet."
    ),
    Code.NOT_PLENARY: _("Model acts are adopted by the Assembly in plenary."),
    Code.BEFORE_EXAMINATION: _("The session is before the commission examined the draft."),
}


@transaction.atomic
def record_harmonisation(
    act: ModelAct, *, actor: Actor, state: MemberState, law_ru: str, **fields: Any
) -> Harmonisation:
    """A member state's national law following an adopted model act."""
    require(permissions.is_secretariat(actor), KEEPS)
    if state.membership != Membership.MEMBER:
        raise DomainError(
            Code.NOT_MEMBER,
            _("%(state)s is not a member state.") % {"state": state.name},
            field="state",
        )
    if act.status != ActStatus.ADOPTED:
        raise DomainError(Code.NOT_ADOPTED, _("The model act is not adopted yet."), field="act")
    if not law_ru.strip():
        raise DomainError(Code.TEXT_REQUIRED, _("Name the national law."), field="law_ru")
    row = Harmonisation(act=act, state=state, law_ru=law_ru, **fields)
    row.full_clean()
    row.save()
    record(
        Verb.RECORD_HARMONISATION, actor=actor, target=act, summary=f"{state.iso2} {row.reference}"
    )
    return row


@transaction.atomic
def ask_request(*, actor: Actor, question: str) -> InformationRequest:
    """A member of parliament asks the Secretariat for information."""
    member = permissions.member_of(actor)
    require(member is not None, _("Only a member of a national delegation asks the Secretariat."))
    assert member is not None
    if not question.strip():
        raise DomainError(Code.TEXT_REQUIRED, _("Write the question."), field="question")
    request = InformationRequest.objects.create(
        member=member, asked_by=user_of(actor), question=question.strip()
    )
    record(Verb.ASK, actor=actor, target=request, summary=question[:100])
    return request


def answer_request(
    request: InformationRequest, *, actor: Actor, answer: str, version: int | None = None
) -> InformationRequest:
    require(permissions.is_secretariat(actor), _("The Secretariat answers requests."))
    if not answer.strip():
        raise DomainError(Code.TEXT_REQUIRED, _("Write the answer."), field="answer")
    return transition(
        request,
        RequestStatus.ANSWERED,
        flow=REQUEST_FLOW,
        actor=actor,
        verb=Verb.ANSWER,
        version=version,
        answer=answer.strip(),
        answered_by=user_of(actor),
        answered_at=timezone.now(),
    )
