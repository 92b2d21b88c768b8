"""Choices and flows of the collective forces: units, readiness assessments, training plans and
events, deployments (docs/forces.md draws the flows)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.flows import Flow


class UnitKind(models.TextChoices):
    MILITARY = "military", _("Military contingent")
    POLICE = "police", _("Special-purpose police formation")
    SECURITY = "security", _("Special-purpose security formation")
    EMERGENCY = "emergency", _("Emergency response formation")
    PEACEKEEPING = "peacekeeping", _("Peacekeeping unit")
    AVIATION = "aviation", _("Aviation unit")


class Personnel(models.TextChoices):
    """What a peacekeeping unit's personnel are (military, police, civilian); others are military."""

    MILITARY = "military", _("Military")
    POLICE = "police", _("Police")
    CIVILIAN = "civilian", _("Civilian")


class ReadinessCategory(models.TextChoices):
    PERMANENT = "permanent", _("Permanent readiness")
    HIGH = "high", _("High readiness (up to 30 days)")
    STANDARD = "standard", _("Standard readiness (up to 90 days)")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")  # the state fills in its answers
    SUBMITTED = "submitted", _("Submitted to the Joint Staff")
    RETURNED = "returned", _("Returned to the state")  # the Joint Staff asks for more evidence
    REVIEWED = "reviewed", _("Reviewed")  # final: counts in the readiness table


# An assessment's way: filled in by the state, reviewed by the Joint Staff, which returns it or
# accepts it; a reviewed assessment is final (a new period is a new assessment).
ASSESSMENT_FLOW = Flow(
    "status",
    {
        AssessmentStatus.DRAFT: {AssessmentStatus.SUBMITTED},
        AssessmentStatus.SUBMITTED: {AssessmentStatus.RETURNED, AssessmentStatus.REVIEWED},
        AssessmentStatus.RETURNED: {AssessmentStatus.SUBMITTED},
    },
)


class EventKind(models.TextChoices):
    EXERCISE = "exercise", _("Exercise")
    COMMAND_STAFF = "command_staff", _("Command-staff training")
    PLANNING_CONFERENCE = "planning_conference", _("Planning conference")
    STAFF_TALKS = "staff_talks", _("Staff talks")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")  # the Joint Staff prepares it
    UNDER_CONSULTATION = "consultation", _("Under consultation")  # before the CDM and the CSSC
    ADOPTED = "adopted", _("Adopted")  # changes only by recorded amendments


# A plan's way: the Joint Staff drafts it, puts it before the bodies, and the consultation's adoption
# makes it the adopted plan.
PLAN_FLOW = Flow(
    "status",
    {
        PlanStatus.DRAFT: {PlanStatus.UNDER_CONSULTATION},
        PlanStatus.UNDER_CONSULTATION: {PlanStatus.ADOPTED, PlanStatus.DRAFT},
    },
)


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


# An event's execution: held, postponed (then held or cancelled later) or cancelled.
EVENT_FLOW = Flow(
    "status",
    {
        EventStatus.PLANNED: {EventStatus.HELD, EventStatus.POSTPONED, EventStatus.CANCELLED},
        EventStatus.POSTPONED: {EventStatus.PLANNED, EventStatus.HELD, EventStatus.CANCELLED},
    },
)


class LessonStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


LESSON_FLOW = Flow("status", {LessonStatus.OPEN: {LessonStatus.CLOSED}})


class DeploymentStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")  # the host state's official request is recorded
    DECIDED = "decided", _("Decided")  # the CSC decision: legal basis and mandate
    DEPLOYED = "deployed", _("Deployed")  # the first contingent has arrived
    COMPLETING = "completing", _("Completing")  # the decision to complete; withdrawal under way
    WITHDRAWN = "withdrawn", pgettext_lazy("deployment", "Withdrawn")  # every contingent has left
    CLOSED = "closed", pgettext_lazy("deployment", "Closed")  # the Secretary General's report is in
    REFUSED = "refused", _("Not decided")  # the consultation ended without a decision


# A deployment's way, step by step; what may not come yet is refused (no withdrawal before the
# deployment, no decision before the request).
DEPLOYMENT_FLOW = Flow(
    "status",
    {
        DeploymentStatus.REQUESTED: {DeploymentStatus.DECIDED, DeploymentStatus.REFUSED},
        DeploymentStatus.DECIDED: {DeploymentStatus.DEPLOYED},
        DeploymentStatus.DEPLOYED: {DeploymentStatus.COMPLETING},
        DeploymentStatus.COMPLETING: {DeploymentStatus.WITHDRAWN},
        DeploymentStatus.WITHDRAWN: {DeploymentStatus.CLOSED},
    },
)


class LogKind(models.TextChoices):
    """Entries of a deployment's log beside its status steps."""

    ARRIVAL = "arrival", _("Arrival")
    SITE = "site", _("Site taken under protection")
    INCIDENT = "incident", _("Incident")
    SESSION = "session", _("Session")
    UN_INFORMED = "un_informed", _("UN Security Council informed")
    NOTE = "note", _("Note")
