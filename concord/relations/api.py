"""The API of relations: partners, observer and partner status, working groups and their meetings,
General Assembly resolutions, and the calendar of everything the user may see."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from concord.core.actors import actor_of
from concord.core.api import ErrorOut, Pages, StrictIn, Title
from concord.core.errors import DomainError
from concord.core.models import MarkingChoices
from concord.organization.selectors import member_states

from . import calendar, feeds, selectors, services
from .codes import Code
from .states import MeetingFormat, VoteKind

router = Router(tags=["relations"])
EDITING = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
LONGEST = 400  # days a calendar request may span


class PartnerOut(Schema):
    code: str
    name_ru: str
    name_en: str
    short_ru: str
    short_en: str
    kind: str
    parent: str | None = Field(None, alias="parent.code")
    website: str
    contacts_ru: str
    contacts_en: str
    instruments: list[int] = Field(..., description="agreements of the agreements module")
    source: str

    @staticmethod
    def resolve_instruments(obj: Any) -> list[int]:
        return [a.pk for a in obj.instruments.all()]


class StatusApplicationOut(Schema):
    id: int
    partner: str | None = Field(None, alias="partner.code")
    applicant_ru: str
    applicant_en: str
    kind: str
    applied_on: dt.date | None
    status: str
    decided_on: dt.date | None
    decision_ru: str
    decision_en: str
    source: str
    demo: bool
    version: int


class StatusDecisionIn(StrictIn):
    granted: bool
    decided_on: dt.date
    decision_ru: str = ""
    decision_en: str = ""
    version: int | None = None


class GroupMemberOut(Schema):
    state: str = Field(..., alias="state.iso2")
    person_ru: str
    person_en: str
    role_ru: str
    role_en: str
    demo: bool


class WorkingGroupOut(Schema):
    code: str = Field(..., alias="body.code")
    name_ru: str = Field(..., alias="body.name_ru")
    name_en: str = Field(..., alias="body.name_en")
    reports_to: str | None = Field(None, alias="body.parent.code")
    mandate_ru: str
    mandate_en: str
    created_on: dt.date | None
    members: list[GroupMemberOut]
    source: str

    @staticmethod
    def resolve_members(obj: Any) -> list[Any]:
        return list(obj.members.all())


class FollowUpOut(Schema):
    id: int
    task: int | None = Field(None, alias="task_id", description="a programmes action-plan task")
    text_ru: str
    text_en: str
    due_on: dt.date | None
    done_on: dt.date | None


class MeetingOut(Schema):
    id: int
    kind: str
    group: str | None = Field(None, alias="group.body.code")
    number: int | None
    partners: list[str]
    title_ru: str
    title_en: str
    starts_on: dt.date
    ends_on: dt.date
    date_approximate: bool
    place_ru: str
    place_en: str
    format: str
    chair_ru: str
    chair_en: str
    participants_ru: str
    guests_ru: str
    guests_en: str
    agenda_ru: str
    decisions_ru: str
    decisions_en: str
    minutes: int | None = Field(None, alias="minutes_id", description="a documents-module document")
    status: str
    marking: str
    source: str
    demo: bool
    version: int

    @staticmethod
    def resolve_partners(obj: Any) -> list[str]:
        return [p.code for p in obj.partners.all()]


class MeetingDetailOut(MeetingOut):
    follow_ups: list[FollowUpOut]

    @staticmethod
    def resolve_follow_ups(obj: Any) -> list[Any]:
        return list(obj.follow_ups.all())


class MeetingIn(StrictIn):
    title_ru: Title
    title_en: str = ""
    starts_on: dt.date
    ends_on: dt.date | None = None
    place_ru: str = ""
    place_en: str = ""
    format: MeetingFormat = MeetingFormat.UNKNOWN
    chair_ru: str = ""
    chair_en: str = ""
    participants_ru: str = ""
    participants_en: str = ""
    guests_ru: str = ""
    guests_en: str = ""
    agenda_ru: str = ""
    agenda_en: str = ""
    marking: MarkingChoices = MarkingChoices.OFFICIAL
    released_to: list[str] = Field([], description="ISO alpha-2 codes")


class GroupMeetingIn(MeetingIn):
    number: int | None = Field(None, ge=1, description="empty: the next in the group's sequence")


class PartnerMeetingIn(MeetingIn):
    partners: list[str] = Field([], description="partner codes")


class OutcomeIn(StrictIn):
    minutes_text: str = ""
    decisions_ru: str = ""
    decisions_en: str = ""
    version: int = Field(description="the meeting's edit counter the outcome was written on")


class FollowUpIn(StrictIn):
    text_ru: Title
    text_en: str = ""
    due_on: dt.date | None = None


class VersionIn(StrictIn):
    version: int | None = None


class ResolutionOut(Schema):
    id: int
    session: int = Field(..., alias="session.number")
    membership: int = Field(..., alias="session.membership")
    number: str
    adopted_on: dt.date | None
    date_note_en: str
    title_ru: str
    title_en: str
    vote: str
    in_favour: int | None
    against: int | None
    abstaining: int | None
    absent: int | None
    against_names_en: str
    sponsors_en: str
    follow_up_en: str
    source: str


class ResolutionIn(StrictIn):
    session: int = Field(..., ge=1)
    number: str = ""
    adopted_on: dt.date | None = None
    title_ru: Title
    title_en: str = ""
    vote: VoteKind
    in_favour: int | None = None
    against: int | None = None
    abstaining: int | None = None
    absent: int | None = None
    against_names_ru: str = ""
    against_names_en: str = ""
    sponsors_ru: str = ""
    sponsors_en: str = ""
    follow_up_ru: str = ""
    follow_up_en: str = ""
    source: str = ""


class CalendarEntryOut(Schema):
    kind: str
    key: str
    title: str
    starts_on: dt.date
    ends_on: dt.date
    body: str
    states: list[str]
    place: str
    url: str


class CalendarQuery(Schema):
    start: dt.date = Field(..., alias="from")
    end: dt.date = Field(..., alias="to")
    body: str = ""
    state: str = ""
    kind: str = ""


class CalendarFeedOut(Schema):
    id: int
    created_at: dt.datetime
    revoked_at: dt.datetime | None


class NewCalendarFeedOut(CalendarFeedOut):
    address: str = Field(..., description="shown once: only its digest is kept")


@router.get("/partners", response=list[PartnerOut])
@paginate(Pages, page_size=100)
def list_partners(request: HttpRequest) -> Any:
    return selectors.partners(request.user)


@router.get("/partners/{code}", response={200: PartnerOut, 404: ErrorOut})
def get_partner(request: HttpRequest, code: str) -> Any:
    return selectors.partner(request.user, code)


@router.get("/status-applications", response=list[StatusApplicationOut])
def list_applications(request: HttpRequest) -> Any:
    return list(selectors.applications(request.user))


@router.post("/status-applications/{pk}/decision", response={200: StatusApplicationOut, **EDITING})
def decide_status(request: HttpRequest, pk: int, payload: StatusDecisionIn) -> Any:
    return services.decide_status(pk, actor=actor_of(request), **payload.model_dump())


@router.get("/working-groups", response=list[WorkingGroupOut])
def list_groups(request: HttpRequest) -> Any:
    return list(selectors.groups(request.user).prefetch_related("members__state"))


@router.get("/working-groups/{code}", response={200: WorkingGroupOut, 404: ErrorOut})
def get_group(request: HttpRequest, code: str) -> Any:
    return selectors.group(request.user, code)


def _states(codes: list[str]) -> list[Any]:
    found = list(member_states().filter(iso2__in=[c.upper() for c in codes]))
    if len(found) != len(set(codes)):
        raise DomainError(Code.UNKNOWN, _("Unknown state."), field="released_to")
    return found


@router.post("/working-groups/{code}/meetings", response={201: MeetingDetailOut, **EDITING})
def create_group_meeting(request: HttpRequest, code: str, payload: GroupMeetingIn) -> Any:
    group = selectors.group(request.user, code)
    data = payload.model_dump()
    data["ends_on"] = data["ends_on"] or data["starts_on"]
    released = _states(data.pop("released_to"))
    meeting = services.create_meeting(
        actor=actor_of(request), group=group, released_to=released, **data
    )
    return Status(201, selectors.meeting(request.user, meeting.pk))


@router.get("/meetings", response=list[MeetingOut])
@paginate(Pages, page_size=100)
def list_meetings(request: HttpRequest, kind: str = "") -> Any:
    return selectors.meetings(request.user, kind=kind)


@router.post("/meetings", response={201: MeetingDetailOut, **EDITING})
def create_partner_meeting(request: HttpRequest, payload: PartnerMeetingIn) -> Any:
    data = payload.model_dump()
    data["ends_on"] = data["ends_on"] or data["starts_on"]
    codes = data.pop("partners")
    partners = list(selectors.partners(request.user).filter(code__in=codes))
    if len(partners) != len(set(codes)):
        raise DomainError(Code.UNKNOWN, _("Unknown partner organization."), field="partners")
    released = _states(data.pop("released_to"))
    meeting = services.create_meeting(
        actor=actor_of(request), partners=partners, released_to=released, **data
    )
    return Status(201, selectors.meeting(request.user, meeting.pk))


@router.get("/meetings/{pk}", response={200: MeetingDetailOut, 404: ErrorOut})
def get_meeting(request: HttpRequest, pk: int) -> Any:
    return selectors.meeting(request.user, pk)


@router.post("/meetings/{pk}/outcome", response={200: MeetingDetailOut, **EDITING})
def record_outcome(request: HttpRequest, pk: int, payload: OutcomeIn) -> Any:
    meeting = selectors.meeting(request.user, pk)
    services.record_outcome(meeting, actor=actor_of(request), **payload.model_dump())
    return selectors.meeting(request.user, pk)


@router.post("/meetings/{pk}/follow-ups", response={201: MeetingDetailOut, **EDITING})
def add_follow_up(request: HttpRequest, pk: int, payload: FollowUpIn) -> Any:
    meeting = selectors.meeting(request.user, pk)
    services.add_follow_up(meeting, actor=actor_of(request), **payload.model_dump())
    return Status(201, selectors.meeting(request.user, pk))


@router.post("/meetings/{pk}/held", response={200: MeetingDetailOut, **EDITING})
def hold_meeting(request: HttpRequest, pk: int, payload: VersionIn) -> Any:
    services.hold_meeting(
        selectors.meeting(request.user, pk), actor=actor_of(request), version=payload.version
    )
    return selectors.meeting(request.user, pk)


@router.post("/meetings/{pk}/cancelled", response={200: MeetingDetailOut, **EDITING})
def cancel_meeting(request: HttpRequest, pk: int, payload: VersionIn) -> Any:
    services.cancel_meeting(
        selectors.meeting(request.user, pk), actor=actor_of(request), version=payload.version
    )
    return selectors.meeting(request.user, pk)


@router.get("/resolutions", response=list[ResolutionOut])
def list_resolutions(request: HttpRequest) -> Any:
    return list(selectors.resolutions(request.user))


@router.post("/resolutions", response={201: ResolutionOut, **EDITING})
def record_resolution(request: HttpRequest, payload: ResolutionIn) -> Any:
    data = payload.model_dump()
    session = selectors.assembly_session(data.pop("session"))
    if session is None:
        raise DomainError(
            Code.UNKNOWN, _("No such General Assembly session is recorded."), field="session"
        )
    resolution = services.record_resolution(actor=actor_of(request), session=session, **data)
    return Status(201, selectors.resolution(request.user, resolution.pk))


@router.get("/calendar", response={200: list[CalendarEntryOut], 400: ErrorOut})
def get_calendar(request: HttpRequest, q: Query[CalendarQuery]) -> Any:
    if q.end < q.start or (q.end - q.start).days > LONGEST:
        raise DomainError(
            Code.BAD_DATES,
            _("Ask for a period of at most %(n)s days, ending after it starts.") % {"n": LONGEST},
            field="to",
        )
    return calendar.entries(request.user, q.start, q.end, body=q.body, state=q.state, kind=q.kind)


@router.get("/calendar/addresses", response=list[CalendarFeedOut])
def list_feeds(request: HttpRequest) -> Any:
    return list(selectors.calendar_feeds(request.user))


@router.post("/calendar/addresses", response={201: NewCalendarFeedOut, **EDITING})
def create_feed(request: HttpRequest) -> Any:
    from django.urls import reverse

    feed, secret = feeds.create_feed(actor=actor_of(request))
    address = request.build_absolute_uri(reverse("relations:feed", args=[secret]))
    return Status(
        201,
        {"id": feed.pk, "created_at": feed.created_at, "revoked_at": None, "address": address},
    )


@router.post("/calendar/addresses/{pk}/revoke", response={200: CalendarFeedOut, **EDITING})
def revoke_feed(request: HttpRequest, pk: int) -> Any:
    from django.http import Http404

    feed = selectors.calendar_feeds(request.user).filter(pk=pk).first()
    if feed is None:
        raise Http404
    return feeds.revoke_feed(feed, actor=actor_of(request))
