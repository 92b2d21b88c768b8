import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import ConfigDict

from concord.core.actors import actor_of
from concord.core.api import ErrorOut, Pages, StrictIn
from concord.core.errors import DomainError
from concord.core.models import viewer_of
from concord.documents.permissions import documents_visible_to

from . import closing, selectors, services, sessions
from .codes import Code
from .models import Consultation, Session, Stage
from .notifications import mark_read
from .rules import TermUnit
from .states import QuestionKind, StageStatus

router = Router(tags=["consultations"])
ERRORS: dict[int, Any] = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class ConsultationOut(Schema):
    model_config = ConfigDict(populate_by_name=True)  # rebuilt from its own dump in the detail
    id: int
    title_ru: str
    title_en: str
    kind: str
    status: str
    marking: str
    emergency: bool
    route: str = Field(..., alias="route.code")
    document: int | None = Field(None, alias="document_id")
    decide_by: dt.datetime | None
    created_at: dt.datetime


class PositionOut(Schema):
    state: str
    stance: str
    statement: str
    clauses: list[str]
    version: int | None
    current: bool
    stale: bool
    recorded_by: str
    at: dt.datetime


class ConsultationStageOut(Schema):
    id: int
    body: str
    mode: str
    consent: str
    rule: str
    version: int | None
    opened_at: dt.datetime
    deadline: dt.datetime | None
    status: str
    outcome: str
    result: str
    explanation_ru: str
    explanation_en: str
    positions: list[PositionOut]
    signatures: list[dict[str, str]]


class ConsultationDetailOut(ConsultationOut):
    stages: list[ConsultationStageOut]
    current_result: str | None
    current_explanation_ru: str | None
    current_explanation_en: str | None


class PositionIn(StrictIn):
    stage: int | None = Field(None, description="the open stage (default: the open one)")
    version: int | None = Field(
        ..., description="the number of the version the position was given on (null: no text)"
    )
    stance: Literal["join", "join_opinion", "refrain", "object", "more_time"]
    statement: str = Field("", max_length=10_000)
    clauses: list[str] = Field(default_factory=list, max_length=500)
    amendments: list[int] = Field(default_factory=list, max_length=500)


class ReadOut(Schema):
    marked: int


class InboxOut(Schema):
    stage: int = Field(..., alias="pk")
    consultation: int = Field(..., alias="consultation_id")
    title_ru: str = Field(..., alias="consultation.title_ru")
    title_en: str = Field(..., alias="consultation.title_en")
    body: str = Field(..., alias="body.code")
    mode: str
    deadline: dt.datetime | None


class SessionOut(Schema):
    id: int
    body: str = Field(..., alias="body.code")
    kind: str
    format: str
    date: dt.date
    venue_ru: str
    venue_en: str


@router.get("/consultations", response=list[ConsultationOut])
@paginate(Pages, page_size=50)
def list_consultations(request: HttpRequest, status: str = "", kind: str = "") -> Any:
    return selectors.consultations(request.user, status=status, kind=kind)


def _detail(consultation: Consultation) -> dict[str, Any]:
    consultation.refresh_from_db()  # after an action, as the action left it
    board = selectors.board(consultation, now=timezone.now())
    history = selectors.positions(board.stages)
    latest: dict[tuple[int, int], int] = {}
    for p in history:
        latest[(p.stage_id, p.state_id)] = p.pk
    stages = []
    for stage in board.stages:
        fingerprint = stage.version.fingerprint if stage.version else ""
        stages.append(
            {
                **{
                    f: getattr(stage, f)
                    for f in (
                        "id",
                        "mode",
                        "consent",
                        "rule",
                        "opened_at",
                        "deadline",
                        "status",
                        "outcome",
                        "result",
                        "explanation_ru",
                        "explanation_en",
                    )
                },
                "body": stage.body.code,
                "version": stage.version.number if stage.version else None,
                "positions": [
                    {
                        "state": p.state.iso2,
                        "stance": p.stance,
                        "statement": p.statement,
                        "clauses": p.clauses,
                        "version": stage.version.number
                        if stage.version and p.version_id == stage.version_id
                        else None,
                        "current": latest[(stage.pk, p.state_id)] == p.pk,
                        "stale": p.fingerprint != fingerprint,
                        "recorded_by": p.recorded_by.username,
                        "at": p.at,
                    }
                    for p in history
                    if p.stage_id == stage.pk
                ],
                "signatures": [
                    {"state": s.state.iso2, "signed_on": s.signed_on.isoformat()}
                    for s in board.signatures
                    if s.stage_id == stage.pk
                ],
            }
        )
    return {
        **ConsultationOut.from_orm(consultation).model_dump(),
        "stages": stages,
        "current_result": board.outcome.result if board.outcome else None,
        "current_explanation_ru": board.outcome.explanation_ru if board.outcome else None,
        "current_explanation_en": board.outcome.explanation_en if board.outcome else None,
    }


