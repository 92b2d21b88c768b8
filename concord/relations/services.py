"""Every write of relations: partners and their instruments, status applications, working groups,
meetings with their minutes and follow-up, General Assembly resolutions. Calendar addresses are in
`feeds.py`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.audit.services import record
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor
from concord.core.errors import DomainError
from concord.core.models import viewer_of
from concord.documents import services as documents
from concord.organization.models import Body, MemberState

from . import permissions, rules
from .codes import Code, Verb
from .models import (
    AssemblySession,
    FollowUp,
    GroupMember,
    Meeting,
    Partner,
    Resolution,
    StatusApplication,
    WorkingGroup,
)
from .states import (
    APPLICATION_FLOW,
    MEETING_FLOW,
    ApplicationStatus,
    MeetingKind,
    MeetingStatus,
)

KEEPER = gettext_lazy(
    "Only the Secretariat's officers keep relations with partners and working groups."
)


def _keeper(actor: Actor) -> None:
    require(permissions.can_keep(actor), KEEPER)


def _clean(obj: Any, exclude: Sequence[str] = ()) -> None:
    """The model's own checks, as a domain error beside the first field they name."""
    try:
        obj.full_clean(exclude=list(exclude))
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        code = Code.DUPLICATE if any("already exists" in m for m in messages) else Code.UNKNOWN
        raise DomainError(
            code, " ".join(messages), field=None if field == NON_FIELD_ERRORS else field
        ) from error


@transaction.atomic
def create_partner(*, actor: Actor, **fields: Any) -> Partner:
    _keeper(actor)
    partner = Partner(**fields)
    _clean(partner)
    partner.save()
    record(Verb.CREATE_PARTNER, actor=actor, target=partner, summary=partner.code)
    return partner


@transaction.atomic
def link_instrument(partner: Partner, agreement_id: int, *, actor: Actor) -> Partner:
    """Link an agreement or memorandum registered in the agreements module to its partner."""
    from concord.agreements import selectors as agreements

    _keeper(actor)
    try:
        agreement = agreements.agreement_by_id(agreement_id)
    except (Http404, ObjectDoesNotExist) as error:
        raise DomainError(Code.UNKNOWN, _("Unknown agreement."), field="agreement") from error
    partner.instruments.add(agreement)
    record(Verb.LINK_INSTRUMENT, actor=actor, target=partner, changes={"agreement": agreement.pk})
    return partner


@transaction.atomic
def apply_for_status(*, actor: Actor, **fields: Any) -> StatusApplication:
    _keeper(actor)
    partner = fields.get("partner")
    if partner is not None and not fields.get("applicant_ru"):
        fields["applicant_ru"] = partner.name_ru
        fields["applicant_en"] = fields.get("applicant_en") or partner.name_en
    application = StatusApplication(**fields)
    _clean(application)
    application.save()
    record(Verb.APPLY_STATUS, actor=actor, target=application, summary=application.kind)
    return application


def application_by_id(pk: int) -> StatusApplication:
    found = StatusApplication.objects.filter(pk=pk).first()
    if found is None:
        raise DomainError(
            Code.UNKNOWN_APPLICATION,
            _("There is no such application for observer or partner status."),
            field="application",
        )
    return found


@transaction.atomic
def decide_status(
    application_id: int,
    *,
    actor: Actor,
    granted: bool,
    decided_on: dt.date,
    decision_ru: str = "",
    decision_en: str = "",
    version: int | None = None,
) -> StatusApplication:
    """Grant or refuse an application under the regulations; the decision is named as recorded."""
    _keeper(actor)
    application = application_by_id(application_id)
    if application.applied_on and decided_on < application.applied_on:
        raise DomainError(
            Code.BAD_DATES, _("A decision cannot precede the application."), field="decided_on"
        )
    return transition(
        application,
        ApplicationStatus.GRANTED if granted else ApplicationStatus.REFUSED,
        flow=APPLICATION_FLOW,
        actor=actor,
        verb=Verb.DECIDE_STATUS,
        version=version,
        decided_on=decided_on,
        decision_ru=decision_ru,
        decision_en=decision_en,
    )


