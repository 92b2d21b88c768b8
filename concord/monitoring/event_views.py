"""The events behind a figure: the events of one area and month, paged (the page an alert links to),
and the links from an alert to them and to the picture's map on the same area and month."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.pagecache import cached_page
from concord.core.paging import page_of

from . import coverage, permissions, selectors
from .countries import codes
from .countries import name as country_name
from .forms import MonthField, month_end, month_start
from .models import Alert
from .rules import month_index, month_text
from .states import Level


class EventListForm(forms.Form):
    country = forms.CharField(label=_("Country (ISO3)"), max_length=3)
    adm1 = forms.CharField(label=_("Province"), max_length=120, required=False)
    month = MonthField(label=_("Month"))

    def clean_country(self) -> str:
        value = self.cleaned_data["country"].strip().upper()
        if value not in codes().by_iso3:
            raise forms.ValidationError(_("Not an ISO 3166-1 alpha-3 code."))
        return value


@login_required
@cached_page
def event_list(request: HttpRequest) -> HttpResponse:
    """The events of a country (or one of its provinces) in one month, by date, 50 a page. Events
    are open data: every signed-in user sees them, as on the picture and through the API."""
    form = EventListForm(request.GET)
    page = None
    context: dict[str, Any] = {}
    if form.is_valid():
        d = form.cleaned_data
        filters = selectors.Filters(
            country=d["country"],
            adm_1=d["adm1"].strip(),
            start=month_start(d["month"]),
            end=month_end(d["month"]),
        )
        events = selectors.events(filters).order_by("date_start", "source_id")
        page = page_of(request, events)
        query = request.GET.copy()
        query.pop("page", None)
        context = {
            "place": filters.adm_1 or country_name(d["country"], request.LANGUAGE_CODE),
            "month": month_text(d["month"]),
            "query": query.urlencode(),
            "map_url": picture_url(d["country"], filters.adm_1, d["month"]),
            # an empty list where no source covers the month is no event data, not zero
            "no_data": coverage.cover([d["country"]], d["month"], d["month"]).state
            == coverage.State.NONE,
        }
    return render(
        request,
        "monitoring/event_list.html",
        {
            **context,
            "form": form,
            "page": page,
            "sees_alerts": permissions.sees_alerts(request.user),
        },
        status=400 if form.errors else 200,
    )


def events_url(country: str, adm1: str, month: int) -> str:
    """The events list of an area and month."""
    query = {"country": country, **({"adm1": adm1} if adm1 else {}), "month": month_text(month)}
    return f"{reverse('monitoring:event-list')}?{urlencode(query)}"


def picture_url(country: str, adm1: str, month: int) -> str:
    """The situation picture (its map, figures and tables) on an area and month."""
    query = {
        "country": country,
        **({"adm1": adm1} if adm1 else {}),
        "start": month_text(month),
        "end": month_text(month),
    }
    return f"{reverse('monitoring:picture')}?{urlencode(query)}#map"


def alert_links(alert: Alert) -> dict[str, str]:
    """From an alert to its events: the list, and the map."""
    adm1 = alert.area if alert.level == Level.ADM1 else ""
    month = month_index(alert.period.year, alert.period.month)
    return {
        "events_url": events_url(alert.country, adm1, month),
        "map_url": picture_url(alert.country, adm1, month),
    }
