"""Force generation and the deployment on the ground: the states' offers, their acceptance, the
command, arrivals (the first deploys the forces), protected sites, the log and the withdrawal (the last
contingent out ends it). Checked as every step is (deployment_steps)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from concord.audit.services import record
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import Conflict, DomainError
from concord.organization.models import MemberState
from concord.organization.states import Membership

from . import permissions
from .codes import Code, Verb
from .deployment_rules import Earlier, takes_part
from .deployment_steps import (
    AFTER_DECISION,
    RUN_ONLY,
    dated,
    decision_step,
    now_or,
    out_of_order,
    request_step,
    required,
)
from .models import Contingent, Deployment, LogEntry, ProtectedSite, Unit
from .states import DEPLOYMENT_FLOW, DeploymentStatus, LogKind

# --- Force generation ------------------------------------------------------------------------------


def _check_takes_part(deployment: Deployment, state: MemberState, on: dt.date) -> None:
    member = takes_part(
        is_member=state.membership == Membership.MEMBER,
        frozen=state.is_frozen,
        frozen_since=state.participation_since,
        on=on,
    )
    in_formation = (
        deployment.formation is None or deployment.formation.states.filter(pk=state.pk).exists()
    )
    if not (member and in_formation):
        raise DomainError(
            Code.NOT_PARTICIPATING,
            _("%(state)s did not take part in the collective forces then.") % {"state": state},
            field="state",
        )


@transaction.atomic
def offer_contingent(
    deployment: Deployment,
    state: MemberState,
    *,
    actor: Actor,
    offered: int,
    offered_at: dt.datetime,
    unit: Unit | None = None,
    demo: bool = False,
    source: str = "",
    now: dt.datetime | None = None,
) -> Contingent:
    """A state's offer of a contingent, once the forces are decided."""
    require(
        permissions.can_offer(actor, state),
        _("Only who speaks for the state offers its contingent."),
    )
    deployment = lock(deployment)
    if deployment.status not in AFTER_DECISION - {DeploymentStatus.COMPLETING}:
        raise out_of_order(_("Contingents are offered once the forces are decided."), "offered_at")
    dated(offered_at, field="offered_at", now=now_or(now), earlier=[decision_step(deployment)])
    _check_takes_part(deployment, state, offered_at.date())
    if offered < 1:
        raise DomainError(Code.BAD_NUMBER, _("Offer at least one person."), field="offered")
    if unit is not None and unit.state_id != state.pk:
        raise DomainError(Code.NOT_IN_DEPLOYMENT, _("The unit is another state's."), field="unit")
    if deployment.contingents.filter(state=state).exists():
        raise Conflict(
            Code.ALREADY_OFFERED, _("This state has already offered its contingent."), field="state"
        )
    contingent = Contingent.objects.create(
        deployment=deployment,
        state=state,
        unit=unit,
        offered=offered,
        offered_at=offered_at,
        demo=demo,
        source=source,
    )
    record(
        Verb.OFFER_CONTINGENT,
        actor=actor,
        target=contingent,
        summary=f"{deployment.title_en}: {state.iso2} {offered}",
    )
    return contingent


def _locked_contingent(
    contingent: Contingent, version: int | None
) -> tuple[Contingent, Deployment]:
    deployment = lock(contingent.deployment)
    return lock(contingent, version=version), deployment


def _save_contingent(
    contingent: Contingent, *, actor: Actor, verb: Verb, summary: str, **fields: object
) -> None:
    for name, value in fields.items():
        setattr(contingent, name, value)
    contingent.version += 1
    contingent.save(update_fields=[*fields, "version"])
    changes = {name: str(value) for name, value in fields.items()}
    record(verb, actor=actor, target=contingent, summary=summary, changes=changes)


