"""Error codes and audit verbs of the Parliamentary Assembly's work."""

from enum import StrEnum


class Code(StrEnum):
    TWO_DELEGATIONS = "two_delegations"  # a member already in another state's delegation then
    OTHER_PARLIAMENT = "other_parliament"  # a chamber of another state's parliament
    NO_SUCH_CHAMBER = "no_such_chamber"  # a ratification step for a chamber the state does not have
    NO_STEP = "no_step"  # a chamber with no step in its state's internal procedure
    NOT_EXAMINED = "not_examined"  # adoption without the competent commission's examination
    NOT_A_COMMISSION = "not_a_commission"  # examination by a body that is not a standing commission
    NOT_PLENARY = "not_plenary"  # adoption outside a plenary session of the Assembly
    BEFORE_EXAMINATION = "before_examination"  # adopted before it was examined
    NOT_MEMBER = "not_member"  # harmonisation recorded for a state that is not a member
    NOT_ADOPTED = "not_adopted"  # harmonisation with a model act not adopted
    BAD_DATES = "bad_dates"
    UNKNOWN = "unknown"  # a state, parliament, chamber or body the request names does not exist
    TEXT_REQUIRED = "text_required"


class Verb(StrEnum):
    ADD_MEMBER = "parliament.member.add"
    ADD_SEAT = "parliament.seat.add"
    HOLD_SESSION = "parliament.session.hold"
    DRAFT_ACT = "parliament.act.draft"
    EXAMINE_ACT = "parliament.act.examined"
    ADOPT_ACT = "parliament.act.adopted"
    RECORD_HARMONISATION = "parliament.harmonisation.record"
    DRAFT_REPORT = "parliament.report.draft"
    ASK = "parliament.request.ask"
    ANSWER = "parliament.request.answer"
    ADD_PLAN = "parliament.plan.add"
    ADD_PARLIAMENT = "parliament.parliament.add"
    ADD_BODY = "parliament.body.add"
    ADD_OBSERVER = "parliament.observer.add"
    ADD_PROGRAMME = "parliament.programme.add"
    ADD_ITEM = "parliament.programme.item"
