from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from concord.audit.models import Entry
from concord.consultations.models import Consultation
from concord.core.errors import NotAllowed
from concord.monitoring import services
from concord.monitoring.models import Alert, Region, SituationReport
from concord.monitoring.states import AlertStatus, ReportStatus
from conftest import PERSONAS

ANALYSTS = {"analyst", "secretariat_officer", "secretariat_administrator"}  # reports before shared
SEES_ALERTS = ANALYSTS | {"staff_officer"}  # the Joint Staff reads them; analysts decide


@pytest.mark.parametrize("persona", PERSONAS)
def test_what_each_persona_sees(client_as, persona):
    client = client_as(persona)
    signed_in = persona != "public_visitor"
    alert = Alert.objects.first()
    report = SituationReport.objects.first()  # a draft
    status = lambda url: client.get(url).status_code  # noqa: E731
    for url in [
        "/en/monitoring/",
        "/en/monitoring/areas/SYR/",
        "/en/monitoring/yearly/AFG/",
        "/en/monitoring/regions/",
        "/en/monitoring/reports/",
        "/en/monitoring/afghanistan/",
    ]:
        response = client.get(url)
        assert response.status_code == (200 if signed_in else 302), url
        if signed_in:  # the section's menu links to the alerts only for those who may open them
            link = 'href="/en/monitoring/alerts/"' in response.content.decode()
            assert link == (persona in SEES_ALERTS), url
    sees = persona in SEES_ALERTS
    assert status("/en/monitoring/alerts/") == (200 if sees else 403 if signed_in else 302)
    assert status(f"/en/monitoring/alerts/{alert.pk}/") == (
        200 if sees else 404 if signed_in else 302
    )
    drafts = persona in ANALYSTS
    assert status(f"/en/monitoring/reports/{report.pk}/") == (
        200 if drafts else 404 if signed_in else 302
    )
    api = client.get("/api/v1/situation-reports")
    assert api.status_code == (200 if signed_in else 401)
    if signed_in:
        assert bool(api.json()) == drafts
        assert client.get("/api/v1/alerts").status_code == (200 if sees else 403)
        listed = client.get("/api/v1/events?country=SYR&page_size=1").json()
        assert len(listed["items"]) == 1 and listed["items"][0]["country"] == "SYR"


def test_the_demo_alert_history_and_the_rif_dimashq_example(db):
    alert = Alert.objects.get(area="Rif Dimashq Governorate", period="2018-03-01")
    assert (alert.events, alert.deaths) == (160, 1876)
    assert alert.rule == "rise" and alert.explanation_en == (
        "Rif Dimashq Governorate: 160 events and 1,876 deaths in March 2018 — sharp rise: deaths "
        "5.8 times the upper quartile of the previous 12 months (median 198, upper quartile 324)"
    )
    assert (
        "160 событий и 1\xa0876 погибших" in alert.explanation_ru
        and "март 2018 — резкий рост: число погибших в 5,8 раза" in alert.explanation_ru
    )
    syria = Alert.objects.filter(country="SYR")
    assert syria.filter(period__year__in=[2016, 2017, 2018, 2019]).count() == syria.count() >= 10
    # the detector ran over Ukraine's months too (2014-01 … 2023-03)
    ukraine = Alert.objects.filter(country="UKR")
    assert ukraine.exists() and not ukraine.exclude(period__year__range=(2014, 2023)).exists()


def test_early_warning_command_json_and_history(db):
    out = io.StringIO()
    call_command("early_warning", "--until", "2018-03", "--json", "--dry-run", stdout=out)
    alerts = json.loads(out.getvalue())
    assert alerts and {
        "level",
        "country",
        "area",
        "period",
        "score",
        "rule",
        "events",
        "deaths",
        "baseline_events",
        "baseline_deaths",
        "explanation",
    } <= set(alerts[0])
    assert {a["period"] for a in alerts} == {"2018-03"} and any(
        a["area"] == "Rif Dimashq Governorate" for a in alerts
    )
    out = io.StringIO()
    call_command(
        "early_warning",
        "--history",
        "2019-01",
        "2019-11",
        "--region",
        "middle-east",
        "--language",
        "ru",
        stdout=out,
    )
    assert "Al Hasakah Governorate" in out.getvalue() and "alerts." in out.getvalue()
    out = io.StringIO()
    call_command(
        "early_warning", "--until", "2018-03", "--region", "central-asia", "--json", stdout=out
    )
    assert json.loads(out.getvalue()) == []
    for args, message in [
        (["--until", "2018-13"], "not a month"),
        (["--history", "2019-05", "2019-01"], "ends before"),
        (["--until", "2018-03", "--region", "mars"], "No region"),
        (["--until", "2018-03", "--window", "0"], "positive"),
    ]:
        with pytest.raises(CommandError, match=message):
            call_command("early_warning", *args, stdout=io.StringIO())


