"""Kinds and statuses of consultations, stages, sessions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.flows import Flow

from .codes import Code
from .rules import Breakers, ConsentMode, Rule, Stance, TermUnit


class QuestionKind(models.TextChoices):
    DRAFT_DECISION = "draft_decision", _("Draft decision")
    JOINT_STATEMENT = "joint_statement", _("Joint statement")
    DECLARATION = "declaration", _("Declaration")
    ASSESSMENT = "assessment", _("Joint assessment of an event")
    COMMON_POSITION = "common_position", _("Common position for a forum")
    AGREEMENT = "agreement", _("Agreement to be signed")
    APPOINTMENT = "appointment", _("Appointment")
    PROCEDURAL = "procedural", _("Procedural question")
    ANNUAL_LIST = "annual_list", _("Annual list of joint statements")  # decided by the PC
    CORRECTION = "correction", _("Correction of an adopted text")  # produces a corrected version


class ConsultationStatus(models.TextChoices):
    OPEN = "open", _("Under consultation")  # some stage is open or the next is awaited
    ADOPTED = "adopted", _("Adopted")  # the last tier adopted it
    RETURNED = "returned", _("Returned for revision")  # a tier sent it back; may be reopened
    DROPPED = "dropped", _("Dropped")  # abandoned


# Stages move the consultation: a returned question goes before a tier again; adopted and dropped
# ones are over.
CONSULTATION_FLOW = Flow(
    "status",
    {
        ConsultationStatus.OPEN: {
            ConsultationStatus.ADOPTED,
            ConsultationStatus.RETURNED,
            ConsultationStatus.DROPPED,
        },
        ConsultationStatus.RETURNED: {ConsultationStatus.OPEN},
    },
    refused=(Code.CONSULTATION_CLOSED, _("This consultation is over.")),
)


class StageMode(models.TextChoices):
    SESSION = "session", _("At a session")
    WRITTEN = "written", _("Written procedure")


class StageStatus(models.TextChoices):
    OPEN = "open", _("Open")  # collecting positions
    CLOSED = "closed", _("Closed")  # outcome recorded


class StageOutcome(models.TextChoices):
    FORWARDED = "forwarded", _("Agreed and forwarded")  # to the next tier of the route
    ADOPTED = "adopted", _("Adopted")  # at the last tier
    RETURNED = "returned", _("Returned for revision")  # with the objections
    DROPPED = "dropped", _("Dropped")


# A stage is closed once, with its outcome.
STAGE_FLOW = Flow(
    "status",
    {StageStatus.OPEN: {StageStatus.CLOSED}},
    refused=(Code.STAGE_CLOSED, _("This stage is already closed.")),
)


class StanceChoices(models.TextChoices):
    JOIN = Stance.JOIN.value, _("Joins")
    JOIN_WITH_OPINION = Stance.JOIN_WITH_OPINION.value, _("Joins with a special opinion")
    REFRAIN = Stance.REFRAIN.value, _("Refrains without objecting")
    OBJECT = Stance.OBJECT.value, _("Objects")
    MORE_TIME = Stance.MORE_TIME.value, _("Asks for more time")


class RuleChoices(models.TextChoices):
    CONSENSUS = Rule.CONSENSUS.value, _("Consensus of participating states")
    UNANIMITY = Rule.UNANIMITY.value, _("Unanimity of all member states")
    MAJORITY = Rule.MAJORITY.value, _("Simple majority (procedural)")
    ALL_PARTICIPATING = Rule.ALL_PARTICIPATING.value, _("Every participating state joins")


class ConsentChoices(models.TextChoices):
    EXPLICIT = ConsentMode.EXPLICIT.value, _("Explicit consent required")
    SILENCE = ConsentMode.SILENCE.value, _("Silence counts as consent")
    SESSION = ConsentMode.SESSION.value, _("At the session (absent states may join later)")


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("Regular")
    EXTRAORDINARY = "extraordinary", _("Extraordinary")


class SessionFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    WRITTEN = "written", _("Written (by correspondence)")


class TermUnitChoices(models.TextChoices):
    WORKING_DAYS = TermUnit.WORKING_DAYS.value, _("working days")
    DAYS = TermUnit.DAYS.value, _("calendar days")
    HOURS = TermUnit.HOURS.value, _("hours, around the clock")


class BreakersChoices(models.TextChoices):
    MEMBERS = Breakers.MEMBERS.value, _("Any member state")
    PARTICIPATING = Breakers.PARTICIPATING.value, _("Participating member states only")
