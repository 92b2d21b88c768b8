import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Body, Field, Router, Schema, Status
from ninja.pagination import paginate

from concord.core.actors import actor_of
from concord.core.api import ErrorOut, Pages, StrictIn
from concord.core.errors import Code as CoreCode
from concord.core.errors import DomainError, NotAllowed
from concord.organization.models import MemberState

from . import copies, permissions, selectors, services
from .codes import Code
from .models import Agreement, ProcedureStep, TreatyAction
from .rules import RuleError, run
from .standing import in_words
from .states import ActionType
from .wording import describe_rule

router = Router(tags=["agreements"])


class NeedOut(Schema):
    code: str = Field(
        ..., description="more | from_signatories | from_required | weight | no_consent"
    )
    count: int | None = None
    states: list[str] = []
    share: float | None = None
    target: float | None = None


class EntryIntoForceOut(Schema):
    in_force: bool
    entry_into_force: str | None
    states: dict[str, str | None]
    needs: list[NeedOut]
    of: str = Field(..., description="what the threshold counts: notification, instrument, consent")
    unbound: list[str]
    missing: str = Field(..., description="the needs in English, for the command line")
    explanation: str = Field(..., description="in English, for the command line")
    threshold_date: str | None
    provisional: dict[str, str | None]
    withdrawals: dict[str, str | None]


class AgreementOut(Schema):
    id: int
    kind: str
    title_ru: str
    title_en: str
    signed_on: dt.date | None
    place_ru: str
    place_en: str
    amends: int | None = Field(None, alias="amends_id")
    rule: dict[str, Any] | None = Field(..., description="null: the clause is not recorded")
    signatories: list[str] = Field(..., description="the signature block (ISO codes)")
    signatories_recorded: bool
    deposits_recorded: bool
    published_status: str = Field(..., description="'' (not known), in_force or not_in_force")
    known_in_force: dt.date | None = Field(..., description="the published date")
    published_source: str
    illustrative: bool
    computed_in_force: dt.date | None = Field(
        ..., description="the date the recorded actions give (stored when an action is recorded)"
    )

    @staticmethod
    def resolve_signatories(obj: Agreement) -> list[str]:
        return sorted(s.iso2 for s in obj.signatories.all())


class CodeOut(Schema):
    code: str
    text: str = Field(..., description="in the language of the request")


class FlagOut(CodeOut):
    states: list[str]
    dates: list[dt.date | None]


class StepOut(Schema):
    id: int
    name_ru: str
    name_en: str
    done_on: dt.date | None


class ParticipantOut(Schema):
    state: str
    signatory: bool
    signed_on: dt.date | None
    steps: list[StepOut]
    consent: str | None = Field(None, description="the type of the consent to be bound")
    consented_on: dt.date | None
    in_force_on: dt.date | None = Field(None, description="computed; null when not computed")
    withdrawal_on: dt.date | None
    statements: list[str] = Field(..., description="reservations and declarations, as made")


class StatusOut(Schema):
    """Recorded, computed and published facts apart (see docs/agreements.md)."""

    gaps: list[CodeOut] = Field(..., description="why nothing is computed, if so")
    computed: EntryIntoForceOut | None
    error: CodeOut | None
    explanation: str = Field(..., description="the computed status in words, request language")
    needs: list[str] = Field(..., description="what is still missing, request language")
    published_status: str
    known_in_force: dt.date | None
    published_source: str
    rule: str = Field(..., description="the clause as a sentence, request language")
    flags: list[FlagOut] = Field(..., description="consistency checks; for the depositary only")
    participants: list[ParticipantOut]


class PendingOut(Schema):
    agreement: int
    title_ru: str
    title_en: str
    known: bool = Field(..., description="false: the deposits are not recorded, so not known")
    steps: list[StepOut]


class TreatyActionIn(StrictIn):
    """A state's act as the depositary records it (the agreement page's form)."""

    state: str = Field(..., min_length=2, max_length=2, description="ISO alpha-2 code")
    type: ActionType
    date: dt.date
    step: int | None = Field(None, description="for `step`: the id of one of the state's steps")
    reservation: str = Field(
        "", max_length=10_000, description="the text of a reservation or declaration"
    )
    evidence: str = Field("", max_length=300, description="the note or instrument that proves it")
    corrects: int | None = Field(
        None, description="the id of the action of the same state it corrects (which stays)"
    )