@transaction.atomic
def accept_contingent(
    contingent: Contingent,
    *,
    actor: Actor,
    accepted_at: dt.datetime,
    strength: int,
    equipment: int | None = None,
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Contingent:
    """The Joint Staff accepts an offer into the force, with the strength and equipment sent."""
    require(permissions.can_run_deployment(actor), RUN_ONLY)
    contingent, deployment = _locked_contingent(contingent, version)
    if contingent.accepted_at is not None or deployment.status not in AFTER_DECISION:
        raise out_of_order(_("This offer is no longer open to acceptance."), "accepted_at")
    offer = Earlier(contingent.offered_at, _("the offer"))
    dated(
        accepted_at,
        field="accepted_at",
        now=now_or(now),
        earlier=[decision_step(deployment), offer],
    )
    if strength < 1:
        raise DomainError(
            Code.BAD_NUMBER, _("A contingent has at least one person."), field="strength"
        )
    _save_contingent(
        contingent,
        actor=actor,
        verb=Verb.ACCEPT_CONTINGENT,
        summary=f"{contingent.state.iso2} {strength}",
        accepted_at=accepted_at,
        strength=strength,
        equipment=equipment,
    )
    return contingent


@transaction.atomic
def set_command(
    deployment: Deployment,
    *,
    actor: Actor,
    lead_state: MemberState,
    commander_ru: str = "",
    commander_en: str = "",
    version: int | None = None,
) -> Deployment:
    """The lead state (one that sends a contingent) and the commander of the force, named in Russian
    and, where given, in English."""
    require(permissions.can_run_deployment(actor), RUN_ONLY)
    deployment = lock(deployment, version=version)
    if deployment.status not in AFTER_DECISION:
        raise out_of_order(_("The command is set once the forces are decided."), "lead_state")
    if not deployment.contingents.filter(state=lead_state).exists():
        raise DomainError(
            Code.NOT_IN_DEPLOYMENT,
            _("The lead state is one that offered a contingent."),
            field="lead_state",
        )
    deployment.lead_state = lead_state
    deployment.commander_ru = commander_ru.strip()
    deployment.commander_en = commander_en.strip()
    deployment.version += 1
    deployment.save(update_fields=["lead_state", "commander_ru", "commander_en", "version"])
    record(
        Verb.SET_COMMAND,
        actor=actor,
        target=deployment,
        summary=f"{lead_state.iso2}; {deployment.commander_ru}",
    )
    return deployment


# --- On the ground ---------------------------------------------------------------------------------


@transaction.atomic
def record_arrival(
    contingent: Contingent,
    *,
    actor: Actor,
    arrived_at: dt.datetime,
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Contingent:
    """A contingent arrived; the first arrival deploys the forces."""
    require(permissions.can_run_deployment(actor), RUN_ONLY)
    contingent, deployment = _locked_contingent(contingent, version)
    if contingent.accepted_at is None:
        raise out_of_order(_("A contingent arrives once its offer is accepted."), "arrived_at")
    if contingent.arrived_at is not None or deployment.status not in AFTER_DECISION:
        raise out_of_order(_("This contingent's arrival cannot be recorded now."), "arrived_at")
    acceptance = Earlier(contingent.accepted_at, _("the acceptance"))
    dated(
        arrived_at,
        field="arrived_at",
        now=now_or(now),
        earlier=[decision_step(deployment), acceptance],
    )
    _save_contingent(
        contingent,
        actor=actor,
        verb=Verb.ARRIVE_CONTINGENT,
        summary=f"{contingent.state.iso2} {arrived_at:%Y-%m-%d %H:%M}",
        arrived_at=arrived_at,
    )
    if deployment.status == DeploymentStatus.DECIDED:
        transition(
            deployment,
            DeploymentStatus.DEPLOYED,
            flow=DEPLOYMENT_FLOW,
            actor=actor,
            verb=Verb.DEPLOY,
            summary=f"{contingent.state.iso2} {arrived_at:%Y-%m-%d %H:%M}",
            deployed_at=arrived_at,
        )
    elif deployment.deployed_at is None or arrived_at < deployment.deployed_at:
        deployment.deployed_at = arrived_at
        deployment.save(update_fields=["deployed_at"])
    return contingent


def _check_place(latitude: float | None, longitude: float | None) -> None:
    if (latitude is None) != (longitude is None):
        raise DomainError(Code.BAD_PLACE, _("Give both coordinates or neither."), field="latitude")
    if latitude is not None and not -90 <= latitude <= 90:
        raise DomainError(Code.BAD_PLACE, _("A latitude is between -90 and 90."), field="latitude")
    if longitude is not None and not -180 <= longitude <= 180:
        raise DomainError(
            Code.BAD_PLACE, _("A longitude is between -180 and 180."), field="longitude"
        )


@transaction.atomic
def protect_site(
    deployment: Deployment,
    *,
    actor: Actor,
    name_ru: str,
    name_en: str,
    since: dt.datetime,
    contingent: Contingent | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    demo: bool = False,
    now: dt.datetime | None = None,
) -> ProtectedSite:
    """A site taken under the force's protection, by a contingent that has arrived."""
    require(permissions.can_run_deployment(actor), RUN_ONLY)
    deployment = lock(deployment)
    if deployment.status != DeploymentStatus.DEPLOYED:
        raise out_of_order(
            _("Sites are taken under protection once the forces are deployed."), "since"
        )
    if contingent is not None and (
        contingent.deployment_id != deployment.pk or contingent.arrived_at is None
    ):
        raise DomainError(
            Code.NOT_IN_DEPLOYMENT,
            _("Choose a contingent of this force that has arrived."),
            field="contingent",
        )
    arrival = Earlier(
        contingent.arrived_at if contingent else deployment.deployed_at, _("the arrival")
    )
    dated(since, field="since", now=now_or(now), earlier=[arrival])
    required(name_ru or name_en, "name_ru", _("Name the site."))
    _check_place(latitude, longitude)
    site = ProtectedSite.objects.create(
        deployment=deployment,
        name_ru=name_ru.strip() or name_en.strip(),
        name_en=name_en.strip() or name_ru.strip(),
        contingent=contingent,
        latitude=latitude,
        longitude=longitude,
        since=since,
        demo=demo,
    )
    record(
        Verb.SAVE_SITE, actor=actor, target=site, summary=f"{deployment.title_en}: {site.name_en}"
    )
    return site


@transaction.atomic
def log_entry(
    deployment: Deployment,
    *,
    actor: Actor,
    kind: str,
    at: dt.datetime,
    text_ru: str,
    text_en: str,
    state: MemberState | None = None,
    source: str = "",
    demo: bool = False,
    now: dt.datetime | None = None,
) -> LogEntry:
    """An entry of the deployment log: an incident, a session, a note."""
    require(permissions.can_run_deployment(actor), RUN_ONLY)
    if kind not in LogKind.values:
        raise DomainError(Code.REQUIRED, _("Choose a kind of entry."), field="kind")
    dated(at, field="at", now=now_or(now), earlier=[request_step(deployment)])
    required(text_ru or text_en, "text_ru", _("Write what happened."))
    entry = LogEntry.objects.create(
        deployment=deployment,
        kind=kind,
        at=at,
        text_ru=text_ru.strip(),
        text_en=text_en.strip(),
        state=state,
        source=source,
        demo=demo,
        recorded_by=user_of(actor),
    )
    record(Verb.LOG, actor=actor, target=deployment, summary=f"{kind} {at:%Y-%m-%d %H:%M}")
    return entry


@transaction.atomic
def withdraw_contingent(
    contingent: Contingent,
    *,
    actor: Actor,
    withdrawn_at: dt.datetime,
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Contingent:
    """A contingent left, after the decision to complete; the last one out ends the withdrawal."""
    require(permissions.can_run_deployment(actor), RUN_ONLY)
    contingent, deployment = _locked_contingent(contingent, version)
    if contingent.arrived_at is None:
        raise out_of_order(_("A contingent withdraws only after it has arrived."), "withdrawn_at")
    if contingent.withdrawn_at is not None or deployment.status != DeploymentStatus.COMPLETING:
        raise out_of_order(
            _("The withdrawal follows the decision to complete the deployment."), "withdrawn_at"
        )
    earlier = [
        Earlier(deployment.completion_decided_at, _("the decision to complete")),
        Earlier(contingent.arrived_at, _("the arrival")),
    ]
    dated(withdrawn_at, field="withdrawn_at", now=now_or(now), earlier=earlier)
    _save_contingent(
        contingent,
        actor=actor,
        verb=Verb.WITHDRAW_CONTINGENT,
        summary=f"{contingent.state.iso2} {withdrawn_at:%Y-%m-%d %H:%M}",
        withdrawn_at=withdrawn_at,
    )
    still_there = deployment.contingents.filter(arrived_at__isnull=False, withdrawn_at__isnull=True)
    if not still_there.exists():
        last = max(
            at
            for at in deployment.contingents.values_list("withdrawn_at", flat=True)
            if at is not None
        )
        transition(
            deployment,
            DeploymentStatus.WITHDRAWN,
            flow=DEPLOYMENT_FLOW,
            actor=actor,
            verb=Verb.WITHDRAW_DEPLOYMENT,
            summary=f"{last:%Y-%m-%d %H:%M}",
            withdrawn_at=last,
        )
    return contingent
