"""Reads for consultations, limited to what the user may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from concord.core.actors import Someone
from concord.documents import rules as text_rules
from concord.organization.models import Body, MemberState

from . import outcomes, rules
from .models import Consultation, Position, Route, RouteStep, Session, Signature, Stage
from .permissions import consultations_visible_to
from .states import ConsultationStatus, QuestionKind, StageOutcome, StageStatus


def consultations(user: Someone, *, status: str = "", kind: str = "") -> QuerySet[Consultation]:
    qs = consultations_visible_to(user).select_related("route", "initiator_state", "initiator_body")
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-created_at", "-pk")


def consultation(user: Someone, pk: int) -> Consultation:
    found = (
        consultations_visible_to(user)
        .select_related(
            "route", "document", "initiator_state", "initiator_body", "owner_state", "owner_body"
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


@dataclass
class Cell:
    stance: str = ""
    stale: bool = False  # given on an older text than the one before the stage
    statement: str = ""


@dataclass
class Board:
    consultation: Consultation
    steps: list[RouteStep]
    states: list[MemberState]
    stages: list[Stage]
    current: Stage | None  # the open stage, else the last one
    cells: dict[
        int, dict[int, Cell]
    ]  # step position -> state id -> the latest stage's position there
    history: Page[Position]  # a page of the positions of the stage shown
    outcome: rules.Outcome | None
    signatures: list[Signature]
    objected_clauses: dict[str, list[str]]  # uid -> states objecting to it at the current stage
    text: list[Any]  # units of the current stage's version, with labels
    working_days_left: int | None
    shown: Stage | None = None  # the stage whose positions are listed: the current one, or chosen
    counts: dict[int, int] = field(default_factory=dict)  # stage id -> positions recorded there


HISTORY_PAGE = 50


def board(
    consultation: Consultation,
    *,
    now: dt.datetime,
    stage_id: Any = None,
    page_number: Any = None,
) -> Board:
    """The question's board in a constant number of queries whatever the number of positions: the
    latest position of each state at each stage (all the board, the outcome and the objections
    need), the number of positions per stage, and one page of the positions of the stage shown."""
    steps = list(consultation.route.steps.select_related("body").order_by("position"))
    stages = list(consultation.stages.select_related("body", "version", "session").order_by("pk"))
    states = outcomes.members()
    by_stage = _by_stage(stages, latest_positions(stages))
    current = _current(stages)
    shown = next((s for s in stages if str(s.pk) == str(stage_id)), current)
    counts = dict(
        Position.objects.filter(stage__in=stages)
        .order_by()
        .values_list("stage_id")
        .annotate(n=Count("pk"))
    )
    history = Paginator(
        Position.objects.filter(stage=shown).select_related("state", "recorded_by").order_by("pk")
        if shown
        else Position.objects.none(),
        HISTORY_PAGE,
    ).get_page(page_number)
    outcome = outcomes.outcome(current, by_stage[current.pk], states, now) if current else None
    objected: dict[str, list[str]] = {}
    text: list[Any] = []
    if current is not None and current.version is not None:
        objected = _objected_clauses(by_stage[current.pk], current.version.fingerprint)
        text = _numbered_text(current.version.text, objected)
    working_days_left = _working_days_left(current, now)
    signatures = list(
        Signature.objects.filter(stage__in=stages)
        .select_related("state")
        .order_by("signed_on", "pk")
    )
    return Board(
        consultation=consultation,
        steps=steps,
        states=states,
        stages=stages,
        current=current,
        cells=_cells(stages, states, by_stage),
        history=history,
        outcome=outcome,
        signatures=signatures,
        objected_clauses=objected,
        text=text,
        working_days_left=working_days_left,
        shown=shown,
        counts=counts,
    )


def latest_positions(stages: list[Stage]) -> list[Position]:
    """Each state's last position at each stage (the only one that counts), in one query."""
    last = (
        Position.objects.filter(stage__in=stages)
        .order_by()
        .values("stage_id", "state_id")
        .annotate(last=Max("pk"))
        .values("last")
    )
    return list(
        Position.objects.filter(pk__in=Subquery(last))
        .select_related("state", "recorded_by")
        .order_by("pk")
    )


def positions(stages: list[Stage]) -> list[Position]:
    """Every position given at these stages, in the order they were recorded (for the API)."""
    return list(
        Position.objects.filter(stage__in=stages)
        .select_related("state", "recorded_by")
        .order_by("pk")
    )


