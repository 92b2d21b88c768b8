"""Choices and flows of the Parliamentary Assembly's work (docs/parliament.md draws the flows)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.flows import Flow


class BodyKind(models.TextChoices):
    ASSEMBLY = "assembly", _("Assembly in plenary")  # all the national delegations
    COUNCIL = "council", _("Council")  # the heads of the national delegations
    COMMISSION = "commission", _("Standing commission")  # examines drafts in its field
    WORKING_GROUP = "working_group", _("Working group")
    ADVISORY = "advisory", _("Advisory or support body")  # expert council, analysis centre


class SeatRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    DEPUTY = "deputy", _("Deputy chair")
    MEMBER = "member", _("Member")


class ActKind(models.TextChoices):
    MODEL_LAW = "model_law", _("Model law")
    RECOMMENDATION = "recommendation", _("Recommendation")


class ActStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")  # drafted clause by clause in the documents module
    EXAMINED = "examined", _("Examined by the commission")  # the competent commission examined it
    ADOPTED = "adopted", _("Adopted by the Assembly")  # adopted in plenary: the text is closed


# A draft is examined by its commission before the Assembly may adopt it; adoption is final.
ACT_FLOW = Flow(
    "status", {ActStatus.DRAFT: {ActStatus.EXAMINED}, ActStatus.EXAMINED: {ActStatus.ADOPTED}}
)


class Closeness(models.TextChoices):
    FULL = "full", _("Follows the model law")  # the national law takes over the model's provisions
    PARTIAL = "partial", _("Follows it in part")
    TAKEN_INTO_ACCOUNT = "considered", _("Took it into account")
    NOT_KNOWN = "", _("Not known")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Awaiting an answer")  # the Secretariat has not answered yet
    ANSWERED = "answered", _("Answered")


# The Secretariat answers a request for information once.
REQUEST_FLOW = Flow("status", {RequestStatus.OPEN: {RequestStatus.ANSWERED}})
