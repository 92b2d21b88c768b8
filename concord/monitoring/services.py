"""Everything that changes monitoring data beyond imports: regions, alerts and what analysts decide on
them, situation reports. Every change is audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from concord.audit.services import record
from concord.consultations import services as consultations
from concord.consultations.models import Route
from concord.consultations.states import QuestionKind
from concord.core.errors import Conflict, DomainError, NotAllowed

from . import permissions, rules, selectors
from .countries import name as country_name
from .models import Alert, Region, SituationReport
from .states import AlertStatus, Level, ReportPeriod, ReportStatus


def month_label(index: int) -> str:
    year, month = rules.year_month(index)
    return (
        f"{str(MONTHS[month]).lower()} {year}"
        if translation.get_language() == "ru"
        else f"{MONTHS[month]} {year}"
    )


def explanation(flag: rules.Flag, language: str) -> str:
    """ "Rif Dimashq: 160 events and 1,876 deaths in March 2018 against a baseline of 60 and 240"."""
    with translation.override(language):
        n = lambda v: number_format(round(v), force_grouping=True)  # noqa: E731
        return _(
            "%(area)s: %(events)s and %(deaths)s in %(month)s against a baseline of %(base_events)s and %(base_deaths)s (score %(score)s)"
        ) % {
            "area": flag.area.name,
            "month": month_label(flag.month),
            "events": ngettext("%(n)s event", "%(n)s events", flag.events) % {"n": n(flag.events)},
            "deaths": ngettext("%(n)s death", "%(n)s deaths", flag.deaths) % {"n": n(flag.deaths)},
            "base_events": n(flag.baseline_events),
            "base_deaths": n(flag.baseline_deaths),
            "score": number_format(round(flag.score, 1), decimal_pos=1),
        }


def run_detector(
    first: int,
    last: int,
    *,
    region: Region | None = None,
    thresholds: rules.Thresholds = rules.DEFAULT,
    store: bool = True,
) -> list[rules.Flag]:
    """The flags of every month `first`..`last` (month indexes), each computed from data up to that
    month only. With `store`, alerts are created or refreshed; what analysts decided is kept."""
    coverage = selectors.coverage()
    if coverage["first"] is None:
        return []
    q = region.area_filter() if region is not None else Q()
    series = selectors.monthly_by_area(q, max(coverage["first"], first - thresholds.window), last)
    flags: list[rules.Flag] = []
    for month in range(first, last + 1):
        flags.extend(rules.detect(series, month, coverage["first"], thresholds))
    if store:
        _store(flags)
    return flags


@transaction.atomic
def _store(flags: Iterable[rules.Flag]) -> None:
    for flag in flags:
        year, month = rules.year_month(flag.month)
        values = {
            "score": flag.score,
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
                None,
                verb="monitoring.alert.raise",
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
        "score": flag.score,
        "events": flag.events,
        "deaths": flag.deaths,
        "baseline_events": round(flag.baseline_events, 2),
        "baseline_deaths": round(flag.baseline_deaths, 2),
        "events_score": flag.events_score,
        "deaths_score": flag.deaths_score,
        "explanation": explanation(flag, language),
    }


@transaction.atomic
def decide(
    actor: Any, alert: Alert, status: str, *, note: str = "", version: int | None = None
) -> Alert:
    """Acknowledge or dismiss an alert (escalation has its own service)."""
    permissions.require_analyst(actor)
    if status not in (AlertStatus.ACKNOWLEDGED, AlertStatus.DISMISSED, AlertStatus.NEW):
        raise DomainError("bad_status", _("Choose acknowledge or dismiss."), field="status")
    alert = _locked(alert, version)
    if alert.status == AlertStatus.ESCALATED:
        raise DomainError(
            "escalated", _("This alert was escalated to a joint assessment; it is decided there.")
        )
    before = alert.status
    Alert.objects.filter(pk=alert.pk).update(
        status=status,
        note=note,
        decided_by=actor,
        decided_at=timezone.now(),
        version=alert.version + 1,
    )
    alert.refresh_from_db()
    record(
        actor,
        verb="monitoring.alert.decide",
        target=alert,
        changes={"status": [before, status]},
        summary=note[:200],
    )
    return alert


@transaction.atomic
def escalate(
    actor: Any,
    alert: Alert,
    *,
    note: str = "",
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Alert:
    """Open an emergency consultation (a joint assessment) with the alert attached."""
    permissions.require_analyst(actor)
    alert = _locked(alert, version)
    if alert.consultation_id:
        raise DomainError("escalated", _("This alert was already escalated."))
    route = Route.objects.filter(code=getattr(settings, "CONCORD_ALERT_ROUTE", "emergency")).first()
    if route is None:
        raise DomainError("no_route", _("No route for joint assessments is configured."))
    place = (
        f"{alert.area} ({country_name(alert.country, 'ru')})"
        if alert.level == Level.ADM1
        else country_name(alert.country, "ru")
    )
    place_en = (
        f"{alert.area} ({country_name(alert.country, 'en')})"
        if alert.level == Level.ADM1
        else country_name(alert.country, "en")
    )
    reason = (
        f"{alert.explanation_ru}\n{alert.explanation_en}\n"
        + (f"\n{note}" if note else "")
        + f"\n[alert {alert.pk}]"
    )
    consultation = consultations.open_consultation(
        actor=actor,
        kind=QuestionKind.ASSESSMENT,
        route=route,
        emergency=True,
        reason=reason,
        title_ru=f"Совместная оценка: {place}, {alert.period:%m.%Y}",
        title_en=f"Joint assessment: {place_en}, {alert.period:%m/%Y}",
        now=now or timezone.now(),
    )
    Alert.objects.filter(pk=alert.pk).update(
        status=AlertStatus.ESCALATED,
        consultation=consultation,
        note=note,
        decided_by=actor,
        decided_at=timezone.now(),
        version=alert.version + 1,
    )
    alert.refresh_from_db()
    record(actor, verb="monitoring.alert.escalate", target=alert, summary=str(consultation))
    return alert


def _locked(alert: Alert, version: int | None) -> Alert:
    current = Alert.objects.select_for_update().get(pk=alert.pk)
    if version is not None and current.version != version:
        raise Conflict("stale", _("Someone decided on this alert since you opened it. Reload it."))
    return current


@transaction.atomic
def save_region(
    actor: Any,
    region: Region | None,
    *,
    code: str,
    name_ru: str,
    name_en: str,
    countries: list[str],
    provinces: list[str],
    version: int | None = None,
) -> Region:
    permissions.require_analyst(actor)
    if region is None:
        region = Region(code=code)
    else:
        region = Region.objects.select_for_update().get(pk=region.pk)
        if version is not None and region.version != version:
            raise Conflict(
                "stale", _("Someone changed this region since you opened it. Reload it.")
            )
        region.version += 1
    before = {"countries": region.countries, "provinces": region.provinces}
    region.name_ru, region.name_en, region.countries, region.provinces = (
        name_ru,
        name_en,
        countries,
        provinces,
    )
    region.save()
    record(
        actor,
        verb="monitoring.region.save",
        target=region,
        changes={
            "countries": [before["countries"], countries],
            "provinces": [before["provinces"], provinces],
        },
    )
    return region


# --- Situation reports --------------------------------------------------------------------------


def key_figures(region: Region, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Events and deaths of the period and of the one before, by country and top provinces, and the
    alerts of the period: what the draft is written from."""
    length = end - start
    now = selectors.Filters(region=region, start=start, end=end)
    before = selectors.Filters(
        region=region, start=start - length - dt.timedelta(days=1), end=start - dt.timedelta(days=1)
    )

    def totals(f: selectors.Filters) -> dict[str, int]:
        return {
            k: v or 0
            for k, v in selectors.events(f)
            .aggregate(events=Count("id"), deaths=Sum("best"))
            .items()
        }

    alerts = Alert.objects.filter(
        region.area_filter(), period__gte=start.replace(day=1), period__lte=end
    ).order_by("-score")
    return {
        "now": totals(now),
        "before": totals(before),
        "countries": [
            {"country": r["country"], "events": r["events"], "deaths": r["deaths"] or 0}
            for r in selectors.by_area(now, Level.COUNTRY)
        ],
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
    }


