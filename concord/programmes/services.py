"""Every write to target programmes: their structure, adoption, contracts, deliveries and changes.

Budgets are in `budgets.py`, action plans and priorities in `plans.py`; a change adopted by its
consultation is recorded in `changes.py` when the event arrives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from concord.audit.services import record
from concord.consultations import selectors as consultations
from concord.consultations import services as consultation_services
from concord.consultations.states import QuestionKind
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import DomainError
from concord.core.models import viewer_of
from concord.organization.models import MemberState

from . import permissions, rules
from .checks import adoption_of, check_shares, currency, positive
from .codes import Code, Verb
from .models import (
    Activity,
    Contract,
    Delivery,
    Funding,
    NationalCustomer,
    Programme,
    ProgrammeChange,
    ProgrammeStage,
)
from .states import PROGRAMME_FLOW, ChangeStatus, ProgrammeStatus

KEEPS = _("Only the Secretariat keeps the structure of a programme.")
EXECUTES = _(
    "Only a delegation of the customer-coordinator, in a role that commits it, or the Secretariat "
    "records contracts and deliveries."
)


def _check_editable(programme: Programme, change: ProgrammeChange | None) -> None:
    """An adopted programme changes only under a change its consultation adopted."""
    if programme.status != ProgrammeStatus.ADOPTED:
        return
    if (
        change is None
        or change.programme_id != programme.pk
        or change.status != ChangeStatus.ADOPTED
    ):
        raise DomainError(
            Code.CHANGE_REQUIRED,
            _("The programme is adopted: it changes only under a change the bodies adopted."),
            field="change",
        )


@transaction.atomic
def create_programme(
    *,
    actor: Actor,
    code: str,
    name_ru: str,
    name_en: str,
    coordinator: MemberState,
    currency_code: str,
    starts_on: dt.date,
    ends_on: dt.date,
    change_route: str = "",
    history_ru: str = "",
    history_en: str = "",
    source: str = "",
    demo: bool = False,
) -> Programme:
    require(permissions.can_keep_programme(actor), KEEPS)
    if ends_on < starts_on:
        raise DomainError(
            Code.BAD_DATES, _("The programme ends before it starts."), field="ends_on"
        )
    if Programme.objects.filter(code=code).exists():
        raise DomainError(Code.DUPLICATE, _("A programme has this code already."), field="code")
    route = consultations.route(change_route) if change_route else None
    viewer = viewer_of(actor)
    programme = Programme.objects.create(
        code=code,
        name_ru=name_ru,
        name_en=name_en,
        coordinator=coordinator,
        currency=currency(currency_code),
        starts_on=starts_on,
        ends_on=ends_on,
        change_route=route,
        history_ru=history_ru,
        history_en=history_en,
        source=source,
        demo=demo,
        owner_state_id=viewer.state_id,
        owner_body_id=viewer.body_id,
    )
    record(Verb.CREATE_PROGRAMME, actor=actor, target=programme, summary=name_en or name_ru)
    return programme


@transaction.atomic
def add_customer(
    programme: Programme,
    *,
    actor: Actor,
    state: MemberState,
    agency_ru: str,
    agency_en: str = "",
    demo: bool = False,
) -> NationalCustomer:
    require(permissions.can_keep_programme(actor), KEEPS)
    if programme.customers.filter(state=state).exists():
        raise DomainError(
            Code.DUPLICATE, _("This state has its national customer already."), field="state"
        )
    customer = NationalCustomer.objects.create(
        programme=programme, state=state, agency_ru=agency_ru, agency_en=agency_en, demo=demo
    )
    record(Verb.ADD_CUSTOMER, actor=actor, target=programme, summary=f"{state.iso2}: {agency_ru}")
    return customer


@transaction.atomic
def add_stage(
    programme: Programme,
    *,
    actor: Actor,
    number: int,
    name_ru: str,
    name_en: str,
    first_year: int,
    last_year: int,
    change: ProgrammeChange | None = None,
) -> ProgrammeStage:
    require(permissions.can_keep_programme(actor), KEEPS)
    programme = lock(programme)
    _check_editable(programme, change)
    if not rules.stage_within(first_year, last_year, programme.starts_on, programme.ends_on):
        raise DomainError(
            Code.BAD_YEARS,
            _("A stage's years run forward within the programme's (%(first)s–%(last)s).")
            % {"first": programme.starts_on.year, "last": programme.ends_on.year},
            field="last_year" if first_year >= programme.starts_on.year else "first_year",
        )
    if programme.stages.filter(number=number).exists():
        raise DomainError(
            Code.DUPLICATE, _("The programme has a stage of this number."), field="number"
        )
    stage = ProgrammeStage.objects.create(
        programme=programme,
        number=number,
        name_ru=name_ru,
        name_en=name_en,
        first_year=first_year,
        last_year=last_year,
    )
    record(Verb.ADD_STAGE, actor=actor, target=programme, summary=f"{number}: {stage.years}")
    return stage


@transaction.atomic
def add_activity(
    programme: Programme,
    *,
    actor: Actor,
    stage: ProgrammeStage,
    kind: str,
    name_ru: str,
    name_en: str,
    recipient_ru: str,
    recipient_en: str = "",
    planned: int,
    unit_ru: str = "ед.",
    unit_en: str = "units",
    change: ProgrammeChange | None = None,
    demo: bool = False,
) -> Activity:
    require(permissions.can_keep_programme(actor), KEEPS)
    programme = lock(programme)
    _check_editable(programme, change)
    if stage.programme_id != programme.pk:
        raise DomainError(Code.OTHER_STAGE, _("The stage is of another programme."), field="stage")
    positive(planned, "planned")
    activity = Activity.objects.create(
        programme=programme,
        stage=stage,
        kind=kind,
        name_ru=name_ru,
        name_en=name_en,
        recipient_ru=recipient_ru,
        recipient_en=recipient_en,
        planned=planned,
        unit_ru=unit_ru,
        unit_en=unit_en,
        change=change,
        demo=demo,
    )
    record(Verb.ADD_ACTIVITY, actor=actor, target=activity, summary=name_en or name_ru)
    return activity


@dataclass(frozen=True)
class FundingRow:
    state: MemberState
    share: Decimal  # per cent of the stage's funding
    amount: Decimal  # in the programme's currency


@transaction.atomic
def set_funding(
    programme: Programme,
    stage: ProgrammeStage,
    *,
    actor: Actor,
    rows: Sequence[FundingRow],
    change: ProgrammeChange | None = None,
    demo: bool = False,
    version: int | None = None,
) -> list[Funding]:
    """The stage's funding, every state's share and amount at once (the shares add up to 100).

    `version` is the programme's edit counter the funding was drawn from (409 if it changed since);
    the counter goes up, so a second writer on the same one is refused."""
    require(permissions.can_keep_programme(actor), KEEPS)
    programme = lock(programme, version=version)
    _check_editable(programme, change)
    if stage.programme_id != programme.pk:
        raise DomainError(Code.OTHER_STAGE, _("The stage is of another programme."), field="stage")
    check_shares([r.share for r in rows], [r.state for r in rows])
    if any(r.amount < 0 or not rules.whole_cents(r.amount) for r in rows):
        raise DomainError(Code.BAD_AMOUNT, _("Amounts are not negative."), field="shares")
    programme.version += 1
    programme.save(update_fields=["version"])
    stage.funding.all().delete()
    funding = Funding.objects.bulk_create(
        Funding(
            programme=programme,
            stage=stage,
            state=r.state,
            share=r.share,
            amount=r.amount,
            demo=demo,
        )
        for r in rows
    )
    record(
        Verb.SET_FUNDING,
        actor=actor,
        target=programme,
        summary=f"stage {stage.number}",
        changes={r.state.iso2: [str(r.share), str(r.amount)] for r in rows},
    )
    return funding


@transaction.atomic
def adopt_programme(
    programme: Programme, *, actor: Actor, decision_id: int, version: int | None = None
) -> Programme:
    """Record the programme adopted by a decision the consultations module adopted."""
    require(permissions.can_keep_programme(actor), KEEPS)
    adoption = adoption_of(decision_id)
    return transition(
        programme,
        ProgrammeStatus.ADOPTED,
        flow=PROGRAMME_FLOW,
        actor=actor,
        verb=Verb.ADOPT_PROGRAMME,
        version=version,
        decision_id=adoption.consultation.pk,
        adopted_on=adoption.on,
    )


def _check_adopted(programme: Programme) -> None:
    if programme.status != ProgrammeStatus.ADOPTED:
        raise DomainError(
            Code.NOT_ADOPTED, _("The programme is not adopted yet: nothing is carried out.")
        )


@transaction.atomic
def record_contract(
    activity: Activity,
    *,
    actor: Actor,
    number: str,
    supplier: str,
    signed_on: dt.date,
    amount: Decimal,
    currency_code: str,
    document: str = "",
    demo: bool = False,
) -> Contract:
    programme = activity.programme
    require(permissions.can_execute(actor, programme), EXECUTES)
    _check_adopted(programme)
    positive(amount, "amount")
    contract = Contract.objects.create(
        programme=programme,
        activity=activity,
        number=number,
        supplier=supplier,
        signed_on=signed_on,
        amount=amount,
        currency=currency(currency_code),
        document=document,
        demo=demo,
    )
    record(Verb.RECORD_CONTRACT, actor=actor, target=activity, summary=f"{number} {amount}")
    return contract


def _check_delivery(
    programme: Programme,
    stage: ProgrammeStage,
    activity: Activity,
    delivered_on: dt.date,
    contract: Contract | None,
) -> None:
    if stage.programme_id != programme.pk or activity.programme_id != programme.pk:
        raise DomainError(
            Code.OTHER_STAGE, _("The activity is of another programme."), field="activity"
        )
    if activity.stage_id != stage.pk:
        raise DomainError(
            Code.OTHER_STAGE,
            _("The activity belongs to stage %(number)s, not to stage %(stage)s.")
            % {"number": activity.stage.number, "stage": stage.number},
            field="activity",
        )
    if not rules.within_years(delivered_on, stage.first_year, stage.last_year):
        raise DomainError(
            Code.OUTSIDE_STAGE,
            _("Stage %(stage)s runs in %(years)s: the delivery is dated outside it.")
            % {"stage": stage.number, "years": stage.years},
            field="delivered_on",
        )
    if contract is not None and contract.activity_id != activity.pk:
        raise DomainError(
            Code.OTHER_STAGE, _("The contract is for another activity."), field="contract"
        )


@transaction.atomic
def record_delivery(
    programme: Programme,
    *,
    actor: Actor,
    stage: ProgrammeStage,
    activity: Activity,
    delivered_on: dt.date,
    quantity: int,
    document: str,
    destination: str = "",
    contract: Contract | None = None,
    demo: bool = False,
) -> Delivery:
    """A delivery (or works handed over) under an activity of the stage, with its document."""
    require(permissions.can_execute(actor, programme), EXECUTES)
    _check_adopted(programme)
    _check_delivery(programme, stage, activity, delivered_on, contract)
    positive(quantity, "quantity")
    if not document.strip():
        raise DomainError(
            Code.BAD_AMOUNT, _("Name the document the delivery is recorded by."), field="document"
        )
    delivery = Delivery.objects.create(
        programme=programme,
        stage=stage,
        activity=activity,
        contract=contract,
        delivered_on=delivered_on,
        quantity=quantity,
        destination=destination,
        document=document,
        recorded_by=user_of(actor),
        demo=demo,
    )
    record(
        Verb.RECORD_DELIVERY,
        actor=actor,
        target=activity,
        summary=f"{delivered_on} {quantity} {document}",
    )
    return delivery


@transaction.atomic
def propose_change(
    programme: Programme, *, actor: Actor, summary_ru: str, summary_en: str = "", now: dt.datetime
) -> ProgrammeChange:
    """Put a change to an adopted programme before the bodies: a consultation on the programme's
    route for changes; its adoption lets the Secretariat change the programme (`changes.py`)."""
    require(
        permissions.can_propose_change(actor),
        _("Only the Secretariat or a state's representative proposes a change."),
    )
    _check_adopted(programme)
    if programme.change_route is None:
        raise DomainError(Code.NO_ROUTE, _("The programme names no route for its changes."))
    if not summary_ru.strip():
        raise DomainError(Code.BAD_AMOUNT, _("Say what changes."), field="summary_ru")
    consultation = consultation_services.open_consultation(
        actor=actor,
        title_ru=f"Об изменениях в программе «{programme.name_ru}»",
        title_en=f"On changes to the {programme.name_en}" if programme.name_en else "",
        kind=QuestionKind.DRAFT_DECISION,
        route=programme.change_route,
        now=now,
    )
    change = ProgrammeChange.objects.create(
        programme=programme,
        consultation=consultation,
        summary_ru=summary_ru,
        summary_en=summary_en,
        proposed_by=user_of(actor),
        proposed_at=now,
    )
    record(Verb.PROPOSE_CHANGE, actor=actor, target=programme, summary=summary_en or summary_ru)
    return change
