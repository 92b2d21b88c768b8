"""Error codes and audit verbs of the documents app."""

from enum import StrEnum


class Code(StrEnum):
    DOCUMENT_FINAL = "document_final"  # the text is closed
    DOCUMENT_ADOPTED = "document_adopted"  # adopted: only a correction procedure changes it
    NOT_FINAL = "not_final"  # no final version to certify
    NOT_ADOPTED = "not_adopted"  # a correction is of an adopted text
    STALE_VERSION = "stale_version"  # the edit started from a version that is no longer the latest
    VERSION_NOT_FOUND = "version_not_found"
    TITLE_REQUIRED = "title_required"
    TEXT_REQUIRED = "text_required"
    JUSTIFICATION_REQUIRED = "justification_required"
    NO_CHANGE = "no_change"
    MALFORMED_BRACKET = "malformed_bracket"
    UNKNOWN_BRACKET_OWNER = "unknown_bracket_owner"
    OPEN_BRACKETS = "open_brackets"
    ALREADY_DECIDED = "already_decided"
    BAD_DECISION = "bad_decision"
    REASON_REQUIRED = "reason_required"
    MERGE_NEEDS_TEXT = "merge_needs_text"
    UNIT_CHANGED_SINCE = "unit_changed_since"
    NOT_A_DOCX = "not_a_docx"
    NO_TITLE = "no_title"
    FILE_TOO_LARGE = "file_too_large"
    FILE_TYPE_NOT_ALLOWED = "file_type_not_allowed"
    FILE_CONTENT_MISMATCH = "file_content_mismatch"
    UNKNOWN_BODY = "unknown_body"
    # raised by the pure text rules (rules.RuleError)
    DIFF_DOES_NOT_APPLY = "diff_does_not_apply"
    UNIT_NOT_FOUND = "unit_not_found"
    UNIT_EXISTS = "unit_exists"
    TITLE_IS_REQUIRED = "title_is_required"
    MOVE_INTO_ITSELF = "move_into_itself"


class Verb(StrEnum):
    CREATE_DOCUMENT = "documents.create_document"
    EDIT_TEXT = "documents.edit_text"
    PROPOSE_AMENDMENT = "documents.propose_amendment"
    SUPPORT_AMENDMENT = "documents.support_amendment"
    WITHDRAW_AMENDMENT = "documents.withdraw_amendment"
    ACCEPT_AMENDMENT = "documents.accepted_amendment"
    MERGE_AMENDMENT = "documents.merged_amendment"
    REJECT_AMENDMENT = "documents.reject_amendment"
    DECLARE_FINAL = "documents.declare_final"
    ISSUE = "documents.issue"  # a generated text (a notice), final from the start
    ADOPT_TEXT = "documents.adopt_text"
    OPEN_CORRECTION = "documents.open_correction"
    END_CORRECTION = "documents.end_correction"
    ADD_ATTACHMENT = "documents.add_attachment"
