"""Reads of deployments, scoped to the user: the list with its totals, one deployment with its rows,
its chronology (one ordered list of dated steps merged from the deployment, its contingents, sites and
log; a pure function over the loaded rows) and the crisis picture (the consultation's clock, the
alerts and conflict events in the host country around the dates, the sites on the map)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from concord.consultations import selectors as consultation_selectors
from concord.core.actors import Someone
from concord.core.models import in_language
from concord.monitoring import selectors as monitoring

from . import permissions
from .deployment_rules import time_zone_of
from .models import Contingent, Deployment, LogEntry, ProtectedSite
from .states import LogKind


def _sum_of(column: str, **filters: Any) -> Coalesce:
    rows = (
        Contingent.objects.filter(deployment=OuterRef("pk"), **filters)
        .order_by()
        .values("deployment")
        .annotate(total=Sum(column))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def _count_of(model: type[Any], **filters: Any) -> Coalesce:
    rows = (
        model.objects.filter(deployment=OuterRef("pk"), **filters)
        .order_by()
        .values("deployment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def deployments(user: Someone) -> QuerySet[Deployment]:
    """What the user may see, newest request first, with the personnel and equipment that arrived,
    the contingents accepted and the sites protected: one query."""
    return (
        permissions.deployments_visible_to(user)
        .select_related("host", "lead_state")
        .annotate(
            personnel=_sum_of("strength", arrived_at__isnull=False),
            equipment_total=_sum_of("equipment", arrived_at__isnull=False),
            n_contingents=_count_of(Contingent, accepted_at__isnull=False),
            n_sites=_count_of(ProtectedSite),
        )
        .order_by("-requested_at", "-pk")
    )


def deployment(user: Someone, pk: int) -> Deployment:
    found = (
        permissions.deployments_visible_to(user)
        .select_related("host", "lead_state", "formation", "consultation")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


# --- One deployment: its rows, totals and chronology -------------------------------------------------


@dataclass(frozen=True)
class Totals:
    personnel: int  # of the contingents that arrived
    equipment: int
    contingents: int  # accepted
    states: int
    sites: int


@dataclass(frozen=True)
class Step:
    """One line of the chronology: when, what happened, who acted."""

    at: dt.datetime
    what: str
    who: str
    detail: str = ""
    kind: str = ""
    date_only: bool = False  # known to the day only
    demo: bool = False


@dataclass
class Record:
    deployment: Deployment
    contingents: list[Contingent]
    sites: list[ProtectedSite]
    log: list[LogEntry]
    totals: Totals
    steps: list[Step] = field(default_factory=list)
    time_zone: str = "UTC"


def record(d: Deployment) -> Record:
    """The deployment's rows in four queries, whatever their number."""
    contingents = list(d.contingents.select_related("state", "unit").order_by("offered_at", "pk"))
    sites = list(d.sites.select_related("contingent__state").order_by("since", "pk"))
    log = list(d.log.select_related("state", "recorded_by").order_by("at", "pk"))
    return Record(
        deployment=d,
        contingents=contingents,
        sites=sites,
        log=log,
        totals=totals(contingents, sites),
        steps=chronology(d, contingents, sites, log),
        time_zone=time_zone_of(d.host.iso2),
    )


def totals(contingents: list[Contingent], sites: list[ProtectedSite]) -> Totals:
    arrived = [c for c in contingents if c.arrived_at is not None]
    accepted = [c for c in contingents if c.accepted_at is not None]
    return Totals(
        personnel=sum(c.strength or 0 for c in arrived),
        equipment=sum(c.equipment or 0 for c in arrived),
        contingents=len(accepted),
        states=len({c.state_id for c in accepted}),
        sites=len(sites),
    )


def _day(on: dt.date) -> dt.datetime:
    return dt.datetime.combine(on, dt.time(12), dt.UTC)


def chronology(
    d: Deployment,
    contingents: list[Contingent],
    sites: list[ProtectedSite],
    log: list[LogEntry],
) -> list[Step]:
    """Every dated step of the deployment in time order. At the same moment the order of the way is
    kept (a stable sort: the request before the clock), and what sums the contingents up (the forces
    deployed, the withdrawal completed) comes after the contingent that made it so."""
    steps = [
        *_deployment_steps(d),
        *(s for c in contingents for s in _contingent_steps(c)),
        *(_site_step(s) for s in sites if s.since is not None),
        *(_log_step(e) for e in log if e.kind != LogKind.UN_INFORMED),
    ]
    return sorted(steps, key=lambda s: (s.at, s.kind in SUMMING_UP))


SUMMING_UP = {"deployed", "withdrawn"}