@router.get("/consultations/inbox", response=list[InboxOut])
@paginate(Pages, page_size=50)
def inbox(request: HttpRequest) -> Any:
    state_id = viewer_of(request.user).state_id
    return selectors.inbox(request.user, state_id) if state_id else Stage.objects.none()


@router.get("/consultations/{pk}", response={200: ConsultationDetailOut, 404: ErrorOut})
def get_consultation(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _detail(selectors.consultation(request.user, pk))


class ConsultationIn(StrictIn):
    title_ru: str = Field(..., min_length=1, max_length=500)
    title_en: str = Field("", max_length=500)
    kind: Literal[tuple(QuestionKind.values)]  # type: ignore[valid-type]
    route: str = Field(..., description="the route's code")
    document: int | None = Field(None, description="the subject document's id")
    marking: Literal["public", "official", "restricted"] = "official"
    emergency: bool = False
    reason: str = Field("", max_length=10_000)
    clock_hours: int | None = Field(None, ge=1, le=168, description="emergency decision clock")
    planned_year: int | None = Field(None, ge=2000, le=2100)
    statements: list[int] = Field(
        default_factory=list, max_length=500, description="an annual list's joint statements"
    )


class StageIn(StrictIn):
    mode: Literal["session", "written"] = "session"
    consent: Literal["explicit", "silence"] = "explicit"
    term: int | None = Field(None, ge=1, le=720, description="default: the configured term")
    unit: Literal["working_days", "days", "hours"] = "working_days"
    session: int | None = None
    agenda_note: str = Field("", max_length=300, description="why at a session held before")


class ExtendIn(StrictIn):
    until: dt.datetime
    reason: str = Field(..., min_length=1, max_length=300)


class CloseIn(StrictIn):
    drop: bool = False
    note: str = Field("", max_length=10_000)


class SignatureIn(StrictIn):
    note: str = Field("", max_length=300)


@router.post("/consultations", response={201: ConsultationDetailOut, **ERRORS})
def open_consultation(request: HttpRequest, payload: ConsultationIn) -> Status[dict[str, Any]]:
    route = selectors.route(payload.route)
    if route is None:
        raise DomainError(Code.UNKNOWN_ROUTE, _("No route has this code."), field="route")
    document = (
        get_object_or_404(documents_visible_to(request.user), pk=payload.document)
        if payload.document
        else None
    )
    consultation = services.open_consultation(
        actor=actor_of(request),
        title_ru=payload.title_ru,
        title_en=payload.title_en,
        kind=payload.kind,
        route=route,
        marking=payload.marking,
        document=document,
        emergency=payload.emergency,
        reason=payload.reason,
        clock=dt.timedelta(hours=payload.clock_hours) if payload.clock_hours else None,
        planned_year=payload.planned_year,
        statements=list(selectors.consultations(request.user).filter(pk__in=payload.statements)),
        now=timezone.now(),
    )
    return Status(201, _detail(consultation))


def _stage(request: HttpRequest, pk: int, stage_id: int) -> tuple[Consultation, Stage]:
    consultation = selectors.consultation(request.user, pk)
    return consultation, get_object_or_404(Stage, pk=stage_id, consultation=consultation)


@router.post("/consultations/{pk}/stages", response={201: ConsultationDetailOut, **ERRORS})
def open_stage(request: HttpRequest, pk: int, payload: StageIn) -> Status[dict[str, Any]]:
    consultation = selectors.consultation(request.user, pk)
    session = get_object_or_404(Session, pk=payload.session) if payload.session else None
    services.open_stage(
        consultation,
        actor=actor_of(request),
        now=timezone.now(),
        mode=payload.mode,
        consent=payload.consent,
        term=(payload.term, TermUnit(payload.unit)) if payload.term else None,
        session=session,
        agenda_note=payload.agenda_note,
    )
    return Status(201, _detail(consultation))


@router.post(
    "/consultations/{pk}/stages/{stage_id}/extend", response={200: ConsultationDetailOut, **ERRORS}
)
def extend_stage(request: HttpRequest, pk: int, stage_id: int, payload: ExtendIn) -> Any:
    consultation, stage = _stage(request, pk, stage_id)
    closing.extend_stage(
        stage,
        actor=actor_of(request),
        until=payload.until,
        reason=payload.reason,
        now=timezone.now(),
    )
    return _detail(consultation)


@router.post(
    "/consultations/{pk}/stages/{stage_id}/close", response={200: ConsultationDetailOut, **ERRORS}
)
def close_stage(request: HttpRequest, pk: int, stage_id: int, payload: CloseIn) -> Any:
    consultation, stage = _stage(request, pk, stage_id)
    closing.close_stage(
        stage, actor=actor_of(request), now=timezone.now(), drop=payload.drop, note=payload.note
    )
    return _detail(consultation)


@router.post(
    "/consultations/{pk}/stages/{stage_id}/version",
    response={200: ConsultationDetailOut, **ERRORS},
)
def put_latest_version(request: HttpRequest, pk: int, stage_id: int) -> Any:
    """Put the document's latest version before the open stage."""
    consultation, stage = _stage(request, pk, stage_id)
    services.put_latest_version(stage, actor=actor_of(request), now=timezone.now())
    return _detail(consultation)


@router.post(
    "/consultations/{pk}/stages/{stage_id}/signatures",
    response={201: ConsultationDetailOut, **ERRORS},
)
def sign_decision(
    request: HttpRequest, pk: int, stage_id: int, payload: SignatureIn
) -> Status[dict[str, Any]]:
    """Sign the adopted decision for the caller's state."""
    consultation, stage = _stage(request, pk, stage_id)
    services.sign_decision(
        stage, actor=actor_of(request), on=timezone.localdate(), note=payload.note
    )
    return Status(201, _detail(consultation))


@router.post("/consultations/{pk}/positions", response={201: ConsultationDetailOut, **ERRORS})
def record_position(request: HttpRequest, pk: int, payload: PositionIn) -> Status[dict[str, Any]]:
    """The caller's state's position on the version numbered `version` (the stage's own)."""
    consultation = selectors.consultation(request.user, pk)
    stages = Stage.objects.select_related("version").filter(consultation=consultation)
    stage = (
        get_object_or_404(stages, pk=payload.stage)
        if payload.stage
        else get_object_or_404(stages, status=StageStatus.OPEN)
    )
    given_on = stage.version_id if stage.version and stage.version.number == payload.version else -1
    services.record_position(
        stage,
        actor=actor_of(request),
        stance=payload.stance,
        version_id=None if payload.version is None else given_on,
        now=timezone.now(),
        statement=payload.statement,
        clauses=payload.clauses,
        amendments=payload.amendments,
    )
    return Status(201, _detail(consultation))


@router.post("/notifications/read", response={200: ReadOut})
def mark_notifications_read(request: HttpRequest) -> dict[str, int]:
    """Mark all the caller's notifications read."""
    return {"marked": mark_read(int(actor_of(request).pk), ids=None, now=timezone.now())}


@router.get("/sessions", response=list[SessionOut])
@paginate(Pages, page_size=50)
def list_sessions(request: HttpRequest) -> Any:
    return selectors.sessions()


@router.get("/sessions/{pk}", response={200: SessionOut, 404: ErrorOut})
def get_session(request: HttpRequest, pk: int) -> Session:
    return selectors.session(pk)


class SessionIn(StrictIn):
    body: str = Field(..., description="the body's code")
    date: dt.date
    kind: Literal["regular", "extraordinary"] = "regular"
    format: Literal["in_person", "online", "written"] = "in_person"
    venue_ru: str = Field("", max_length=200)
    venue_en: str = Field("", max_length=200)
    participants: list[str] = Field(default_factory=list, description="ISO codes of states present")


class SessionChangeIn(StrictIn):
    version: int = Field(..., description="the session's edit counter, as read")
    date: dt.date
    kind: Literal["regular", "extraordinary"]
    format: Literal["in_person", "online", "written"]
    venue_ru: str = Field("", max_length=200)
    venue_en: str = Field("", max_length=200)


class AgendaIn(StrictIn):
    stage: int
    note: str = Field("", max_length=300, description="why at a session held before the stage")


class MoveIn(StrictIn):
    to: int = Field(..., ge=1, description="the place on the agenda, 1 first")


class AgendaItemOut(Schema):
    stage: int = Field(..., alias="pk")
    consultation: int = Field(..., alias="consultation_id")
    title_ru: str = Field(..., alias="consultation.title_ru")
    title_en: str = Field(..., alias="consultation.title_en")
    order: int = Field(..., alias="agenda_order")
    note: str = Field(..., alias="agenda_note")


class SessionDetailOut(SessionOut):
    version: int
    agenda_published_at: dt.datetime | None
    agenda: list[AgendaItemOut]


def _session_out(request: HttpRequest, session: Session) -> Session:
    """The session with its agenda as the caller may see it (read afresh after a change)."""
    session.refresh_from_db()
    session.agenda = selectors.agenda(request.user, session)  # type: ignore[attr-defined]
    return session


@router.post("/sessions", response={201: SessionDetailOut, **ERRORS})
def create_session(request: HttpRequest, payload: SessionIn) -> Status[Session]:
    body = selectors.body(payload.body)
    if body is None:
        raise DomainError(Code.BAD_SESSION, _("No body has this code."), field="body")
    session = sessions.create_session(
        actor=actor_of(request),
        body=body,
        date=payload.date,
        kind=payload.kind,
        format=payload.format,
        venue_ru=payload.venue_ru,
        venue_en=payload.venue_en,
        participants=selectors.states(payload.participants),
    )
    return Status(201, _session_out(request, session))


@router.patch("/sessions/{pk}", response={200: SessionDetailOut, **ERRORS})
def update_session(request: HttpRequest, pk: int, payload: SessionChangeIn) -> Session:
    session = sessions.update_session(
        selectors.session(pk), actor=actor_of(request), **payload.model_dump()
    )
    return _session_out(request, session)


@router.post("/sessions/{pk}/agenda", response={201: SessionDetailOut, **ERRORS})
def put_on_agenda(request: HttpRequest, pk: int, payload: AgendaIn) -> Status[Session]:
    session = selectors.session(pk)
    stage = get_object_or_404(selectors.open_stages(request.user), pk=payload.stage)
    sessions.put_on_agenda(stage, actor=actor_of(request), session=session, note=payload.note)
    return Status(201, _session_out(request, session))


@router.post("/sessions/{pk}/agenda/{stage_id}/move", response={200: SessionDetailOut, **ERRORS})
def move_agenda_item(request: HttpRequest, pk: int, stage_id: int, payload: MoveIn) -> Any:
    session = selectors.session(pk)
    stage = get_object_or_404(selectors.agenda_items(request.user, session), pk=stage_id)
    sessions.move_agenda_item(stage, actor=actor_of(request), to=payload.to)
    return _session_out(request, session)


@router.post("/sessions/{pk}/publish", response={200: SessionDetailOut, **ERRORS})
def publish_agenda(request: HttpRequest, pk: int) -> Any:
    """Send the agenda to the states' delegations."""
    session = sessions.publish_agenda(
        selectors.session(pk), actor=actor_of(request), now=timezone.now()
    )
    return _session_out(request, session)
