"""Error codes and audit verbs of the accounts app."""

from enum import StrEnum


class Code(StrEnum):
    USERNAME_TAKEN = "username_taken"
    AFFILIATION_NEEDS_ONE_ORGAN = "affiliation_needs_one_organ"
    BODY_NOT_AFFILIABLE = "body_not_affiliable"
    ROLE_NOT_ALLOWED = "role_not_allowed"
    AFFILIATION_NOT_YOURS = "affiliation_not_yours"
    TOKEN_NAME_REQUIRED = "token_name_required"
    TOKEN_NOT_FOUND = "token_not_found"
    BAD_MAIL_SETTINGS = "bad_mail_settings"

    SECOND_FACTOR_ENROLLED = "second_factor_enrolled"
    SECOND_FACTOR_WRONG_CODE = "second_factor_wrong_code"


class Verb(StrEnum):
    CREATE_USER = "accounts.create_user"
    ADD_AFFILIATION = "accounts.add_affiliation"
    SWITCH_AFFILIATION = "accounts.switch_affiliation"
    CREATE_API_TOKEN = "accounts.create_api_token"
    REVOKE_API_TOKEN = "accounts.revoke_api_token"
    CHANGE_PASSWORD = "accounts.change_password"
    CHANGE_MAIL_SETTINGS = "accounts.change_mail_settings"
    ADMIN_CHANGE_PASSWORD = "admin.change_password"
    START_SECOND_FACTOR = "accounts.start_second_factor"
    CONFIRM_SECOND_FACTOR = "accounts.confirm_second_factor"
    RESET_SECOND_FACTOR = "accounts.reset_second_factor"
