"""Everything that changes monitoring data beyond imports: regions, alerts and what analysts decide on
them, situation reports. Every change is audited."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.audit.services import record
from concord.consultations import selectors as consultation_selectors
from concord.consultations import services as consultations
from concord.consultations.states import QuestionKind
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import Conflict, DomainError
from concord.core.models import viewer_of
from concord.documents import services as documents
from concord.organization.models import Body

from . import permissions
from .codes import Code, Verb
from .countries import bad_provinces, unknown_countries
from .countries import name as country_name
from .detection import as_json, explanation, run_detector
from .drafting import draft_text, key_figures
from .models import Alert, Region, SituationReport
from .states import ALERT_FLOW, REPORT_FLOW, AlertStatus, Level, ReportPeriod, ReportStatus

__all__ = ["as_json", "explanation", "run_detector"]  # the detector's writes live in detection.py

ANALYSTS_ONLY = gettext_lazy("Only an analyst may do this.")


def decide_alert(
    alert: Alert, *, actor: Actor, status: str, note: str = "", version: int | None = None
) -> Alert:
    """Acknowledge or dismiss an alert, or make it new again (escalation has its own service)."""
    require(permissions.is_analyst(actor), ANALYSTS_ONLY)
    if status not in (AlertStatus.ACKNOWLEDGED, AlertStatus.DISMISSED, AlertStatus.NEW):
        raise DomainError(Code.BAD_STATUS, _("Choose acknowledge or dismiss."), field="status")
    return transition(
        alert,
        status,
        flow=ALERT_FLOW,
        actor=actor,
        verb=Verb.DECIDE_ALERT,
        version=version,
        summary=note[:200],
        note=note,
        decided_by=user_of(actor),
        decided_at=timezone.now(),
    )


@transaction.atomic
def escalate_alert(
    alert: Alert,
    *,
    actor: Actor,
    note: str = "",
    version: int | None = None,
    now: dt.datetime | None = None,
) -> Alert:
    """Open an emergency consultation (a joint assessment) with the alert attached."""
    require(permissions.is_analyst(actor), ANALYSTS_ONLY)
    alert = lock(alert, version=version)
    ALERT_FLOW.check(alert.status, AlertStatus.ESCALATED)
    route = consultation_selectors.route(getattr(settings, "CONCORD_ALERT_ROUTE", "emergency"))
    if route is None:
        raise DomainError(Code.NO_ROUTE, _("No route for joint assessments is configured."))
    title_ru = f"Совместная оценка: {_place(alert, 'ru')}, {alert.period:%m.%Y}"
    title_en = f"Joint assessment: {_place(alert, 'en')}, {alert.period:%m/%Y}"
    draft = documents.create_document(
        actor=actor,
        kind="draft_decision",
        marking="official",
        units=[("title", title_ru, title_en), *_assessment_paragraphs(alert, note)],
    )
    consultation = consultations.open_consultation(
        actor=actor,
        kind=QuestionKind.ASSESSMENT,
        route=route,
        document=draft,
        emergency=True,
        reason=_escalation_reason(alert, note),
        clock=dt.timedelta(hours=getattr(settings, "CONCORD_ALERT_CLOCK_HOURS", 24)),
        title_ru=title_ru,
        title_en=title_en,
        now=now or timezone.now(),
    )
    return transition(
        alert,
        AlertStatus.ESCALATED,
        flow=ALERT_FLOW,
        actor=actor,
        verb=Verb.ESCALATE_ALERT,
        summary=str(consultation),
        consultation=consultation,
        note=note,
        decided_by=user_of(actor),
        decided_at=timezone.now(),
    )


def _assessment_paragraphs(alert: Alert, note: str) -> list[tuple[str, str, str]]:
    """The draft the Secretariat edits: what the alert found, the analyst's note, the decision to
    be written."""
    return [
        ("paragraph", alert.explanation_ru, alert.explanation_en),
        *([("paragraph", note, note)] if note.strip() else []),
        (
            "paragraph",
            "Государства — члены Организации оценивают обстановку и … (текст готовит Секретариат).",
            "The member states assess the situation and … (the Secretariat drafts this text).",
        ),
    ]


def _place(alert: Alert, language: str) -> str:
    country = country_name(alert.country, language)
    return f"{alert.area} ({country})" if alert.level == Level.ADM1 else country


def _escalation_reason(alert: Alert, note: str) -> str:
    return (
        f"{alert.explanation_ru}\n{alert.explanation_en}\n"
        + (f"\n{note}" if note else "")
        + f"\n[alert {alert.pk}]"
    )


@transaction.atomic
def save_region(
    region: Region | None,
    *,
    actor: Actor,
    code: str,
    name_ru: str,
    name_en: str,
    countries: list[str],
    provinces: list[str],
    version: int | None = None,
) -> Region:
    require(permissions.is_analyst(actor), ANALYSTS_ONLY)
    _check_area(countries, provinces)
    if region is None:
        if Region.objects.filter(code=code).exists():
            raise Conflict(Code.REGION_EXISTS, _("A region with this code exists."), field="code")
        region = Region(code=code)
    else:
        region = lock(region, version=version)
        region.version += 1
    before = {"countries": region.countries, "provinces": region.provinces}
    region.name_ru, region.name_en = name_ru, name_en
    region.countries, region.provinces = countries, provinces
    region.save()
    record(
        Verb.SAVE_REGION,
        actor=actor,
        target=region,
        changes={
            "countries": [before["countries"], countries],
            "provinces": [before["provinces"], provinces],
        },
    )
    return region


def _check_area(countries: list[str], provinces: list[str]) -> None:
    unknown = unknown_countries(countries)
    if unknown:
        raise DomainError(
            Code.UNKNOWN_COUNTRY,
            _("Unknown ISO3 codes: %(codes)s") % {"codes": ", ".join(unknown)},
            field="countries",
        )
    bad = bad_provinces(provinces)
    if bad:
        raise DomainError(
            Code.BAD_PROVINCE,
            _("Write each province as ISO3/name, e.g. RUS/Belgorod: %(bad)s")
            % {"bad": "; ".join(bad)},
            field="provinces",
        )


# --- Situation reports --------------------------------------------------------------------------


@transaction.atomic
def draft_report(region: Region, *, actor: Actor, period: str, end: dt.date) -> SituationReport:
    """The system's draft for the week or month ending on `end`."""
    require(permissions.is_analyst(actor), ANALYSTS_ONLY)
    if period not in ReportPeriod.values:
        raise DomainError(Code.BAD_PERIOD, _("Choose weekly or monthly."), field="period")
    start = end - dt.timedelta(days=6) if period == ReportPeriod.WEEKLY else end.replace(day=1)
    figures = key_figures(region, start, end)
    (title_ru, body_ru), (title_en, body_en) = (
        draft_text(region, start, end, figures, "ru"),
        draft_text(region, start, end, figures, "en"),
    )
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
        created_by=user_of(actor),
        owner_body_id=viewer_of(actor).body_id or _secretariat_id(),
    )
    record(Verb.DRAFT_REPORT, actor=actor, target=report, summary=title_en)
    return report


