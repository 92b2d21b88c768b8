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


class Verb(StrEnum):
    OPEN_CONSULTATION = "consultations.open_consultation"
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
    CREATE_SESSION = "consultations.create_session"
    PUT_ON_AGENDA = "consultations.put_on_agenda"
    SIGN = "consultations.sign"
