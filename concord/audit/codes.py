"""Audit verbs of the admin, where Secretariat administrators keep reference data."""

from enum import StrEnum


class Verb(StrEnum):
    ADMIN_ADD = "admin.add"
    ADMIN_CHANGE = "admin.change"
    ADMIN_DELETE = "admin.delete"