@transaction.atomic
def end_status(
    application: StatusApplication, *, actor: Actor, ended_on: dt.date, version: int | None = None
) -> StatusApplication:
    _keeper(actor)
    return transition(
        application,
        ApplicationStatus.ENDED,
        flow=APPLICATION_FLOW,
        actor=actor,
        verb=Verb.END_STATUS,
        version=version,
        ended_on=ended_on,
    )


@transaction.atomic
def create_group(
    body: Body,
    *,
    actor: Actor,
    members: Sequence[tuple[MemberState, dict[str, Any]]] = (),
    **fields: Any,
) -> WorkingGroup:
    """A working group for a body of the working-group kind, with its members per state."""
    _keeper(actor)
    if body.kind != "working_group":
        raise DomainError(Code.NOT_A_GROUP, _("This body is not a working group."), field="body")
    if WorkingGroup.objects.filter(body=body).exists():
        raise DomainError(
            Code.DUPLICATE, _("This working group is already recorded."), field="body"
        )
    group = WorkingGroup(body=body, **fields)
    _clean(group)
    group.save()
    record(Verb.CREATE_GROUP, actor=actor, target=group, summary=body.code)
    for state, member in members:
        add_member(group, state, actor=actor, **member)
    return group


@transaction.atomic
def add_member(
    group: WorkingGroup, state: MemberState, *, actor: Actor, **fields: Any
) -> GroupMember:
    _keeper(actor)
    member = GroupMember.objects.create(group=group, state=state, **fields)
    record(Verb.ADD_MEMBER, actor=actor, target=group, changes={"state": state.iso2})
    return member


def _check_meeting(fields: dict[str, Any], group: WorkingGroup | None) -> None:
    if fields["ends_on"] < fields["starts_on"]:
        raise DomainError(
            Code.BAD_DATES, _("A meeting cannot end before it starts."), field="ends_on"
        )
    number = fields.get("number")
    if group is not None and number is not None and group.meetings.filter(number=number).exists():
        raise DomainError(
            Code.DUPLICATE,
            _("This group's meeting No. %(n)s is already recorded.") % {"n": number},
            field="number",
        )


@transaction.atomic
def create_meeting(
    *,
    actor: Actor,
    group: WorkingGroup | None = None,
    partners: Sequence[Partner] = (),
    released_to: Sequence[MemberState] = (),
    **fields: Any,
) -> Meeting:
    """Record a meeting of a working group (numbered next in its sequence unless a number is given)
    or with partners. It belongs to the body the Secretariat officer acts for."""
    _keeper(actor)
    fields.setdefault("ends_on", fields.get("starts_on"))
    if group is not None:
        lock(group)  # numbers in sequence, one meeting at a time
        if fields.get("number") is None:
            fields["number"] = rules.next_number(
                n for n in group.meetings.values_list("number", flat=True) if n is not None
            )
    _check_meeting(fields, group)
    kind = MeetingKind.WORKING_GROUP if group is not None else MeetingKind.PARTNER
    meeting = Meeting(kind=kind, group=group, owner_body_id=viewer_of(actor).body_id, **fields)
    meeting.full_clean(exclude=["minutes"])
    meeting.save()
    meeting.partners.set(partners)
    meeting.released_to.set(released_to)
    record(
        Verb.CREATE_MEETING,
        actor=actor,
        target=meeting,
        summary=meeting.title_en or meeting.title_ru,
        changes={"number": meeting.number, "starts_on": str(meeting.starts_on)},
    )
    return meeting


@transaction.atomic
def hold_meeting(meeting: Meeting, *, actor: Actor, version: int | None = None) -> Meeting:
    _keeper(actor)
    return transition(
        meeting,
        MeetingStatus.HELD,
        flow=MEETING_FLOW,
        actor=actor,
        verb=Verb.HOLD_MEETING,
        version=version,
    )


