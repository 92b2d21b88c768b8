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
    WITHDRAWAL = "withdrawal", _("Notice of withdrawal")