def _by_stage(stages: list[Stage], positions: list[Position]) -> dict[int, list[Position]]:
    by_stage: dict[int, list[Position]] = {s.pk: [] for s in stages}
    for p in positions:
        by_stage[p.stage_id].append(p)
    return by_stage


def _latest_by_state(positions: list[Position]) -> dict[int, Position]:
    """Each state's last position: a state may change its position, and only the last one counts."""
    return {p.state_id: p for p in positions}


def _current(stages: list[Stage]) -> Stage | None:
    """The open stage, else the last one; None before the first stage."""
    return next((s for s in stages if s.status == StageStatus.OPEN), stages[-1] if stages else None)


def _cells(
    stages: list[Stage], states: list[MemberState], by_stage: dict[int, list[Position]]
) -> dict[int, dict[int, Cell]]:
    cells: dict[int, dict[int, Cell]] = {}
    for stage in stages:  # later stages at the same tier replace earlier ones
        fingerprint = stage.version.fingerprint if stage.version else ""
        latest = _latest_by_state(by_stage[stage.pk])
        cells[stage.position] = {
            state.pk: _cell(latest.get(state.pk), fingerprint) for state in states
        }
    return cells


def _cell(given: Position | None, fingerprint: str) -> Cell:
    if given is None:
        return Cell()
    return Cell(given.stance, given.fingerprint != fingerprint, given.statement)


def _objected_clauses(positions: list[Position], fingerprint: str) -> dict[str, list[str]]:
    """uid -> the states objecting to that clause of the text with this fingerprint. An objection
    given on an older text is left out: its clauses may have changed since."""
    objected: dict[str, list[str]] = {}
    for p in _latest_by_state(positions).values():
        if p.stance == rules.Stance.OBJECT and p.fingerprint == fingerprint:
            for uid in p.clauses:
                objected.setdefault(uid, []).append(p.state.iso2)
    return objected


def _numbered_text(units: list[text_rules.Unit], objected: dict[str, list[str]]) -> list[Any]:
    """The units, each with its number and the states objecting to it."""
    labels = text_rules.number_units(units)
    return [(u, labels[u.uid], objected.get(u.uid, [])) for u in units]


def _working_days_left(stage: Stage | None, now: dt.datetime) -> int | None:
    """Only an open stage with a deadline counts down; the holidays are read only for one."""
    if stage is None or not stage.deadline or stage.status != StageStatus.OPEN:
        return None
    return rules.working_days_left(now, stage.deadline, outcomes.holidays())


def inbox(user: Someone, state_id: int) -> QuerySet[Stage]:
    """Open stages awaiting this state's position (none yet, or one given on an older text),
    nearest deadline first: none for a state that is not awaited (`outcomes.is_awaited`), as the
    question's own page says."""
    state = MemberState.objects.filter(pk=state_id).first()
    if state is None or not outcomes.is_awaited(state):
        return Stage.objects.none()
    latest_fingerprint = Subquery(
        Position.objects.filter(stage=OuterRef("pk"), state_id=state_id)
        .order_by("-pk")
        .values("fingerprint")[:1]
    )
    return (
        Stage.objects.filter(
            status=StageStatus.OPEN, consultation__in=consultations_visible_to(user)
        )
        .annotate(mine=latest_fingerprint, current=Coalesce(F("version__fingerprint"), Value("")))
        .filter(Q(mine__isnull=True) | ~Q(mine=F("current")))
        .select_related("consultation", "body")
        .order_by(F("deadline").asc(nulls_last=True), "pk")
    )


def sessions(*, upcoming: bool | None = None, today: dt.date | None = None) -> QuerySet[Session]:
    qs = Session.objects.select_related("body").annotate(n_items=Count("items"))
    if upcoming is not None and today is not None:
        qs = qs.filter(date__gte=today) if upcoming else qs.filter(date__lt=today)
    return qs.order_by("-date", "pk")


def session(pk: int) -> Session:
    found = Session.objects.select_related("body", "minutes").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def agenda_items(user: Someone, session: Session) -> QuerySet[Stage]:
    """The items of a session the user may see (the others do not exist for them), in order."""
    return session.items.filter(consultation__in=consultations_visible_to(user)).order_by(
        "agenda_order", "pk"
    )


