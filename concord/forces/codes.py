"""Error codes and audit verbs of the collective forces."""

from enum import StrEnum


class Code(StrEnum):
    NOT_PARTICIPATING = "not_participating"  # a unit pledged to a formation its state is not in
    OUT_OF_RANGE = "out_of_range"  # an assessment answer above the criterion's highest score
    INCOMPLETE = "incomplete"  # an assessment submitted with criteria unanswered
    NO_QUESTIONNAIRE = "no_questionnaire"
    OUTSIDE_PLAN_YEAR = "outside_plan_year"
    BAD_DATES = "bad_dates"
    DOUBLE_BOOKED = "double_booked"  # the same unit in two events at once
    PLAN_ADOPTED = "plan_adopted"  # an adopted plan changes only by amendment
    AMENDMENT_REQUIRED = "amendment_required"
    OUT_OF_ORDER = "out_of_order"  # a deployment step before the one it follows
    BEFORE_PREVIOUS = "before_previous"  # a step dated before the step it follows
    NO_ROUTE = "no_route"
    # deployments
    IN_THE_FUTURE = "in_the_future"  # a step dated after now
    ALREADY_OFFERED = "already_offered"  # a state offers a second contingent to one deployment
    BAD_PLACE = "bad_place"  # coordinates off the globe
    NOT_IN_DEPLOYMENT = "not_in_deployment"  # a contingent or lead state of another deployment
    REQUIRED = "required"  # a reference, a name or a text the step needs
    BAD_NUMBER = "bad_number"  # a contingent of no one

    # readiness
    ALREADY_OPEN = "already_open"  # a unit has one assessment under way at a time
    UNKNOWN_CRITERION = "unknown_criterion"  # an answer to a criterion not in the questionnaire
    NOTE_REQUIRED = "note_required"  # an assessment returned without saying what is missing
    INVALID = "invalid"  # a value the register does not accept (unknown formation, state, kind…)

    # training
    PLAN_EXISTS = "plan_exists"  # one plan per year
    BAD_YEAR = "bad_year"
    EMPTY_PLAN = "empty_plan"  # a plan put before the bodies with no events
    UNDER_CONSULTATION = "plan_under_consultation"  # the text before the bodies does not change
    STILL_BEFORE_BODIES = (
        "still_before_bodies"  # withdrawn only once the bodies returned or dropped it
    )
    PLAN_NOT_ADOPTED = "plan_not_adopted"  # execution is recorded against an adopted plan
    NO_STATES = "no_states"
    HOST_NOT_PARTICIPATING = "host_not_participating"
    NOT_STARTED = "not_started"  # an event held before it starts
    NOT_HELD = "not_held"  # an after-action report on an event not held
    NO_REPORT = "no_report"  # a lesson without its after-action report


class Verb(StrEnum):
    SAVE_FORMATION = "forces.formation.save"
    SAVE_UNIT = "forces.unit.save"
    CERTIFY_UNIT = "forces.unit.certify"
    SAVE_ASSESSMENT = "forces.assessment.save"
    SUBMIT_ASSESSMENT = "forces.assessment.submitted"
    RETURN_ASSESSMENT = "forces.assessment.returned"
    REVIEW_ASSESSMENT = "forces.assessment.reviewed"
    SAVE_PLAN = "forces.plan.save"
    PUT_PLAN = "forces.plan.consultation"
    ADOPT_PLAN = "forces.plan.adopted"
    SAVE_EVENT = "forces.event.save"
    AMEND_PLAN = "forces.plan.amend"
    EVENT_STATUS = "forces.event.status"
    SAVE_AFTER_ACTION = "forces.after_action.save"
    SAVE_LESSON = "forces.lesson.save"
    CLOSE_LESSON = "forces.lesson.closed"
    WITHDRAW_PLAN = "forces.plan.withdrawn"
    REMOVE_EVENT = "forces.event.remove"
    REQUEST_DEPLOYMENT = "forces.deployment.requested"
    DECIDE_DEPLOYMENT = "forces.deployment.decided"
    REFUSE_DEPLOYMENT = "forces.deployment.refused"
    OFFER_CONTINGENT = "forces.contingent.offer"
    ACCEPT_CONTINGENT = "forces.contingent.accept"
    ARRIVE_CONTINGENT = "forces.contingent.arrived"
    WITHDRAW_CONTINGENT = "forces.contingent.withdrawn"
    DEPLOY = "forces.deployment.deployed"
    COMPLETE_DEPLOYMENT = "forces.deployment.completing"
    WITHDRAW_DEPLOYMENT = "forces.deployment.withdrawn"
    CLOSE_DEPLOYMENT = "forces.deployment.closed"
    LOG = "forces.deployment.log"
    SAVE_SITE = "forces.deployment.site"
    # deployments
    SET_COMMAND = "forces.deployment.command"
    INFORM_UN = "forces.deployment.un_informed"
