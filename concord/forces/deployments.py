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
from django.utils.translation import gettext as _

from concord.audit.services import record
from concord.consultations import selectors as consultation_selectors
from concord.consultations import services as consultations
from concord.consultations.states import QuestionKind
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import DomainError
from concord.core.rules import Marking
from concord.documents import services as documents
from concord.organization.models import MemberState
from concord.organization.states import Membership

from . import permissions
from .codes import Code, Verb
from .deployment_ground import (  # noqa: F401 - one place for the callers: every step's service
    AFTER_DECISION,
    accept_contingent,
    log_entry,
    offer_contingent,
    protect_site,
    record_arrival,
    set_command,
    withdraw_contingent,
)
from .deployment_rules import Earlier
from .deployment_steps import (
    DECISIONS_ONLY,
    dated,
    expect,
    now_or,
    out_of_order,
    request_step,
    required,
)
from .models import Deployment, Formation, LogEntry
from .states import DEPLOYMENT_FLOW, DeploymentStatus, LogKind

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
    letter_reference_ru: str,
    letter_reference_en: str = "",
    request_text_ru: str = "",
    request_text_en: str = "",
    formation: Formation | None = None,
    title_ru: str = "",
    title_en: str = "",
    demo: bool = False,
    source: str = "",
    now: dt.datetime | None = None,
) -> Deployment:
    """The host state's official request, as its representative or the Secretariat records it. It is
    official (every member state must see it to decide) and opens the emergency consultation whose
    decision clock runs from the request's receipt. Its texts are given in Russian, the working
    language, and in English where there is one."""
    require(
        permissions.can_request(actor, host),
        _("Only who speaks for the state, or the Secretariat, records its request."),
    )
    if host.membership != Membership.MEMBER:
        raise DomainError(
            Code.NOT_PARTICIPATING, _("Only a member state requests the forces."), field="host"
        )
    dated(requested_at, field="requested_at", now=now_or(now), earlier=[])
    letter = required(
        letter_reference_ru, "letter_reference_ru", _("Name the letter of the request.")
    )
    letter_en, text_ru, text_en = (
        letter_reference_en.strip(),
        request_text_ru.strip(),
        request_text_en.strip(),
    )
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
        units=[
            ("title", title_ru, title_en),
            *_draft_paragraphs((letter, letter_en or letter), (text_ru, text_en or text_ru)),
        ],
    )
    consultation = consultations.open_consultation(
        actor=actor,
        kind=QuestionKind.DRAFT_DECISION,
        route=route,
        document=draft,
        emergency=True,
        reason="\n".join(x for x in (title_ru, title_en, letter, letter_en, text_ru, text_en) if x),
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
        letter_reference_ru=letter,
        letter_reference_en=letter_en,
        request_text_ru=text_ru,
        request_text_en=text_en,
        consultation=consultation,
        country=host.iso3,
        demo=demo,
        source=source,
    )
    deployment.full_clean()
    deployment.save()
    record(Verb.REQUEST_DEPLOYMENT, actor=actor, target=deployment, summary=f"{title_en}; {letter}")
    return deployment