def draft_text(
    region: Region, start: dt.date, end: dt.date, figures: dict[str, Any], language: str
) -> tuple[str, str]:
    with translation.override(language):
        n = lambda v: number_format(v, force_grouping=True)  # noqa: E731
        title = _("Situation report: %(region)s, %(start)s – %(end)s") % {
            "region": region.name_ru if language == "ru" else region.name_en,
            "start": start.strftime("%d.%m.%Y"),
            "end": end.strftime("%d.%m.%Y"),
        }
        now, before = figures["now"], figures["before"]
        lines = [
            _(
                "Key figures: %(events)s events and %(deaths)s deaths (previous period: %(pe)s and %(pd)s)."
            )
            % {
                "events": n(now["events"]),
                "deaths": n(now["deaths"]),
                "pe": n(before["events"]),
                "pd": n(before["deaths"]),
            }
        ]
        if figures["countries"]:
            lines.append(_("By country:"))
            lines += [
                f"– {country_name(c['country'], language)}: {n(c['events'])} / {n(c['deaths'])}"
                for c in figures["countries"]
            ]
        if figures["provinces"]:
            lines.append(_("Most affected provinces:"))
            lines += [
                f"– {p['adm_1']} ({p['country']}): {n(p['events'])} / {n(p['deaths'])}"
                for p in figures["provinces"]
            ]
        lines.append(
            _("Alerts of the period:") if figures["alerts"] else _("No alerts in the period.")
        )
        lines += [f"– {a[language]}" for a in figures["alerts"]]
        lines.append(_("Assessment: (to be written by the analyst)"))
        return title, "\n".join(lines)


