"""Test builders: what a test needs, made in one call with sensible defaults, so that a test says
what matters to it instead of looking demo records up by name. The demo world (conftest personas)
stays where it is the point: permissions over the named personas, pages as users see them.
"""

from __future__ import annotations

from enum import StrEnum


class TestVerb(StrEnum):
    """Audit verbs that only tests write."""

    __test__ = False  # not a test class, whatever pytest thinks of its name

    TOUCH = "test.touch"
    SPECIAL = "test.special"
    BULK = "test.bulk"
    NUMBER = "test.number"