def _draft_paragraphs(letter: tuple[str, str], text: tuple[str, str]) -> list[tuple[str, str, str]]:
    """The draft decision the Secretariat edits: the request (each language its own letter and text,
    as (Russian, English)), then the decision to be written."""
    return [
        (
            "paragraph",
            f"Обращение: {letter[0]}. {text[0]}".strip(),
            f"Request: {letter[1]}. {text[1]}".strip(),
        ),
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
    decision_reference_ru: str,
    legal_basis_ru: str,
    decision_reference_en: str = "",
    legal_basis_en: str = "",
    tasks_ru: str = "",
    tasks_en: str = "",
    area_ru: str = "",
    area_en: str = "",
    duration_ru: str = "",
    duration_en: str = "",
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Deployment:
    """The CSC decision with its legal basis and mandate (tasks, area, duration), in Russian and,
    where given, in English."""
    require(permissions.can_record_decision(actor), DECISIONS_ONLY)
    deployment = lock(deployment, version=version)
    expect(
        deployment,
        DeploymentStatus.DECIDED,
        field="decided_at",
        message=_("A decision follows a request awaiting one; this one is “%(status)s”.")
        % {"status": deployment.get_status_display()},
    )
    dated(decided_at, field="decided_at", now=now_or(now), earlier=[request_step(deployment)])
    reference = required(decision_reference_ru, "decision_reference_ru", _("Name the decision."))
    basis = required(legal_basis_ru, "legal_basis_ru", _("Give the decision's legal basis."))
    return transition(
        deployment,
        DeploymentStatus.DECIDED,
        flow=DEPLOYMENT_FLOW,
        actor=actor,
        verb=Verb.DECIDE_DEPLOYMENT,
        summary=reference,
        decided_at=decided_at,
        decision_reference_ru=reference,
        decision_reference_en=decision_reference_en.strip(),
        legal_basis_ru=basis,
        legal_basis_en=legal_basis_en.strip(),
        tasks_ru=tasks_ru.strip(),
        tasks_en=tasks_en.strip(),
        area_ru=area_ru.strip(),
        area_en=area_en.strip(),
        duration_ru=duration_ru.strip(),
        duration_en=duration_en.strip(),
    )


@transaction.atomic
def refuse_deployment(
    deployment: Deployment,
    *,
    actor: Actor,
    decided_at: dt.datetime,
    decision_reference_ru: str = "",
    decision_reference_en: str = "",
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Deployment:
    """The consultation ended without a decision to deploy."""
    require(permissions.can_record_decision(actor), DECISIONS_ONLY)
    deployment = lock(deployment, version=version)
    expect(
        deployment,
        DeploymentStatus.REFUSED,
        field="decided_at",
        message=_("Only a request awaiting a decision can end without one."),
    )
    dated(decided_at, field="decided_at", now=now_or(now), earlier=[request_step(deployment)])
    return transition(
        deployment,
        DeploymentStatus.REFUSED,
        flow=DEPLOYMENT_FLOW,
        actor=actor,
        verb=Verb.REFUSE_DEPLOYMENT,
        summary=decision_reference_ru,
        decided_at=decided_at,
        decision_reference_ru=decision_reference_ru.strip(),
        decision_reference_en=decision_reference_en.strip(),
    )


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
        raise out_of_order(_("The Security Council is informed of a decision to deploy."), "on")
    decision_day = Earlier(
        dt.datetime.combine(deployment.decided_at.date(), dt.time.min, dt.UTC), _("the decision")
    )
    dated(on, field="on", now=now_or(now), earlier=[decision_day])
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
    decision_reference_ru: str,
    decision_reference_en: str = "",
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Deployment:
    """The decision to complete the deployment: the withdrawal may begin."""
    require(permissions.can_record_decision(actor), DECISIONS_ONLY)
    deployment = lock(deployment, version=version)
    expect(
        deployment,
        DeploymentStatus.COMPLETING,
        field="decided_at",
        message=_("A deployment is completed once its forces are deployed."),
    )
    arrival = Earlier(deployment.deployed_at, _("the first arrival"))
    dated(decided_at, field="decided_at", now=now_or(now), earlier=[arrival])
    reference = required(decision_reference_ru, "decision_reference_ru", _("Name the decision."))
    return transition(
        deployment,
        DeploymentStatus.COMPLETING,
        flow=DEPLOYMENT_FLOW,
        actor=actor,
        verb=Verb.COMPLETE_DEPLOYMENT,
        summary=reference,
        completion_decided_at=decided_at,
        completion_reference_ru=reference,
        completion_reference_en=decision_reference_en.strip(),
    )


@transaction.atomic
def record_report(
    deployment: Deployment,
    *,
    actor: Actor,
    reported_at: dt.datetime,
    report_reference_ru: str = "",
    report_reference_en: str = "",
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Deployment:
    """The Secretary General's report on the completed deployment closes it. A report known to have
    been made whose document is not on record is recorded without a reference."""
    require(permissions.can_record_decision(actor), DECISIONS_ONLY)
    deployment = lock(deployment, version=version)
    expect(
        deployment,
        DeploymentStatus.CLOSED,
        field="reported_at",
        message=_("The report follows the withdrawal of every contingent."),
    )
    withdrawal = Earlier(deployment.withdrawn_at, _("the withdrawal"))
    dated(reported_at, field="reported_at", now=now_or(now), earlier=[withdrawal])
    return transition(
        deployment,
        DeploymentStatus.CLOSED,
        flow=DEPLOYMENT_FLOW,
        actor=actor,
        verb=Verb.CLOSE_DEPLOYMENT,
        summary=report_reference_ru or "-",
        reported_at=reported_at,
        report_reference_ru=report_reference_ru.strip(),
        report_reference_en=report_reference_en.strip(),
    )