@transaction.atomic
def draft_report(actor: Any, region: Region, period: str, end: dt.date) -> SituationReport:
    """The system's draft for the week or month ending on `end`."""
    permissions.require_analyst(actor)
    if period not in ReportPeriod.values:
        raise DomainError("bad_period", _("Choose weekly or monthly."), field="period")
    start = end - dt.timedelta(days=6) if period == ReportPeriod.WEEKLY else end.replace(day=1)
    figures = key_figures(region, start, end)
    (title_ru, body_ru), (title_en, body_en) = (
        draft_text(region, start, end, figures, "ru"),
        draft_text(region, start, end, figures, "en"),
    )
    viewer = actor.viewer if actor is not None else None
    report = SituationReport.objects.create(
        region=region,
        period=period,
        starts_on=start,
        ends_on=end,
        title_ru=title_ru,
        title_en=title_en,
        body_ru=body_ru,
        body_en=body_en,
        figures=figures,
        created_by=actor,
        owner_body_id=(viewer.body_id if viewer and viewer.body_id else _secretariat_id()),
    )
    record(actor, verb="monitoring.report.draft", target=report, summary=title_en)
    return report


def _secretariat_id() -> int:
    from concord.organization.models import Body

    return Body.objects.get(is_secretariat=True).pk


@transaction.atomic
def edit_report(
    actor: Any,
    report: SituationReport,
    *,
    title_ru: str,
    title_en: str,
    body_ru: str,
    body_en: str,
    version: int | None,
) -> SituationReport:
    permissions.require_analyst(actor)
    report = SituationReport.objects.select_for_update().get(pk=report.pk)
    if version is not None and report.version != version:
        raise Conflict(
            "stale",
            _(
                "Someone changed this report since you opened it. Reload it: your input was kept below."
            ),
        )
    if report.status != ReportStatus.DRAFT:
        raise DomainError("not_editable", _("An approved report is not edited."))
    before = {"title_en": report.title_en, "body_en": report.body_en, "body_ru": report.body_ru}
    report.title_ru, report.title_en, report.body_ru, report.body_en = (
        title_ru,
        title_en,
        body_ru,
        body_en,
    )
    report.version += 1
    report.save()
    record(
        actor,
        verb="monitoring.report.edit",
        target=report,
        changes={k: [v, getattr(report, k)] for k, v in before.items() if v != getattr(report, k)},
    )
    return report


@transaction.atomic
def approve_report(
    actor: Any, report: SituationReport, *, version: int | None = None
) -> SituationReport:
    permissions.require_analyst(actor)
    return _move(
        actor,
        report,
        ReportStatus.DRAFT,
        ReportStatus.APPROVED,
        version,
        approved_by=actor,
        approved_at=timezone.now(),
    )


@transaction.atomic
def share_report(
    actor: Any, report: SituationReport, *, version: int | None = None
) -> SituationReport:
    """Shared with the member states: from now on every delegation sees it."""
    if not (permissions.is_analyst(actor) or permissions.sees_alerts(actor)):
        raise NotAllowed("not_allowed", _("Only an analyst or the Secretariat shares a report."))
    return _move(
        actor, report, ReportStatus.APPROVED, ReportStatus.SHARED, version, shared_at=timezone.now()
    )


def _move(
    actor: Any, report: SituationReport, before: str, after: str, version: int | None, **fields: Any
) -> SituationReport:
    report = SituationReport.objects.select_for_update().get(pk=report.pk)
    if version is not None and report.version != version:
        raise Conflict(
            "stale",
            _(
                "Someone changed this report since you opened it. Reload it: your input was kept below."
            ),
        )
    if report.status != before:
        raise DomainError("wrong_status", _("This step is not possible now."))
    for name, value in {"status": after, "version": report.version + 1, **fields}.items():
        setattr(report, name, value)
    report.save()  # save, not update: the search index follows the report's visibility
    record(
        actor, verb=f"monitoring.report.{after}", target=report, changes={"status": [before, after]}
    )
    return report
