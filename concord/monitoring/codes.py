"""Error codes and audit verbs of situation monitoring."""

from enum import StrEnum


class Code(StrEnum):
    BAD_STATUS = "bad_status"
    ESCALATED = "escalated"
    NO_ROUTE = "no_route"
    NOT_EDITABLE = "not_editable"
    BAD_PERIOD = "bad_period"
    UNKNOWN_REGION = "unknown_region"
    INVALID = "invalid"
    REGION_EXISTS = "region_exists"
    UNKNOWN_COUNTRY = "unknown_country"
    BAD_PROVINCE = "bad_province"
    BAD_CURSOR = "bad_cursor"


class Verb(StrEnum):
    RAISE_ALERT = "monitoring.alert.raise"
    DECIDE_ALERT = "monitoring.alert.decide"
    ESCALATE_ALERT = "monitoring.alert.escalate"
    SAVE_REGION = "monitoring.region.save"
    DRAFT_REPORT = "monitoring.report.draft"
    EDIT_REPORT = "monitoring.report.edit"
    APPROVE_REPORT = "monitoring.report.approved"
    SHARE_REPORT = "monitoring.report.shared"
    IMPORT_EVENTS = "monitoring.events.import"
    IMPORT_YEARLY = "monitoring.yearly.import"
    DECLARE_COVERAGE = "monitoring.coverage.declare"
