"""Negotiating a text through the services: versions, amendments, decisions, finality, concurrency."""

from __future__ import annotations

import pytest
from django.utils import translation

from concord.audit.models import Entry
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.documents import finality, services
from concord.documents.models import Amendment, Document, Version
from concord.documents.permissions import can_propose
from concord.documents.rules import Operation, OpKind, UnitKind
from concord.documents.states import AmendmentStatus, DocumentStatus, LanguageState
from tests.builders import STATEMENT, a_draft


@pytest.fixture
def draft(secretariat_officer):
    return a_draft(secretariat_officer)


def modify(uid: str, ru: str | None = None, en: str | None = None) -> Operation:
    return Operation(OpKind.MODIFY, uid=uid, text_ru=ru, text_en=en)


def test_a_new_document_has_version_one_with_stable_unit_ids(draft, secretariat_officer):
    version = Version.objects.get(document=draft)
    assert version.number == 1 and [u.uid for u in version.text] == ["u1", "u2", "u3", "u4"]
    assert draft.owner_body.is_secretariat and draft.title_en == "Joint statement"
    assert len(version.fingerprint) == 64
    assert Entry.objects.filter(verb="documents.create_document", object_id=str(draft.pk)).exists()


def test_a_delegation_proposes_in_its_own_states_name(draft, kazakh_representative):
    amendment = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=modify("u3", ru="Осуждаем терроризм."),
        justification_en="Shorter.",
    )
    assert amendment.state.iso2 == "KZ" and amendment.proposed_by == kazakh_representative
    assert amendment.status == AmendmentStatus.PENDING


@pytest.mark.parametrize(
    "persona", ["secretariat_officer", "analyst", "staff_officer", "member_of_parliament"]
)
def test_organs_do_not_propose_amendments_in_a_states_name(request, draft, persona):
    with pytest.raises(NotAllowed):
        services.propose_amendment(
            draft,
            actor=request.getfixturevalue(persona),
            base_number=1,
            operation=modify("u3", ru="x"),
            justification_en="Reason.",
        )


def test_an_amendment_to_a_unit_that_does_not_exist_in_that_version_is_refused(
    draft, kazakh_representative
):
    with pytest.raises(DomainError) as error:
        services.propose_amendment(
            draft,
            actor=kazakh_representative,
            base_number=1,
            operation=modify("u99", ru="x"),
            justification_en="Reason.",
        )
    assert error.value.code == "unit_not_found"
    with pytest.raises(DomainError) as error:
        services.propose_amendment(
            draft,
            actor=kazakh_representative,
            base_number=7,
            operation=modify("u3", ru="x"),
            justification_en="Reason.",
        )
    assert error.value.code == "version_not_found"
    assert not Amendment.objects.filter(document=draft).exists()


def test_accepting_an_amendment_makes_the_next_version(
    draft, kazakh_representative, secretariat_officer
):
    amendment = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=modify("u3", ru="Осуждаем терроризм.", en="Condemn terrorism."),
        justification_en="Reason.",
    )
    services.decide_amendment(
        amendment, actor=secretariat_officer, decision="accept", base_number=1
    )
    amendment.refresh_from_db()
    draft.refresh_from_db()
    assert amendment.status == AmendmentStatus.ACCEPTED and amendment.result.number == 2
    assert draft.latest_number == 2
    v2 = Version.objects.get(document=draft, number=2)
    assert v2.text[2].text_ru == "Осуждаем терроризм." and v2.amendment == amendment
    assert (
        Version.objects.get(document=draft, number=1).text[2].text_ru == STATEMENT[2][1]
    )  # v1 unchanged


def test_only_the_editor_decides(draft, kazakh_representative, russian_representative):
    amendment = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=modify("u3", ru="x"),
        justification_en="Reason.",
    )
    for actor in (kazakh_representative, russian_representative):
        with pytest.raises(NotAllowed):
            services.decide_amendment(amendment, actor=actor, decision="accept", base_number=1)


def test_merging_applies_the_editors_wording(draft, kazakh_representative, secretariat_officer):
    amendment = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=modify("u4", ru="Поддерживаем ООН."),
        justification_en="Reason.",
    )
    services.decide_amendment(
        amendment,
        actor=secretariat_officer,
        decision="merge",
        base_number=1,
        text_ru="Поддерживаем ключевую роль ООН.",
        text_en="Support the key role of the UN.",
    )
    amendment.refresh_from_db()
    assert amendment.status == AmendmentStatus.MERGED
    assert amendment.result.text[3].text_ru == "Поддерживаем ключевую роль ООН."


def test_a_rejection_needs_a_reason_and_makes_no_version(
    draft, kazakh_representative, secretariat_officer
):
    amendment = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=modify("u3", ru="x"),
        justification_en="Reason.",
    )
    with pytest.raises(DomainError):
        services.decide_amendment(
            amendment, actor=secretariat_officer, decision="reject", base_number=1
        )
    services.decide_amendment(
        amendment,
        actor=secretariat_officer,
        decision="reject",
        base_number=1,
        reason="No consensus.",
    )
    draft.refresh_from_db()
    assert draft.latest_number == 1
    with pytest.raises(NotAllowed):  # decided once
        services.decide_amendment(
            amendment, actor=secretariat_officer, decision="accept", base_number=1
        )


