"""Error codes and audit verbs of programmes, budgets and the implementation of decisions."""

from enum import StrEnum


class Code(StrEnum):
    SHARES_NOT_100 = "shares_not_100"  # funding or contribution shares that do not add up to 100
    BAD_SHARE = "bad_share"  # a share below zero or above 100, or an amount below zero
    OTHER_STAGE = "other_stage"  # a delivery to an activity of another stage
    OUTSIDE_STAGE = "outside_stage"  # a delivery dated outside its stage's years
    BAD_YEARS = "bad_years"  # a stage outside the programme's years, or ending before it starts
    BAD_DATES = "bad_dates"
    NOT_ADOPTED = "not_adopted"  # a decision the consultations module has not adopted
    NOT_FROM_SESSION = (
        "not_from_session"  # a task from a decision not adopted at the plan's session
    )
    CHANGE_REQUIRED = "change_required"  # an adopted programme changes only by an adopted change
    NO_ROUTE = "no_route"  # the programme names no route for its changes
    NO_RESPONSIBLE = "no_responsible"  # a task without a responsible body
    DEADLINE_BEFORE_PLAN = "deadline_before_plan"
    BEFORE_SESSION = "before_session"  # a plan dated before the session it implements
    EMPTY_PLAN = "empty_plan"
    UNKNOWN_CURRENCY = "unknown_currency"
    WRONG_CURRENCY = "wrong_currency"  # a known currency other than the budget's or programme's
    NOT_ASSESSED = "not_assessed"  # a payment from a state with no contribution to the budget
    NOT_BOUND = "not_bound"  # a share for a state the budget decision does not bind
    MISSING_SHARE = "missing_share"  # a state bound by the budget decision without a share
    BAD_AMOUNT = "bad_amount"
    DUPLICATE = "duplicate"
    OUTSIDE_YEAR = "outside_year"  # an indicator value dated outside its chairmanship year
    NOT_CHAIRED = "not_chaired"  # no chairmanship recorded for the year
    UNKNOWN = (
        "unknown"  # a state, body, stage, activity or contract the request names does not exist
    )


class Verb(StrEnum):
    CREATE_PROGRAMME = "programmes.programme.create"
    ADD_STAGE = "programmes.stage.add"
    ADD_CUSTOMER = "programmes.customer.add"
    ADD_ACTIVITY = "programmes.activity.add"
    SET_FUNDING = "programmes.funding.set"
    ADOPT_PROGRAMME = "programmes.programme.adopted"
    RECORD_CONTRACT = "programmes.contract.record"
    RECORD_DELIVERY = "programmes.delivery.record"
    PROPOSE_CHANGE = "programmes.change.proposed"
    ADOPT_CHANGE = "programmes.change.adopted"
    WITHDRAW_CHANGE = "programmes.change.withdrawn"
    CREATE_BUDGET = "programmes.budget.create"
    SAVE_ITEM = "programmes.budget.item"
    SET_SHARES = "programmes.budget.shares"
    ADOPT_BUDGET = "programmes.budget.adopted"
    RECORD_PAYMENT = "programmes.payment.record"
    DRAFT_PLAN = "programmes.plan.draft"
    ADD_TASK = "programmes.task.add"
    APPROVE_PLAN = "programmes.plan.approved"
    REPORT_TASK = "programmes.task.report"
    RETURN_REPORT = "programmes.task.returned"
    TASK_STATUS = "programmes.task.status"
    ADD_PRIORITY = "programmes.priority.add"
    ADD_INDICATOR = "programmes.indicator.add"
    RECORD_VALUE = "programmes.indicator.value"
