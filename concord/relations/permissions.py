"""Who may see and do what in relations with partners and working groups.

- **Partners, their instruments, status records, working groups and General Assembly resolutions**
  are reference facts, read by every signed-in user; the Secretariat's officers keep them.
- **Meetings** follow their marking (a restricted meeting exists only for its owner, the states it
  is released to and the Secretariat); the Secretariat's officers record them, their minutes,
  decisions and follow-up.
- **The calendar** shows each entry only to who may see its record; a personal feed belongs to its
  user, who alone creates and revokes its address.
"""

from __future__ import annotations

from django.db.models import QuerySet

from concord.core.actors import Someone
from concord.core.models import viewer_of

from .models import CalendarFeed, Meeting


def can_keep(user: Someone) -> bool:
    """Partners, status records, working groups, meetings and resolutions: Secretariat officers."""
    return viewer_of(user).is_secretariat_officer


def can_read(user: Someone) -> bool:
    """Reference facts: every signed-in user."""
    return viewer_of(user).is_authenticated


def meetings_visible_to(user: Someone) -> QuerySet[Meeting]:
    return Meeting.objects.visible_to(user)


def can_have_feed(user: Someone) -> bool:
    """A personal calendar address: every signed-in person (the system has no calendar)."""
    return viewer_of(user).is_authenticated


def can_revoke_feed(user: Someone, feed: CalendarFeed) -> bool:
    viewer = viewer_of(user)
    return viewer.is_authenticated and feed.user_id == viewer.user_id