def test_an_edit_on_a_stale_version_is_refused_and_saves_nothing(draft, secretariat_officer):
    services.edit_text(
        draft, actor=secretariat_officer, base_number=1, operation=modify("u3", ru="Первая правка.")
    )
    with translation.override("en"), pytest.raises(Conflict) as error:
        services.edit_text(
            draft,
            actor=secretariat_officer,
            base_number=1,
            operation=modify("u4", ru="Вторая правка."),
        )
    assert error.value.code == "stale_version"
    assert "version 2 has been made since" in str(error.value.message)
    assert Version.objects.filter(document=draft).count() == 2


def test_an_amendment_on_an_older_version_is_accepted_only_if_its_unit_did_not_change(
    draft, kazakh_representative, russian_representative, secretariat_officer
):
    on_u3 = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=modify("u3", ru="KZ"),
        justification_en="Reason.",
    )
    on_u4 = services.propose_amendment(
        draft,
        actor=russian_representative,
        base_number=1,
        operation=modify("u4", ru="RU"),
        justification_en="Reason.",
    )
    services.edit_text(
        draft, actor=secretariat_officer, base_number=1, operation=modify("u3", ru="Редакция.")
    )
    with pytest.raises(Conflict) as error:
        services.decide_amendment(
            on_u3, actor=secretariat_officer, decision="accept", base_number=2
        )
    assert error.value.code == "unit_changed_since"
    services.decide_amendment(on_u4, actor=secretariat_officer, decision="accept", base_number=2)
    assert Version.objects.get(document=draft, number=3).text[3].text_ru == "RU"


def test_a_deciding_editor_must_have_seen_the_latest_version(
    draft, kazakh_representative, secretariat_officer
):
    amendment = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=modify("u4", ru="RU"),
        justification_en="Reason.",
    )
    services.edit_text(
        draft, actor=secretariat_officer, base_number=1, operation=modify("u3", ru="Редакция.")
    )
    with pytest.raises(Conflict):
        services.decide_amendment(
            amendment, actor=secretariat_officer, decision="accept", base_number=1
        )


def test_added_clauses_keep_the_identity_given_when_proposed(
    draft, kazakh_representative, secretariat_officer
):
    amendment = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=Operation(
            OpKind.ADD,
            after_uid="u3",
            kind=UnitKind.PARAGRAPH,
            text_ru="Новый пункт.",
            text_en="New paragraph.",
        ),
        justification_en="Reason.",
    )
    assert amendment.uid == "u5"
    services.decide_amendment(
        amendment, actor=secretariat_officer, decision="accept", base_number=1
    )
    assert [u.uid for u in Version.objects.get(document=draft, number=2).text] == [
        "u1",
        "u2",
        "u3",
        "u5",
        "u4",
    ]


def test_support_comes_from_other_delegations_only(
    draft, kazakh_representative, russian_representative
):
    amendment = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=modify("u3", ru="x"),
        justification_en="Reason.",
    )
    with pytest.raises(NotAllowed):
        services.support_amendment(amendment, actor=kazakh_representative)
    services.support_amendment(amendment, actor=russian_representative)
    services.support_amendment(amendment, actor=russian_representative)  # once per state
    assert [s.state.iso2 for s in amendment.supports.all()] == ["RU"]


def test_only_the_proposing_delegation_withdraws(
    draft, kazakh_representative, russian_representative
):
    amendment = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=modify("u3", ru="x"),
        justification_en="Reason.",
    )
    with pytest.raises(NotAllowed):
        services.withdraw_amendment(amendment, actor=russian_representative)
    services.withdraw_amendment(amendment, actor=kazakh_representative)
    assert amendment.status == AmendmentStatus.WITHDRAWN


def test_a_text_with_open_brackets_cannot_become_final(draft, secretariat_officer):
    services.edit_text(
        draft,
        actor=secretariat_officer,
        base_number=1,
        operation=modify("u3", ru="[[RU,BY: Решительно]] осуждаем терроризм."),
    )
    with pytest.raises(DomainError) as error:
        finality.declare_final(draft, actor=secretariat_officer, base_number=2)
    assert error.value.code == "open_brackets"
    services.edit_text(
        draft,
        actor=secretariat_officer,
        base_number=2,
        operation=modify("u3", ru="Осуждаем терроризм."),
    )
    version = finality.declare_final(draft, actor=secretariat_officer, base_number=3)
    draft.refresh_from_db()
    assert draft.status == DocumentStatus.FINAL and draft.final_version == version
    assert Entry.objects.get(verb="documents.declare_final", object_id=str(draft.pk)).changes == {
        "status": ["negotiation", "final"],
        "lapsed": 0,
        "fingerprint": version.fingerprint,
    }