def _deployment_steps(d: Deployment) -> list[Step]:
    host, council = d.host.name, _("Collective Security Council")
    steps = [
        Step(d.requested_at, _("Official request received"), host, d.letter_reference, "request")
    ]
    if d.consultation_id is not None and d.consultation is not None:
        clock = d.consultation.decide_by
        detail = (
            _("decision clock to %(at)s UTC") % {"at": f"{clock:%d.%m.%Y %H:%M}"} if clock else ""
        )
        steps.append(
            Step(
                d.requested_at, _("Emergency consultation opened"), council, detail, "consultation"
            )
        )
    if d.decided_at is not None:
        refused = d.status == "refused"
        what = _("Ended without a decision to deploy") if refused else _("Decision to deploy")
        detail = "; ".join(x for x in (d.decision_reference, d.legal_basis) if x)
        steps.append(Step(d.decided_at, what, council, detail, "decision"))
    if d.deployed_at is not None:
        steps.append(
            Step(d.deployed_at, _("Forces deployed (first arrival)"), d.commander, "", "deployed")
        )
    if d.completion_decided_at is not None:
        what = _("Decision to complete the deployment")
        steps.append(
            Step(d.completion_decided_at, what, council, d.completion_reference, "completion")
        )
    if d.withdrawn_at is not None:
        steps.append(Step(d.withdrawn_at, _("Withdrawal completed"), "", "", "withdrawn"))
    if d.reported_at is not None:
        detail = d.report_reference or _("the document is not on record")
        steps.append(
            Step(
                d.reported_at,
                _("Secretary General's report"),
                _("Secretary General"),
                detail,
                "report",
            )
        )
    if d.un_informed_on is not None:
        what = _("UN Security Council informed")
        steps.append(Step(_day(d.un_informed_on), what, _("Secretariat"), "", "un", date_only=True))
    return steps


def _contingent_steps(c: Contingent) -> list[Step]:
    state = c.state.name
    people = number_format(c.offered, force_grouping=True)
    steps = [
        Step(
            c.offered_at,
            _("Contingent offered"),
            state,
            _("%(n)s personnel") % {"n": people},
            "offer",
            demo=c.demo,
        )
    ]
    if c.accepted_at is not None:
        detail = _("%(n)s personnel, %(e)s equipment") % {
            "n": number_format(c.strength or 0, force_grouping=True),
            "e": c.equipment if c.equipment is not None else "—",
        }
        steps.append(
            Step(c.accepted_at, _("Contingent accepted"), state, detail, "acceptance", demo=c.demo)
        )
    if c.arrived_at is not None:
        steps.append(Step(c.arrived_at, _("Contingent arrived"), state, "", "arrival"))
    if c.withdrawn_at is not None:
        steps.append(Step(c.withdrawn_at, _("Contingent withdrawn"), state, "", "withdrawal"))
    return steps


def _site_step(s: ProtectedSite) -> Step:
    assert s.since is not None
    who = s.contingent.state.name if s.contingent else ""
    return Step(s.since, _("Site taken under protection"), who, s.name, "site", demo=s.demo)


def _log_step(e: LogEntry) -> Step:
    who = e.state.name if e.state else ""
    text = in_language(e.text_ru, e.text_en)
    return Step(e.at, e.get_kind_display(), who, text, f"log-{e.kind}", demo=e.demo)


# --- The crisis picture --------------------------------------------------------------------------


@dataclass
class Clock:
    decide_by: dt.datetime | None
    status: str
    status_display: str
    hours_left: float | None  # negative once the clock has run out; None when over or none
    consultation_id: int | None


@dataclass
class Picture:
    record: Record
    clock: Clock | None
    alerts: list[Any]
    events: list[Any]
    provinces: list[dict[str, Any]]
    window: tuple[dt.date, dt.date]
    points: list[dict[str, Any]]


def clock(user: Someone, d: Deployment, now: dt.datetime) -> Clock | None:
    """The emergency consultation's decision clock, as the user may see the consultation."""
    if d.consultation_id is None:
        return None
    c = consultation_selectors.consultations(user).filter(pk=d.consultation_id).first()
    if c is None:
        return None
    running = c.status == "open" and c.decide_by is not None
    left = (c.decide_by - now).total_seconds() / 3600 if running and c.decide_by else None
    return Clock(c.decide_by, c.status, c.get_status_display(), left, c.pk)


def window(d: Deployment, now: dt.datetime) -> tuple[dt.date, dt.date]:
    """The days the picture looks at: from a month before the request to the withdrawal (or today)."""
    start = d.requested_at.date() - dt.timedelta(days=30)
    end = (d.withdrawn_at or d.reported_at or now).date()
    return start, max(end, d.requested_at.date())


def picture(user: Someone, d: Deployment, *, now: dt.datetime) -> Picture:
    """Everything the Crisis Response Centre looks at for one crisis, in a fixed number of queries."""
    rec = record(d)
    start, end = window(d, now)
    filters = monitoring.Filters(country=d.host.iso3, start=start, end=end)
    events = list(
        monitoring.events(filters)
        .order_by("-date_start", "-best", "pk")
        .only("date_start", "adm_1", "dyad", "best", "latitude", "longitude", "country")[:100]
    )
    alerts = list(
        monitoring.alerts(user)
        .filter(Q(country=d.host.iso3), period__gte=start.replace(day=1), period__lte=end)
        .order_by("-period", "-score")[:20]
    )
    return Picture(
        record=rec,
        clock=clock(user, d, now),
        alerts=alerts,
        events=events,
        provinces=monitoring.by_area(filters, "adm1")[:10],
        window=(start, end),
        points=map_points(rec.sites, events),
    )


def map_points(sites: list[ProtectedSite], events: list[Any]) -> list[dict[str, Any]]:
    """What the map draws: the sites (demo coordinates say so) and the conflict events."""
    points = [
        {"kind": "site", "lat": s.latitude, "lon": s.longitude, "label": s.name, "demo": s.demo}
        for s in sites
        if s.latitude is not None and s.longitude is not None
    ]
    points += [
        {
            "kind": "event",
            "lat": e.latitude,
            "lon": e.longitude,
            "label": f"{e.date_start:%d.%m.%Y} {e.adm_1} · {e.dyad} · {e.best}",
            "demo": False,
        }
        for e in events
        if e.latitude is not None and e.longitude is not None
    ]
    return points
