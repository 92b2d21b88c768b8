"""Error codes and audit verbs of joint operations."""

from enum import StrEnum


class Code(StrEnum):
    NOT_EDITABLE = "not_editable"
    IMPORT_REJECTED = "import_rejected"
    INVALID_FIGURE = "invalid_figure"
    NOT_FOUND = "not_found"
    EMPTY_REPORT = "empty_report"
    SUPERSEDED = "superseded"
    WRONG_TEMPLATE = "wrong_template"
    NOT_A_SPREADSHEET = "not_a_spreadsheet"
    FILE_TOO_LARGE = "file_too_large"
    NOTHING_TO_IMPORT = "nothing_to_import"  # an import with no figures never empties a draft
    UNCALCULATED_FORMULA = "uncalculated_formula"  # a formula cell saved without its value
    SAME_PERSON = "same_person"  # four eyes: the submitter does not approve or return their report


class Verb(StrEnum):
    OPEN_REPORT = "operations.report.open"
    IMPORT_REPORT = "operations.report.import"
    SET_FIGURE = "operations.figure.set"
    REMOVE_FIGURE = "operations.figure.remove"
    # a report's steps: the verb names the status it reaches
    SUBMIT_REPORT = "operations.report.submitted"
    RETURN_REPORT = "operations.report.draft"
    APPROVE_REPORT = "operations.report.approved"
    CONSOLIDATE_REPORT = "operations.report.consolidated"
    SUPERSEDE_REPORT = "operations.report.superseded"
    START_CORRECTION = "operations.report.correction"
    SET_RESULTS_PUBLIC = "operations.stage.publicity"
    SAVE_PRESS_RELEASE = "operations.press_release.save"
    IMPORT_SEIZURES = "operations.seizures.import"
