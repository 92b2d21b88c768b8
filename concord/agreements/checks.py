"""What the depositary may not record: each refusal names its field and says why in the user's
language, and nothing is saved. The engine's own refusals come after these (see services)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from concord.core.errors import DomainError

from .codes import Code
from .models import Agreement, TreatyAction
from .standing import Standing
from .states import CONSENTS, ActionType


def check_shape(agreement: Agreement, action: TreatyAction) -> None:
    """The action on its own: a known type, the state's own step, a correction of a live action."""
    if action.type not in ActionType.values:
        raise DomainError(Code.UNKNOWN_ACTION, _("Unknown kind of action."), field="type")
    step = action.step
    if (action.type == ActionType.STEP) != (step is not None) or (
        step is not None and step.state_id != action.state_id
    ):
        raise DomainError(
            Code.BAD_STEP,
            _("An internal procedure step must be one of that state's steps."),
            field="step",
        )
    corrects = action.corrects
    if corrects is not None and (
        corrects.agreement_id != agreement.pk or corrects.state_id != action.state_id
    ):
        raise DomainError(
            Code.BAD_CORRECTION,
            _("A correction replaces an action of the same state on this agreement."),
            field="corrects",
        )
    if action.type == ActionType.DECLARATION and not action.reservation.strip():
        raise DomainError(
            Code.TEXT_REQUIRED,
            _("Give the text of the reservation or declaration."),
            field="reservation",
        )


def check_dates(
    agreement: Agreement, action: TreatyAction, signed: dt.date | None, *, today: dt.date
) -> None:
    """Not in the future, not before the instrument was signed, not before the state signed it."""
    if action.date > today:
        raise DomainError(Code.FUTURE_DATE, _("The date is in the future."), field="date")
    if agreement.signed_on and action.date < agreement.signed_on:
        raise DomainError(
            Code.BEFORE_SIGNATURE,
            _("The date is before the instrument was signed."),
            field="date",
        )
    later_acts = action.type not in (ActionType.SIGNATURE, ActionType.ACCESSION)
    if later_acts and signed and action.date < signed:
        raise DomainError(
            Code.BEFORE_SIGNATURE,
            _("The date is before this state's signature."),
            field="date",
        )


def check_against_record(
    action: TreatyAction, standing: Standing, live: list[TreatyAction], *, requires_signature: bool
) -> None:
    """What the state already did: one signature, one consent, consent only after signature where
    the rule requires it, withdrawal only once bound."""
    mine = [a for a in live if a.state_id == action.state_id and a.pk != action.corrects_id]
    _check_once(action, mine)
    iso2 = action.state.iso2
    consents_by_signature = action.type in CONSENTS and action.type != ActionType.ACCESSION
    if consents_by_signature and requires_signature and iso2 not in standing.signatories:
        raise DomainError(
            Code.NOT_SIGNATORY,
            _("This state did not sign the instrument, so it can only accede to it."),
            field="state",
        )
    if action.type == ActionType.WITHDRAWAL and not _bound_by(standing, iso2, action.date):
        raise DomainError(
            Code.NOT_BOUND,
            _("A state can withdraw only from an instrument in force for it."),
            field="type",
        )


def _check_once(action: TreatyAction, mine: list[TreatyAction]) -> None:
    """A state signs once and consents once; a mistake is corrected, not repeated."""
    if action.type == ActionType.SIGNATURE and any(a.type == action.type for a in mine):
        raise DomainError(
            Code.ALREADY_DONE, _("This state's signature is already recorded."), field="type"
        )
    if action.type in CONSENTS and any(a.type in CONSENTS for a in mine):
        raise DomainError(
            Code.ALREADY_DONE,
            _("This state's consent to be bound is already recorded; correct it instead."),
            field="type",
        )


def _bound_by(standing: Standing, iso2: str, on: dt.date) -> bool:
    """Bound on `on` by the computed record, or, where nothing is computed, by the published date."""
    if standing.result is not None:
        bound = standing.bound(iso2)
        return bound is not None and bound <= on
    published = standing.agreement.known_in_force
    return iso2 in standing.consented and published is not None and published <= on
