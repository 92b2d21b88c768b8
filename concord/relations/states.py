"""Choices and flows of relations with partners, working groups and the calendar."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.errors import Code as CoreCode
from concord.core.flows import Flow


class PartnerKind(models.TextChoices):
    UNIVERSAL = "universal", _("Universal organization")  # the UN
    UN_OFFICE = "un_office", _("UN department or office")  # its departments, offices, agencies
    REGIONAL = "regional", _("Regional organization")  # the CIS, the SCO
    BODY = "body", _("Body of a partner organization")  # the CIS ATC, the SCO RATS
    OTHER = "other", _("Other")


class StatusKind(models.TextChoices):
    OBSERVER = "observer", _("Observer")
    PARTNER = "partner", _("Partner")


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")  # received, not decided
    GRANTED = "granted", _("Granted")  # the status is held from the decision on
    REFUSED = "refused", _("Refused")
    ENDED = "ended", _("Ended")  # a status once granted, no longer held


# An application is decided once, granted or refused; a granted status may end.
APPLICATION_FLOW = Flow(
    "status",
    {
        ApplicationStatus.PENDING: {ApplicationStatus.GRANTED, ApplicationStatus.REFUSED},
        ApplicationStatus.GRANTED: {ApplicationStatus.ENDED},
    },
    refused=(CoreCode.WRONG_STATUS, _("This application has already been decided.")),
)


class MeetingKind(models.TextChoices):
    WORKING_GROUP = "working_group", _("Working group meeting")
    PARTNER = "partner", _("Meeting with partners")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIDEO = "video", _("Videoconference")
    HYBRID = "hybrid", _("Hybrid")
    UNKNOWN = "unknown", _("Not stated")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")  # announced, not yet held
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


# A planned meeting is held or cancelled; what was held stays held.
MEETING_FLOW = Flow(
    "status",
    {MeetingStatus.PLANNED: {MeetingStatus.HELD, MeetingStatus.CANCELLED}},
)


class VoteKind(models.TextChoices):
    RECORDED = "recorded", _("Recorded vote")  # counts for, against, abstaining
    CONSENSUS = "consensus", _("Without a vote (consensus)")  # no counts
    UNKNOWN = "unknown", _("Not found")  # the sources do not say how it was adopted


class Half(models.IntegerChoices):
    FIRST = 1, _("First half")
    SECOND = 2, _("Second half")


class ItemStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


# An item of a half-year work plan is done or dropped, once.
ITEM_FLOW = Flow(
    "status",
    {ItemStatus.PLANNED: {ItemStatus.DONE, ItemStatus.DROPPED}},
    refused=(CoreCode.WRONG_STATUS, _("This item is already done or dropped.")),
)
