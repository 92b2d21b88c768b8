from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from concord.core.actors import SYSTEM
from concord.operations import services
from concord.operations.models import NationalReport, Operation, PressRelease, Seizure, Stage
from concord.operations.states import ReportStatus
from conftest import PERSONAS

from .conftest import csv_file, line

# persona: (sees official operations, sees Mercenary, sees national reports of other states, sees results)
SEES = {
    "kazakh_representative": (True, True, False, True),
    "kazakh_coordinator": (True, True, False, True),
    "armenian_representative": (True, True, False, True),
    "russian_representative": (True, True, False, True),
    "secretariat_officer": (True, True, True, True),
    "secretariat_administrator": (True, True, True, True),
    "analyst": (True, True, True, True),
    "staff_officer": (True, False, False, True),
    "member_of_parliament": (True, False, False, True),
    "public_visitor": (False, False, False, False),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_what_each_persona_sees(client_as, persona):
    client = client_as(persona)
    official, mercenary, others, results = SEES[persona]
    channel, merc = Operation.objects.get(code="channel"), Operation.objects.get(code="mercenary")
    red_dune = channel.stages.get(name_en="Red Dune")
    ru_report = NationalReport.objects.get(stage=red_dune, state__iso2="RU")
    kz_report = NationalReport.objects.get(stage=red_dune, state__iso2="KZ")
    signed_in = persona != "public_visitor"
    page = lambda url: client.get(url).status_code  # noqa: E731
    assert page("/en/operations/") == (200 if signed_in else 302)
    assert page(f"/en/operations/{channel.pk}/") == (200 if official else 302)
    assert page(f"/en/operations/{merc.pk}/") == (200 if mercenary else 404 if signed_in else 302)
    mine = persona == "russian_representative"
    assert page(f"/en/operations/reports/{ru_report.pk}/") == (
        200 if others or mine else 404 if signed_in else 302
    )
    own = persona in ("kazakh_representative", "kazakh_coordinator")
    assert page(f"/en/operations/reports/{kz_report.pk}/") == (
        200 if others or own else 404 if signed_in else 302
    )
    assert page(f"/en/operations/{channel.pk}/results/") == (200 if results else 302)
    api = client.get("/api/v1/operations")
    assert api.status_code == (200 if signed_in else 401)
    if signed_in:
        assert ("mercenary" in {o["code"] for o in api.json()}) == mercenary
        states = {r["state"] for r in client.get(f"/api/v1/stages/{red_dune.pk}/reports").json()}
        assert states == (
            {"AM", "BY", "KZ", "KG", "RU", "TJ"}
            if others
            else {"KZ"}
            if own
            else {"RU"}
            if persona == "russian_representative"
            else {"AM"}
            if persona == "armenian_representative"
            else set()
        )
        assert client.get(f"/api/v1/stages/{red_dune.pk}/results").status_code == 200


def test_results_page_shows_the_figures_charts_and_the_unodc_layer_in_constant_queries(
    client_as, stage, kazakh_representative, kazakh_coordinator, secretariat_officer
):
    client = client_as("secretariat_officer")
    channel = Operation.objects.get(code="channel")
    with CaptureQueriesContext(connection) as before:
        page = client.get(f"/en/operations/{channel.pk}/results/")
    html = page.content.decode()
    assert (
        page.status_code == 200 and 'data-testid="total-drugs">22,639' in html
    )  # 9,000 + 11,000 + 897 + 1,742 kg
    assert "<svg" in html and "Red Dune" in html and "Mountain Outpost" in html
    assert (
        'data-testid="seizures"' in html and "Tajikistan" in html and Seizure.objects.count() == 965
    )
    report, _n, _w = services.import_report(
        stage,
        stage.states.get(iso2="KZ"),
        csv_file(
            [line("drugs", 1, "kg", "heroin", "KZ-MVD"), line("drugs", 2, "kg", "opium", "KZ-KNB")]
        ),
        actor=kazakh_representative,
        submit=True,
    )
    services.consolidate_report(
        services.approve_report(report, actor=kazakh_coordinator), actor=secretariat_officer
    )
    with CaptureQueriesContext(connection) as after:
        html = client.get(f"/en/operations/{channel.pk}/results/").content.decode()
    assert 'data-testid="total-drugs">22,642' in html and len(after) == len(before)


@pytest.mark.parametrize(
    ("fmt", "starts"),
    [("csv", b"\xef\xbb\xbf"), ("xlsx", b"PK"), ("pdf", b"%PDF"), ("svg", b"<svg")],
)
def test_results_export(client_as, fmt, starts):
    channel = Operation.objects.get(code="channel")
    response = client_as("kazakh_representative").get(
        f"/ru/operations/{channel.pk}/results/?format={fmt}&chart=stages"
    )
    assert response.status_code == 200 and response.content.startswith(starts)
    if fmt == "xlsx":
        rows = list(
            load_workbook(io.BytesIO(response.content), read_only=True)
            .worksheets[0]
            .iter_rows(values_only=True)
        )
        assert (
            rows[0][0] == "Этап"
            and round(sum(r[6] for r in rows[1:] if r[3] == "drugs"), 3) == 22639
        )


def test_uploading_through_the_page_reports_every_problem_and_keeps_the_draft(client_as, stage):
    client = client_as("kazakh_representative")
    response = client.post(f"/en/operations/stages/{stage.pk}/report/")
    report = NationalReport.objects.get(stage=stage, state__iso2="KZ")
    assert response.status_code == 302 and response["Location"].endswith(
        f"/operations/reports/{report.pk}/"
    )
    bad = csv_file([line("drugs", "-1", "kg"), line("nope", 1)])
    bad.name = "report.csv"
    response = client.post(
        f"/en/operations/reports/{report.pk}/",
        {"action": "upload", "file": bad, "version": report.version},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        "2 problems: nothing was imported" in html
        and "must not be negative" in html
        and "unknown indicator" in html
    )
    good = csv_file([line("drugs", "12", "kg", "heroin")])
    good.name = "report.csv"
    response = client.post(
        f"/en/operations/reports/{report.pk}/",
        {"action": "upload", "file": good, "version": report.version},
    )
    assert response.status_code == 302 and report.figures.get().value == 12
    not_a_sheet = io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    not_a_sheet.name = "photo.png"
    response = client.post(
        f"/en/operations/reports/{report.pk}/",
        {"action": "upload", "file": not_a_sheet, "version": report.version + 1},
    )
    assert response.status_code == 400 and "not a spreadsheet" in response.content.decode()


def test_entering_a_figure_in_the_form_and_a_stale_form(client_as, stage):
    client = client_as("kazakh_representative")
    client.post(f"/en/operations/stages/{stage.pk}/report/")
    report = NationalReport.objects.get(stage=stage, state__iso2="KZ")
    indicator = stage.operation.indicators.get(code="drugs")
    form = {
        "indicator": indicator.pk,
        "item": indicator.breakdown.items.get(code="opium").pk,
        "value": "2,5",
        "unit": "t",
        "version": report.version,
    }
    assert client.post(f"/en/operations/reports/{report.pk}/", form).status_code == 302
    assert report.figures.get().value == 2500
    stale = client.post(f"/en/operations/reports/{report.pk}/", {**form, "value": "3"})
    assert stale.status_code == 409 and "Someone changed this record" in stale.content.decode()
    bad = client.post(
        f"/en/operations/reports/{report.pk}/",
        {**form, "value": "abc", "version": report.version + 1},
    )
    assert bad.status_code == 400 and "not a number" in bad.content.decode()
    assert report.figures.get().value == 2500


def test_steps_through_the_pages_follow_the_permissions(client_as, stage):
    kz = client_as("kazakh_representative")
    kz.post(f"/en/operations/stages/{stage.pk}/report/")
    report = NationalReport.objects.get(stage=stage, state__iso2="KZ")
    services.set_figure(report, {"indicator": "drug-crimes", "value": "3"}, actor=SYSTEM)
    step = lambda client, name: client.post(f"/en/operations/reports/{report.pk}/{name}/")  # noqa: E731
    step(kz, "submit")
    step(
        client_as("secretariat_officer"), "approve"
    )  # not theirs to approve: refused with a message
    assert NationalReport.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED
    assert (
        step(client_as("russian_representative"), "approve").status_code == 404
    )  # they cannot even see it
    step(kz, "approve")  # kz_rep submitted it: four eyes, refused with a message
    assert NationalReport.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED
    step(client_as("kazakh_coordinator"), "approve")
    step(client_as("secretariat_officer"), "consolidate")
    assert NationalReport.objects.get(pk=report.pk).status == ReportStatus.CONSOLIDATED


def test_template_download_in_both_languages(client_as, stage):
    content = (
        client_as("kazakh_representative")
        .get(f"/ru/operations/stages/{stage.pk}/template.csv?lang=ru")
        .content.decode("utf-8-sig")
    )
    assert (
        content.startswith("Код ведомства,Ведомство,Код показателя")
        and "KZ-MVD" in content
        and "RU-MVD" not in content
    )
    xlsx = client_as("secretariat_officer").get(
        f"/en/operations/stages/{stage.pk}/template.xlsx?state=RU&lang=en"
    )
    sheet = load_workbook(io.BytesIO(xlsx.content), read_only=True).worksheets[0]
    first, second = list(sheet.iter_rows(values_only=True, max_row=2))
    assert first[0] == "Agency code" and second[0].startswith("RU-")
    assert (
        client_as("kazakh_representative")
        .get(f"/en/operations/stages/{stage.pk}/template.pdf")
        .status_code
        == 404
    )


def test_publicity_and_press_release_are_secretariat_decisions(client_as):
    stage = Stage.objects.get(name_en="Interception")
    assert (
        client_as("kazakh_representative")
        .get(f"/en/operations/stages/{stage.pk}/press-release/")
        .status_code
        == 403
    )
    client_as("kazakh_representative").post(
        f"/en/operations/stages/{stage.pk}/publicity/", {"public": "1"}
    )
    assert not Stage.objects.get(pk=stage.pk).results_public
    client = client_as("secretariat_officer")
    client.post(f"/en/operations/stages/{stage.pk}/publicity/", {"public": "1"})
    assert Stage.objects.get(pk=stage.pk).results_public
    draft = client.get(f"/en/operations/stages/{stage.pk}/press-release/").content.decode()
    assert (
        "Results of the operation «Channel – Interception»" in draft
        and "Drugs seized: 897 kg" in draft
    )
    assert (
        "Результаты операции «Канал – Перехват»" in draft
        and "мефедрон: 61,5 кг" in draft  # the unit in the text's language
    )
    saved = PressRelease.objects.filter(stage=stage).first()  # the demo's, if it wrote one
    response = client.post(
        f"/en/operations/stages/{stage.pk}/press-release/",
        {"title_ru": "Итоги", "body_ru": "Текст", "title_en": "Results", "body_en": "Text"}
        | ({"version": saved.version} if saved else {}),
    )
    assert (
        response.status_code == 302 and PressRelease.objects.get(stage=stage).title_en == "Results"
    )
    stale = client.post(
        f"/en/operations/stages/{stage.pk}/press-release/",
        {
            "title_ru": "Итоги",
            "body_ru": "Текст",
            "title_en": "Other",
            "body_en": "Text",
            "version": 0,
        },
    )
    assert stale.status_code == 409 and PressRelease.objects.get(stage=stage).title_en == "Results"
    assert "Someone changed this record" in stale.content.decode()
    assert 'value="Other"' in stale.content.decode()  # the input kept
    shown = client.get(f"/en/operations/stages/{stage.pk}/press-release/").content.decode()
    version = PressRelease.objects.get(stage=stage).version
    assert f'name="version" value="{version}"' in shown
    # A form drawn before the first save (no counter) is refused once a release is saved.
    late = client.post(
        f"/en/operations/stages/{stage.pk}/press-release/",
        {"title_ru": "Итоги", "body_ru": "Текст", "title_en": "Late", "body_en": "Text"},
    )
    assert late.status_code == 422 and "saved already" in late.content.decode()
    assert PressRelease.objects.get(stage=stage).title_en == "Results"


def test_api_files_a_report_all_or_nothing(client_as, stage):
    client = client_as("kazakh_representative")
    url = f"/api/v1/stages/{stage.pk}/reports"
    # A client opens the draft first, to read the edit counter its figures replace.
    version = client.post(f"{url}/open").json()["version"]
    bad = client.post(
        url,
        {
            "version": version,
            "figures": [
                {"indicator": "drugs", "value": "1", "unit": "kg"},
                {"indicator": "drugs", "value": "x", "unit": "kg", "item": "opium"},
            ],
        },
        content_type="application/json",
        headers={"accept-language": "en"},
    )
    assert bad.status_code == 400 and bad.json()["problems"] == [
        {"row": 2, "column": "value", "value": "x", "why": "not a number"}
    ]
    assert not NationalReport.objects.filter(stage=stage, figures__isnull=False).exists()
    good = client.post(
        url,
        {
            "figures": [{"indicator": "drugs", "value": "1.5", "unit": "t"}],
            "submit": True,
            "version": version,
        },
        content_type="application/json",
    )
    body = good.json()
    assert (
        good.status_code == 200
        and body["report"]["status"] == "submitted"
        and body["report"]["figures"][0]["value"] == "1500.000"
    )
    approve = lambda c: c.post(  # noqa: E731
        f"/api/v1/reports/{body['report']['id']}/approve",
        {"version": body["report"]["version"]},
        content_type="application/json",
    )
    own = approve(client)  # the submitter does not approve their own report
    assert own.status_code == 403 and own.json()["code"] == "same_person"
    step = approve(client_as("kazakh_coordinator"))
    assert step.status_code == 200 and step.json()["status"] == "approved"
    assert (
        client_as("armenian_representative")
        .post(url, {"figures": [], "version": 1}, content_type="application/json")
        .status_code
        == 403
    )  # not in this stage
    assert (
        client.post(url, {"figures": [], "extra": 1}, content_type="application/json").status_code
        == 422
    )
    assert (
        client_as("secretariat_officer")
        .post(
            f"/api/v1/reports/{body['report']['id']}/approve", {}, content_type="application/json"
        )
        .status_code
        == 403
    )


def test_the_command_line_submits_a_report_or_lists_every_problem(stage, tmp_path):
    good = tmp_path / "kz.csv"
    good.write_bytes(
        csv_file([line("drugs", 40, "kg", "heroin"), line("drug-crimes", 2)]).getvalue()
    )
    out = io.StringIO()
    call_command("import_stage_report", str(stage.pk), "kz", str(good), stdout=out)
    assert (
        "2 figures" in out.getvalue()
        and NationalReport.objects.get(stage=stage, state__iso2="KZ").status
        == ReportStatus.SUBMITTED
    )
    bad = tmp_path / "ru.csv"
    bad.write_bytes(csv_file([line("drugs", -40, "kg")]).getvalue())
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problems"):
        call_command("import_stage_report", str(stage.pk), "RU", str(bad), stderr=err)
    assert "row 2, value '-40': must not be negative" in err.getvalue()
    for args, message in [
        ((str(stage.pk), "XX", str(good)), "No member state"),
        (("999999", "KZ", str(good)), "No stage"),
        ((str(stage.pk), "RU", str(tmp_path / "missing.csv")), "Cannot read"),
    ]:
        with pytest.raises(CommandError, match=message):
            call_command("import_stage_report", *args)


def test_unodc_import_is_idempotent_and_all_or_nothing(db, tmp_path):
    from concord.operations.demo import DATA

    path = DATA / "unodc-drug-seizures-2018-2022-region.csv"
    call_command("import_unodc_seizures", str(path), stdout=io.StringIO())
    assert Seizure.objects.count() == 965
    bad = tmp_path / "bad.csv"
    text = path.read_text(encoding="utf-8-sig").splitlines()
    text[5] = text[5].replace(",2022,", ",20x2,")
    text[7] = text[7].rsplit(",", 2)[0] + ",-3,ARM"
    bad.write_text("\n".join(text), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 problems"):
        call_command("import_unodc_seizures", str(bad), stderr=err)
    assert "row 6, Reference year" in err.getvalue() and "row 8, Kilograms" in err.getvalue()
    assert Seizure.objects.count() == 965
    assert (
        json.dumps(Seizure.objects.filter(iso3="TJK", year=2018, drug_group="Opioids").count())
        != "0"
    )


def test_the_dashboard_shows_reports_waiting_for_each_persona(
    client_as, stage, kazakh_representative, kazakh_coordinator
):
    report = services.open_draft(stage, stage.states.get(iso2="KZ"), actor=kazakh_representative)
    link = f"/en/operations/reports/{report.pk}/"
    assert link in client_as("kazakh_representative").get("/en/").content.decode()
    for persona in (
        "russian_representative",
        "secretariat_officer",
        "analyst",
        "member_of_parliament",
    ):
        assert link not in client_as(persona).get("/en/").content.decode()
    services.set_figure(
        report, {"indicator": "drug-crimes", "value": "1"}, actor=kazakh_representative
    )
    submitted = services.submit_report(report, actor=kazakh_representative)
    # submitted: it waits for the coordinator, not for the one who submitted it (four eyes)
    assert link in client_as("kazakh_coordinator").get("/en/").content.decode()
    assert link not in client_as("kazakh_representative").get("/en/").content.decode()
    services.approve_report(submitted, actor=kazakh_coordinator)
    assert link in client_as("secretariat_officer").get("/en/").content.decode()
    assert link not in client_as("kazakh_representative").get("/en/").content.decode()


@pytest.mark.parametrize("year", ["0", "10000", "999999999"])
def test_results_for_a_year_the_calendar_does_not_hold_are_empty_not_an_error(client_as, year):
    channel = Operation.objects.get(code="channel")
    page = client_as("secretariat_officer").get(f"/en/operations/{channel.pk}/results/?year={year}")
    assert page.status_code == 200
    assert 'data-testid="total-drugs"' not in page.content.decode()


def test_results_charts_tick_in_round_figures_in_the_readers_language(client_as):
    """No tick like «16131.66667»: every value-axis label is a whole round figure, grouped the
    reader's way."""
    channel = Operation.objects.get(code="channel")
    for language, group in (("en", ","), ("ru", "\xa0")):
        html = client_as("secretariat_officer").get(f"/{language}/operations/{channel.pk}/results/")
        axes = re.findall(
            r'<g class="axis [xy][^"]*">(.*?)</g>\s*</g>', html.content.decode(), re.S
        )
        texts = [t for axis in axes for t in re.findall(r"<text[^>]*>([^<]*)</text>", axis)]
        labels = [t for t in texts if t and t[0].isdigit() and not re.match(r"^\d{4} ", t)]
        assert labels, "the charts have value axes"  # (category labels: names, "2024 stage")
        for label in labels:
            digits = label.replace(group, "")
            assert digits.isdigit(), label  # whole, no decimals, only the language's grouping
            assert label == f"{int(digits):,}".replace(",", group), label  # 15,000 / 15 000
            assert int(digits) % (10 ** max(0, len(digits) - 2)) == 0 or int(digits) < 100, label
