from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Body, Router, Schema

from concord.core.errors import DomainError

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


@router.post("/agreements/entry-into-force", response={200: EntryIntoForceOut, 400: Any, 422: Any})
def entry_into_force(request: HttpRequest, payload: Body[dict[str, Any]]) -> dict[str, Any]:
    """What-if questions to the entry-into-force engine: nothing is stored. The body is
    {"rule": {...}, "parties": [{"state", "weight"}], "actions": [{"state", "type", "date"}]}."""
    try:
        return run(payload, as_of=timezone.localdate()).as_json()
    except RuleError as error:
        raise DomainError("invalid_rule", error.message, field=error.field) from error