def test_a_final_text_takes_no_more_edits_or_amendments(
    draft, secretariat_officer, kazakh_representative
):
    finality.declare_final(draft, actor=secretariat_officer, base_number=1)
    with pytest.raises(Conflict):
        services.edit_text(
            draft, actor=secretariat_officer, base_number=1, operation=modify("u3", ru="x")
        )
    draft.refresh_from_db()
    assert not can_propose(kazakh_representative, draft)
    with pytest.raises(Conflict):
        services.propose_amendment(
            draft,
            actor=kazakh_representative,
            base_number=1,
            operation=modify("u3", ru="x"),
            justification_en="Reason.",
        )


def test_a_change_in_one_language_only_marks_the_document_out_of_step(draft, secretariat_officer):
    services.edit_text(
        draft,
        actor=secretariat_officer,
        base_number=1,
        operation=modify("u3", ru="Только по-русски."),
    )
    draft.refresh_from_db()
    assert draft.language_state == LanguageState.OUT_OF_STEP
    assert Version.objects.get(document=draft, number=2).lagging == {"u3": "en"}
    services.edit_text(
        draft,
        actor=secretariat_officer,
        base_number=2,
        operation=modify("u3", en="Now in English too."),
    )
    draft.refresh_from_db()
    assert draft.language_state == LanguageState.IN_STEP
    assert Version.objects.get(document=draft, number=3).lagging == {}


def test_delegations_may_create_drafts_owned_by_their_state(kazakh_representative):
    document = services.create_document(
        actor=kazakh_representative, kind="draft_decision", units=STATEMENT, marking="restricted"
    )
    assert document.owner_state.iso2 == "KZ"


def test_a_text_needs_a_title(secretariat_officer):
    before = Document.objects.count()
    with pytest.raises(DomainError):
        services.create_document(
            actor=secretariat_officer,
            kind="other",
            units=[("paragraph", "x", "")],
            marking="official",
        )
    assert Document.objects.count() == before


def test_the_demo_statements_were_negotiated(db):
    documents = Document.objects.filter(kind="joint_statement")
    assert documents.count() == 5
    for document in documents:
        assert document.latest_number >= 2
        assert {a.state.iso2 for a in document.amendments.all()} - {"AM"}
    statuses = set(Amendment.objects.values_list("status", flat=True))
    assert {"accepted", "rejected", "pending"} <= statuses
    assert any(
        "[[" in u["text_ru"]
        for d in documents
        for u in Version.objects.get(document=d, number=d.latest_number).units
    )


def test_pending_amendments_lapse_when_the_text_becomes_final(
    draft, kazakh_representative, secretariat_officer
):
    amendment = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=modify("u3", ru="x"),
        justification_en="Reason.",
    )
    finality.declare_final(draft, actor=secretariat_officer, base_number=1)
    amendment.refresh_from_db()
    assert amendment.status == AmendmentStatus.LAPSED


def test_an_amendment_needs_a_justification(draft, kazakh_representative):
    with pytest.raises(DomainError) as error:
        services.propose_amendment(
            draft, actor=kazakh_representative, base_number=1, operation=modify("u3", ru="x")
        )
    assert error.value.code == "justification_required"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("[[KZ: unclosed", "malformed_bracket"),
        ("[[XX: words]]", "unknown_bracket_owner"),
        ("Поддерживаем центральную роль ООН.", "no_change"),
    ],
)
def test_edits_with_bad_brackets_or_no_change_are_refused(draft, secretariat_officer, text, code):
    with pytest.raises(DomainError) as error:
        services.edit_text(
            draft, actor=secretariat_officer, base_number=1, operation=modify("u4", ru=text)
        )
    assert error.value.code == code
    assert Version.objects.filter(document=draft).count() == 1


def test_the_title_cannot_be_emptied(draft, secretariat_officer):
    with pytest.raises(DomainError) as error:
        services.edit_text(
            draft, actor=secretariat_officer, base_number=1, operation=modify("u1", ru="", en="")
        )
    assert error.value.code == "title_required"


def test_a_withdrawn_amendment_cannot_then_be_accepted(
    draft, kazakh_representative, secretariat_officer
):
    amendment = services.propose_amendment(
        draft,
        actor=kazakh_representative,
        base_number=1,
        operation=modify("u3", ru="x"),
        justification_en="Reason.",
    )
    services.withdraw_amendment(amendment, actor=kazakh_representative)
    stale_copy = Amendment.objects.get(pk=amendment.pk)
    stale_copy.status = AmendmentStatus.PENDING  # as a concurrent request would still see it
    with pytest.raises(Conflict):
        services.decide_amendment(
            stale_copy, actor=secretariat_officer, decision="accept", base_number=1
        )
    assert Version.objects.filter(document=draft).count() == 1


def test_browsers_line_ends_give_the_same_fingerprint(draft, secretariat_officer):
    a = services.edit_text(
        draft,
        actor=secretariat_officer,
        base_number=1,
        operation=modify("u4", ru="Поручить\r\nСекретариату."),
    )
    assert "\r" not in a.text[3].text_ru
