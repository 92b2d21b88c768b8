import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import ConfigDict

from concord.core.actors import actor_of
from concord.core.api import ErrorOut, Pages, StrictIn
from concord.core.models import viewer_of

from . import selectors, services
from .models import Consultation, Session, Stage

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


class StageOut(Schema):
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
    stages: list[StageOut]
    current_result: str | None
    current_explanation_ru: str | None
    current_explanation_en: str | None


class PositionIn(StrictIn):
    stage: int = Field(..., description="the open stage")
    version: int | None = Field(..., description="the version the position was given on (its id)")
    stance: Literal["join", "join_opinion", "refrain", "object", "more_time"]
    statement: str = Field("", max_length=10_000)
    clauses: list[str] = Field(default_factory=list, max_length=500)
    amendments: list[int] = Field(default_factory=list, max_length=500)


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
    board = selectors.board(consultation, now=timezone.now())
    latest: dict[tuple[int, int], int] = {}
    for p in board.history:
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
                    for p in board.history
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


@router.post("/consultations/{pk}/positions", response={201: ConsultationDetailOut, **ERRORS})
def record_position(request: HttpRequest, pk: int, payload: PositionIn) -> Status[dict[str, Any]]:
    consultation = selectors.consultation(request.user, pk)
    stage = get_object_or_404(Stage, pk=payload.stage, consultation=consultation)
    services.record_position(
        stage,
        actor=actor_of(request),
        stance=payload.stance,
        version_id=payload.version,
        now=timezone.now(),
        statement=payload.statement,
        clauses=payload.clauses,
        amendments=payload.amendments,
    )
    return Status(201, _detail(consultation))


@router.get("/sessions", response=list[SessionOut])
@paginate(Pages, page_size=50)
def list_sessions(request: HttpRequest) -> Any:
    return selectors.sessions()


@router.get("/sessions/{pk}", response={200: SessionOut, 404: ErrorOut})
def get_session(request: HttpRequest, pk: int) -> Session:
    return selectors.session(pk)
