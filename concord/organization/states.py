"""Statuses of member states and kinds of bodies."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.flows import Flow


class Membership(models.TextChoices):
    MEMBER = "member", _("Member")  # a full member with all rights and obligations
    SUSPENDED = (
        "suspended",
        _("Suspended"),
    )  # membership suspended by a decision of the organization
    WITHDRAWN = "withdrawn", _("Withdrawn")  # the state has left; its history stays


class Participation(models.TextChoices):
    PARTICIPATING = "participating", _("Participating")  # takes part in the work of the bodies
    FROZEN = "frozen", _("Participation frozen")  # declared by the state; membership is unchanged


# A state may be suspended, leave, and be admitted again (Uzbekistan left in 1999 and rejoined in 2006).
MEMBERSHIP_FLOW = Flow(
    "membership",
    {
        Membership.MEMBER: {Membership.SUSPENDED, Membership.WITHDRAWN},
        Membership.SUSPENDED: {Membership.MEMBER, Membership.WITHDRAWN},
        Membership.WITHDRAWN: {Membership.MEMBER},
    },
)
PARTICIPATION_FLOW = Flow(
    "participation",
    {
        Participation.PARTICIPATING: {Participation.FROZEN},
        Participation.FROZEN: {Participation.PARTICIPATING},
    },
)


class BodyKind(models.TextChoices):
    SUPREME = "supreme", _("Supreme body")  # heads of state
    MINISTERIAL = (
        "ministerial",
        _("Ministerial body"),
    )  # councils of ministers, committee of secretaries
    PERMANENT_COUNCIL = "permanent_council", _("Permanent council")  # permanent representatives
    WORKING_GROUP = "working_group", _("Working group")  # under a parent body
    COORDINATION_COUNCIL = "coordination_council", _("Coordination council")  # under a parent body
    WORKING_BODY = "working_body", _("Permanent working body")  # Secretariat, Joint Staff
    PARLIAMENTARY = (
        "parliamentary",
        _("Parliamentary assembly"),
    )  # members of the national parliaments


# Bodies whose staff or members act in Concord for the body itself (not for a state).
AFFILIABLE_BODY_KINDS = {BodyKind.WORKING_BODY, BodyKind.PARLIAMENTARY}
