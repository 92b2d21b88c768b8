"""Error codes and audit verbs of relations with partners, working groups and the calendar."""

from enum import StrEnum


class Code(StrEnum):
    BAD_DATES = "bad_dates"  # a meeting ending before it starts
    BAD_VOTE = "bad_vote"  # counts above the Assembly's membership, or counts without a vote
    UNKNOWN_APPLICATION = "unknown_application"  # a status decision for no known application
    UNKNOWN = "unknown"  # a partner, group, state or session the request names that does not exist
    DUPLICATE = "duplicate"  # a meeting number or resolution number already recorded
    NOT_A_MEMBER = "not_a_member"  # a working group member from a state that is not a member
    NOT_A_GROUP = "not_a_group"  # a working group for a body that is not of the working-group kind
    NO_COUNCIL = "no_council"  # a report of a group that reports to no body
    ALREADY_TRACKED = "already_tracked"  # a follow-up already turned into an action-plan task


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
    CREATE_WORK_PLAN = "relations.create_work_plan"
    ADD_PLAN_ITEM = "relations.add_plan_item"
    PLAN_ITEM_STATUS = "relations.plan_item_status"
    DRAFT_REPORT = "relations.draft_report"
    TRACK_FOLLOW_UP = "relations.track_follow_up"
