"""Documents through the pages and the API, for every persona."""

from __future__ import annotations

import io
import json

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.documents import services
from concord.documents.models import Amendment, Document, Version
from concord.documents.rules import Operation, OpKind
from conftest import PERSONAS

UNITS = [
    ("title", "Заявление о сотрудничестве", "Statement on cooperation"),
    ("preamble", "Мы, государства-члены,", "We, the member states,"),
    ("paragraph", "Укрепляем сотрудничество.", "Strengthen cooperation."),
    ("paragraph", "Поддерживаем ООН.", "Support the UN."),
]


@pytest.fixture
def draft(secretariat_officer):
    return services.create_document(
        actor=secretariat_officer, kind="joint_statement", units=UNITS, marking="official"
    )


@pytest.fixture
def kazakh_note(kazakh_representative):
    """A restricted draft of Kazakhstan's, released to nobody."""
    return services.create_document(
        actor=kazakh_representative, kind="draft_decision", units=UNITS, marking="restricted"
    )


def pages(document: Document) -> list[str]:
    pk = document.pk
    return [
        f"/en/documents/{pk}/",
        f"/en/documents/{pk}/versions/",
        f"/en/documents/{pk}/compare/?from=1&to=1",
        f"/en/documents/{pk}/amendments/",
        f"/en/documents/{pk}/versions/1/export/?format=pdf&lang=ru",
        f"/api/v1/documents/{pk}",
        f"/api/v1/documents/{pk}/versions/1",
        f"/api/v1/documents/{pk}/amendments",
        f"/api/v1/documents/{pk}/compare?from=1&to=1",
        f"/api/v1/documents/{pk}/versions/1/export?format=docx",
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_restricted_draft_exists_only_for_its_owner_and_the_secretariat(
    client_as, kazakh_note, persona
):
    client = client_as(persona)
    allowed = persona in (
        "kazakh_representative",
        "kazakh_coordinator",
        "secretariat_officer",
        "secretariat_administrator",
        "analyst",
    )
    for url in pages(kazakh_note):
        status = client.get(url).status_code
        if persona == "public_visitor":
            assert status in (302, 401)
        else:
            assert status == (200 if allowed else 404), url
    listed = client.get("/api/v1/documents?page_size=500")
    if persona != "public_visitor":
        ids = [d["id"] for d in listed.json()["items"]]
        assert (kazakh_note.pk in ids) == allowed


def test_releasing_a_restricted_draft_to_a_state_lets_its_delegation_see_it(client_as, kazakh_note):
    from concord.organization.models import MemberState

    assert (
        client_as("russian_representative").get(f"/en/documents/{kazakh_note.pk}/").status_code
        == 404
    )
    kazakh_note.released_to.add(MemberState.objects.get(iso2="RU"))
    assert (
        client_as("russian_representative").get(f"/en/documents/{kazakh_note.pk}/").status_code
        == 200
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_propose_and_who_may_edit(client_as, draft, persona):
    client = client_as(persona)
    propose = client.get(f"/en/documents/{draft.pk}/amendments/new/?unit=u3").status_code
    edit = client.get(f"/en/documents/{draft.pk}/edit/?unit=u3").status_code
    speaks = persona in (
        "kazakh_representative",
        "kazakh_coordinator",
        "armenian_representative",
        "russian_representative",
    )
    editor = persona in ("secretariat_officer", "secretariat_administrator")
    if persona == "public_visitor":
        assert (propose, edit) == (302, 302)
    elif persona == "member_of_parliament":  # a draft does not exist for them
        assert (propose, edit) == (404, 404)
    else:
        assert propose == (200 if speaks else 403)
        assert edit == (200 if editor else 403)


def test_a_delegation_proposes_through_the_page_and_the_editor_accepts(client_as, draft):
    response = client_as("kazakh_representative").post(
        f"/en/documents/{draft.pk}/amendments/new/?unit=u3",
        {
            "base_version": 1,
            "op": "modify",
            "uid": "u3",
            "text_ru": "Углубляем сотрудничество.",
            "text_en": "Deepen cooperation.",
            "justification_en": "Stronger.",
        },
    )
    assert response.status_code == 302
    amendment = Amendment.objects.get(document=draft)
    assert amendment.state.iso2 == "KZ"
    response = client_as("secretariat_officer").post(
        f"/en/documents/{draft.pk}/amendments/{amendment.pk}/",
        {"base_version": 1, "decision": "accept"},
    )
    assert response.status_code == 302
    assert Version.objects.get(document=draft, number=2).text[2].text_en == "Deepen cooperation."


def test_a_stale_edit_is_refused_and_the_input_is_kept(client_as, draft, secretariat_officer):
    services.edit_text(
        draft,
        actor=secretariat_officer,
        base_number=1,
        operation=Operation(OpKind.MODIFY, uid="u4", text_ru="Другое."),
    )
    response = client_as("secretariat_officer").post(
        f"/en/documents/{draft.pk}/edit/?unit=u3",
        {
            "base_version": 1,
            "op": "modify",
            "uid": "u3",
            "text_ru": "Моя долгая правка",
            "text_en": "",
            "note": "",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "version 2 has been made since" in page
    assert "Моя долгая правка" in page
    assert Version.objects.filter(document=draft).count() == 2
    assert response.context["form"].data["base_version"] == "2"  # submitting again now works
    again = client_as("secretariat_officer").post(
        f"/en/documents/{draft.pk}/edit/?unit=u3", dict(response.context["form"].data.items())
    )
    assert again.status_code == 302 and Version.objects.filter(document=draft).count() == 3


def test_an_amendment_to_a_unit_that_does_not_exist_is_a_form_error(client_as, draft):
    response = client_as("kazakh_representative").post(
        f"/en/documents/{draft.pk}/amendments/new/",
        {
            "base_version": 1,
            "op": "modify",
            "uid": "u99",
            "text_ru": "x",
        },
    )
    assert response.status_code == 400
    assert not Amendment.objects.filter(document=draft).exists()


def test_api_proposes_supports_and_decides(client_as, draft):
    kz = client_as("kazakh_representative")
    created = kz.post(
        f"/api/v1/documents/{draft.pk}/amendments",
        json.dumps(
            {
                "base_version": 1,
                "op": "add",
                "after_uid": "u3",
                "kind": "paragraph",
                "text_ru": "Новый пункт.",
                "text_en": "New paragraph.",
                "justification_en": "Needed.",
            }
        ),
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    amendment_id = created.json()["id"]
    supported = client_as("russian_representative").post(
        f"/api/v1/documents/{draft.pk}/amendments/{amendment_id}/support"
    )
    assert supported.json()["supporters"] == ["RU"]
    refused = kz.post(
        f"/api/v1/documents/{draft.pk}/amendments/{amendment_id}/decision",
        json.dumps({"decision": "accept", "base_version": 1}),
        content_type="application/json",
    )
    assert refused.status_code == 403
    decided = client_as("secretariat_officer").post(
        f"/api/v1/documents/{draft.pk}/amendments/{amendment_id}/decision",
        json.dumps({"decision": "accept", "base_version": 1}),
        content_type="application/json",
    )
    assert decided.status_code == 200 and decided.json()["result_version"] == 2
    compare = kz.get(f"/api/v1/documents/{draft.pk}/compare?from=1&to=2").json()
    added = [c for c in compare["changes"] if c["status"] == "added"]
    assert [c["new_label"] for c in added] == ["2."]
    assert any(c["renumbered"] for c in compare["changes"])


def test_api_refuses_a_stale_edit_with_409(client_as, draft):
    client = client_as("secretariat_officer")
    body = {"base_version": 1, "op": "modify", "uid": "u3", "text_ru": "Правка."}
    assert (
        client.post(
            f"/api/v1/documents/{draft.pk}/versions",
            json.dumps(body),
            content_type="application/json",
        ).status_code
        == 201
    )
    stale = client.post(
        f"/api/v1/documents/{draft.pk}/versions", json.dumps(body), content_type="application/json"
    )
    assert stale.status_code == 409 and stale.json()["code"] == "stale_version"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("lang", ["ru", "en", "both"])
def test_every_export_carries_the_fingerprint(client_as, draft, fmt, lang):
    version = Version.objects.get(document=draft, number=1)
    response = client_as("kazakh_representative").get(
        f"/api/v1/documents/{draft.pk}/versions/1/export?format={fmt}&lang={lang}"
    )
    assert response.status_code == 200
    if fmt == "docx":
        d = docx.Document(io.BytesIO(response.content))
        footer = " ".join(
            p.text for s in d.sections for p in s.footer.paragraphs + s.header.paragraphs
        )
        assert version.fingerprint in footer
    else:
        from pypdf import PdfReader

        text = "".join(
            page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
        )
        assert version.fingerprint in text.replace("\n", "")


def test_bad_export_parameters_are_4xx(client_as, draft):
    client = client_as("kazakh_representative")
    assert client.get(f"/en/documents/{draft.pk}/versions/1/export/?format=exe").status_code == 400
    assert (
        client.get(f"/api/v1/documents/{draft.pk}/versions/1/export?format=exe").status_code == 422
    )
    assert (
        client.get(f"/api/v1/documents/{draft.pk}/versions/9/export?format=pdf").status_code == 404
    )


def test_importing_a_docx_draft(client_as):
    buffer = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("Проект решения", style="Title")
    d.add_paragraph("Статья 1")
    d.add_paragraph("1. Первый пункт.")
    d.add_paragraph("2. Второй пункт.")
    d.add_table(rows=1, cols=1)
    d.save(buffer)
    upload = SimpleUploadedFile("draft.docx", buffer.getvalue())
    response = client_as("secretariat_officer").post(
        "/en/documents/import/",
        {"file": upload, "lang": "ru", "kind": "draft_decision", "marking": "official"},
        follow=True,
    )
    assert response.status_code == 200
    document = Document.objects.get(title_ru="Проект решения")
    assert [u.kind for u in Version.objects.get(document=document).text] == [
        "title",
        "article",
        "paragraph",
        "paragraph",
    ]
    assert any("table" in str(m) for m in response.context["messages"])


@pytest.mark.parametrize("content", [b"not a docx at all", b"PK\x03\x04 broken zip"])
def test_a_file_that_is_not_docx_is_refused_and_nothing_is_saved(client_as, content):
    before = Document.objects.count()
    response = client_as("secretariat_officer").post(
        "/en/documents/import/",
        {
            "file": SimpleUploadedFile("draft.docx", content),
            "lang": "ru",
            "kind": "other",
            "marking": "official",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert Document.objects.count() == before


def test_attachments_are_downloaded_only_by_those_who_see_the_document(
    client_as, kazakh_note, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    kz = client_as("kazakh_representative")
    kz.post(
        f"/en/documents/{kazakh_note.pk}/attachments/",
        {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")},
    )
    attachment = kazakh_note.attachments.get()
    url = f"/en/documents/{kazakh_note.pk}/attachments/{attachment.pk}/"
    assert b"".join(kz.get(url).streaming_content) == b"%PDF-1.4 x"
    assert client_as("russian_representative").get(url).status_code == 404


def test_document_page_and_inbox_queries_do_not_grow_with_amendments(
    client_as, draft, kazakh_representative, russian_representative
):
    client = client_as("secretariat_officer")

    def counts() -> tuple[int, int, int]:
        result = []
        for url in (
            f"/en/documents/{draft.pk}/",
            f"/en/documents/{draft.pk}/amendments/?status=all",
            "/en/documents/",
        ):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries.captured_queries))
        return tuple(result)  # type: ignore[return-value]

    def propose(actor, uid: str, text: str) -> None:
        a = services.propose_amendment(
            draft,
            actor=actor,
            base_number=1,
            operation=Operation(OpKind.MODIFY, uid=uid, text_ru=text),
            justification_en="Reason.",
        )
        services.support_amendment(
            a,
            actor=russian_representative
            if actor == kazakh_representative
            else kazakh_representative,
        )

    propose(kazakh_representative, "u3", "Раз.")
    propose(
        russian_representative, "u3", "Два."
    )  # a conflicting pair, so conflict checks run already
    before = counts()
    for i in range(15):
        propose(
            kazakh_representative if i % 2 else russian_representative,
            f"u{3 + i % 2}",
            f"Текст {i}.",
        )
    assert counts() == before


def test_the_negotiation_view_shows_bracket_owners_and_the_clean_view_does_not(
    client_as, secretariat_officer, draft
):
    services.edit_text(
        draft,
        actor=secretariat_officer,
        base_number=1,
        operation=Operation(OpKind.MODIFY, uid="u3", text_ru="[[RU,BY: Решительно]] укрепляем."),
    )
    client = client_as("kazakh_representative")
    negotiation = client.get(f"/en/documents/{draft.pk}/").content.decode()
    clean = client.get(f"/en/documents/{draft.pk}/?view=clean").content.decode()
    assert "<sup>RU, BY</sup>" in negotiation and "[Решительно]" in negotiation
    assert "Решительно укрепляем." in clean and "RU, BY" not in clean
    assert "Russian lags" not in negotiation and "English lags" in negotiation


def test_compare_page_recognises_a_moved_clause(client_as, secretariat_officer, draft):
    services.edit_text(
        draft,
        actor=secretariat_officer,
        base_number=1,
        operation=Operation(OpKind.MOVE, uid="u4", after_uid="u2"),
    )
    page = client_as("kazakh_representative").get(f"/en/documents/{draft.pk}/compare/?from=1&to=2")
    changes = page.context["changes"]
    assert [c.status for c in changes] == ["unchanged", "unchanged"]
    assert any(c.moved for c in changes) and all(c.renumbered for c in changes)


def test_support_and_withdraw_through_the_pages(client_as, draft, kazakh_representative):
    amendment = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=Operation(OpKind.MODIFY, uid="u3", text_ru="Иначе."),
        justification_en="Reason.",
    )
    url = f"/en/documents/{draft.pk}/amendments/{amendment.pk}/"
    assert client_as("russian_representative").post(url + "support/").status_code == 302
    assert [s.state.iso2 for s in amendment.supports.all()] == ["RU"]
    client_as("russian_representative").post(
        url + "withdraw/"
    )  # not theirs: refused with a message
    amendment.refresh_from_db()
    assert amendment.status == "pending"
    client_as("kazakh_representative").post(url + "withdraw/")
    amendment.refresh_from_db()
    assert amendment.status == "withdrawn"
