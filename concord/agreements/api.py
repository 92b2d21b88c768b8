import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Body, Field, Router, Schema

from concord.core.api import ErrorOut
from concord.core.errors import DomainError

from . import selectors
from .codes import Code
from .rules import RuleError, run

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
