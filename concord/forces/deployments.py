"""A deployment's way, one service per step: the host state's request (which opens the emergency
consultation and its decision clock), the CSC decision, force generation, arrivals, sites and the log,
the decision to complete, the withdrawal and the Secretary General's report. Each step is dated: not
in the future, not before the step it follows (`DomainError` naming the field); a step that may not
come yet is refused with 409 `out_of_order`, also naming the field. Status moves go through
DEPLOYMENT_FLOW; every other write is audited with `record`."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.audit.services import record
from concord.consultations import selectors as consultation_selectors
from concord.consultations import services as consultations
from concord.consultations.states import QuestionKind
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import Conflict, DomainError
from concord.core.rules import Marking
from concord.documents import services as documents
from concord.organization.models import MemberState
from concord.organization.states import Membership

from . import permissions
from .codes import Code, Verb
from .deployment_rules import Earlier, first_later, in_future, takes_part
from .models import Contingent, Deployment, Formation, LogEntry, ProtectedSite, Unit
from .states import DEPLOYMENT_FLOW, DeploymentStatus, LogKind

DECISIONS_ONLY = _("Only the Secretariat records the decisions of the bodies and the report.")
RUN_ONLY = _("Only the Joint Staff or the Secretariat runs a deployment.")
# The statuses in which the forces are there (or on their way back).
AFTER_DECISION = {DeploymentStatus.DECIDED, DeploymentStatus.DEPLOYED, DeploymentStatus.COMPLETING}


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


def _dated(
    at: dt.datetime | dt.date, *, field: str, now: dt.datetime, earlier: list[Earlier]
) -> None:
    """Refuse a step dated in the future or before a step it follows, naming the field."""
    if in_future(at, now):
        raise DomainError(
            Code.IN_THE_FUTURE, _("A step cannot be dated in the future."), field=field
        )
    moment = at if isinstance(at, dt.datetime) else dt.datetime.combine(at, dt.time.max, dt.UTC)
    before = first_later(moment, earlier)
    if before is not None:
        raise DomainError(
            Code.BEFORE_PREVIOUS,
            _("This is dated before %(step)s (%(at)s UTC).")
            % {"step": before.name, "at": f"{before.at:%d.%m.%Y %H:%M}"},
            field=field,
        )


def _out_of_order(message: str, field: str) -> Conflict:
    return Conflict(Code.OUT_OF_ORDER, message, field=field)


def _expect(deployment: Deployment, to: str, *, field: str, message: str) -> None:
    """A status step the flow does not allow from here, refused naming the step's field."""
    if not DEPLOYMENT_FLOW.allows(deployment.status, to):
        raise _out_of_order(message, field)


def _required(value: str, field: str, message: str) -> str:
    if not value.strip():
        raise DomainError(Code.REQUIRED, message, field=field)
    return value.strip()


def _request(d: Deployment) -> Earlier:
    return Earlier(d.requested_at, _("the request"))


def _decision(d: Deployment) -> Earlier:
    return Earlier(d.decided_at, _("the decision"))


# --- The request and the decision -----------------------------------------------------------------


def _route_code() -> str:
    default = getattr(settings, "CONCORD_ALERT_ROUTE", "emergency")
    return getattr(settings, "CONCORD_DEPLOYMENT_ROUTE", default)


def _clock() -> dt.timedelta:
    return dt.timedelta(hours=getattr(settings, "CONCORD_DEPLOYMENT_CLOCK_HOURS", 24))


@transaction.atomic
def request_deployment(
    host: MemberState,
    *,
    actor: Actor,
    requested_at: dt.datetime,
    letter_reference: str,
    request_text: str,
    formation: Formation | None = None,
    title_ru: str = "",
    title_en: str = "",
    demo: bool = False,
    source: str = "",
    now: dt.datetime | None = None,
) -> Deployment:
    """The host state's official request, as its representative or the Secretariat records it. It is
    official (every member state must see it to decide) and opens the emergency consultation whose
    decision clock runs from the request's receipt."""
    require(
        permissions.can_request(actor, host),
        _("Only who speaks for the state, or the Secretariat, records its request."),
    )
    if host.membership != Membership.MEMBER:
        raise DomainError(
            Code.NOT_PARTICIPATING, _("Only a member state requests the forces."), field="host"
        )
    _dated(requested_at, field="requested_at", now=_now(now), earlier=[])
    letter = _required(letter_reference, "letter_reference", _("Name the letter of the request."))
    route = consultation_selectors.route(_route_code())
    if route is None:
        raise DomainError(Code.NO_ROUTE, _("No route for emergency consultations is configured."))
    title_ru = (
        title_ru.strip() or f"Запрос государства ({host.name_ru}) о размещении коллективных сил"
    )
    title_en = title_en.strip() or f"Request of {host.name_en} for the collective forces"
    draft = documents.create_document(
        actor=actor,
        kind="draft_decision",
        marking=Marking.OFFICIAL,
        units=[("title", title_ru, title_en), *_draft_paragraphs(letter, request_text)],
    )
    consultation = consultations.open_consultation(
        actor=actor,
        kind=QuestionKind.DRAFT_DECISION,
        route=route,
        document=draft,
        emergency=True,
        reason=f"{title_ru}\n{title_en}\n{letter}\n{request_text}".strip(),
        clock=_clock(),
        title_ru=title_ru,
        title_en=title_en,
        now=requested_at,
    )
    deployment = Deployment(
        title_ru=title_ru,
        title_en=title_en,
        host=host,
        formation=formation,
        marking=Marking.OFFICIAL,
        owner_state=host,
        requested_at=requested_at,
        letter_reference=letter,
        request_text=request_text.strip(),
        consultation=consultation,
        country=host.iso3,
        demo=demo,
        source=source,
    )
    deployment.full_clean()
    deployment.save()
    record(Verb.REQUEST_DEPLOYMENT, actor=actor, target=deployment, summary=f"{title_en}; {letter}")
    return deployment


