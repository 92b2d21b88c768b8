"""Kinds and statuses of documents, versions and amendments."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.flows import Flow

from .codes import Code


class DocumentKind(models.TextChoices):
    DRAFT_DECISION = "draft_decision", _("Draft decision")
    JOINT_STATEMENT = "joint_statement", _("Joint statement")
    DECLARATION = "declaration", _("Declaration")
    AGREEMENT = "agreement", _("Agreement")
    PROTOCOL = "protocol", _("Protocol")
    MINUTES = "minutes", _("Minutes")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")
    NOTICE = "notice", _("Depositary notification")  # written by the system, never negotiated


# Kinds the system generates rather than delegations negotiate: lists of texts leave them out unless
# asked for them by kind.
GENERATED_KINDS = frozenset({DocumentKind.NOTICE})


class DocumentStatus(models.TextChoices):
    NEGOTIATION = "negotiation", _("Under negotiation")  # versions may still be made
    FINAL = "final", _("Final")  # the latest version is declared final; the text is closed
    ADOPTED = "adopted", _("Adopted")  # a body adopted the final version: it binds, it stays


# A text is negotiated until the editor declares it final or a body adopts it; an adopted text is
# adopted again only by the procedure that corrects it, which produces the corrected version.
DOCUMENT_FLOW = Flow(
    "status",
    {
        DocumentStatus.NEGOTIATION: {DocumentStatus.FINAL, DocumentStatus.ADOPTED},
        DocumentStatus.FINAL: {DocumentStatus.ADOPTED},
        DocumentStatus.ADOPTED: {DocumentStatus.ADOPTED},
    },
    refused=(Code.DOCUMENT_FINAL, _("The text is final; it can no longer be changed.")),
)


class VersionSource(models.TextChoices):
    INITIAL = "initial", _("First draft")  # typed in when the document was created
    IMPORT = "import", _("Imported from DOCX")  # first draft read from a Word file
    EDIT = "edit", _("Edit by the editor")  # the Secretariat, acting as editor, changed the text
    AMENDMENT = "amendment", _("Accepted amendment")  # an amendment applied as proposed
    MERGE = (
        "merge",
        _("Amendment merged as reworded"),
    )  # an amendment applied in the editor's wording
    CORRECTION = "correction", _("Correction of the adopted text")  # under a correction procedure


class AmendmentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")  # waiting for the editor
    ACCEPTED = "accepted", _("Accepted")  # applied as proposed; made a version
    MERGED = "merged", _("Merged")  # applied in the editor's rewording; made a version
    REJECTED = "rejected", _("Rejected")  # declined, with a reason
    WITHDRAWN = "withdrawn", pgettext_lazy("amendment", "Withdrawn")  # taken back by its delegation
    LAPSED = "lapsed", _("Lapsed: the text became final")  # still pending when the text was closed


# Only a pending amendment is decided, withdrawn or lapses; every decision is final.
AMENDMENT_FLOW = Flow(
    "status",
    {
        AmendmentStatus.PENDING: {
            AmendmentStatus.ACCEPTED,
            AmendmentStatus.MERGED,
            AmendmentStatus.REJECTED,
            AmendmentStatus.WITHDRAWN,
            AmendmentStatus.LAPSED,
        },
    },
    refused=(Code.ALREADY_DECIDED, _("This amendment has already been dealt with.")),
)


class Language(models.TextChoices):
    RU = "ru", _("Russian")
    EN = "en", _("English")


class LanguageState(models.TextChoices):
    IN_STEP = "in_step", _("Both languages in step")
    OUT_OF_STEP = "out_of_step", _("Languages out of step")
