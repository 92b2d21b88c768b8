import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import paginate

from concord.core.actors import actor_of
from concord.core.api import ErrorOut, Pages
from concord.core.errors import Code as CoreCode
from concord.core.errors import DomainError, NotAllowed

from . import coverage, permissions, selectors, services
from .codes import Code
from .models import Region, SituationReport
from .schemas import (
    AlertDecisionIn,
    AlertOut,
    EventCoverageOut,
    EventFilters,
    EventPageIn,
    EventPageOut,
    NewSituationReportIn,
    RegionEditIn,
    RegionFields,
    RegionIn,
    RegionOut,
    ReportStepIn,
    SituationReportIn,
    SituationReportOut,
)
from .states import AlertStatus

router = Router(tags=["monitoring"])


def _alert(a: Any) -> dict[str, Any]:
    return {
        **{
            f: getattr(a, f)
            for f in (
                "id",
                "level",
                "country",
                "area",
                "rule",
                "score",
                "events",
                "deaths",
                "baseline_events",
                "baseline_deaths",
                "explanation_ru",
                "explanation_en",
                "status",
            )
        },
        "period": a.period.strftime("%Y-%m"),
        "consultation": a.consultation_id,
    }


def _chosen(filters: EventFilters) -> selectors.Filters:
    region = Region.objects.filter(code=filters.region).first() if filters.region else None
    if filters.region and region is None:
        raise DomainError(Code.UNKNOWN_REGION, _("Unknown region."), field="region")
    return selectors.Filters(
        region=region,
        country=(filters.country or "").upper()[:3],
        start=filters.start,
        end=filters.end,
        violence=filters.violence,
        actor=(filters.actor or "")[:100],
    )


def _cursor(text: str | None) -> selectors.Key | None:
    """A page's `next` (`2019-11-30.1234`: the date and id of its last event) read back."""
    if not text:
        return None
    day, _sep, pk = text.partition(".")
    try:
        key = dt.date.fromisoformat(day), int(pk)
        if not 0 < key[1] < 2**63:  # the database's integers
            raise ValueError(pk)
        return key
    except ValueError:
        raise DomainError(
            Code.BAD_CURSOR,
            _("Not a cursor of this list: use the `next` of a page."),
            field="cursor",
        ) from None


@router.get("/events", response={200: EventPageOut, 400: ErrorOut})
def list_events(
    request: HttpRequest, filters: Query[EventFilters], page: Query[EventPageIn]
) -> dict[str, Any]:
    """Conflict events (open data: every signed-in user), filtered like the situation picture,
    newest first. Paged by key: pass a page's `next` as `cursor` for the following one (null on
    the last); there is no total. No events where `/events/coverage` says `none` means no event
    data, not zero."""
    rows, last = selectors.event_page(_chosen(filters), _cursor(page.cursor), page.page_size)
    return {"items": rows, "next": f"{last[0].isoformat()}.{last[1]}" if last else None}


@router.get("/events/coverage", response={200: EventCoverageOut, 400: ErrorOut})
def event_coverage(request: HttpRequest, filters: Query[EventFilters]) -> Any:
    """What the event data covers of the same selection: per country covered, partial or none (no
    event data), the months no source covers, and the sources with their notes."""
    return coverage.of_filters(_chosen(filters)).as_json()


@router.get("/regions", response=list[RegionOut])
def list_regions(request: HttpRequest) -> Any:
    return selectors.regions()


@router.get("/alerts", response={200: list[AlertOut], 403: ErrorOut})
@paginate(Pages, page_size=100)
def list_alerts(request: HttpRequest, status: str | None = None, country: str | None = None) -> Any:
    if not permissions.sees_alerts(request.user):
        raise NotAllowed(
            CoreCode.NOT_ALLOWED, _("Alerts are for analysts, the Secretariat and the Joint Staff.")
        )
    alerts = selectors.alerts(request.user)
    if status:
        alerts = alerts.filter(status=status)
    if country:
        alerts = alerts.filter(country=country.upper())
    return [_alert(a) for a in alerts]


