"""Error codes and audit verbs of consultations."""

from enum import StrEnum


class Code(StrEnum):
    REASON_REQUIRED = "reason_required"
    CONSULTATION_CLOSED = "consultation_closed"
    STAGE_OPEN = "stage_open"
    ROUTE_FINISHED = "route_finished"
    NO_NEW_VERSION = "no_new_version"
    STAGE_CLOSED = "stage_closed"
    DEADLINE_PASSED = "deadline_passed"
    BAD_STANCE = "bad_stance"
    STATEMENT_REQUIRED = "statement_required"
    NOT_WRITTEN = "not_written"
    VERSION_NOT_BEFORE_STAGE = "version_not_before_stage"
    UNKNOWN_CLAUSES = "unknown_clauses"
    WRONG_BODY = "wrong_body"
    NOT_ADOPTED = "not_adopted"
    ALREADY_SIGNED = "already_signed"
    OBJECTED = "objected"
    TOO_EARLY = "too_early"  # a written procedure closed before its deadline with answers missing
    BAD_DEADLINE = "bad_deadline"
    NOT_LISTED = "not_listed"  # a statement not on its year's adopted annual list
    BAD_LIST = "bad_list"
    NOT_ADOPTED_TEXT = "not_adopted_text"  # a correction of a text that was not adopted
    TEXT_ADOPTED = "text_adopted"  # an adopted text put forward other than for correction
    SESSION_PAST = "session_past"  # a session held before the stage opened, without a reason
    NOT_ON_AGENDA = "not_on_agenda"
    BAD_SESSION = "bad_session"
    UNKNOWN_ROUTE = "unknown_route"
    AGENDA_PUBLISHED = "agenda_published"


class Verb(StrEnum):
    OPEN_CONSULTATION = "consultations.open_consultation"
    MAIL_NOTIFICATIONS = "consultations.mail_notifications"
    OPEN_STAGE = "consultations.open_stage"
    PUT_VERSION = "consultations.put_version"
    RECORD_POSITION = "consultations.record_position"
    CLOSE_STAGE = "consultations.close_stage"
    CLOSE_DUE_PROCEDURES = "consultations.close_due_procedures"
    # the consultation's own status, moved by the stages
    REOPEN_CONSULTATION = "consultations.reopen"
    ADOPT_CONSULTATION = "consultations.adopt"
    RETURN_CONSULTATION = "consultations.return"
    DROP_CONSULTATION = "consultations.drop"
    EXTEND_STAGE = "consultations.extend_stage"
    CREATE_SESSION = "consultations.create_session"
    UPDATE_SESSION = "consultations.update_session"
    MOVE_AGENDA_ITEM = "consultations.move_agenda_item"
    PUBLISH_AGENDA = "consultations.publish_agenda"
    PUT_ON_AGENDA = "consultations.put_on_agenda"
    SIGN = "consultations.sign"
