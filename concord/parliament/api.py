"""The API of the Parliamentary Assembly: its bodies and sessions, model laws and their national
follow-up, the ratification queue of each parliament, requests for information."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from concord.agreements import selectors as agreements
from concord.core.actors import actor_of
from concord.core.api import ErrorOut, StrictIn, Text
from concord.core.errors import DomainError
from concord.organization.models import MemberState

from . import ratification, selectors, services
from .codes import Code
from .models import AssemblyBody, Chamber, ModelAct, Parliament, Session

router = Router(tags=["parliament"])
EDITING = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class AssemblySeatOut(Schema):
    member: str = Field(..., alias="member.name")
    state: str = Field(..., alias="member.parliament.state.iso2")
    role: str
    since: dt.date | None
    until: dt.date | None
    demo: bool


class AssemblyBodyOut(Schema):
    code: str
    kind: str
    name_ru: str
    name_en: str
    seats: list[AssemblySeatOut]
    source: str

    @staticmethod
    def resolve_seats(obj: AssemblyBody) -> list[Any]:
        return list(obj.seats.all())


class DelegationMemberOut(Schema):
    name_ru: str
    name_en: str
    chamber: str | None = Field(None, description="empty when the sources do not say")
    since: dt.date | None
    until: dt.date | None
    demo: bool

    @staticmethod
    def resolve_chamber(obj: Any) -> str | None:
        return obj.chamber.name_en if obj.chamber else None


class ChamberOut(Schema):
    id: int
    name_ru: str
    name_en: str
    seats: str
    step: int | None = Field(None, alias="step_id", description="its internal procedure step")


class NationalDelegationOut(Schema):
    state: str = Field(..., alias="state.iso2")
    name_ru: str
    name_en: str
    delegation_note_en: str
    chambers: list[ChamberOut]
    members: list[DelegationMemberOut]

    @staticmethod
    def resolve_chambers(obj: Parliament) -> list[Any]:
        return list(obj.chambers.all())

    @staticmethod
    def resolve_members(obj: Parliament) -> list[Any]:
        return list(obj.members.all())


class AssemblyStructureOut(Schema):
    bodies: list[AssemblyBodyOut]
    delegations: list[NationalDelegationOut]
    observers: list[str]


@router.get("/assembly/bodies", response=AssemblyStructureOut, summary="The Assembly's structure")
def assembly_bodies(request: HttpRequest) -> dict[str, Any]:
    return {
        "bodies": list(selectors.bodies()),
        "delegations": list(selectors.parliaments()),
        "observers": [o.name_en for o in selectors.observers()],
    }


class AssemblyAgendaItemOut(Schema):
    position: int
    title_ru: str
    title_en: str
    outcome_ru: str
    outcome_en: str


class AssemblySessionOut(Schema):
    id: int
    body: str = Field(..., alias="body.code")
    number: int | None
    held_on: dt.date
    place_en: str
    note_en: str
    items: list[AssemblyAgendaItemOut]
    demo: bool

    @staticmethod
    def resolve_items(obj: Session) -> list[Any]:
        return list(obj.items.all())


@router.get(
    "/assembly/sessions", response=list[AssemblySessionOut], summary="Sessions and meetings"
)
def assembly_sessions(request: HttpRequest) -> list[Session]:
    return list(selectors.sessions())


class ModelActOut(Schema):
    id: int
    kind: str
    title_ru: str
    title_en: str
    status: str
    commission: str = Field(..., alias="commission.code")
    document: int = Field(..., alias="document_id")
    examined_on: dt.date | None
    adopted_on: dt.date | None
    version: int
    demo: bool


@router.get("/model-laws", response=list[ModelActOut], summary="Model laws and recommendations")
def model_laws(request: HttpRequest) -> list[ModelAct]:
    return list(selectors.acts(request.user))


@router.get("/model-laws/{pk}", response=ModelActOut)
def model_law(request: HttpRequest, pk: int) -> ModelAct:
    return selectors.act(request.user, pk)


class ExaminationIn(StrictIn):
    on: dt.date | None = None
    session: int | None = None
    version: int | None = None


def _session(pk: int | None) -> Session | None:
    if pk is None:
        return None
    found = selectors.sessions().filter(pk=pk).first()
    if found is None:
        raise DomainError(Code.UNKNOWN, _("There is no such session."), field="session")
    return found


@router.post("/model-laws/{pk}/examination", response={200: ModelActOut, **EDITING})
def examine_model_law(request: HttpRequest, pk: int, payload: ExaminationIn) -> ModelAct:
    act = selectors.act(request.user, pk)
    return services.examine_act(
        act,
        actor=actor_of(request),
        on=payload.on,
        session=_session(payload.session),
        version=payload.version,
    )


class AdoptionIn(StrictIn):
    session: int
    version: int | None = None


@router.post("/model-laws/{pk}/adoption", response={200: ModelActOut, **EDITING})
def adopt_model_law(request: HttpRequest, pk: int, payload: AdoptionIn) -> ModelAct:
    act = selectors.act(request.user, pk)
    session = _session(payload.session)
    assert session is not None
    return services.adopt_act(
        act, actor=actor_of(request), session=session, version=payload.version
    )


class HarmonisationOut(Schema):
    id: int
    act: int = Field(..., alias="act_id")
    state: str = Field(..., alias="state.iso2")
    law_ru: str
    law_en: str
    adopted_on: dt.date | None
    reference: str
    closeness: str
    demo: bool


@router.get(
    "/harmonisation", response=list[HarmonisationOut], summary="National laws following model acts"
)
def harmonisation(request: HttpRequest, act: int | None = None) -> list[Any]:
    rows = selectors.harmonisations(request.user)
    return list(rows.filter(act_id=act) if act else rows)


class HarmonisationIn(StrictIn):
    act: int
    state: str = Field(..., description="ISO alpha-2")
    law_ru: Text
    law_en: str = ""
    adopted_on: dt.date | None = None
    reference: str = ""
    closeness: str = ""


@router.post("/harmonisation", response={201: HarmonisationOut, **EDITING})
def record_harmonisation(request: HttpRequest, payload: HarmonisationIn) -> Status[Any]:
    act = selectors.act(request.user, payload.act)
    row = services.record_harmonisation(
        act,
        actor=actor_of(request),
        state=_state(payload.state),
        law_ru=payload.law_ru,
        law_en=payload.law_en,
        adopted_on=payload.adopted_on,
        reference=payload.reference,
        closeness=payload.closeness,
    )
    return Status(201, row)


def _state(iso2: str) -> MemberState:
    found = agreements.state_named(iso2)
    if found is None:
        raise DomainError(
            Code.UNKNOWN, _("Unknown state “%(code)s”.") % {"code": iso2}, field="state"
        )
    return found


class ChamberStepOut(Schema):
    chamber: str
    voted_on: dt.date | None


class QueueEntryOut(Schema):
    agreement: int
    title_ru: str
    title_en: str
    known: bool = Field(..., description="false when the deposits are not recorded")
    chambers: list[ChamberStepOut]
    open_steps: list[str] = Field(
        ..., description="every step of the internal procedure still open"
    )


class RatificationQueueOut(Schema):
    parliament: str = Field(..., description="the state's ISO alpha-2")
    own: bool = Field(..., description="the reader's own parliament")
    entries: list[QueueEntryOut]


def _queue_out(q: ratification.Queue) -> dict[str, Any]:
    return {
        "parliament": q.parliament.state.iso2,
        "own": q.own,
        "entries": [
            {
                "agreement": e.agreement.pk,
                "title_ru": e.agreement.title_ru,
                "title_en": e.agreement.title_en,
                "known": e.pending.known,
                "chambers": [{"chamber": c.name_en, "voted_on": d} for c, d in e.chambers],
                "open_steps": [s.name_en for s in e.pending.row.open_steps],
            }
            for e in q.entries
        ],
    }


@router.get(
    "/ratification-queue",
    response={200: list[RatificationQueueOut], 403: ErrorOut, 404: ErrorOut},
    summary="Ratification parliament by parliament, the reader's own first",
)
def ratification_queue(request: HttpRequest, parliament: str = "") -> list[dict[str, Any]]:
    only = selectors.parliament_of(parliament) if parliament else None
    if parliament and only is None:
        raise Http404
    qs = ratification.queues(request.user, today=timezone.localdate(), only=only)
    return [_queue_out(q) for q in qs]


class ChamberVoteIn(StrictIn):
    agreement: int
    state: str = Field(..., description="ISO alpha-2")
    chamber: int
    date: dt.date
    evidence: str = ""


class ChamberVoteOut(Schema):
    id: int
    agreement: int = Field(..., alias="agreement_id")
    state: str = Field(..., alias="state.iso2")
    step: int = Field(..., alias="step_id")
    date: dt.date


@router.post("/ratification-queue/votes", response={201: ChamberVoteOut, **EDITING})
def record_chamber_vote(request: HttpRequest, payload: ChamberVoteIn) -> Status[Any]:
    """A chamber voted a ratification: recorded by the depositary as the chamber's internal step."""
    agreement = agreements.agreement(request.user, payload.agreement)
    chamber = (
        Chamber.objects.select_related("parliament", "step").filter(pk=payload.chamber).first()
    )
    if chamber is None:
        raise DomainError(Code.NO_SUCH_CHAMBER, _("There is no such chamber."), field="chamber")
    action = ratification.record_chamber_vote(
        agreement,
        actor=actor_of(request),
        state=_state(payload.state),
        chamber=chamber,
        date=payload.date,
        evidence=payload.evidence,
    )
    return Status(201, action)