def test_rerunning_the_detector_keeps_what_analysts_decided(analyst):
    alert = Alert.objects.get(area="Rif Dimashq Governorate", period="2018-03-01")
    services.decide_alert(
        alert, actor=analyst, status=AlertStatus.DISMISSED, note="known offensive"
    )
    call_command("early_warning", "--until", "2018-03", stdout=io.StringIO())
    alert.refresh_from_db()
    assert alert.status == AlertStatus.DISMISSED and alert.note == "known offensive"


def test_escalating_an_alert_opens_a_joint_assessment(client_as, analyst):
    alert = Alert.objects.get(area="Al Hasakah Governorate", period="2019-10-01")
    assert (
        client_as("kazakh_representative")
        .post(f"/en/monitoring/alerts/{alert.pk}/", {"decision": "escalate"})
        .status_code
        == 404
    )
    assert (
        client_as("secretariat_officer")
        .post(f"/en/monitoring/alerts/{alert.pk}/", {"decision": "escalate"})
        .status_code
        == 403
    )
    response = client_as("analyst").post(
        f"/en/monitoring/alerts/{alert.pk}/",
        {"decision": "escalate", "note": "Turkish offensive", "version": alert.version},
    )
    assert response.status_code == 302
    alert.refresh_from_db()
    consultation = Consultation.objects.get(pk=alert.consultation_id)
    assert (
        alert.status == AlertStatus.ESCALATED
        and consultation.emergency
        and consultation.kind == "assessment"
    )
    assert (
        "Al Hasakah Governorate: 73 events" in consultation.reason
        and f"[alert {alert.pk}]" in consultation.reason
    )
    assert (
        client_as("kazakh_representative").get(f"/en/consultations/{consultation.pk}/").status_code
        == 200
    )
    again = client_as("analyst").post(
        f"/en/monitoring/alerts/{alert.pk}/", {"decision": "dismissed", "version": alert.version}
    )
    assert (
        again.status_code == 400 and "decided there" in again.content.decode()
    )  # decided in the consultation
    assert Alert.objects.get(pk=alert.pk).status == AlertStatus.ESCALATED
    assert Entry.objects.filter(verb="monitoring.alert.escalate", object_id=str(alert.pk)).exists()


def test_the_joint_staff_reads_alerts_but_only_analysts_decide(client_as, staff_officer):
    alert = Alert.objects.get(area="Rif Dimashq Governorate", period="2018-03-01")
    client = client_as("staff_officer")
    listed = client.get("/en/monitoring/alerts/").content.decode()
    assert f'href="/en/monitoring/alerts/{alert.pk}/"' in listed
    page = client.get(f"/en/monitoring/alerts/{alert.pk}/").content.decode()
    assert "Rif Dimashq Governorate: 160 events" in page and 'name="decision"' not in page
    assert (
        'name="decision"'
        in client_as("analyst").get(f"/en/monitoring/alerts/{alert.pk}/").content.decode()
    )
    form = {"decision": "dismissed", "version": alert.version}
    assert client.post(f"/en/monitoring/alerts/{alert.pk}/", form).status_code == 403
    api = client.post(f"/api/v1/alerts/{alert.pk}", form, content_type="application/json")
    assert api.status_code == 403 and api.json()["code"] == "not_allowed"
    with pytest.raises(NotAllowed):
        services.decide_alert(alert, actor=staff_officer, status=AlertStatus.DISMISSED, note="")
    assert Alert.objects.get(pk=alert.pk).status == alert.status
    listed = client.get("/api/v1/alerts?country=SYR").json()
    assert listed["count"] == Alert.objects.filter(country="SYR").count() > 0


