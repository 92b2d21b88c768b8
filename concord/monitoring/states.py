"""Choices of the monitoring module."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ViolenceType(models.IntegerChoices):
    STATE_BASED = 1, _("State-based")
    NON_STATE = 2, _("Non-state")
    ONE_SIDED = 3, _("One-sided")


class Level(models.TextChoices):
    COUNTRY = "country", _("Country")
    ADM1 = "adm1", _("Province")


class AlertStatus(models.TextChoices):
    NEW = "new", _("New")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    DISMISSED = "dismissed", _("Dismissed")
    ESCALATED = "escalated", _("Escalated")


class Dataset(models.TextChoices):
    ACD = "acd", _("Armed conflicts (UCDP/PRIO)")
    BRD = "brd", _("Battle-related deaths (UCDP)")
    NONSTATE = "nonstate", _("Non-state conflicts (UCDP)")
    ONESIDED = "onesided", _("One-sided violence (UCDP)")


class ReportPeriod(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    SHARED = "shared", _("Shared with the member states")