def agenda(user: Someone, session: Session) -> list[Stage]:
    return list(
        agenda_items(user, session)
        .select_related("consultation", "version")
        .prefetch_related("signatures__state")
    )


def emergencies(user: Someone) -> QuerySet[Consultation]:
    """Open emergency questions the user may see, the nearest decision clock first."""
    return (
        consultations_visible_to(user)
        .filter(emergency=True, status=ConsultationStatus.OPEN, decide_by__isnull=False)
        .order_by("decide_by", "pk")
    )


def listed(consultation: Consultation) -> bool:
    """A joint statement on the adopted annual list of its year."""
    return consultation.lists.filter(
        kind=QuestionKind.ANNUAL_LIST,
        status=ConsultationStatus.ADOPTED,
        planned_year=consultation.planned_year,
    ).exists()


def open_stages(user: Someone) -> QuerySet[Stage]:
    return Stage.objects.filter(
        status=StageStatus.OPEN, consultation__in=consultations_visible_to(user)
    )


def body(code: str) -> Body | None:
    return Body.objects.filter(code=code).first()


def states(codes: list[str]) -> list[MemberState]:
    return list(MemberState.objects.filter(iso2__in=[c.upper() for c in codes]))


# --- For other apps (reactions to domain events, run as the system) --------------------------------


@dataclass(frozen=True)
class Adoption:
    """What an adopted question's publication says: who adopted it, when, which states joined,
    refrained or stayed out, and the adopted text with its paragraph numbers."""

    consultation: Consultation
    body: Body
    on: dt.date
    outcome: rules.Outcome
    text: list[tuple[text_rules.Unit, text_rules.Label]]


def adoption(pk: int) -> Adoption | None:
    """For other apps reacting to an adoption (run as the system)."""
    consultation = (
        Consultation.objects.filter(pk=pk, status=ConsultationStatus.ADOPTED)
        .select_related("document__final_version")
        .first()
    )
    stage = (
        consultation.stages.filter(outcome=StageOutcome.ADOPTED).select_related("body", "version")
        if consultation
        else Stage.objects.none()
    ).last()
    if consultation is None or stage is None:
        return None
    closed = stage.closed_at or stage.opened_at
    result = outcomes.outcome(stage, stage.positions.all(), outcomes.members(), closed)
    units = stage.version.text if stage.version else []
    labels = text_rules.number_units(units)
    return Adoption(
        consultation, stage.body, closed.date(), result, [(u, labels[u.uid]) for u in units]
    )


def route(code: str) -> Route | None:
    return Route.objects.filter(code=code).first()


def routes() -> QuerySet[Route]:
    """The routes a question may take, for other apps' choices (a programme's route of changes)."""
    return Route.objects.order_by("code")


def dated(user: Someone, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """For the calendar: the sessions of the bodies and the deadlines of the procedures the user may
    see, from `start` to `end` (inclusive), as plain values. Two queries whatever the window."""
    from django.urls import reverse

    from concord.core.models import in_language, viewer_of

    if not viewer_of(user).is_authenticated:
        return []
    found: list[dict[str, Any]] = []
    for s in Session.objects.select_related("body").filter(date__range=(start, end)):
        found.append(
            {
                "kind": "session",
                "key": f"session-{s.pk}",
                "title_ru": s.body.name_ru,
                "title_en": s.body.name_en,
                "starts_on": s.date,
                "ends_on": s.date,
                "body": s.body.code,
                "states": [],
                "place": in_language(s.venue_ru, s.venue_en),
                "url": reverse("consultations:session-detail", args=[s.pk]),
            }
        )
    stages = (
        Stage.objects.filter(
            consultation__in=consultations_visible_to(user),
            deadline__date__range=(start, end),
        )
        .select_related("consultation", "body")
        .order_by("deadline")
    )
    for st in stages:
        assert st.deadline is not None
        day = st.deadline.date()
        found.append(
            {
                "kind": "deadline",
                "key": f"deadline-{st.pk}",
                "title_ru": st.consultation.title_ru,
                "title_en": st.consultation.title_en,
                "starts_on": day,
                "ends_on": day,
                "body": st.body.code,
                "states": [],
                "place": "",
                "url": reverse("consultations:consultation-detail", args=[st.consultation_id]),
            }
        )
    return found