def test_seeing_alerts_does_not_open_unshared_reports_to_the_joint_staff(
    client_as, staff_officer, analyst
):
    report = SituationReport.objects.first()  # a draft
    assert client_as("staff_officer").get(f"/en/monitoring/reports/{report.pk}/").status_code == 404
    report = services.approve_report(report, actor=analyst)
    with pytest.raises(NotAllowed):  # sharing stays with analysts and the Secretariat
        services.share_report(report, actor=staff_officer)
    assert SituationReport.objects.get(pk=report.pk).status == ReportStatus.APPROVED


def test_deciding_through_the_api_with_a_stale_version_is_a_conflict(client_as):
    alert = Alert.objects.first()
    client = client_as("analyst")
    ok = client.post(
        f"/api/v1/alerts/{alert.pk}",
        {"decision": "acknowledged", "version": alert.version},
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["status"] == "acknowledged"
    stale = client.post(
        f"/api/v1/alerts/{alert.pk}",
        {"decision": "dismissed", "version": alert.version},
        content_type="application/json",
    )
    assert stale.status_code == 409
    bad = client.post(
        f"/api/v1/alerts/{alert.pk}", {"decision": "forget"}, content_type="application/json"
    )
    assert bad.status_code == 400


def test_situation_report_from_draft_to_shared(client_as):
    analyst = client_as("analyst")
    response = analyst.post(
        "/en/monitoring/reports/",
        {"region": "middle-east", "period": "monthly", "end": "2018-03-31"},
    )
    report = SituationReport.objects.latest("pk")
    assert response.status_code == 302 and report.starts_on.isoformat() == "2018-03-01"
    assert "Rif Dimashq Governorate" in report.body_en and "Ключевые" in report.body_ru
    assert report.figures["now"]["events"] > 0 and report.figures["alerts"]
    kz = client_as("kazakh_representative")
    assert kz.get(f"/en/monitoring/reports/{report.pk}/").status_code == 404
    edit = {
        "title_ru": "Обстановка",
        "title_en": "Situation",
        "body_ru": "Текст",
        "body_en": "Text",
        "version": report.version,
    }
    assert analyst.post(f"/en/monitoring/reports/{report.pk}/", edit).status_code == 302
    assert (
        analyst.post(f"/en/monitoring/reports/{report.pk}/", edit).status_code == 400
    )  # stale version: refused, input kept
    report.refresh_from_db()
    analyst.post(
        f"/en/monitoring/reports/{report.pk}/", {"step": "approve", "version": report.version}
    )
    analyst.post(
        f"/en/monitoring/reports/{report.pk}/", {"step": "share", "version": report.version + 1}
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.SHARED and report.title_en == "Situation"
    assert kz.get(f"/en/monitoring/reports/{report.pk}/").status_code == 200
    pdf = kz.get(f"/en/monitoring/reports/{report.pk}/?format=pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert kz.post(f"/en/monitoring/reports/{report.pk}/", {"step": "approve"}).status_code == 403


def test_regions_are_edited_by_analysts_with_clear_errors(client_as):
    assert client_as("kazakh_representative").get("/en/monitoring/regions/new/").status_code == 403
    client = client_as("analyst")
    bad = client.post(
        "/en/monitoring/regions/new/",
        {
            "code": "caspian",
            "name_ru": "Каспий",
            "name_en": "Caspian",
            "countries": "KAZ, XYZ",
            "provinces": "Astrakhan",
        },
    )
    assert (
        bad.status_code == 400
        and "Unknown ISO3 codes: XYZ" in bad.content.decode()
        and "ISO3/name" in bad.content.decode()
    )
    good = client.post(
        "/en/monitoring/regions/new/",
        {
            "code": "caspian",
            "name_ru": "Каспий",
            "name_en": "Caspian",
            "countries": "kaz, TKM AZE",
            "provinces": "RUS/Astrakhan\nIRN/Gilan",
        },
    )
    region = Region.objects.get(code="caspian")
    assert (
        good.status_code == 302
        and region.countries == ["KAZ", "TKM", "AZE"]
        and region.provinces == ["RUS/Astrakhan", "IRN/Gilan"]
    )


def test_the_picture_filters_export_and_bad_input(client_as):
    client = client_as("kazakh_representative")
    page = client.get(
        "/en/monitoring/?region=middle-east&start=2018-03-01&end=2018-03-31&violence=1"
    )
    html = page.content.decode()
    assert page.status_code == 200 and "Rif Dimashq Governorate" in html and "<svg" in html
    bad = client.get("/en/monitoring/?start=2018-05-01&end=2018-01-01&country=XX&violence=9")
    assert (
        bad.status_code == 400
        and "ends before it starts" in bad.content.decode()
        and "Not an ISO" in bad.content.decode()
    )
    data = client.get("/en/monitoring/data.json?start=2018-03-01&end=2018-03-31").json()
    assert (
        data["events"]["features"]
        and data["countries"]["SYR"] > 0
        and any(k.startswith("SYR/Rif") for k in data["provinces"])
    )
    csv_response = client.get(
        "/en/monitoring/?format=csv&start=2018-03-01&end=2018-03-31&country=SYR"
    )
    lines = b"".join(csv_response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("source,source_id,date_start") and len(lines) - 1 == sum(
        1 for _ in lines[1:]
    )
    assert client.get("/en/monitoring/areas/XXX/").status_code == 404
    yearly = client.get("/en/monitoring/yearly/AZE/").content.decode()
    assert ("2020" in yearly and "Nagorno-Karabakh" in yearly) or "Artsakh" in yearly


def test_an_escalated_alert_opens_its_assessment_with_a_draft_text_and_a_decision_clock(
    client_as, analyst
):
    alert = Alert.objects.get(area="Al Hasakah Governorate", period="2019-10-01")
    before = timezone.now()
    services.escalate_alert(alert, actor=analyst, note="Turkish offensive")
    after = timezone.now()
    consultation = Consultation.objects.get(pk=Alert.objects.get(pk=alert.pk).consultation_id)
    draft = consultation.document
    texts = [u["text_en"] for u in draft.versions.get().units]
    assert draft.kind == "draft_decision" and draft.status == "negotiation"
    assert texts[0].startswith("Joint assessment") and alert.explanation_en in texts
    assert "Turkish offensive" in texts
    day = dt.timedelta(hours=24)  # CONCORD_ALERT_CLOCK_HOURS, the default
    assert before + day <= consultation.decide_by <= after + day
    for persona in ("secretariat_officer", "kazakh_representative"):
        page = client_as(persona).get(f"/en/consultations/{consultation.pk}/").content.decode()
        dashboard = client_as(persona).get("/en/").content.decode()
        assert "Decision clock ends" in page and consultation.title_en in dashboard


REGION_EDIT = {"name_ru": "Восток", "name_en": "East", "countries": "SYR", "provinces": ""}


def test_a_region_edited_on_the_page_needs_its_version_and_a_stale_one_is_told(client_as):
    """The edit form carries the region's counter: without it the page says so above the form; two
    analysts on one version, the second gets 409 and the message, its input shown back; nothing of it
    saved."""
    region = Region.objects.get(code="middle-east")
    url = "/en/monitoring/regions/middle-east/"
    client = client_as("analyst")
    shown = client.get(url).content.decode()
    assert f'name="version" value="{region.version}"' in shown
    missing = client.post(url, REGION_EDIT)
    assert missing.status_code == 400 and "no edit counter" in missing.content.decode()
    assert Region.objects.get(pk=region.pk).name_en == region.name_en
    assert client.post(url, {**REGION_EDIT, "version": region.version}).status_code == 302
    late = client_as("analyst").post(
        url, {**REGION_EDIT, "name_en": "Levant", "version": region.version}
    )
    content = late.content.decode()
    assert late.status_code == 409
    assert "Someone changed this record" in content and 'value="Levant"' in content
    assert Region.objects.get(pk=region.pk).name_en == "East"
