"""Reads of relations, each in a constant number of queries, limited to what the user may see."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from concord.core.actors import Someone
from concord.core.models import viewer_of

from . import permissions, rules
from .models import (
    AssemblySession,
    CalendarFeed,
    FollowUp,
    GroupReport,
    Meeting,
    Partner,
    Resolution,
    StatusApplication,
    WorkingGroup,
    WorkPlan,
    WorkPlanItem,
)


def partners(user: Someone) -> QuerySet[Partner]:
    if not permissions.can_read(user):
        return Partner.objects.none()
    return (
        Partner.objects.select_related("parent")
        .prefetch_related("instruments")
        .annotate(n_meetings=Count("meetings", distinct=True))
    )


def partner(user: Someone, code: str) -> Partner:
    found = partners(user).filter(code=code).first()
    if found is None:
        raise Http404
    return found


def partner_meetings(user: Someone, p: Partner) -> QuerySet[Meeting]:
    return permissions.meetings_visible_to(user).filter(partners=p).order_by("-starts_on")


def applications(user: Someone) -> QuerySet[StatusApplication]:
    if not permissions.can_read(user):
        return StatusApplication.objects.none()
    return StatusApplication.objects.select_related("partner")


def groups(user: Someone) -> QuerySet[WorkingGroup]:
    if not permissions.can_read(user):
        return WorkingGroup.objects.none()
    return WorkingGroup.objects.select_related("body", "body__parent").annotate(
        n_members=Count("members", distinct=True)
    )


def group(user: Someone, code: str) -> WorkingGroup:
    found = (
        groups(user).prefetch_related(Prefetch("members__state")).filter(body__code=code).first()
    )
    if found is None:
        raise Http404
    return found


def group_meetings(user: Someone, g: WorkingGroup) -> list[tuple[rules.Numbered, Meeting | None]]:
    """The group's meetings numbered in sequence, a number with no record marked "not found";
    unnumbered meetings after them. Only what the user may see counts."""
    found = list(
        permissions.meetings_visible_to(user).filter(group=g).order_by("number", "starts_on")
    )
    numbered = {m.number: m for m in found if m.number is not None}
    rows: list[tuple[rules.Numbered, Meeting | None]] = [
        (n, numbered.get(n.number)) for n in rules.sequence(numbered)
    ]
    return rows


def meetings(user: Someone, *, kind: str = "") -> QuerySet[Meeting]:
    qs = permissions.meetings_visible_to(user).select_related("group__body")
    if kind:
        qs = qs.filter(kind=kind)
    return qs.prefetch_related("partners").order_by("-starts_on", "-pk")


def meeting(user: Someone, pk: int) -> Meeting:
    found = (
        meetings(user)
        .select_related("minutes")
        .prefetch_related("follow_ups__task", "released_to")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def resolutions(user: Someone) -> QuerySet[Resolution]:
    """The table across sessions, oldest first."""
    if not permissions.can_read(user):
        return Resolution.objects.none()
    return Resolution.objects.select_related("session").order_by("session__number", "adopted_on")


def resolution(user: Someone, pk: int) -> Resolution:
    found = resolutions(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def calendar_feeds(user: Someone) -> QuerySet[CalendarFeed]:
    """The user's own calendar addresses."""
    return CalendarFeed.objects.filter(user_id=viewer_of(user).user_id or 0)


def assembly_session(number: int) -> AssemblySession | None:
    return AssemblySession.objects.filter(number=number).first()


def work_plans(user: Someone, g: WorkingGroup) -> list[WorkPlan]:
    """The group's half-year plans, newest first, with their items: two queries."""
    if not permissions.can_read(user):
        return []
    return list(g.work_plans.prefetch_related("items").order_by("-year", "-half"))


def work_plan(user: Someone, g: WorkingGroup, pk: int) -> WorkPlan:
    found = g.work_plans.filter(pk=pk).first() if permissions.can_read(user) else None
    if found is None:
        raise Http404
    return found


def plan_item(user: Someone, g: WorkingGroup, pk: int) -> WorkPlanItem:
    found = (
        WorkPlanItem.objects.filter(plan__group=g, pk=pk).first()
        if permissions.can_read(user)
        else None
    )
    if found is None:
        raise Http404
    return found


def group_reports(user: Someone, g: WorkingGroup) -> QuerySet[GroupReport]:
    if not permissions.can_read(user):
        return GroupReport.objects.none()
    return g.reports.select_related("council", "document")


def follow_up(user: Someone, m: Meeting, pk: int) -> FollowUp:
    found = m.follow_ups.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
