"""The readiness pages and exports per persona: a state's own units in detail, aggregates for the
other insiders, everything for the Joint Staff, nothing for visitors; the assessment's forms."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from concord.forces.models import Assessment, Formation, Unit
from concord.forces.readiness_selectors import serving
from concord.forces.states import AssessmentStatus
from concord.organization.models import MemberState
from conftest import PERSONAS

from .readiness_builders import a_unit, an_assessment, full_marks

# persona -> the state whose units they see in detail ("*" every one, None none)
DETAIL = {
    "kazakh_representative": "KZ",
    "kazakh_coordinator": "KZ",
    "armenian_representative": "AM",
    "russian_representative": "RU",
    "staff_officer": "*",
    "secretariat_officer": None,
    "secretariat_administrator": None,
    "analyst": None,
    "member_of_parliament": None,
    "public_visitor": None,
}
PAGE = "/en/forces/readiness/"


def expected_units(persona: str) -> set[str]:
    units = serving(Unit.objects.all())
    state = DETAIL[persona]
    if state is None:
        return set()
    if state != "*":
        units = units.filter(state__iso2=state)
    return set(units.values_list("name_en", flat=True))


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_readiness_page_shows_each_persona_what_they_may_see(client_as, persona):
    response = client_as(persona).get(PAGE)
    if persona == "public_visitor":
        assert response.status_code == 302 and "/login" in response["Location"]
        return
    assert response.status_code == 200
    html = response.content.decode()
    everyone = set(Unit.objects.values_list("name_en", flat=True))
    shown = {name for name in everyone if name in html}
    assert shown == expected_units(persona)
    assert ('data-testid="readiness-table"' in html) == (DETAIL[persona] is not None)
    assert 'data-testid="aggregates"' in html and 'data-testid="trend"' in html
    assert "demo data" in html


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_show_exactly_what_the_page_shows(client_as, persona, fmt):
    response = client_as(persona).get(f"{PAGE}?format={fmt}&table=units")
    if persona == "public_visitor":
        assert response.status_code == 302
        return
    assert response.status_code == 200
    if fmt == "csv":
        header, *rows = csv_rows(response)
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        header, *rows = [[str(c or "") for c in row] for row in sheet.iter_rows(values_only=True)]
    if DETAIL[persona] is None:  # asked for units, given the aggregates
        assert "Average score (%)" in header and "Unit" not in header
        everyone = set(Unit.objects.values_list("name_en", flat=True))
        assert not any(cell in everyone for row in rows for cell in row)
    else:
        assert header[2] == "Unit"
        assert {row[2] for row in rows} == expected_units(persona)


def test_the_aggregates_add_up_to_every_serving_unit(client_as):
    response = client_as("secretariat_officer").get(f"{PAGE}?format=csv")
    header, *rows = csv_rows(response)
    units = serving(Unit.objects.all())
    assert sum(int(r[header.index("Units")]) for r in rows) == units.count()
    pledged = sum(int(r[header.index("Personnel pledged")]) for r in rows)
    assert pledged == sum(units.values_list("strength", flat=True))


def test_filters_narrow_the_table(client_as):
    response = client_as("staff_officer").get(f"{PAGE}?format=csv&formation=aviation&state=BY")
    _header, *rows = csv_rows(response)
    expected = Unit.objects.filter(formation__code="aviation", state__iso2="BY")
    assert {r[2] for r in rows} == set(expected.values_list("name_en", flat=True)) != set()


def test_the_trend_by_half_year(client_as):
    html = client_as("member_of_parliament").get(f"{PAGE}?trend=half").content.decode()
    assert "2023/2" in html and "2024/2" in html


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_units_page_and_its_assessments_only_in_detail(client_as, persona):
    client = client_as(persona)
    kz = Unit.objects.filter(state__iso2="KZ").first()
    assessment = Assessment.objects.filter(unit=kz).first()
    sees = DETAIL[persona] in ("KZ", "*")
    for url in (f"/en/forces/units/{kz.pk}/", f"/en/forces/assessments/{assessment.pk}/"):
        response = client.get(url)
        expected = 200 if sees else 302 if persona == "public_visitor" else 404
        assert response.status_code == expected, url


def test_the_unit_list_shows_the_register_and_the_pledge_form_to_the_joint_staff(client_as):
    html = client_as("staff_officer").get("/en/forces/units/").content.decode()
    assert 'data-testid="pledge-form"' in html
    html = client_as("kazakh_representative").get("/en/forces/units/").content.decode()
    assert 'data-testid="pledge-form"' not in html
    assert "Kazakhstan" in html and "(Russia," not in html


def test_a_pledge_to_a_formation_the_state_is_not_in_is_refused_on_the_field(client_as):
    armenia, crdf = MemberState.objects.get(iso2="AM"), Formation.objects.get(code="crdf-ca")
    response = client_as("staff_officer").post(
        "/en/forces/units/",
        {
            "name_ru": "Батальон",
            "name_en": "Battalion",
            "state": armenia.pk,
            "formation": crdf.pk,
            "kind": "military",
            "personnel": "military",
            "strength": 400,
            "readiness": "high",
        },
    )
    assert response.status_code == 400
    assert "does not take part" in response.content.decode()
    assert not Unit.objects.filter(name_en="Battalion").exists()


def test_the_joint_staff_changes_and_certifies_a_unit_on_its_page(client_as):
    unit = a_unit("KZ")
    client = client_as("staff_officer")
    form = {
        "version": unit.version,
        "name_ru": unit.name_ru,
        "name_en": "Renamed",
        "state": unit.state_id,
        "formation": unit.formation_id,
        "kind": unit.kind,
        "personnel": unit.personnel,
        "strength": 250,
        "readiness": unit.readiness,
    }
    assert client.post(f"/en/forces/units/{unit.pk}/", form).status_code == 302
    unit.refresh_from_db()
    assert (unit.name_en, unit.strength) == ("Renamed", 250)
    stale = client.post(f"/en/forces/units/{unit.pk}/", {**form, "strength": 300})
    assert stale.status_code == 409 and "Someone changed this record" in stale.content.decode()
    certified = client.post(
        f"/en/forces/units/{unit.pk}/certify/", {"on": "2025-01-10", "version": unit.version}
    )
    assert certified.status_code == 302
    unit.refresh_from_db()
    assert str(unit.certified_on) == "2025-01-10"
    refused = client_as("kazakh_representative").post(
        f"/en/forces/units/{unit.pk}/", {**form, "version": unit.version}
    )
    assert refused.status_code == 403


def test_the_state_opens_fills_in_and_submits_an_assessment_on_the_pages(client_as):
    unit = a_unit("KZ")
    client = client_as("kazakh_representative")
    opened = client.post(f"/en/forces/units/{unit.pk}/assessments/", {"as_of": "2025-03-31"})
    assessment = Assessment.objects.get(unit=unit)
    assert opened.status_code == 302 and opened["Location"].endswith(f"/{assessment.pk}/")
    page = client.get(f"/en/forces/assessments/{assessment.pk}/").content.decode()
    assert 'name="criterion-1"' in page and 'max="4"' in page and 'name="evidence-1"' in page
    answers = {"version": assessment.version}
    for a in full_marks(assessment):
        answers[f"criterion-{a.criterion}"] = a.score
        answers[f"evidence-{a.criterion}"] = a.evidence
    too_high = client.post(
        f"/en/forces/assessments/{assessment.pk}/", {**answers, "criterion-2": 9}
    )
    assert too_high.status_code == 400
    assert "Criterion 2: the score must be a whole number from 0 to 4." in too_high.content.decode()
    incomplete = client.post(
        f"/en/forces/assessments/{assessment.pk}/submit/", {"version": assessment.version}
    )
    assert incomplete.status_code == 400 and "Answer every criterion" in incomplete.content.decode()
    saved = client.post(f"/en/forces/assessments/{assessment.pk}/", answers)
    assert saved.status_code == 302
    assessment.refresh_from_db()
    submitted = client.post(
        f"/en/forces/assessments/{assessment.pk}/submit/", {"version": assessment.version}
    )
    assert submitted.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED and assessment.score == 100


def test_the_joint_staff_returns_and_reviews_on_the_page(client_as):
    assessment = an_assessment(a_unit("KZ"), fraction=0.5, submitted=True)
    url = f"/en/forces/assessments/{assessment.pk}/"
    staff = client_as("staff_officer")
    assert 'data-testid="review"' in staff.get(url).content.decode()
    no_note = staff.post(f"{url}return/", {"version": assessment.version, "note": ""})
    assert no_note.status_code == 400 and "Say what the state" in no_note.content.decode()
    forbidden = client_as("kazakh_representative").post(f"{url}review/", {})
    assert forbidden.status_code == 403
    assert staff.post(f"{url}review/", {"version": assessment.version}).status_code == 302
    assessment.refresh_from_db()
    assessment.unit.refresh_from_db()
    assert assessment.status == AssessmentStatus.REVIEWED
    assert assessment.unit.score == assessment.score


def test_the_demo_leaves_something_to_do_for_the_state_and_the_joint_staff(client_as):
    draft = Assessment.objects.get(unit__state__iso2="KZ", status=AssessmentStatus.DRAFT)
    page = client_as("kazakh_coordinator").get(f"/en/forces/assessments/{draft.pk}/")
    assert 'data-testid="save-answers"' in page.content.decode()
    waiting = Assessment.objects.get(status=AssessmentStatus.SUBMITTED)
    page = client_as("staff_officer").get(f"/en/forces/assessments/{waiting.pk}/")
    assert 'data-testid="review"' in page.content.decode()


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def more_units(n: int) -> None:
    """n more Russian units with scores, inserted directly: only the reading is measured."""
    russia, crrf = MemberState.objects.get(iso2="RU"), Formation.objects.get(code="crrf")
    Unit.objects.bulk_create(
        Unit(
            name_ru=f"Часть {i}",
            name_en=f"Bulk unit {i}",
            state=russia,
            formation=crrf,
            kind="military",
            strength=100 + i,
            readiness="high",
            score=i % 100,
            previous_score=(i * 7) % 100,
        )
        for i in range(n)
    )


@pytest.mark.parametrize("url", [PAGE, "/en/forces/units/", f"{PAGE}?format=csv"])
@pytest.mark.usefixtures("uncached_pages")
def test_the_lists_take_the_same_number_of_queries_whatever_the_units(client_as, url):
    client = client_as("staff_officer")
    before = queries(client, url)
    more_units(300)
    assert queries(client, url) == before


@pytest.mark.parametrize("persona", ["staff_officer", "kazakh_representative", "analyst"])
def test_the_russian_pages_speak_russian(client_as, persona):
    import re

    client = client_as(persona)
    kz = Unit.objects.filter(state__iso2="KZ").first()
    draft = Assessment.objects.get(unit__state__iso2="KZ", status=AssessmentStatus.DRAFT)
    urls = ["/ru/forces/readiness/?trend=half", "/ru/forces/units/"]
    if persona != "analyst":
        urls += [f"/ru/forces/units/{kz.pk}/", f"/ru/forces/assessments/{draft.pk}/"]
    for url in urls:
        html = client.get(url).content.decode()
        text = re.sub(r"<[^>]+>|&\w+;", " ", html[html.index("<main") :])
        assert re.findall(r"\b[A-Za-z][a-z]{3,}\b", text) == [], url


def test_only_the_joint_staff_pledges_on_the_page(client_as):
    response = client_as("kazakh_representative").post("/en/forces/units/", {"name_en": "X"})
    assert response.status_code == 403


def test_questionnaires_and_the_register_are_kept_in_the_admin(client_as):
    from concord.forces.models import Questionnaire

    admin = client_as("secretariat_administrator")
    questionnaire = Questionnaire.objects.get(kind="peacekeeping", active=True)
    assert admin.get(f"/admin/forces/questionnaire/{questionnaire.pk}/change/").status_code == 200
    assert admin.get("/admin/forces/unit/").status_code == 200
    assert admin.get("/admin/forces/formation/").status_code == 200
    armenia, crdf = MemberState.objects.get(iso2="AM"), Formation.objects.get(code="crdf-ca")
    refused = admin.post(
        "/admin/forces/unit/add/",
        {
            "name_ru": "Батальон",
            "name_en": "Battalion",
            "state": armenia.pk,
            "formation": crdf.pk,
            "kind": "military",
            "personnel": "military",
            "strength": 400,
            "readiness": "high",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert refused.status_code == 200 and "does not take part" in refused.content.decode()
    assert not Unit.objects.filter(name_en="Battalion").exists()
