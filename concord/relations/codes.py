"""Error codes and audit verbs of relations with partners, working groups and the calendar."""

from enum import StrEnum


class Code(StrEnum):
    BAD_DATES = "bad_dates"  # a meeting ending before it starts
    BAD_VOTE = "bad_vote"  # counts above the Assembly's membership, or counts without a vote
    UNKNOWN_APPLICATION = "unknown_application"  # a status decision for no known application
    UNKNOWN = "unknown"  # a partner, group, state or session the request names that does not exist
    DUPLICATE = "duplicate"  # a meeting number or resolution number already recorded
    NOT_A_MEMBER = "not_a_member"  # a working group member from a state that is not a member


class Verb(StrEnum):
    CREATE_PARTNER = "relations.create_partner"
    LINK_INSTRUMENT = "relations.link_instrument"
    APPLY_STATUS = "relations.apply_status"
    DECIDE_STATUS = "relations.decide_status"
    END_STATUS = "relations.end_status"
    CREATE_GROUP = "relations.create_group"
    ADD_MEMBER = "relations.add_member"
    CREATE_MEETING = "relations.create_meeting"
    HOLD_MEETING = "relations.hold_meeting"
    CANCEL_MEETING = "relations.cancel_meeting"
    ATTACH_MINUTES = "relations.attach_minutes"
    ADD_FOLLOW_UP = "relations.add_follow_up"
    RECORD_RESOLUTION = "relations.record_resolution"
    RECORD_SESSION = "relations.record_session"
    CREATE_FEED = "relations.create_feed"
    REVOKE_FEED = "relations.revoke_feed"
