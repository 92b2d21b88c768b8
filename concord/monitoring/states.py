"""Choices of the monitoring module."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.flows import Flow

from .codes import Code


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


# Analysts may change their mind on an alert until it is escalated; then the joint assessment
# (a consultation) decides.
ALERT_FLOW = Flow(
    "status",
    {
        AlertStatus.NEW: {AlertStatus.ACKNOWLEDGED, AlertStatus.DISMISSED, AlertStatus.ESCALATED},
        AlertStatus.ACKNOWLEDGED: {AlertStatus.NEW, AlertStatus.DISMISSED, AlertStatus.ESCALATED},
        AlertStatus.DISMISSED: {AlertStatus.NEW, AlertStatus.ACKNOWLEDGED, AlertStatus.ESCALATED},
    },
    refused=(
        Code.ESCALATED,
        _("This alert was escalated to a joint assessment; it is decided there."),
    ),
)


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


# A situation report is edited as a draft, approved by an analyst, then shared with the member states.
REPORT_FLOW = Flow(
    "status",
    {
        ReportStatus.DRAFT: {ReportStatus.APPROVED},
        ReportStatus.APPROVED: {ReportStatus.SHARED},
    },
)
