"""Choices of the operations module."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.flows import Flow

from .rules import Dimension


class DimensionChoices(models.TextChoices):
    COUNT = Dimension.COUNT, _("count")
    MASS = Dimension.MASS, _("quantity (mass)")
    MONEY = Dimension.MONEY, _("money")


class AgencyKind(models.TextChoices):
    POLICE = "police", _("Police (internal affairs)")
    DRUG_CONTROL = "drug_control", _("Drug control")
    BORDER = "border", _("Border service")
    CUSTOMS = "customs", _("Customs")
    SECURITY = "security", _("Security service")
    FINANCIAL = "financial", _("Financial intelligence")
    MIGRATION = "migration", _("Migration service")


class ObserverKind(models.TextChoices):
    STATE = "state", _("State")
    ORGANIZATION = "organization", _("Organization")


class StageKind(models.TextChoices):
    STAGE = "stage", _("Stage")
    PERIOD = "period", _("Reporting period")  # permanent operations report per period


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved by the national coordinator")
    CONSOLIDATED = "consolidated", _("Consolidated")
    SUPERSEDED = "superseded", _("Superseded by a correction")


# A national report's way (docs/operations.md): filed, approved by the state, consolidated by the
# Secretariat; a correction is a new revision that supersedes the approved or consolidated one.
REPORT_FLOW = Flow(
    "status",
    {
        ReportStatus.DRAFT: {ReportStatus.SUBMITTED},
        ReportStatus.SUBMITTED: {ReportStatus.DRAFT, ReportStatus.APPROVED},
        ReportStatus.APPROVED: {ReportStatus.CONSOLIDATED, ReportStatus.SUPERSEDED},
        ReportStatus.CONSOLIDATED: {ReportStatus.SUPERSEDED},
    },
)