class CorrectionIn(StrictIn):
    """What the corrected action should have been; the state is the corrected action's."""

    type: ActionType
    date: dt.date
    step: int | None = None
    reservation: str = Field("", max_length=10_000)
    evidence: str = Field("", max_length=300)


class TreatyActionOut(Schema):
    id: int
    state: str = Field(..., alias="state.iso2")
    type: str
    step: int | None = Field(None, alias="step_id")
    date: dt.date
    reservation: str
    evidence: str
    corrects: int | None = Field(None, alias="corrects_id")
    recorded_at: dt.datetime
    notice: int | None = Field(
        None,
        alias="notice_id",
        description="the depositary notification, a public document; none for internal steps",
    )
    notification_ru: str
    notification_en: str


@router.post(
    "/agreements/entry-into-force", response={200: EntryIntoForceOut, 400: ErrorOut, 422: ErrorOut}
)
def entry_into_force(request: HttpRequest, payload: Body[dict[str, Any]]) -> dict[str, Any]:
    """What-if questions to the entry-into-force engine: nothing is stored. The body is
    {"rule": {...}, "parties": [{"state", "weight"}], "signatories": [...],
    "actions": [{"state", "type", "date"}]}."""
    try:
        return run(payload, as_of=timezone.localdate()).as_json()
    except RuleError as error:
        raise DomainError(Code.INVALID_RULE, error.message, field=error.field) from error


@router.get("/agreements", response=list[AgreementOut])
@paginate(Pages, page_size=50)
def list_agreements(request: HttpRequest) -> Any:
    """The instruments in the order of their signature, a page at a time."""
    return (
        selectors.agreements(request.user)
        .prefetch_related("signatories")
        .defer("note_ru", "note_en", "computed")
        .order_by("signed_on", "pk")
    )


@router.get("/agreements/pending", response={200: list[PendingOut], 400: ErrorOut})
def pending(request: HttpRequest, state: str = "") -> list[dict[str, Any]]:
    """What a state still has to do: each instrument it signed without a recorded consent, with the
    steps of its internal procedure done and open. The state named, or a delegation's own."""
    followed = (
        selectors.state_named(state) if state else selectors.state_to_follow(request.user, "")
    )
    if followed is None:
        raise DomainError(Code.UNKNOWN_STATE, _("No member state has this code."), field="state")
    return [
        {
            "agreement": e.standing.agreement.pk,
            "title_ru": e.standing.agreement.title_ru,
            "title_en": e.standing.agreement.title_en,
            "known": e.known,
            "steps": _steps(e.row),
        }
        for e in selectors.pending(request.user, followed, today=timezone.localdate())
    ]


@router.get("/agreements/{pk}", response={200: AgreementOut, 404: ErrorOut})
def get_agreement(request: HttpRequest, pk: int) -> Any:
    return selectors.agreement(request.user, pk)


@router.get("/agreements/{pk}/status", response={200: StatusOut, 404: ErrorOut})
def agreement_status(request: HttpRequest, pk: int) -> dict[str, Any]:
    """Where the instrument stands: the published facts, the computed ones (or why nothing is
    computed), the consistency flags (for the depositary) and every participant's row."""
    agreement = selectors.agreement(request.user, pk)
    standing, rows, _actions = selectors.status_table(agreement, today=timezone.localdate())
    names = selectors.state_names()
    depositary = permissions.is_depositary(request.user)
    words = in_words(standing, names, checks=depositary)
    return {
        "gaps": [
            {"code": g, "text": text} for g, text in zip(standing.gaps, words["gaps"], strict=True)
        ],
        "computed": standing.result.as_json() if standing.result else None,
        "error": {"code": standing.error.code, "text": words["error"]} if standing.error else None,
        "explanation": words["explanation"],
        "needs": words["needs"],
        "published_status": agreement.published_status,
        "known_in_force": agreement.known_in_force,
        "published_source": agreement.published_source,
        "rule": describe_rule(agreement.rule, names),
        "flags": [
            {"code": f.code, "states": f.states, "dates": f.dates, "text": text}
            for f, text in zip(standing.flags, words["flags"], strict=True)
        ]
        if depositary
        else [],
        "participants": [_participant(r) for r in rows],
    }


def _steps(row: selectors.Row) -> list[dict[str, Any]]:
    return [
        {"id": s.pk, "name_ru": s.name_ru, "name_en": s.name_en, "done_on": done and done.date}
        for s, done in row.steps
    ]


