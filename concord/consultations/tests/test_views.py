"""Consultation pages and API, for every persona."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from concord.consultations import services
from concord.consultations.models import Consultation, Position, Route, Stage
from concord.consultations.rules import TermUnit
from conftest import PERSONAS


def written() -> Stage:
    return Stage.objects.select_related("consultation").get(mode="written", status="open")


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_for_every_persona(client_as, persona):
    client = client_as(persona)
    c = Consultation.objects.order_by("pk").first()
    urls = [
        "/en/consultations/",
        f"/en/consultations/{c.pk}/",
        "/en/consultations/inbox/",
        "/en/consultations/sessions/",
        "/en/consultations/notifications/",
        "/en/consultations/statements/2024/",
    ]
    for url in urls:
        status = client.get(url).status_code
        expected = 302 if persona == "public_visitor" else 200
        if persona == "member_of_parliament" and url == f"/en/consultations/{c.pk}/":
            expected = 404  # members of parliament do not see the negotiation
        assert status == expected, url
    create = client.get("/en/consultations/new/").status_code
    may_open = persona in (
        "kazakh_representative",
        "kazakh_coordinator",
        "armenian_representative",
        "russian_representative",
        "secretariat_officer",
        "secretariat_administrator",
    )
    assert create == (302 if persona == "public_visitor" else 200 if may_open else 403)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_delegations_record_positions_through_the_api(client_as, persona):
    stage = written()
    body = {"stage": stage.pk, "version": stage.version.number, "stance": "join"}
    response = client_as(persona).post(
        f"/api/v1/consultations/{stage.consultation_id}/positions",
        json.dumps(body),
        content_type="application/json",
    )
    speaks = persona in (
        "kazakh_representative",
        "kazakh_coordinator",
        "armenian_representative",
        "russian_representative",
    )
    refused = (
        404 if persona == "member_of_parliament" else 403
    )  # the question does not exist for them
    assert response.status_code == (
        401 if persona == "public_visitor" else 201 if speaks else refused
    )


def test_a_position_through_the_page_keeps_the_input_when_refused(client_as):
    stage = written()
    response = client_as("kazakh_representative").post(
        f"/en/consultations/{stage.consultation_id}/stages/{stage.pk}/positions/",
        {"version": stage.version_id, "stance": "object", "statement": "", "clauses": "u3"},
    )
    assert response.status_code == 400
    ticked = response.context["position_form"]["clauses"].value()
    assert ticked == ["u3"]
    assert re.search(r'value="u3" id="[^"]+" checked', response.content.decode())
    stale = client_as("kazakh_representative").post(
        f"/en/consultations/{stage.consultation_id}/stages/{stage.pk}/positions/",
        {"version": 999999, "stance": "object", "statement": "Мои доводы"},
    )
    assert stale.status_code == 409 and "Мои доводы" in stale.content.decode()


def test_provisions_are_ticked_among_the_numbered_paragraphs_of_the_text(client_as):
    stage = written()
    client = client_as("kazakh_representative")
    page = client.get(f"/ru/consultations/{stage.consultation_id}/")
    field = page.context["position_form"]["clauses"]
    boxes = dict(field.field.choices)
    units = stage.version.text
    numbered = [u.uid for u in units if u.kind != "title"]
    assert list(boxes) == numbered  # every provision but the title, in the text's order
    assert all(" — " in label for label in boxes.values())  # reference and opening words
    assert 'type="checkbox" name="clauses"' in page.content.decode()
    url = f"/ru/consultations/{stage.consultation_id}/stages/{stage.pk}/positions/"
    post = {"version": stage.version_id, "stance": "object", "statement": "Доводы"}
    refused = client.post(url, {**post, "clauses": ["no-such-unit"]})
    assert refused.status_code == 400
    assert refused.context["position_form"].errors["clauses"]  # beside the field, nothing lost
    done = client.post(url, {**post, "clauses": numbered[1:3]})
    assert done.status_code == 302
    assert stage.positions.filter(state__iso2="KZ").latest("pk").clauses == numbered[1:3]


def test_api_positions_refuse_bad_input_with_codes(client_as):
    stage = written()
    url = f"/api/v1/consultations/{stage.consultation_id}/positions"
    client = client_as("kazakh_representative")
    post = lambda body: client.post(url, json.dumps(body), content_type="application/json")  # noqa: E731
    assert (
        post({"stage": stage.pk, "version": stage.version.number, "stance": "maybe"}).status_code
        == 422
    )
    assert (
        post({"stage": stage.pk, "version": stage.version.number, "stance": "object"}).json()[
            "code"
        ]
        == "statement_required"
    )
    assert post({"stage": 999999, "version": 1, "stance": "join"}).status_code == 404
    assert (
        post({"stage": stage.pk, "version": 1, "stance": "join", "state": "RU"}).status_code == 422
    )  # no speaking for others
    assert not Position.objects.filter(stage=stage, state__iso2="KZ", stance="object").exists()


def test_the_consensus_board_shows_positions_and_explains_the_outcome(client_as):
    budget = Consultation.objects.get(title_en__icontains="budget")
    page = (
        client_as("kazakh_representative").get(f"/en/consultations/{budget.pk}/").content.decode()
    )
    assert (
        "Adopted in limited format: Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan joined; Armenia refrained without objecting."
        in page
    )
    assert 'data-testid="cell-1-AM"' in page and "Refrains without objecting" in page


def test_the_board_marks_the_clauses_that_carry_objections(client_as):
    returned = Consultation.objects.get(status="returned")
    page = client_as("russian_representative").get(f"/en/consultations/{returned.pk}/")
    assert page.context["board"].objected_clauses == {"u5": ["BY"]}
    assert "objection" in page.content.decode()


def test_the_inbox_lists_what_awaits_my_state_nearest_deadline_first(client_as):
    page = client_as("russian_representative").get("/en/consultations/inbox/")
    stages = list(page.context["page"])
    assert stages and stages[0].mode == "written"  # the only one with a deadline
    assert all(not s.positions.filter(state__iso2="RU").exists() for s in stages)
    kz_ids = {
        s.pk
        for s in client_as("kazakh_representative").get("/en/consultations/inbox/").context["page"]
    }
    assert written().pk not in kz_ids  # Kazakhstan has already joined


def test_the_session_page_shows_the_agenda_and_who_signed(client_as):
    from concord.consultations.models import Session

    astana = Session.objects.get(body__code="csc", date=dt.date(2024, 11, 28))
    page = client_as("kazakh_representative").get(f"/en/consultations/sessions/{astana.pk}/")
    rows = page.context["rows"]
    assert len(rows) == 1
    item, signatures = rows[0]
    assert set(signatures) == set(
        Stage.objects.get(pk=item.pk).signatures.values_list("state_id", flat=True)
    )
    assert len(signatures) == 5 and page.context["chair"].state.iso2 == "KZ"


@pytest.mark.usefixtures("uncached_pages")
def test_board_and_inbox_queries_do_not_grow(
    client_as, secretariat_officer, kazakh_representative, russian_representative
):
    stage = written()
    client = client_as("secretariat_officer")

    def count(url):
        with CaptureQueriesContext(connection) as q:
            assert client.get(url).status_code == 200
        return len(q.captured_queries)

    board_url = f"/en/consultations/{stage.consultation_id}/"
    before = count(board_url)
    for i in range(20):
        user = kazakh_representative if i % 2 else russian_representative
        services.record_position(
            stage,
            actor=user,
            stance="join" if i % 3 else "refrain",
            version_id=stage.version_id,
            now=stage.opened_at,
        )
    assert count(board_url) == before
    ru = client_as("russian_representative")
    with CaptureQueriesContext(connection) as q:
        ru.get("/en/consultations/inbox/")
    first = len(q.captured_queries)
    for i in range(10):
        c = services.open_consultation(
            actor=secretariat_officer,
            title_ru=f"Вопрос {i}",
            kind="procedural",
            route=Route.objects.get(code="emergency"),
            now=timezone.now(),
        )
        services.open_stage(
            c,
            actor=secretariat_officer,
            now=timezone.now(),
            mode="written",
            term=(3, TermUnit.WORKING_DAYS),
        )
    with CaptureQueriesContext(connection) as q:
        ru.get("/en/consultations/inbox/")
    assert len(q.captured_queries) == first


def test_close_due_procedures_command(db):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("close_due_procedures", stdout=out)
    assert "procedure(s) closed" in out.getvalue()