@transaction.atomic
def cancel_meeting(meeting: Meeting, *, actor: Actor, version: int | None = None) -> Meeting:
    _keeper(actor)
    return transition(
        meeting,
        MeetingStatus.CANCELLED,
        flow=MEETING_FLOW,
        actor=actor,
        verb=Verb.CANCEL_MEETING,
        version=version,
    )


@transaction.atomic
def record_outcome(
    meeting: Meeting,
    *,
    actor: Actor,
    minutes_text: str = "",
    decisions_ru: str = "",
    decisions_en: str = "",
    version: int | None = None,
) -> Meeting:
    """Record the decisions of a meeting and, given its text, its minutes as a document of the
    documents module, with the meeting's marking."""
    _keeper(actor)
    meeting = lock(meeting, version=version)
    if minutes_text.strip():
        paragraphs = [p.strip() for p in minutes_text.split("\n") if p.strip()]
        title = _("Minutes: %(meeting)s") % {"meeting": meeting.title_ru}
        units = [("title", title, ""), *[("paragraph", p, "") for p in paragraphs]]
        meeting.minutes = documents.create_document(
            actor=actor,
            kind="minutes",
            units=units,
            marking=meeting.marking,
            released_to=list(meeting.released_to.all()),
        )
    meeting.decisions_ru = decisions_ru or meeting.decisions_ru
    meeting.decisions_en = decisions_en or meeting.decisions_en
    meeting.version += 1
    meeting.save()
    record(
        Verb.ATTACH_MINUTES,
        actor=actor,
        target=meeting,
        changes={"minutes": meeting.minutes_id},
    )
    return meeting


@transaction.atomic
def add_follow_up(
    meeting: Meeting,
    *,
    actor: Actor,
    text_ru: str,
    text_en: str = "",
    due_on: dt.date | None = None,
) -> FollowUp:
    _keeper(actor)
    if due_on is not None and due_on < meeting.starts_on:
        raise DomainError(
            Code.BAD_DATES, _("A follow-up cannot be due before the meeting."), field="due_on"
        )
    task = FollowUp.objects.create(meeting=meeting, text_ru=text_ru, text_en=text_en, due_on=due_on)
    record(Verb.ADD_FOLLOW_UP, actor=actor, target=meeting, summary=text_ru[:200])
    return task


@transaction.atomic
def record_session(
    *, actor: Actor, number: int, opened_on: dt.date, membership: int, source: str = ""
) -> AssemblySession:
    """A General Assembly session and the UN's membership during it, as data."""
    _keeper(actor)
    session, _created = AssemblySession.objects.update_or_create(
        number=number,
        defaults={"opened_on": opened_on, "membership": membership, "source": source},
    )
    record(Verb.RECORD_SESSION, actor=actor, target=session, changes={"membership": membership})
    return session


VOTE_MESSAGES = {
    "negative": gettext_lazy("A count cannot be negative."),
    "over_membership": gettext_lazy(
        "The counts add up to more than the %(n)s members of the United Nations in that session."
    ),
    "counts_without_vote": gettext_lazy("Counts are recorded only for a recorded vote."),
}


@transaction.atomic
def record_resolution(*, actor: Actor, session: AssemblySession, **fields: Any) -> Resolution:
    _keeper(actor)
    counts = {k: fields.get(k) for k in rules.COUNTS}
    problems = rules.vote_problems(fields.get("vote", ""), counts, session.membership)
    if problems:
        first = problems[0]
        raise DomainError(
            Code.BAD_VOTE,
            str(VOTE_MESSAGES[first.reason]) % {"n": session.membership},
            field=first.field,
        )
    number = fields.get("number", "")
    if number and Resolution.objects.filter(number=number).exists():
        raise DomainError(
            Code.DUPLICATE,
            _("Resolution %(n)s is already recorded.") % {"n": number},
            field="number",
        )
    resolution = Resolution(session=session, **fields)
    resolution.full_clean()
    resolution.save()
    record(
        Verb.RECORD_RESOLUTION,
        actor=actor,
        target=resolution,
        summary=number or resolution.title_en,
        changes=counts,
    )
    return resolution
