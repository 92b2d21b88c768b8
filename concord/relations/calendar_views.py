"""The calendar pages (month, week, list), the personal calendar addresses and the feeds."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core.actors import actor_of
from concord.core.pagecache import cached_page
from concord.organization import selectors as organization

from . import calendar, feeds, permissions, rules, selectors

VIEWS = ("month", "week", "list")


def _day(value: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(value or "")
    except ValueError:
        return timezone.localdate()


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    view = request.GET.get("view", "month")
    view = view if view in VIEWS else "month"
    day = _day(request.GET.get("date"))
    start, end = rules.window(view, day)
    filters = {k: request.GET.get(k, "")[:40] for k in ("body", "state", "kind")}
    found = calendar.entries(request.user, start, end, **filters)
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    shown = calendar.by_day(found, days)
    context = {
        "view": view,
        "day": day,
        "start": start,
        "end": end,
        "entries": found,
        "weeks": [
            [(d, shown[d]) for d in week]
            for week in (rules.month_weeks(day.year, day.month) if view == "month" else [days])
        ],
        "previous": rules.shift(view, day, -1),
        "following": rules.shift(view, day, 1),
        "filters": filters,
        "kinds": calendar.KINDS,
        "bodies": organization.bodies(),
        "states": organization.member_states(),
        "views": VIEWS,
    }
    return render(request, "relations/calendar.html", context)


@login_required
@cached_page
def feed_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        _feed, secret = feeds.create_feed(actor=actor_of(request))
        messages.success(
            request, _("A new calendar address was created. Copy it now: it is shown once.")
        )
        request.session["relations_new_feed"] = secret
        return redirect("relations:feed-list")
    secret = request.session.pop("relations_new_feed", "")
    context = {
        "feeds": selectors.calendar_feeds(request.user),
        "new_address": request.build_absolute_uri(reverse("relations:feed", args=[secret]))
        if secret
        else "",
    }
    return render(request, "relations/feeds.html", context)


@login_required
@require_POST
def feed_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    feed = get_object_or_404(selectors.calendar_feeds(request.user), pk=pk)
    if not permissions.can_revoke_feed(request.user, feed):
        raise PermissionDenied
    feeds.revoke_feed(feed, actor=actor_of(request))
    messages.success(request, _("The calendar address was revoked."))
    return redirect("relations:feed-list")


def _span(request: HttpRequest) -> tuple[dt.date, dt.date]:
    """A feed covers the year asked for (`?year=`), or last year through next year."""
    year = request.GET.get("year", "")
    if year.isdigit() and 1990 <= int(year) <= 2100:
        return dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)
    today = timezone.localdate()
    return dt.date(today.year - 1, 1, 1), dt.date(today.year + 1, 12, 31)


def _stream(
    request: HttpRequest, user: object, title: str, body: str = ""
) -> StreamingHttpResponse:
    start, end = _span(request)
    response = StreamingHttpResponse(
        calendar.ical(
            user,  # type: ignore[arg-type]
            start,
            end,
            title=title,
            host=request.get_host().split(":")[0],
            base=f"{request.scheme}://{request.get_host()}",
            body=body,
        ),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="concord.ics"'
    return response


def personal_feed(request: HttpRequest, secret: str) -> StreamingHttpResponse:
    """The feed at a secret address, read as its owner: 404 alike for a wrong, revoked or
    disabled address, so that nothing tells which existed."""
    owner = feeds.owner_of(secret)
    if owner is None:
        raise Http404
    return _stream(request, owner, _("Concord calendar"))


@login_required
def body_feed(request: HttpRequest, code: str) -> StreamingHttpResponse:
    found = organization.bodies().filter(code=code).first()
    if found is None:
        raise Http404
    return _stream(request, request.user, found.name, body=code)