def _draft_paragraphs(letter: str, request_text: str) -> list[tuple[str, str, str]]:
    """The draft decision the Secretariat edits: the request, then the decision to be written."""
    return [
        ("paragraph", f"Обращение: {letter}. {request_text}", f"Request: {letter}. {request_text}"),
        (
            "paragraph",
            "Совет коллективной безопасности решает … (правовое основание, задачи, район, срок; "
            "текст готовит Секретариат).",
            "The Collective Security Council decides … (legal basis, tasks, area, duration; "
            "the Secretariat drafts this text).",
        ),
    ]


@transaction.atomic
def decide_deployment(
    deployment: Deployment,
    *,
    actor: Actor,
    decided_at: dt.datetime,
    decision_reference: str,
    legal_basis: str,
    tasks: str,
    area: str,
    duration: str,
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Deployment:
    """The CSC decision with its legal basis and mandate (tasks, area, duration)."""
    require(permissions.can_record_decision(actor), DECISIONS_ONLY)
    deployment = lock(deployment, version=version)
    _expect(
        deployment,
        DeploymentStatus.DECIDED,
        field="decided_at",
        message=_("A decision follows a request awaiting one; this one is “%(status)s”.")
        % {"status": deployment.get_status_display()},
    )
    _dated(decided_at, field="decided_at", now=_now(now), earlier=[_request(deployment)])
    reference = _required(decision_reference, "decision_reference", _("Name the decision."))
    basis = _required(legal_basis, "legal_basis", _("Give the decision's legal basis."))
    return transition(
        deployment,
        DeploymentStatus.DECIDED,
        flow=DEPLOYMENT_FLOW,
        actor=actor,
        verb=Verb.DECIDE_DEPLOYMENT,
        summary=reference,
        decided_at=decided_at,
        decision_reference=reference,
        legal_basis=basis,
        tasks=tasks.strip(),
        area=area.strip(),
        duration=duration.strip(),
    )


@transaction.atomic
def refuse_deployment(
    deployment: Deployment,
    *,
    actor: Actor,
    decided_at: dt.datetime,
    decision_reference: str = "",
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Deployment:
    """The consultation ended without a decision to deploy."""
    require(permissions.can_record_decision(actor), DECISIONS_ONLY)
    deployment = lock(deployment, version=version)
    _expect(
        deployment,
        DeploymentStatus.REFUSED,
        field="decided_at",
        message=_("Only a request awaiting a decision can end without one."),
    )
    _dated(decided_at, field="decided_at", now=_now(now), earlier=[_request(deployment)])
    return transition(
        deployment,
        DeploymentStatus.REFUSED,
        flow=DEPLOYMENT_FLOW,
        actor=actor,
        verb=Verb.REFUSE_DEPLOYMENT,
        summary=decision_reference,
        decided_at=decided_at,
        decision_reference=decision_reference.strip(),
    )


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
        raise _out_of_order(_("Contingents are offered once the forces are decided."), "offered_at")
    _dated(offered_at, field="offered_at", now=_now(now), earlier=[_decision(deployment)])
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
        raise _out_of_order(_("This offer is no longer open to acceptance."), "accepted_at")
    offer = Earlier(contingent.offered_at, _("the offer"))
    _dated(accepted_at, field="accepted_at", now=_now(now), earlier=[_decision(deployment), offer])
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
    commander: str,
    version: int | None = None,
) -> Deployment:
    """The lead state (one that sends a contingent) and the commander of the force."""
    require(permissions.can_run_deployment(actor), RUN_ONLY)
    deployment = lock(deployment, version=version)
    if deployment.status not in AFTER_DECISION:
        raise _out_of_order(_("The command is set once the forces are decided."), "lead_state")
    if not deployment.contingents.filter(state=lead_state).exists():
        raise DomainError(
            Code.NOT_IN_DEPLOYMENT,
            _("The lead state is one that offered a contingent."),
            field="lead_state",
        )
    deployment.lead_state = lead_state
    deployment.commander = commander.strip()
    deployment.version += 1
    deployment.save(update_fields=["lead_state", "commander", "version"])
    record(
        Verb.SET_COMMAND,
        actor=actor,
        target=deployment,
        summary=f"{lead_state.iso2}; {deployment.commander}",
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
        raise _out_of_order(_("A contingent arrives once its offer is accepted."), "arrived_at")
    if contingent.arrived_at is not None or deployment.status not in AFTER_DECISION:
        raise _out_of_order(_("This contingent's arrival cannot be recorded now."), "arrived_at")
    acceptance = Earlier(contingent.accepted_at, _("the acceptance"))
    _dated(
        arrived_at, field="arrived_at", now=_now(now), earlier=[_decision(deployment), acceptance]
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
        raise _out_of_order(
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
    _dated(since, field="since", now=_now(now), earlier=[arrival])
    _required(name_ru or name_en, "name_ru", _("Name the site."))
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
    _dated(at, field="at", now=_now(now), earlier=[_request(deployment)])
    _required(text_ru or text_en, "text_ru", _("Write what happened."))
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
def inform_un(
    deployment: Deployment,
    *,
    actor: Actor,
    on: dt.date,
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Deployment:
    """The UN Security Council informed of the decision, on a day."""
    require(permissions.can_record_decision(actor), DECISIONS_ONLY)
    deployment = lock(deployment, version=version)
    if deployment.decided_at is None or deployment.status == DeploymentStatus.REFUSED:
        raise _out_of_order(_("The Security Council is informed of a decision to deploy."), "on")
    decision_day = Earlier(
        dt.datetime.combine(deployment.decided_at.date(), dt.time.min, dt.UTC), _("the decision")
    )
    _dated(on, field="on", now=_now(now), earlier=[decision_day])
    deployment.un_informed_on = on
    deployment.version += 1
    deployment.save(update_fields=["un_informed_on", "version"])
    LogEntry.objects.create(
        deployment=deployment,
        kind=LogKind.UN_INFORMED,
        at=dt.datetime.combine(on, dt.time(12), dt.UTC),
        text_ru="Совет Безопасности ООН проинформирован.",
        text_en="The UN Security Council informed.",
        recorded_by=user_of(actor),
    )
    record(Verb.INFORM_UN, actor=actor, target=deployment, summary=f"{on:%Y-%m-%d}")
    return deployment


# --- The way back ----------------------------------------------------------------------------------


@transaction.atomic
def complete_deployment(
    deployment: Deployment,
    *,
    actor: Actor,
    decided_at: dt.datetime,
    decision_reference: str,
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Deployment:
    """The decision to complete the deployment: the withdrawal may begin."""
    require(permissions.can_record_decision(actor), DECISIONS_ONLY)
    deployment = lock(deployment, version=version)
    _expect(
        deployment,
        DeploymentStatus.COMPLETING,
        field="decided_at",
        message=_("A deployment is completed once its forces are deployed."),
    )
    arrival = Earlier(deployment.deployed_at, _("the first arrival"))
    _dated(decided_at, field="decided_at", now=_now(now), earlier=[arrival])
    reference = _required(decision_reference, "decision_reference", _("Name the decision."))
    return transition(
        deployment,
        DeploymentStatus.COMPLETING,
        flow=DEPLOYMENT_FLOW,
        actor=actor,
        verb=Verb.COMPLETE_DEPLOYMENT,
        summary=reference,
        completion_decided_at=decided_at,
        completion_reference=reference,
    )


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
        raise _out_of_order(_("A contingent withdraws only after it has arrived."), "withdrawn_at")
    if contingent.withdrawn_at is not None or deployment.status != DeploymentStatus.COMPLETING:
        raise _out_of_order(
            _("The withdrawal follows the decision to complete the deployment."), "withdrawn_at"
        )
    earlier = [
        Earlier(deployment.completion_decided_at, _("the decision to complete")),
        Earlier(contingent.arrived_at, _("the arrival")),
    ]
    _dated(withdrawn_at, field="withdrawn_at", now=_now(now), earlier=earlier)
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
            deployment.contingents.filter(withdrawn_at__isnull=False).values_list(
                "withdrawn_at", flat=True
            )
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


@transaction.atomic
def record_report(
    deployment: Deployment,
    *,
    actor: Actor,
    reported_at: dt.datetime,
    report_reference: str = "",
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Deployment:
    """The Secretary General's report on the completed deployment closes it. A report known to have
    been made whose document is not on record is recorded without a reference."""
    require(permissions.can_record_decision(actor), DECISIONS_ONLY)
    deployment = lock(deployment, version=version)
    _expect(
        deployment,
        DeploymentStatus.CLOSED,
        field="reported_at",
        message=_("The report follows the withdrawal of every contingent."),
    )
    withdrawal = Earlier(deployment.withdrawn_at, _("the withdrawal"))
    _dated(reported_at, field="reported_at", now=_now(now), earlier=[withdrawal])
    return transition(
        deployment,
        DeploymentStatus.CLOSED,
        flow=DEPLOYMENT_FLOW,
        actor=actor,
        verb=Verb.CLOSE_DEPLOYMENT,
        summary=report_reference or "-",
        reported_at=reported_at,
        report_reference=report_reference.strip(),
    )
