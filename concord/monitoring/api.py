import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from concord.core.actors import actor_of
from concord.core.api import ErrorOut, Pages, StrictIn
from concord.core.errors import Code as CoreCode
from concord.core.errors import DomainError, NotAllowed

from . import permissions, selectors, services
from .codes import Code
from .models import Region
from .states import AlertStatus

router = Router(tags=["monitoring"])


class EventOut(Schema):
    source: str
    source_id: str
    date_start: dt.date
    date_end: dt.date
    country: str
    country_name: str
    adm_1: str
    adm_2: str
    latitude: float | None
    longitude: float | None
    violence: int | None
    conflict: str
    dyad: str
    side_a: str
    side_b: str
    best: int
    low: int
    high: int
    civilians: int


class EventFilters(Schema):
    region: str | None = None
    country: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    violence: int | None = None
    actor: str | None = None


class RegionOut(Schema):
    code: str
    name_ru: str
    name_en: str
    countries: list[str]
    provinces: list[str]


class AlertOut(Schema):
    id: int
    level: str
    country: str
    area: str
    period: str
    score: float
    events: int
    deaths: int
    baseline_events: float
    baseline_deaths: float
    explanation_ru: str
    explanation_en: str
    status: str
    consultation: int | None


class AlertDecisionIn(StrictIn):
    decision: str
    note: str = ""
    version: int | None = None


class SituationReportOut(Schema):
    id: int
    region: str
    period: str
    starts_on: dt.date
    ends_on: dt.date
    title_ru: str
    title_en: str
    body_ru: str
    body_en: str
    status: str
    figures: dict[str, Any]


def _alert(a: Any) -> dict[str, Any]:
    return {
        **{
            f: getattr(a, f)
            for f in (
                "id",
                "level",
                "country",
                "area",
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


@router.get("/events", response=list[EventOut])
@paginate(Pages, page_size=100)
def list_events(request: HttpRequest, filters: Query[EventFilters]) -> Any:
    """Conflict events (open data: every signed-in user), filtered like the situation picture."""
    region = Region.objects.filter(code=filters.region).first() if filters.region else None
    if filters.region and region is None:
        raise DomainError(Code.UNKNOWN_REGION, _("Unknown region."), field="region")
    chosen = selectors.Filters(
        region=region,
        country=(filters.country or "").upper()[:3],
        start=filters.start,
        end=filters.end,
        violence=filters.violence,
        actor=(filters.actor or "")[:100],
    )
    return selectors.events(chosen).order_by("-date_start", "source_id")


@router.get("/regions", response=list[RegionOut])
def list_regions(request: HttpRequest) -> Any:
    return selectors.regions()


@router.get("/alerts", response={200: list[AlertOut], 403: ErrorOut})
@paginate(Pages, page_size=100)
def list_alerts(request: HttpRequest, status: str | None = None, country: str | None = None) -> Any:
    if not permissions.sees_alerts(request.user):
        raise NotAllowed(CoreCode.NOT_ALLOWED, _("Alerts are for analysts and the Secretariat."))
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


@router.get("/situation-reports", response=list[SituationReportOut])
def list_reports(request: HttpRequest) -> Any:
    return [
        {
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
                )
            },
            "region": r.region.code,
        }
        for r in selectors.reports(request.user)
    ]
