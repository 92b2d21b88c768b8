from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from concord.core.actors import actor_of
from concord.core.errors import DomainError
from concord.core.pagecache import cached_page
from concord.core.templatetags.language import in_page_script
from concord.core.views import int_param, show_error

from . import coverage, datacache, event_views, outputs, permissions, rules, selectors, services
from .codes import Code
from .countries import codes
from .countries import name as country_name
from .forms import (
    DecisionForm,
    NewReportForm,
    PictureForm,
    RegionEditForm,
    RegionForm,
    ReportForm,
)
from .models import Region
from .states import AlertStatus, Level, ReportStatus


def _page(
    request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    """A monitoring page, with what the section's menu offers this user: a link only to a page
    they may open."""
    menu = {"sees_alerts": permissions.sees_alerts(request.user)}
    return render(request, template, {**context, **menu}, status=status)


def _picture(
    request: HttpRequest, *, default_period: bool = False
) -> tuple[PictureForm, selectors.Filters]:
    """The picture's filters; on the page, without a period, the last 12 months of the selection's
    data (the map's data request always carries the period the page applied)."""
    form = PictureForm(request.GET, last_month=coverage.last_month if default_period else None)
    return form, form.filters()


@login_required
@cached_page
def picture(request: HttpRequest) -> HttpResponseBase:
    """The situation picture: map, filters, tables and the monthly series."""
    form, filters = _picture(request, default_period=True)
    if request.GET.get("format") == "csv":
        return outputs.csv_events(selectors.events(filters))
    figures = datacache.cached("picture", filters, lambda: _figures(filters))
    covered = figures["covered"]
    countries = coverage.with_coverage(
        figures["countries"], covered, lambda iso3: country_name(iso3, request.LANGUAGE_CODE)
    )
    provinces = figures["provinces"]
    query = QueryDict(mutable=True)  # with the period applied by default: the map asks for the same
    query.update(form.data)
    query.pop("format", None)
    counted = [c for c in countries if c["events"] is not None]
    return _page(
        request,
        "monitoring/picture.html",
        {
            "form": form,
            "countries": countries,
            "provinces": provinces[:50],
            "province_count": len(provinces),
            "total": None
            if covered.state == coverage.State.NONE
            else {
                "events": sum(c["events"] for c in counted),
                "deaths": sum(c["deaths"] or 0 for c in counted),
            },
            "chart": datacache.cached(  # drawing it costs more than the rest of the page
                "picture-chart",
                filters,
                lambda: outputs.series_chart(
                    coverage.series(figures["monthly"], covered),
                    _("Events and deaths per month"),
                ),
                language=request.LANGUAGE_CODE,
            ),
            "query": query.urlencode(),
            "covered": covered,
            "uncovered": [country_name(c, request.LANGUAGE_CODE) for c in covered.uncovered],
            "partly": [country_name(c, request.LANGUAGE_CODE) for c in covered.partly],
            "legend": outputs.map_legend(),
        },
        status=400 if form.errors else 200,
    )


def _figures(filters: selectors.Filters) -> dict[str, Any]:
    """The picture's figures for the filters, computed once per data version (datacache): the same
    for every signed-in user and language."""
    return {
        "covered": coverage.of_filters(filters),
        "countries": selectors.by_area(filters, Level.COUNTRY),
        "provinces": selectors.by_area(filters, Level.ADM1),
        "monthly": selectors.monthly(filters),
    }


@login_required
def area(request: HttpRequest, country: str) -> HttpResponse:
    """Time series of a country, or of one of its provinces (?adm1=), or of a conflict (?conflict=)."""
    country = country.upper()
    if country not in codes().by_iso3:
        raise Http404
    filters = selectors.Filters(
        country=country,
        adm_1=request.GET.get("adm1", "")[:120],
        conflict=request.GET.get("conflict", "")[:20],
    )
    covered = coverage.cover([country])
    rows = [
        {**row, "label": rules.month_text(row["month"])}
        for row in coverage.series(selectors.monthly(filters), covered)
    ]
    name = filters.adm_1 or country_name(country, request.LANGUAGE_CODE)
    conflicts = (
        selectors.events(selectors.Filters(country=country))
        .exclude(conflict_id="")
        .values("conflict_id", "conflict")
        .annotate(**_counts())
        .order_by("-deaths")[:20]
    )
    return _page(
        request,
        "monitoring/area.html",
        {
            "country": country,
            "name": name,
            "filters": filters,
            "chart": outputs.series_chart(
                rows, str(in_page_script(name)) or _("Events and deaths per month")
            ),
            "rows": rows,
            "provinces": selectors.by_area(selectors.Filters(country=country), Level.ADM1),
            "conflicts": conflicts,
            "alerts": selectors.alerts(request.user).filter(country=country)[:20],
            "covered": covered,
            "no_data": covered.state == coverage.State.NONE,
        },
    )


def _counts() -> dict[str, Any]:
    from django.db.models import Count, Sum

    return {"events": Count("id"), "deaths": Sum("best")}


@login_required
def yearly(request: HttpRequest, country: str) -> HttpResponse:
    country = country.upper()
    if country not in codes().by_iso3:
        raise Http404
    view = selectors.yearly(country)
    name = country_name(country, request.LANGUAGE_CODE)
    return _page(
        request,
        "monitoring/yearly.html",
        {
            "country": country,
            "name": name,
            "view": view,
            "chart": outputs.yearly_chart(
                view["years"], _("%(name)s: deaths per year (UCDP)") % {"name": name}
            ),
        },
    )


@login_required
@cached_page
def alert_list(request: HttpRequest) -> HttpResponse:
    if not permissions.sees_alerts(request.user):
        raise PermissionDenied
    alerts = selectors.alerts(request.user)
    status = request.GET.get("status", "")
    if status in AlertStatus.values:
        alerts = alerts.filter(status=status)
    region = Region.objects.filter(code=request.GET.get("region", "")).first()
    if region is not None:
        alerts = selectors.alerts_in(alerts, region)
    return _page(
        request,
        "monitoring/alert_list.html",
        {
            "alerts": alerts[:300],
            "status": status,
            "region": region,
            "regions": Region.objects.all(),
            "Status": AlertStatus,
        },
    )


@login_required
def alert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert(request.user, pk)
    form = DecisionForm(request.POST or None, initial={"version": alert.version})
    if request.method == "POST":
        if not permissions.is_analyst(request.user):
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            try:
                if d["decision"] == "escalate":
                    alert = services.escalate_alert(
                        alert, actor=actor_of(request), note=d["note"], version=d["version"]
                    )
                    messages.success(
                        request, _("A joint assessment was opened as an emergency consultation.")
                    )
                else:
                    alert = services.decide_alert(
                        alert,
                        actor=actor_of(request),
                        status=d["decision"],
                        note=d["note"],
                        version=d["version"],
                    )
                    messages.success(request, _("Decision recorded."))
                return redirect("monitoring:alert-detail", pk=alert.pk)
            except DomainError as error:
                form.add_error(None, str(error.message))
    series = coverage.series(
        selectors.monthly(
            selectors.Filters(
                country=alert.country, adm_1=alert.area if alert.level == Level.ADM1 else ""
            )
        ),
        coverage.cover([alert.country]),
    )
    return _page(
        request,
        "monitoring/alert_detail.html",
        {
            "alert": alert,
            "form": form if permissions.is_analyst(request.user) else None,
            "chart": outputs.series_chart(
                series, str(in_page_script(alert.place)) or _("Events and deaths per month")
            ),
            **event_views.alert_links(alert),
        },
        status=400 if form.errors else 200,
    )


@login_required
@cached_page
def region_list(request: HttpRequest) -> HttpResponse:
    return _page(
        request,
        "monitoring/region_list.html",
        {"regions": Region.objects.all(), "can_edit": permissions.is_analyst(request.user)},
    )


@login_required
def region_edit(request: HttpRequest, code: str | None = None) -> HttpResponse:
    if not permissions.is_analyst(request.user):
        raise PermissionDenied
    region = selectors.region(code) if code else None
    initial = (
        {
            "code": region.code,
            "name_ru": region.name_ru,
            "name_en": region.name_en,
            "countries": ", ".join(region.countries),
            "provinces": "\n".join(region.provinces),
            "version": region.version,
        }
        if region
        else {}
    )
    form = (RegionEditForm if region else RegionForm)(request.POST or None, initial=initial)
    if region is not None:
        form.fields["code"].disabled = True
    status = 200
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.save_region(
                region,
                actor=actor_of(request),
                code=d["code"],
                name_ru=d["name_ru"],
                name_en=d["name_en"],
                countries=d["countries"],
                provinces=d["provinces"],
                version=d["version"],
            )
        except DomainError as error:
            show_error(form, error)
            status = error.status  # 409 for a region changed since the form was drawn
        else:
            messages.success(request, _("Region saved."))
            return redirect("monitoring:region-list")
    return _page(
        request,
        "monitoring/region_form.html",
        {"form": form, "region": region},
        status=status if status != 200 else (400 if form.errors else 200),
    )


@login_required
@cached_page
def report_list(request: HttpRequest) -> HttpResponse:
    form = NewReportForm(request.POST or None)
    if request.method == "POST":
        if not permissions.is_analyst(request.user):
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            report = services.draft_report(
                d["region"], actor=actor_of(request), period=d["period"], end=d["end"]
            )
            return redirect("monitoring:report-detail", pk=report.pk)
    return _page(
        request,
        "monitoring/report_list.html",
        {
            "reports": selectors.reports(request.user),
            "form": form if permissions.is_analyst(request.user) else None,
        },
        status=400 if form.errors else 200,
    )


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report(request.user, pk)
    fmt = request.GET.get("format")
    if fmt == "pdf":
        languages = {"ru": ["ru"], "en": ["en"]}.get(request.GET.get("lang", ""), ["ru", "en"])
        response = HttpResponse(
            outputs.report_pdf(report, languages), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="situation-report-{report.pk}.pdf"'
        return response
    analyst = permissions.is_analyst(request.user)
    form = ReportForm(
        request.POST or None,
        initial={
            "title_ru": report.title_ru,
            "title_en": report.title_en,
            "body_ru": report.body_ru,
            "body_en": report.body_en,
            "version": report.version,
        },
    )
    if request.method == "POST":
        step = request.POST.get("step", "save")
        try:
            if step == "approve":
                services.approve_report(
                    report, actor=actor_of(request), version=int_param(request.POST.get("version"))
                )
            elif step == "share":
                services.share_report(
                    report, actor=actor_of(request), version=int_param(request.POST.get("version"))
                )
            elif form.is_valid():
                d = form.cleaned_data
                services.edit_report(
                    report,
                    actor=actor_of(request),
                    title_ru=d["title_ru"],
                    title_en=d["title_en"],
                    body_ru=d["body_ru"],
                    body_en=d["body_en"],
                    version=d["version"],
                )
            else:
                raise DomainError(Code.INVALID, _("Correct the errors below."))
        except DomainError as error:
            if error.status == 403:
                raise PermissionDenied from error
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("Saved."))
            return redirect("monitoring:report-detail", pk=pk)
    return _page(
        request,
        "monitoring/report_detail.html",
        {
            "report": report,
            "form": form if analyst and report.status == ReportStatus.DRAFT else None,
            "analyst": analyst,
            "can_share": report.status == ReportStatus.APPROVED
            and permissions.works_on_reports(request.user),
            "Status": ReportStatus,
        },
        status=400 if form.errors else 200,
    )


@login_required
def afghanistan(request: HttpRequest) -> HttpResponse:
    """The Afghanistan working group's dashboard: the yearly UCDP view, the neighbours' border
    conflicts, recent events and alerts, and the group's meetings."""
    from concord.organization.models import Body

    view = selectors.yearly("AFG")
    group = Body.objects.filter(code="wg-afghanistan").first()
    neighbours = {iso3: selectors.yearly(iso3)["years"][-5:] for iso3 in ("TJK", "UZB", "TKM")}
    return _page(
        request,
        "monitoring/afghanistan.html",
        {
            "view": view,
            "chart": outputs.yearly_chart(view["years"], _("Afghanistan: deaths per year (UCDP)")),
            "group": group,
            "neighbours": neighbours,
            "names": {c: country_name(c, request.LANGUAGE_CODE) for c in neighbours},
            "alerts": selectors.alerts(request.user).filter(country="AFG")[:10],
            "events": selectors.by_area(selectors.Filters(country="AFG"), Level.ADM1)[:10],
            "events_covered": coverage.cover(["AFG"]).state != coverage.State.NONE,
            "reports": selectors.reports(request.user).filter(region__code="afghanistan")[:5],
        },
    )