@router.post(
    "/alerts/{pk}",
    response={200: AlertOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def decide_alert(request: HttpRequest, pk: int, payload: AlertDecisionIn) -> Any:
    """`acknowledged`, `dismissed` or `escalate` (opens a joint assessment)."""
    alert = selectors.alert(request.user, pk)
    if payload.decision == "escalate":
        return _alert(
            services.escalate_alert(
                alert, actor=actor_of(request), note=payload.note, version=payload.version
            )
        )
    if payload.decision not in (AlertStatus.ACKNOWLEDGED, AlertStatus.DISMISSED):
        raise DomainError(
            Code.BAD_STATUS, _("Use acknowledged, dismissed or escalate."), field="decision"
        )
    return _alert(
        services.decide_alert(
            alert,
            actor=actor_of(request),
            status=payload.decision,
            note=payload.note,
            version=payload.version,
        )
    )


EDITING = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


def _area(payload: RegionFields) -> dict[str, Any]:
    return payload.model_dump(include={"name_ru", "name_en", "countries", "provinces"})


@router.post("/regions", response={201: RegionOut, **EDITING})
def create_region(request: HttpRequest, payload: RegionIn) -> Status[Region]:
    """A new region of concern (analysts)."""
    region = services.save_region(
        None, actor=actor_of(request), code=payload.code, **_area(payload)
    )
    return Status(201, region)


@router.put("/regions/{code}", response={200: RegionOut, **EDITING})
def edit_region(request: HttpRequest, code: str, payload: RegionEditIn) -> Region:
    """A region's names and area, all of them (analysts); its code stays."""
    region = selectors.region(code)
    return services.save_region(
        region,
        actor=actor_of(request),
        code=region.code,
        version=payload.version,
        **_area(payload),
    )


def _report_out(r: SituationReport) -> dict[str, Any]:
    return {
        **{
            f: getattr(r, f)
            for f in (
                "id",
                "period",
                "starts_on",
                "ends_on",
                "title_ru",
                "title_en",
                "body_ru",
                "body_en",
                "status",
                "figures",
                "version",
            )
        },
        "region": r.region.code,
    }


@router.get("/situation-reports", response=list[SituationReportOut])
def list_reports(request: HttpRequest) -> Any:
    """Shared reports; drafts and approved ones too for analysts and the Secretariat."""
    return [_report_out(r) for r in selectors.reports(request.user)]


@router.post("/situation-reports", response={201: SituationReportOut, **EDITING})
def draft_report(request: HttpRequest, payload: NewSituationReportIn) -> Status[dict[str, Any]]:
    """The system's draft from the data of the period, for an analyst to write the assessment."""
    region = Region.objects.filter(code=payload.region).first()
    if region is None:
        raise DomainError(Code.UNKNOWN_REGION, _("Unknown region."), field="region")
    report = services.draft_report(
        region, actor=actor_of(request), period=payload.period, end=payload.end
    )
    return Status(201, _report_out(report))


@router.get("/situation-reports/{pk}", response={200: SituationReportOut, 404: ErrorOut})
def get_report(request: HttpRequest, pk: int) -> Any:
    return _report_out(selectors.report(request.user, pk))


@router.put("/situation-reports/{pk}", response={200: SituationReportOut, **EDITING})
def edit_report(request: HttpRequest, pk: int, payload: SituationReportIn) -> Any:
    """The texts of a draft, all four (analysts)."""
    report = services.edit_report(
        selectors.report(request.user, pk), actor=actor_of(request), **payload.model_dump()
    )
    return _report_out(report)


@router.post("/situation-reports/{pk}/approve", response={200: SituationReportOut, **EDITING})
def approve_report(request: HttpRequest, pk: int, payload: ReportStepIn) -> Any:
    """Approved by an analyst: its texts are final."""
    report = services.approve_report(
        selectors.report(request.user, pk), actor=actor_of(request), version=payload.version
    )
    return _report_out(report)


@router.post("/situation-reports/{pk}/share", response={200: SituationReportOut, **EDITING})
def share_report(request: HttpRequest, pk: int, payload: ReportStepIn) -> Any:
    """Shared with the member states (an analyst or the Secretariat): every delegation sees it."""
    report = services.share_report(
        selectors.report(request.user, pk), actor=actor_of(request), version=payload.version
    )
    return _report_out(report)
