"""Error codes and audit verbs of the agreements app."""

from enum import StrEnum


class Code(StrEnum):
    INVALID_RULE = "invalid_rule"
    UNKNOWN_ACTION = "unknown_action"
    BAD_CORRECTION = "bad_correction"
    BAD_STEP = "bad_step"
    IMPOSSIBLE_ACTION = "impossible_action"
    UNKNOWN_STATE = "unknown_state"
    TEXT_REQUIRED = "text_required"
    FUTURE_DATE = "future_date"
    BEFORE_SIGNATURE = "before_signature"
    ALREADY_DONE = "already_done"
    NOT_SIGNATORY = "not_signatory"
    NOT_BOUND = "not_bound"
    NO_FINAL_TEXT = "no_final_text"


class Verb(StrEnum):
    CREATE_AGREEMENT = "agreements.create_agreement"
    RECORD_ACTION = "agreements.record_action"
