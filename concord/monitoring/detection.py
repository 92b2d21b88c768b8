"""Early warning's writes: the detector run month by month over the stored events, its flags stored
as alerts that explain themselves in both languages (which rule fired, against what)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from concord.audit.services import record
from concord.core.actors import Actor

from . import coverage, rules, selectors
from .codes import Verb
from .countries import name as country_name
from .models import Alert, AlertRule, Region


def month_label(index: int) -> str:
    year, month = rules.year_month(index)
    return (
        f"{str(MONTHS[month]).lower()} {year}"
        if translation.get_language() == "ru"
        else f"{MONTHS[month]} {year}"
    )


def explanation(flag: rules.Flag, language: str) -> str:
    """ "Rif Dimashq Governorate: 160 events and 1,876 deaths in March 2018 — sharp rise: deaths 5.8
    times the upper quartile of the previous 12 months (median 198, upper quartile 324)"."""
    with translation.override(language):
        n = lambda v: number_format(round(v), force_grouping=True)  # noqa: E731
        values = {
            "area": flag.area.name
            if flag.area.level == "adm1"
            else country_name(flag.area.country, language),
            "month": month_label(flag.month),
            "events": ngettext("%(n)s event", "%(n)s events", flag.events) % {"n": n(flag.events)},
            "deaths": ngettext("%(n)s death", "%(n)s deaths", flag.deaths) % {"n": n(flag.deaths)},
        }
        if flag.rule == rules.SURPRISE:
            return _(
                "%(area)s: %(events)s and %(deaths)s in %(month)s against a baseline of %(base_events)s and %(base_deaths)s (score %(score)s)"
            ) % {
                **values,
                "base_events": n(flag.baseline_events),
                "base_deaths": n(flag.baseline_deaths),
                "score": score_text(flag.score),
            }
        head = _("%(area)s: %(events)s and %(deaths)s in %(month)s") % values
        return f"{head} — {rule_label(flag.rule)}: {_why(flag, n)}"


def score_text(score: float) -> str:
    """The score as every page shows it: one decimal (the rule rounded it once), in the active
    language ("7.3", "7,3")."""
    return number_format(rules.one_decimal(score), decimal_pos=1)


def rule_label(rule: str) -> str:
    return str(AlertRule(rule).label)


def _why(flag: rules.Flag, n: Any) -> str:
    """Against what the rule fired, in the active language."""
    measure = (
        pgettext("alert measure", "deaths")
        if flag.measure == rules.DEATHS
        else pgettext("alert measure", "events")
    )
    upper, median = (
        (flag.upper_deaths, flag.baseline_deaths)
        if flag.measure == rules.DEATHS
        else (flag.upper_events, flag.baseline_events)
    )
    figures = {
        "measure": measure,
        "window": flag.window,
        "times": score_text(flag.score),
        "reference": n(flag.reference),
        "median": n(median),
        "upper": n(upper),
        "run": flag.run,
    }
    if flag.rule == rules.ONSET:
        return (
            _(
                "%(measure)s reached %(reference)s, which no month of the previous %(window)s months did"
            )
            % figures
        )
    if flag.rule == rules.SUSTAINED:
        return (
            _(
                "%(measure)s %(run)s months in a row at least %(times)s times the median of the %(window)s months before (median %(median)s)"
            )
            % figures
        )
    return (
        _(
            "%(measure)s %(times)s times the upper quartile of the previous %(window)s months (median %(median)s, upper quartile %(upper)s)"
        )
        % figures
    )


def data_starts() -> dict[str, int]:
    """The first month each country's data cover: the earliest coverage its sources declare, or, for
    events no coverage describes, the country's first event."""
    starts = selectors.first_months()
    for span in coverage.spans():
        for country in span.countries:
            starts[country] = min(starts.get(country, span.first), span.first)
    return starts


def run_detector(
    first: int,
    last: int,
    *,
    actor: Actor,
    region: Region | None = None,
    thresholds: rules.Thresholds = rules.DEFAULT,
    store: bool = True,
) -> list[rules.Flag]:
    """The flags of every month `first`..`last` (month indexes), each computed from data up to that
    month only. With `store`, alerts are created or refreshed; what analysts decided is kept."""
    starts = data_starts()
    if not starts:
        return []
    q = region.area_filter() if region is not None else Q()
    series = selectors.monthly_by_area(
        q, max(min(starts.values()), first - thresholds.window - thresholds.months), last
    )
    flags: list[rules.Flag] = []
    for month in range(first, last + 1):
        flags.extend(rules.detect(series, month, starts, thresholds))
    if store:
        _store(flags, actor=actor)
    return flags


@transaction.atomic
def _store(flags: Iterable[rules.Flag], *, actor: Actor) -> None:
    for flag in flags:
        year, month = rules.year_month(flag.month)
        values = {
            "score": flag.score,
            "rule": flag.rule,
            "events": flag.events,
            "deaths": flag.deaths,
            "baseline_events": flag.baseline_events,
            "baseline_deaths": flag.baseline_deaths,
            "explanation_ru": explanation(flag, "ru"),
            "explanation_en": explanation(flag, "en"),
        }
        alert, created = Alert.objects.update_or_create(
            level=flag.area.level,
            country=flag.area.country,
            area=flag.area.name,
            period=dt.date(year, month, 1),
            defaults=values,
        )
        if created:
            record(
                Verb.RAISE_ALERT,
                actor=actor,
                target=alert,
                summary=str(values["explanation_en"])[:300],
            )


def as_json(flag: rules.Flag, language: str = "en") -> dict[str, Any]:
    year, month = rules.year_month(flag.month)
    return {
        "level": flag.area.level,
        "country": flag.area.country,
        "area": flag.area.name,
        "period": f"{year:04d}-{month:02d}",
        "rule": flag.rule,
        "measure": flag.measure,
        "score": flag.score,
        "events": flag.events,
        "deaths": flag.deaths,
        "baseline_events": round(flag.baseline_events, 2),
        "baseline_deaths": round(flag.baseline_deaths, 2),
        "upper_events": round(flag.upper_events, 2),
        "upper_deaths": round(flag.upper_deaths, 2),
        "reference": round(flag.reference, 2),
        "window": flag.window,
        "events_score": flag.events_score,
        "deaths_score": flag.deaths_score,
        "explanation": explanation(flag, language),
    }
