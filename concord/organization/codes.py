"""Error codes and audit verbs of the organization's reference data."""

from enum import StrEnum


class Code(StrEnum):
    CHAIRMANSHIP_ALREADY_RECORDED = "chairmanship_already_recorded"
    ROTATION_DEPARTURE_NEEDS_REASON = "rotation_departure_needs_reason"
    TERM_ENDS_BEFORE_IT_STARTS = "term_ends_before_it_starts"
    TERM_OVERLAPS = "term_overlaps"
    UNKNOWN_STATE = "unknown_state"


class Verb(StrEnum):
    SET_PARTICIPATION = "organization.set_participation"
    SET_MEMBERSHIP = "organization.set_membership"
    RECORD_CHAIRMANSHIP = "organization.record_chairmanship"
    ADD_SECRETARY_GENERAL_TERM = "organization.add_secretary_general_term"
