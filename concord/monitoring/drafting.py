"""What the system writes into a situation report's draft: the key figures of the period and of the
one before, by country and most affected provinces, the alerts, and what the event data covers. A
country or period that no source covers is said to have no event data, never zero events."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from . import coverage, selectors
from .countries import name as country_name
from .models import Alert, Region
from .states import Level


def _totals(f: selectors.Filters, covered: coverage.Cover) -> dict[str, int | None]:
    if covered.state == coverage.State.NONE:
        return {"events": None, "deaths": None}
    return dict(selectors.totals(f))


def key_figures(region: Region, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Events and deaths of the period and of the one before (None where no source covers them),
    by country and top provinces, the alerts of the period, and the coverage of both periods: what
    the draft is written from."""
    length = end - start
    now = selectors.Filters(region=region, start=start, end=end)
    before = selectors.Filters(
        region=region, start=start - length - dt.timedelta(days=1), end=start - dt.timedelta(days=1)
    )
    covered_now, covered_before = coverage.of_filters(now), coverage.of_filters(before)
    counted = {r["country"]: r for r in selectors.by_area(now, Level.COUNTRY)}
    countries = [
        {"country": c, "events": r["events"], "deaths": r["deaths"] or 0}
        for c, r in counted.items()
    ] + [
        {"country": c, "events": 0, "deaths": 0}
        for c, state in covered_now.countries.items()
        if c not in counted and state != coverage.State.NONE
    ]
    alerts = selectors.alerts_in(
        Alert.objects.filter(period__gte=start.replace(day=1), period__lte=end), region
    ).order_by("-score")
    return {
        "now": _totals(now, covered_now),
        "before": _totals(before, covered_before),
        "countries": countries,
        "provinces": [
            {
                "country": r["country"],
                "adm_1": r["adm_1"],
                "events": r["events"],
                "deaths": r["deaths"] or 0,
            }
            for r in selectors.by_area(now, Level.ADM1)[:10]
        ],
        "alerts": [
            {
                "id": a.pk,
                "area": a.area,
                "score": a.score,
                "ru": a.explanation_ru,
                "en": a.explanation_en,
            }
            for a in alerts[:10]
        ],
        "coverage": covered_now.as_json(),
        "coverage_before": covered_before.as_json(),
    }


def _n(value: int) -> str:
    return number_format(value, force_grouping=True)


def _key_line(figures: dict[str, Any]) -> list[str]:
    now, before = figures["now"], figures["before"]
    if now["events"] is None:
        return [
            _(
                "No event data for this region and period: no imported source covers it (this is not zero)."
            )
        ]
    if before["events"] is None:
        return [
            _(
                "Key figures: %(events)s events and %(deaths)s deaths (previous period: no event data)."
            )
            % {"events": _n(now["events"]), "deaths": _n(now["deaths"])}
        ]
    return [
        _(
            "Key figures: %(events)s events and %(deaths)s deaths (previous period: %(pe)s and %(pd)s)."
        )
        % {
            "events": _n(now["events"]),
            "deaths": _n(now["deaths"]),
            "pe": _n(before["events"]),
            "pd": _n(before["deaths"]),
        }
    ]


def _coverage_lines(figures: dict[str, Any], language: str) -> list[str]:
    """What the figures leave out (countries or months no source covers) and what a reader must know
    of the data they come from (the sources' notes). Reports drafted before coverage was recorded
    have none of this."""
    covered = figures.get("coverage")
    if not covered:
        return []
    states = covered["countries"]
    names = lambda state: "; ".join(  # noqa: E731
        country_name(c, language) for c, s in states.items() if s == state
    )
    lines = []
    if figures["now"]["events"] is not None and names(coverage.State.NONE):
        lines.append(_("No event data for: %(countries)s.") % {"countries": names("none")})
    if names(coverage.State.PARTIAL):
        lines.append(
            _("Event data covers only part of the period for: %(countries)s.")
            % {"countries": names("partial")}
        )
    for source in covered["sources"]:
        note = source[f"note_{language}"] or source["note_en"] or source["note_ru"]
        if note:
            lines.append(
                _("Note on the data (%(source)s %(version)s, %(period)s): %(note)s")
                % {**source, "note": note}
            )
    return lines


def draft_text(
    region: Region, start: dt.date, end: dt.date, figures: dict[str, Any], language: str
) -> tuple[str, str]:
    with translation.override(language):
        title = _("Situation report: %(region)s, %(start)s – %(end)s") % {
            "region": region.name_ru if language == "ru" else region.name_en,
            "start": start.strftime("%d.%m.%Y"),
            "end": end.strftime("%d.%m.%Y"),
        }
        lines = _key_line(figures) + _coverage_lines(figures, language)
        if figures["countries"]:
            lines.append(_("By country:"))
            lines += [
                f"– {country_name(c['country'], language)}: {_n(c['events'])} / {_n(c['deaths'])}"
                for c in figures["countries"]
            ]
        if figures["provinces"]:
            lines.append(_("Most affected provinces:"))
            lines += [
                f"– {p['adm_1'] or '—'} ({p['country']}): {_n(p['events'])} / {_n(p['deaths'])}"
                for p in figures["provinces"]
            ]
        lines.append(
            _("Alerts of the period:") if figures["alerts"] else _("No alerts in the period.")
        )
        lines += [f"– {a[language]}" for a in figures["alerts"]]
        lines.append(_("Assessment: (to be written by the analyst)"))
        return title, "\n".join(lines)
