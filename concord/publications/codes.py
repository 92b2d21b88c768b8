"""Error codes and audit verbs of publications."""

from enum import StrEnum


class Code(StrEnum):
    BAD_SECTION = "bad_section"
    TITLE_REQUIRED = "title_required"
    NOT_PUBLISHED = "not_published"
    INVALID = "invalid"
    UNKNOWN_TAG = "unknown_tag"


class Verb(StrEnum):
    SAVE = "publications.save"
    PUBLISH = "publications.publish"
    UNPUBLISH = "publications.unpublish"
    INDEX_LIVE = "publications.index_live"
