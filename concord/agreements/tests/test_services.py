"""The depositary records treaty actions; status follows from them; only the Secretariat records."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.agreements import selectors, services
from concord.agreements.models import Agreement, ProcedureStep, TreatyAction
from concord.core.errors import DomainError, NotAllowed
from concord.organization.models import MemberState
from conftest import PERSONAS

D = dt.date.fromisoformat
TODAY = D("2026-11-28")


@pytest.fixture
def protocol(secretariat_officer):
    return services.create_agreement(
        actor=secretariat_officer,
        kind="protocol",
        title_ru="Протокол",
        title_en="Protocol",
        rule={"threshold": {"count": 3}, "later": {"delay": {"days": 0}}},
        signed_on=D("2024-01-10"),
    )


def state(iso2):
    return MemberState.objects.get(iso2=iso2)


def act(agreement, actor, iso2, type_, date, **kw):
    return services.record_action(
        agreement, actor=actor, state=state(iso2), type=type_, date=D(date), **kw
    )


def test_status_follows_the_recorded_actions(protocol, secretariat_officer):
    for iso2 in ("BY", "KZ", "RU", "TJ"):
        act(protocol, secretariat_officer, iso2, "signature", "2024-01-10")
    act(protocol, secretariat_officer, "BY", "notification", "2024-03-01")
    act(protocol, secretariat_officer, "RU", "notification", "2024-05-01")
    status, _rows, _steps, _actions = selectors.status_table(protocol, today=TODAY)
    assert status.result.missing == "needs 1 more notification" and not status.result.in_force
    last = act(protocol, secretariat_officer, "KZ", "notification", "2024-06-01")
    status, rows, _steps, _ = selectors.status_table(protocol, today=TODAY)
    assert status.result.entry_into_force == D("2024-06-01")
    assert {r.state.iso2: r.in_force_on for r in rows} == {
        "BY": D("2024-06-01"),
        "KZ": D("2024-06-01"),
        "RU": D("2024-06-01"),
        "TJ": None,
    }
    assert (
        "enters into force on 01 June 2024" in last.notification_en
        and "вступает в силу 01.06.2024" in last.notification_ru
    )
    notice = last.notice.versions.get().text
    assert notice[1].text_en == last.notification_en and last.notice.marking == "public"


def test_an_instrument_without_signature_is_refused_and_nothing_saved(
    protocol, secretariat_officer
):
    with pytest.raises(DomainError) as error:
        act(protocol, secretariat_officer, "KG", "notification", "2024-02-01")
    assert error.value.code == "impossible_action" and "did not sign" in str(error.value.message)
    assert not TreatyAction.objects.filter(agreement=protocol).exists()


def test_a_withdrawal_before_entry_into_force_is_refused(protocol, secretariat_officer):
    act(protocol, secretariat_officer, "KZ", "signature", "2024-01-10")
    with pytest.raises(DomainError):
        act(protocol, secretariat_officer, "KZ", "withdrawal", "2024-02-01")


def test_a_procedure_step_must_be_the_states_own(protocol, secretariat_officer):
    russian_step = ProcedureStep.objects.filter(state__iso2="RU").first()
    with pytest.raises(DomainError) as error:
        act(protocol, secretariat_officer, "KZ", "step", "2024-02-01", step=russian_step)
    assert error.value.field == "step"


@pytest.mark.parametrize(
    "persona",
    [
        p
        for p in PERSONAS
        if p not in ("secretariat_officer", "secretariat_administrator", "public_visitor")
    ],
)
def test_only_the_depositary_records(request, protocol, persona):
    with pytest.raises(NotAllowed):
        act(protocol, request.getfixturevalue(persona), "KZ", "signature", "2024-01-10")


def test_a_malformed_rule_is_refused_when_registering(secretariat_officer):
    with pytest.raises(DomainError) as error:
        services.create_agreement(
            actor=secretariat_officer,
            kind="agreement",
            title_ru="x",
            title_en="x",
            rule={"threshold": {"count": 0}},
        )
    assert error.value.field == "rule.threshold.count"


def test_my_state_sees_what_it_has_still_to_ratify(
    protocol, secretariat_officer, kazakh_representative
):
    for iso2 in ("BY", "KZ"):
        act(protocol, secretariat_officer, iso2, "signature", "2024-01-10")
    pending = selectors.still_to_ratify(kazakh_representative, "KZ", today=TODAY)
    assert protocol in [s.agreement for s in pending]


def test_the_demo_has_the_real_instruments_with_their_published_dates(db):
    known = {a.title_en: a.known_in_force for a in Agreement.objects.all()}
    assert known["Collective Security Treaty"] == D("1994-04-20")
    assert known["Charter of the Collective Security Treaty Organization"] == D("2003-09-18")
    assert known["Agreement on the Collective Rapid Reaction Forces"] == D("2010-09-10")
    peacekeeping = Agreement.objects.get(
        title_en__startswith="Protocol amending the Agreement on peacekeeping"
    )
    steps = {(a.state.iso2, a.date) for a in peacekeeping.actions.all()}
    assert ("RU", D("2022-04-05")) in steps and ("KG", D("2023-11-22")) in steps
    assert "not found" in peacekeeping.note_en


def test_a_correction_replaces_an_action_and_both_stay_on_record(protocol, secretariat_officer):
    for iso2 in ("BY", "KZ", "RU"):
        act(protocol, secretariat_officer, iso2, "signature", "2024-01-10")
        act(protocol, secretariat_officer, iso2, "notification", "2024-03-01")
    wrong = TreatyAction.objects.get(agreement=protocol, state__iso2="KZ", type="notification")
    act(protocol, secretariat_officer, "KZ", "notification", "2024-04-15", corrects=wrong)
    status, rows, _steps, actions = selectors.status_table(protocol, today=TODAY)
    assert status.result.entry_into_force == D("2024-04-15")
    assert len([a for a in actions if a.state.iso2 == "KZ" and a.type == "notification"]) == 2
    kz = next(r for r in rows if r.state.iso2 == "KZ")
    assert kz.consent.date == D("2024-04-15")
    with pytest.raises(DomainError):
        act(protocol, secretariat_officer, "RU", "notification", "2024-04-16", corrects=wrong)
