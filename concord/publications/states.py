from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.flows import Flow

from .codes import Code


class Section(models.TextChoices):
    NEWS = "news", _("News")
    STATEMENT = "statement", _("Statements")
    PUBLICATION = "publication", _("Publications")
    DOCUMENT = "document", _("Documents")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")  # live from `publish_at` (scheduled until then)
    UNPUBLISHED = "unpublished", _("Unpublished")


# Published again: rescheduled, or back after a withdrawal. Only a published text is withdrawn.
PUBLICATION_FLOW = Flow(
    "status",
    {
        Status.DRAFT: {Status.PUBLISHED},
        Status.PUBLISHED: {Status.PUBLISHED, Status.UNPUBLISHED},
        Status.UNPUBLISHED: {Status.PUBLISHED},
    },
    refused=(Code.NOT_PUBLISHED, _("Only a published text is withdrawn.")),
)


class Kind(models.TextChoices):
    """What a search entry points to."""

    PUBLICATION = "publication", _("Publication")
    DOCUMENT = "document", _("Document")
    CONSULTATION = "consultation", _("Consultation")
    AGREEMENT = "agreement", _("Agreement")
    RESULTS = "results", _("Operation results")
    SITUATION_REPORT = "situation_report", _("Situation report")
