import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Body, Field, Router, Schema, Status

from concord.core.actors import actor_of
from concord.core.api import ErrorOut, StrictIn
from concord.core.errors import Code as CoreCode
from concord.core.errors import DomainError, NotAllowed
from concord.organization.models import MemberState

from . import permissions, selectors, services
from .codes import Code
from .models import Agreement, ProcedureStep, TreatyAction
from .rules import RuleError, run
from .states import ActionType

router = Router(tags=["agreements"])


class EntryIntoForceOut(Schema):
    in_force: bool
    entry_into_force: str | None
    states: dict[str, str | None]
    missing: str
    explanation: str
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
    known_in_force: dt.date | None
    rule: dict[str, Any]


class TreatyActionIn(StrictIn):
    """A state's act as the depositary records it (the agreement page's form)."""

    state: str = Field(..., min_length=2, max_length=2, description="ISO alpha-2 code")
    type: ActionType
    date: dt.date
    step: int | None = Field(None, description="for `step`: the id of one of the state's steps")
    reservation: str = Field("", max_length=10_000, description="reservation or statement")
    evidence: str = Field("", max_length=300, description="the note or instrument that proves it")
    corrects: int | None = Field(
        None, description="the id of the action of the same state it corrects (which stays)"
    )


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
        None, alias="notice_id", description="the depositary notification, a public document"
    )
    notification_ru: str
    notification_en: str


@router.post(
    "/agreements/entry-into-force", response={200: EntryIntoForceOut, 400: ErrorOut, 422: ErrorOut}
)
def entry_into_force(request: HttpRequest, payload: Body[dict[str, Any]]) -> dict[str, Any]:
    """What-if questions to the entry-into-force engine: nothing is stored. The body is
    {"rule": {...}, "parties": [{"state", "weight"}], "actions": [{"state", "type", "date"}]}."""
    try:
        return run(payload, as_of=timezone.localdate()).as_json()
    except RuleError as error:
        raise DomainError(Code.INVALID_RULE, error.message, field=error.field) from error


@router.get("/agreements", response=list[AgreementOut])
def list_agreements(request: HttpRequest) -> Any:
    return selectors.agreements(request.user).order_by("signed_on", "pk")


@router.get("/agreements/{pk}", response={200: AgreementOut, 404: ErrorOut})
def get_agreement(request: HttpRequest, pk: int) -> Any:
    return selectors.agreement(request.user, pk)


@router.get("/agreements/{pk}/status", response={200: EntryIntoForceOut, 404: ErrorOut})
def agreement_status(request: HttpRequest, pk: int) -> dict[str, Any]:
    agreement = selectors.agreement(request.user, pk)
    status, _rows, _steps, _actions = selectors.status_table(agreement, today=timezone.localdate())
    if status.result is None:
        return {
            "in_force": False,
            "entry_into_force": None,
            "states": {},
            "missing": status.still_needs,
            "explanation": status.still_needs,
            "threshold_date": None,
            "provisional": {},
            "withdrawals": {},
        }
    return status.result.as_json()


@router.get("/agreements/{pk}/actions", response={200: list[TreatyActionOut], 404: ErrorOut})
def list_actions(request: HttpRequest, pk: int) -> QuerySet[TreatyAction]:
    """Every recorded act on the agreement, corrected ones included, in the order of their dates."""
    return selectors.agreement(request.user, pk).actions.select_related("state")


def _loaded(agreement: Agreement, payload: TreatyActionIn) -> dict[str, Any]:
    """The state, step and corrected action the request names, each refused on its field if unknown."""
    state = MemberState.objects.filter(iso2=payload.state.upper()).first()
    if state is None:
        raise DomainError(Code.UNKNOWN_STATE, _("No member state has this code."), field="state")
    step = ProcedureStep.objects.filter(pk=payload.step).first() if payload.step else None
    if payload.step and step is None:
        raise DomainError(
            Code.BAD_STEP,
            _("An internal procedure step must be one of that state's steps."),
            field="step",
        )
    corrects = agreement.actions.filter(pk=payload.corrects).first() if payload.corrects else None
    if payload.corrects and corrects is None:
        raise DomainError(
            Code.BAD_CORRECTION,
            _("A correction replaces an action of the same state on this agreement."),
            field="corrects",
        )
    return {"state": state, "step": step, "corrects": corrects}


@router.post(
    "/agreements/{pk}/actions",
    response={201: TreatyActionOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
)
def record_action(request: HttpRequest, pk: int, payload: TreatyActionIn) -> Status[TreatyAction]:
    """Record a state's act; the parties are notified. Refused, with nothing saved, when the engine
    finds it impossible (an instrument without signature, a withdrawal before entry into force)."""
    agreement = selectors.agreement(request.user, pk)
    if not permissions.is_depositary(request.user):  # as the page: before the input is read
        raise NotAllowed(
            CoreCode.NOT_ALLOWED, _("Only the Secretariat, as depositary, records treaty actions.")
        )
    action = services.record_action(
        agreement,
        actor=actor_of(request),
        type=payload.type,
        date=payload.date,
        reservation=payload.reservation,
        evidence=payload.evidence,
        **_loaded(agreement, payload),
    )
    return Status(201, action)
