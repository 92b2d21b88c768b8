"""The audit log is a hash chain: any change or removal of an entry is detected and named."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st

from concord.audit.models import Entry, Head
from concord.audit.rules import entry_hash, first_problem
from concord.audit.selectors import chain_problem
from concord.audit.services import record
from concord.organization.models import MemberState
from tests.builders import TestVerb


def chain(payloads: list[dict]) -> list[tuple[int, str, str, dict]]:
    rows, previous = [], ""
    for seq, fields in enumerate(payloads, start=1):
        fields = {**fields, "seq": seq}
        digest = entry_hash(previous, fields)
        rows.append((seq, previous, digest, fields))
        previous = digest
    return rows


payloads = st.lists(
    st.dictionaries(st.sampled_from("abc"), st.text(max_size=5)), min_size=1, max_size=12
)


@given(payloads)
def test_an_untouched_chain_is_intact(items):
    rows = chain(items)
    assert first_problem(rows, head=(rows[-1][0], rows[-1][2])) is None


@given(payloads, st.data())
def test_changing_any_entry_is_detected_at_that_entry(items, data):
    rows = chain(items)
    i = data.draw(st.integers(0, len(rows) - 1))
    seq, prev, digest, fields = rows[i]
    rows[i] = (seq, prev, digest, {**fields, "tampered": True})
    problem = first_problem(rows, head=(rows[-1][0], rows[-1][2]))
    assert problem is not None and problem.seq == seq and "changed" in problem.reason


@given(payloads, st.data())
def test_removing_any_entry_is_detected_at_that_entry(items, data):
    rows = chain(items)
    head = (rows[-1][0], rows[-1][2])
    i = data.draw(st.integers(0, len(rows) - 1))
    removed = rows.pop(i)
    problem = first_problem(rows, head=head)
    assert problem is not None and problem.seq == removed[0] and "missing" in problem.reason


def test_rewriting_an_entry_and_its_hash_is_caught_by_the_next_one():
    rows = chain([{"a": "1"}, {"a": "2"}, {"a": "3"}])
    seq, prev, _digest, fields = rows[1]
    forged = {**fields, "a": "forged"}
    rows[1] = (seq, prev, entry_hash(prev, forged), forged)
    problem = first_problem(rows, head=(rows[-1][0], rows[-1][2]))
    assert problem is not None and problem.seq == 3


def test_the_demo_world_leaves_an_intact_chain(db):
    assert Entry.objects.exists()
    assert chain_problem() is None
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    assert "intact" in out.getvalue()


def test_every_entry_names_who_acted_for_whom(secretariat_officer):
    state = MemberState.objects.get(iso2="KZ")
    entry = record(
        TestVerb.TOUCH, actor=secretariat_officer, target=state, summary="s", changes={"x": 1}
    )
    assert entry.actor_username == "secretariat"
    assert entry.acting_for == "Secretariat / secretariat_officer"
    assert (entry.object_type, entry.object_id) == ("organization.memberstate", str(state.pk))
    assert entry.prev_hash == Entry.objects.get(seq=entry.seq - 1).hash
    assert Head.objects.get().seq == entry.seq


def test_verify_audit_fails_naming_a_changed_entry(secretariat_officer):
    entry = record(TestVerb.TOUCH, actor=secretariat_officer, summary="original")
    Entry.objects.filter(pk=entry.pk).update(summary="rewritten")
    with pytest.raises(CommandError, match=f"entry #{entry.seq}: was changed"):
        call_command("verify_audit", stdout=io.StringIO())


def test_verify_audit_fails_naming_a_deleted_entry(secretariat_officer):
    first = record(TestVerb.TOUCH, actor=secretariat_officer)
    record(TestVerb.TOUCH, actor=secretariat_officer)
    Entry.objects.filter(pk=first.pk).delete()
    with pytest.raises(CommandError, match=f"entry #{first.seq}: missing"):
        call_command("verify_audit", stdout=io.StringIO())


def test_verify_audit_fails_when_the_last_entry_is_deleted(secretariat_officer):
    last = record(TestVerb.TOUCH, actor=secretariat_officer)
    Entry.objects.filter(pk=last.pk).delete()
    with pytest.raises(CommandError, match=f"entry #{last.seq}: missing"):
        call_command("verify_audit", stdout=io.StringIO())


def test_a_failed_service_leaves_no_entry(secretariat_officer):
    from concord.core.errors import DomainError
    from concord.organization.services import record_chairmanship

    before = Entry.objects.count()
    with pytest.raises(DomainError):
        record_chairmanship(
            actor=secretariat_officer, year=2027, state=MemberState.objects.get(iso2="AM")
        )
    assert Entry.objects.count() == before
    assert chain_problem() is None