class RatificationReportOut(Schema):
    id: int
    as_of: dt.date
    document: int = Field(..., alias="document_id")


class RatificationReportIn(StrictIn):
    as_of: dt.date | None = None


@router.post("/assembly/ratification-reports", response={201: RatificationReportOut, **EDITING})
def draft_ratification_report(request: HttpRequest, payload: RatificationReportIn) -> Status[Any]:
    report = ratification.draft_report(
        actor=actor_of(request), as_of=payload.as_of or timezone.localdate()
    )
    return Status(201, report)


class InformationRequestOut(Schema):
    id: int
    state: str = Field(..., alias="member.parliament.state.iso2")
    question: str
    status: str
    answer: str
    version: int


@router.get("/assembly/requests", response=list[InformationRequestOut])
def information_requests(request: HttpRequest) -> list[Any]:
    return list(selectors.requests(request.user))


class QuestionIn(StrictIn):
    question: Text


@router.post("/assembly/requests", response={201: InformationRequestOut, **EDITING})
def ask_request(request: HttpRequest, payload: QuestionIn) -> Status[Any]:
    return Status(201, services.ask_request(actor=actor_of(request), question=payload.question))


class AnswerIn(StrictIn):
    answer: Text
    version: int | None = None


@router.post("/assembly/requests/{pk}/answer", response={200: InformationRequestOut, **EDITING})
def answer_request(request: HttpRequest, pk: int, payload: AnswerIn) -> Any:
    found = selectors.request(request.user, pk)
    return services.answer_request(
        found, actor=actor_of(request), answer=payload.answer, version=payload.version
    )