def _participant(row: selectors.Row) -> dict[str, Any]:
    return {
        "state": row.state.iso2,
        "signatory": row.signatory,
        "signed_on": row.signature and row.signature.date,
        "steps": _steps(row),
        "consent": row.consent and row.consent.type,
        "consented_on": row.consent and row.consent.date,
        "in_force_on": row.in_force_on,
        "withdrawal_on": row.withdrawal and row.withdrawal.date,
        "statements": [a.reservation for a in row.statements],
    }


@router.get("/agreements/{pk}/actions", response={200: list[TreatyActionOut], 404: ErrorOut})
def list_actions(request: HttpRequest, pk: int) -> QuerySet[TreatyAction]:
    """Every recorded act on the agreement, corrected ones included, in the order of their dates."""
    return selectors.agreement(request.user, pk).actions.select_related("state")


@router.get("/agreements/{pk}/notices", response={200: list[TreatyActionOut], 404: ErrorOut})
def list_notices(request: HttpRequest, pk: int) -> QuerySet[TreatyAction]:
    """The depositary notifications: the treaty acts, each with its notice in both languages."""
    agreement = selectors.agreement(request.user, pk)
    return agreement.actions.exclude(notice=None).select_related("state")


def _depositary(request: HttpRequest) -> None:
    """As the page: refused before the input is read."""
    if not permissions.is_depositary(request.user):
        raise NotAllowed(
            CoreCode.NOT_ALLOWED, _("Only the Secretariat, as depositary, records treaty actions.")
        )


def _step(payload: TreatyActionIn | CorrectionIn) -> ProcedureStep | None:
    step = ProcedureStep.objects.filter(pk=payload.step).first() if payload.step else None
    if payload.step and step is None:
        raise DomainError(
            Code.BAD_STEP,
            _("An internal procedure step must be one of that state's steps."),
            field="step",
        )
    return step


def _corrected(agreement: Agreement, pk: int | None) -> TreatyAction | None:
    corrects = agreement.actions.filter(pk=pk).select_related("state").first() if pk else None
    if pk and corrects is None:
        raise DomainError(
            Code.BAD_CORRECTION,
            _("A correction replaces an action of the same state on this agreement."),
            field="corrects",
        )
    return corrects


@router.post(
    "/agreements/{pk}/actions",
    response={201: TreatyActionOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
)
def record_action(request: HttpRequest, pk: int, payload: TreatyActionIn) -> Status[TreatyAction]:
    """Record a state's act, with the checks of the page; a treaty act is notified to the parties.
    Refused on its field, with nothing saved, when the record or the engine finds it impossible."""
    agreement = selectors.agreement(request.user, pk)
    _depositary(request)
    state = MemberState.objects.filter(iso2=payload.state.upper()).first()
    if state is None:
        raise DomainError(Code.UNKNOWN_STATE, _("No member state has this code."), field="state")
    action = services.record_action(
        agreement,
        actor=actor_of(request),
        state=state,
        type=payload.type,
        date=payload.date,
        step=_step(payload),
        reservation=payload.reservation,
        evidence=payload.evidence,
        corrects=_corrected(agreement, payload.corrects),
    )
    return Status(201, action)


@router.post(
    "/agreements/{pk}/actions/{action_id}/correction",
    response={201: TreatyActionOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
)
def correct_action(
    request: HttpRequest, pk: int, action_id: int, payload: CorrectionIn
) -> Status[TreatyAction]:
    """Correct a recorded action: a new action of the same state replaces it; both stay on record."""
    agreement = selectors.agreement(request.user, pk)
    original = agreement.actions.filter(pk=action_id).select_related("state").first()
    if original is None:
        raise Http404
    _depositary(request)
    action = services.correct_action(
        original,
        actor=actor_of(request),
        type=payload.type,
        date=payload.date,
        step=_step(payload),
        reservation=payload.reservation,
        evidence=payload.evidence,
    )
    return Status(201, action)


@router.get("/agreements/{pk}/copies/{state}", response={200: bytes, 404: ErrorOut})
def certified_copy(request: HttpRequest, pk: int, state: str) -> HttpResponse:
    """The certified copy of the final text for one signatory (PDF): for the depositary and for
    that state's delegation."""
    agreement = selectors.agreement(request.user, pk)
    signatory = selectors.signatory(agreement, state)
    if signatory is None or not copies.may_take(request.user, signatory):
        raise Http404
    data, filename = copies.certified_copy(agreement, signatory)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
