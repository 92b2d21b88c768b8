"""Kinds of instruments and of treaty actions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InstrumentKind(models.TextChoices):
    TREATY = "treaty", _("Treaty")
    CHARTER = "charter", _("Charter")
    AGREEMENT = "agreement", _("Agreement")
    PROTOCOL = (
        "protocol",
        _("Protocol"),
    )  # amends or extends another instrument; its own entry into force


class ActionType(models.TextChoices):
    SIGNATURE = "signature", _("Signature")
    STEP = "step", _("Internal procedure step")  # one of the state's configured steps
    NOTIFICATION = "notification", _("Notification of completion of internal procedures")
    RATIFICATION = "ratification", _("Instrument of ratification")
    ACCEPTANCE = "acceptance", _("Instrument of acceptance")
    APPROVAL = "approval", _("Instrument of approval")
    ACCESSION = "accession", _("Instrument of accession")
    PROVISIONAL = "provisional", _("Provisional application")
    DECLARATION = "declaration", _("Reservation or declaration")  # made after signature or consent
    WITHDRAWAL = "withdrawal", _("Notice of withdrawal")


# What only the state's own authorities do: recorded and shown, never notified to the parties.
DOMESTIC = frozenset({ActionType.STEP})
# A state's consent to be bound; at most one live consent per state.
CONSENTS = frozenset(
    {
        ActionType.NOTIFICATION,
        ActionType.RATIFICATION,
        ActionType.ACCEPTANCE,
        ActionType.APPROVAL,
        ActionType.ACCESSION,
    }
)


class PublishedStatus(models.TextChoices):
    """What the organization has published about an instrument, whatever the record computes."""

    UNKNOWN = "", _("Not known")
    IN_FORCE = "in_force", _("In force")
    NOT_IN_FORCE = "not_in_force", _("Not in force")
