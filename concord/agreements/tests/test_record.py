"""What the record says about the demo's instruments and what each state still has to do; the
published, recorded and computed facts kept apart; the checks the depositary sees."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from concord.agreements import copies, selectors, services
from concord.agreements.models import Agreement
from concord.agreements.standing import Check, Gap
from concord.organization.models import MemberState

D = dt.date.fromisoformat
TODAY = D("2026-11-28")


def state(iso2):
    return MemberState.objects.get(iso2=iso2)


def test_the_status_table_of_every_demo_instrument_lists_every_signatory(db):
    agreements = list(Agreement.objects.prefetch_related("signatories"))
    assert len(agreements) >= 10
    for a in agreements:
        _standing, rows, _actions = selectors.status_table(
            selectors.agreement_by_id(a.pk), today=TODAY
        )
        listed = {r.state.iso2 for r in rows}
        assert {s.iso2 for s in a.signatories.all()} <= listed, a.title_en
        assert all(r.signatory for r in rows if r.state.iso2 in listed), a.title_en


def test_the_demo_keeps_published_facts_apart_and_invents_no_deposit(db):
    for a in Agreement.objects.filter(illustrative=False):
        standing = selectors.standings([selectors.agreement_by_id(a.pk)], today=TODAY)[0]
        assert Gap.DEPOSITS in standing.gaps and standing.result is None, a.title_en
        assert not a.actions.filter(type__in=["notification", "ratification"]).exists()
    treaty = Agreement.objects.get(title_en="Collective Security Treaty")
    assert treaty.known_in_force == D("1994-04-20") and treaty.published_status == "in_force"
    assert treaty.rule is None and treaty.published_source
    extension = Agreement.objects.get(
        title_en="Protocol on extending the Collective Security Treaty"
    )
    assert extension.rule["threshold"]["count"] == 5
    assert extension.known_in_force == D("2000-03-22")
    protocol = Agreement.objects.get(
        title_en__startswith="Protocol amending the Agreement on peace"
    )
    assert protocol.published_status == "in_force" and protocol.known_in_force is None
    assert {s.iso2 for s in protocol.signatories.all()} == {"AM", "BY", "KZ", "KG", "RU", "TJ"}
    signed = {(a.state.iso2, a.date) for a in protocol.actions.filter(type="signature")}
    assert ("KZ", D("2021-09-16")) in signed and len(signed) == 6


def test_what_each_state_still_has_to_do(db, secretariat_officer):
    demo = Agreement.objects.get(illustrative=True)
    for s in MemberState.objects.all():
        entries = selectors.pending(secretariat_officer, s, today=TODAY)
        for e in entries:
            assert s.iso2 in e.standing.signatories
            assert s.iso2 not in e.standing.consented and e.row.consent is None
        known = {e.standing.agreement.pk for e in entries if e.known}
        assert (demo.pk in known) == (s.iso2 not in ("RU", "BY")), s.iso2
    kz = {
        e.standing.agreement.pk: e
        for e in selectors.pending(secretariat_officer, state("KZ"), today=TODAY)
    }
    steps = [(step.position, done is not None) for step, done in kz[demo.pk].row.steps]
    assert steps == [(0, True), (1, False), (2, False)]  # Mazhilis done; Senate, President open
    protocol = Agreement.objects.get(
        title_en__startswith="Protocol amending the Agreement on peace"
    )
    assert not kz[protocol.pk].known  # deposits not recorded: not known whether Kazakhstan notified
    done = [step.position for step, d in kz[protocol.pk].row.steps if d]
    assert done == [0, 2]


def _registered(actor, **fields):
    base = {"kind": "protocol", "title_ru": "П", "title_en": "P", "signed_on": D("2020-01-10")}
    return services.create_agreement(actor=actor, **{**base, **fields})


def test_a_protocol_in_force_before_its_parent_is_flagged(secretariat_officer):
    parent = _registered(secretariat_officer, published_status="not_in_force", rule=None)
    child = _registered(
        secretariat_officer, amends=parent, known_in_force=D("2021-01-01"), rule=None
    )
    standing = selectors.standings([selectors.agreement_by_id(child.pk)], today=TODAY)[0]
    assert [f.code for f in standing.flags] == [Check.PROTOCOL_BEFORE_PARENT]


def test_a_computed_date_that_differs_from_the_published_one_is_flagged(secretariat_officer):
    a = _registered(
        secretariat_officer,
        rule={"threshold": {"count": 1}},
        known_in_force=D("2020-06-01"),
        signatories=[state("KZ")],
    )
    services.record_action(
        a, actor=secretariat_officer, state=state("KZ"), type="notification", date=D("2020-03-01")
    )
    standing = selectors.standings([selectors.agreement_by_id(a.pk)], today=TODAY)[0]
    assert [f.code for f in standing.flags] == [Check.COMPUTED_DIFFERS]
    assert standing.flags[0].dates == (D("2020-03-01"), D("2020-06-01"))
    assert standing.date_in_force == D("2020-06-01")  # the published date is what is shown


def test_a_state_bound_without_a_recorded_consent_is_flagged(secretariat_officer):
    a = _registered(
        secretariat_officer,
        rule={"threshold": {"all_signatories": True}},
        known_in_force=D("2020-06-01"),
        signatories=[state("KZ"), state("RU")],
    )
    standing = selectors.standings([selectors.agreement_by_id(a.pk)], today=TODAY)[0]
    bound = [f for f in standing.flags if f.code == Check.BOUND_WITHOUT_CONSENT]
    assert bound and bound[0].states == ("KZ", "RU")


def test_records_that_agree_raise_no_flag(secretariat_officer):
    a = _registered(
        secretariat_officer,
        rule={"threshold": {"count": 1}},
        known_in_force=D("2020-03-01"),
        signatories=[state("KZ")],
    )
    services.record_action(
        a, actor=secretariat_officer, state=state("KZ"), type="notification", date=D("2020-03-01")
    )
    assert selectors.standings([selectors.agreement_by_id(a.pk)], today=TODAY)[0].flags == []


def test_nothing_is_computed_or_published_from_an_incomplete_record(secretariat_officer):
    from concord.publications.models import Publication

    a = _registered(
        secretariat_officer,
        rule={"threshold": {"count": 1}},
        deposits_recorded=False,
        signatories=[state("KZ")],
    )
    services.record_action(
        a, actor=secretariat_officer, state=state("KZ"), type="notification", date=D("2020-03-01")
    )
    standing = selectors.standings([selectors.agreement_by_id(a.pk)], today=TODAY)[0]
    assert standing.result is None and standing.gaps == [Gap.DEPOSITS]
    assert not Publication.objects.filter(source_kind="agreement", source_id=str(a.pk)).exists()


def test_a_certified_copy_carries_the_final_texts_fingerprint(db):
    demo = Agreement.objects.get(illustrative=True)
    data, filename = copies.certified_copy(demo, state("KZ"))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert demo.document.final_version.fingerprint in text.replace("\n", "")
    assert "Kazakhstan" in text and filename.endswith("-KZ.pdf")


@pytest.mark.parametrize(
    ("persona", "iso2", "status"),
    [
        ("secretariat_officer", "KZ", 200),
        ("secretariat_officer", "RU", 200),
        ("kazakh_representative", "KZ", 200),
        ("kazakh_representative", "RU", 404),
        ("russian_representative", "KZ", 404),
        ("analyst", "KZ", 404),
        ("member_of_parliament", "KZ", 404),
    ],
)
def test_who_takes_a_certified_copy(client_as, persona, iso2, status):
    demo = Agreement.objects.get(illustrative=True)
    page = client_as(persona).get(f"/en/agreements/{demo.pk}/copies/{iso2}.pdf")
    api = client_as(persona).get(f"/api/v1/agreements/{demo.pk}/copies/{iso2}")
    assert (page.status_code, api.status_code) == (status, status)
    if status == 200:
        assert page.content.startswith(b"%PDF") and api.content.startswith(b"%PDF")


def test_an_instrument_without_a_final_text_has_no_certified_copy(client_as):
    treaty = Agreement.objects.get(title_en="Collective Security Treaty")
    assert (
        client_as("secretariat_officer")
        .get(f"/en/agreements/{treaty.pk}/copies/KZ.pdf")
        .status_code
        == 404
    )