def _secretariat_id() -> int:
    return Body.objects.get(is_secretariat=True).pk


@transaction.atomic
def edit_report(
    report: SituationReport,
    *,
    actor: Actor,
    title_ru: str,
    title_en: str,
    body_ru: str,
    body_en: str,
    version: int | None,
) -> SituationReport:
    require(permissions.is_analyst(actor), ANALYSTS_ONLY)
    report = lock(report, version=version)
    if report.status != ReportStatus.DRAFT:
        raise DomainError(Code.NOT_EDITABLE, _("An approved report is not edited."))
    before = {"title_en": report.title_en, "body_en": report.body_en, "body_ru": report.body_ru}
    report.title_ru, report.title_en = title_ru, title_en
    report.body_ru, report.body_en = body_ru, body_en
    report.version += 1
    report.save()
    record(
        Verb.EDIT_REPORT,
        actor=actor,
        target=report,
        changes={k: [v, getattr(report, k)] for k, v in before.items() if v != getattr(report, k)},
    )
    return report


def approve_report(
    report: SituationReport, *, actor: Actor, version: int | None = None
) -> SituationReport:
    require(permissions.is_analyst(actor), ANALYSTS_ONLY)
    return transition(
        report,
        ReportStatus.APPROVED,
        flow=REPORT_FLOW,
        actor=actor,
        verb=Verb.APPROVE_REPORT,
        version=version,
        approved_by=user_of(actor),
        approved_at=timezone.now(),
    )


def share_report(
    report: SituationReport, *, actor: Actor, version: int | None = None
) -> SituationReport:
    """Shared with the member states: from now on every delegation sees it."""
    require(
        permissions.works_on_reports(actor),
        _("Only an analyst or the Secretariat shares a report."),
    )
    return transition(
        report,
        ReportStatus.SHARED,
        flow=REPORT_FLOW,
        actor=actor,
        verb=Verb.SHARE_REPORT,
        version=version,
        shared_at=timezone.now(),
    )
