"""What is adopted stays adopted: the adopted version with its body and day, no change afterwards but a
correction procedure of its own, signatures bound to the text signed, the latest text before every
stage, and a public statement that says who adopted it and where each state stood."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.consultations import closing, services
from concord.consultations.states import ConsultationStatus, QuestionKind, StageOutcome
from concord.core.errors import Conflict, DomainError
from concord.documents import services as documents
from concord.documents.models import Document
from concord.documents.rules import Operation, OpKind
from concord.documents.states import DocumentStatus, VersionSource
from concord.publications.models import Publication
from tests.builders import STATEMENT, a_draft, a_question, answer, delegate

NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
FIVE = dict.fromkeys(("BY", "KZ", "KG", "RU", "TJ"), "join")


def adopted(secretariat_officer, **kw):
    """A decision of the CSC through its two tiers (the budget route), adopted at the second."""
    question = a_question(secretariat_officer, now=NOW, **kw)
    for _tier in range(2):
        stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
        answer(stage, FIVE, now=NOW)
        stage = closing.close_stage(stage, actor=secretariat_officer, now=NOW)
    return question, stage


def modify(uid, ru):
    return Operation(OpKind.MODIFY, uid=uid, text_ru=ru, text_en=None)


def test_adoption_makes_the_version_before_the_states_the_adopted_text(secretariat_officer):
    question, stage = adopted(secretariat_officer)
    document = Document.objects.get(pk=question.document_id)
    assert stage.outcome == StageOutcome.ADOPTED
    assert document.status == DocumentStatus.ADOPTED
    assert document.final_version_id == stage.version_id
    assert (document.adopted_by, document.adopted_on) == (stage.body, NOW.date())


def test_an_adopted_text_takes_no_version_amendment_or_new_question(
    secretariat_officer, kazakh_representative
):
    question, _stage = adopted(secretariat_officer)
    document = Document.objects.get(pk=question.document_id)
    with pytest.raises(Conflict) as edit:
        documents.edit_text(
            document, actor=secretariat_officer, base_number=1, operation=modify("u2", "Иначе.")
        )
    with pytest.raises(Conflict) as amendment:
        documents.propose_amendment(
            document,
            actor=kazakh_representative,
            base_number=1,
            operation=modify("u2", "Иначе."),
            justification_en="Better.",
        )
    with pytest.raises(DomainError) as again:
        a_question(secretariat_officer, now=NOW, document=document)
    assert (edit.value.code, amendment.value.code, again.value.code) == (
        "document_adopted",
        "document_adopted",
        "text_adopted",
    )
    assert Document.objects.get(pk=document.pk).latest_number == 1


def test_a_correction_is_a_procedure_that_produces_the_corrected_version(secretariat_officer):
    question, _stage = adopted(secretariat_officer)
    document = Document.objects.get(pk=question.document_id)
    correction = a_question(
        secretariat_officer, now=NOW, document=document, kind=QuestionKind.CORRECTION
    )
    version = documents.edit_text(
        document, actor=secretariat_officer, base_number=1, operation=modify("u2", "Исправлено.")
    )
    assert version.source == VersionSource.CORRECTION
    document.refresh_from_db()
    assert document.status == DocumentStatus.ADOPTED and document.final_version.number == 1
    for _tier in range(2):
        stage = services.open_stage(correction, actor=secretariat_officer, now=NOW)
        assert stage.version_id == version.pk
        answer(stage, FIVE, now=NOW)
        closing.close_stage(stage, actor=secretariat_officer, now=NOW)
    document.refresh_from_db()
    assert document.final_version_id == version.pk and not document.under_correction


def test_a_dropped_correction_leaves_the_adopted_text(secretariat_officer):
    question, _stage = adopted(secretariat_officer)
    document = Document.objects.get(pk=question.document_id)
    correction = a_question(
        secretariat_officer, now=NOW, document=document, kind=QuestionKind.CORRECTION
    )
    stage = services.open_stage(correction, actor=secretariat_officer, now=NOW)
    closing.close_stage(stage, actor=secretariat_officer, now=NOW, drop=True)
    document.refresh_from_db()
    assert not document.under_correction and document.final_version.number == 1
    with pytest.raises(Conflict):
        documents.edit_text(
            document, actor=secretariat_officer, base_number=1, operation=modify("u2", "Нет.")
        )


def test_a_correction_is_of_an_adopted_text_only(secretariat_officer):
    with pytest.raises(DomainError) as error:
        a_question(secretariat_officer, now=NOW, kind=QuestionKind.CORRECTION)
    assert error.value.code == "not_adopted_text"


def test_signatures_bind_to_the_adopted_text(secretariat_officer):
    question, stage = adopted(secretariat_officer)
    signature = services.sign_decision(stage, actor=delegate("KZ"), on=NOW.date())
    assert (
        signature.fingerprint
        == Document.objects.get(pk=question.document_id).final_version.fingerprint
    )


def test_reopening_a_returned_question_puts_the_latest_version_before_the_states(
    secretariat_officer,
):
    question = a_question(secretariat_officer, now=NOW)
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    answer(stage, FIVE | {"KZ": "object"}, now=NOW)
    closing.close_stage(stage, actor=secretariat_officer, now=NOW)
    question.refresh_from_db()
    assert question.status == ConsultationStatus.RETURNED
    v2 = documents.edit_text(
        question.document,
        actor=secretariat_officer,
        base_number=1,
        operation=modify("u2", "Новое."),
    )
    again = services.open_stage(question, actor=secretariat_officer, now=NOW)
    assert again.version_id == v2.pk


def test_a_text_with_open_brackets_is_not_adopted(secretariat_officer):
    document = a_draft(
        secretariat_officer,
        units=[("title", "Т", "T"), ("paragraph", "[[RU: Спорно]] согласовано.", "Agreed.")],
    )
    question = a_question(secretariat_officer, now=NOW, document=document)
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    answer(stage, FIVE, now=NOW)
    closing.close_stage(stage, actor=secretariat_officer, now=NOW)  # forwarded: not yet adopted
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    answer(stage, FIVE, now=NOW)
    with pytest.raises(DomainError) as error:
        closing.close_stage(stage, actor=secretariat_officer, now=NOW)
    assert error.value.code == "open_brackets"
    stage.refresh_from_db()
    assert stage.status == "open"


def test_the_published_statement_says_who_adopted_it_and_where_each_state_stood(
    secretariat_officer, django_capture_on_commit_callbacks
):
    statement = a_draft(secretariat_officer, units=STATEMENT)
    with django_capture_on_commit_callbacks(execute=True):
        question = a_question(
            secretariat_officer,
            now=NOW,
            route="annual-list",
            kind=QuestionKind.JOINT_STATEMENT,
            document=statement,
            planned_year=2026,
        )
        stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
        answer(stage, FIVE, now=NOW)
        closing.close_stage(stage, actor=secretariat_officer, now=NOW)
    draft = Publication.objects.get(source_kind="consultation", source_id=str(question.pk))
    assert "Постоянный совет" in draft.body_ru and "30.11.2026" in draft.body_ru
    assert "Joined: Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan." in draft.body_en
    assert "Gave no position: Armenia." in draft.body_en
    assert "1. Firmly condemn terrorism" in draft.body_en
