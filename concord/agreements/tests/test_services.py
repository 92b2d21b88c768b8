"""The depositary records treaty actions; where the instrument stands follows from them; only the
Secretariat records, and bad input is refused on its field with nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from concord.agreements import selectors, services
from concord.agreements.models import ProcedureStep, TreatyAction
from concord.consultations.models import Notification
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
    standing, _rows, _actions = selectors.status_table(protocol, today=TODAY)
    assert [n.code for n in standing.result.needs] == ["more"] and not standing.result.in_force
    last = act(protocol, secretariat_officer, "KZ", "notification", "2024-06-01")
    standing, rows, _actions = selectors.status_table(protocol, today=TODAY)
    assert standing.computed == D("2024-06-01")
    assert {r.state.iso2: r.in_force_on for r in rows} == {
        "BY": D("2024-06-01"),
        "KZ": D("2024-06-01"),
        "RU": D("2024-06-01"),
        "TJ": None,
    }
    assert "entry into force of the instrument: 1 June 2024" in last.notification_en
    assert "Дата вступления документа в силу: 01.06.2024" in last.notification_ru
    notice = last.notice.versions.get().text
    assert [u.text_en for u in notice[1:]] == last.notification_en.split("\n")
    assert last.notice.status == "final" and last.notice.kind == "notice"


def test_one_signature_and_notification_do_not_bring_a_six_party_protocol_into_force(
    secretariat_officer,
):
    """The bug users found: "every signatory" meant every recorded signature, so one was enough."""
    six = list(MemberState.objects.all())
    protocol = services.create_agreement(
        actor=secretariat_officer,
        signatories=six,
        kind="protocol",
        title_ru="П",
        title_en="P",
        rule={"threshold": {"all_signatories": True}},
        signed_on=D("2024-01-10"),
    )
    act(protocol, secretariat_officer, "KZ", "signature", "2024-01-10")
    act(protocol, secretariat_officer, "KZ", "notification", "2024-02-01")
    standing, rows, _actions = selectors.status_table(protocol, today=TODAY)
    assert standing.computed is None and not standing.result.in_force
    assert {r.state.iso2 for r in rows} == {s.iso2 for s in six}
    assert standing.result.needs[0].states == ("AM", "BY", "KG", "RU", "TJ")


def test_a_signatory_of_the_block_may_notify_without_a_recorded_signature(secretariat_officer):
    protocol = services.create_agreement(
        actor=secretariat_officer,
        signatories=[state("KZ")],
        kind="protocol",
        title_ru="П",
        title_en="P",
        rule={"threshold": {"count": 1}},
        signed_on=D("2024-01-10"),
    )
    act(protocol, secretariat_officer, "KZ", "notification", "2024-02-01")
    assert selectors.status_table(protocol, today=TODAY)[0].computed == D("2024-02-01")


def test_internal_steps_are_recorded_but_not_notified(protocol, secretariat_officer):
    act(protocol, secretariat_officer, "KZ", "signature", "2024-01-10")
    before = Notification.objects.count()
    step = ProcedureStep.objects.get(state__iso2="KZ", position=0)
    recorded = act(protocol, secretariat_officer, "KZ", "step", "2024-02-01", step=step)
    assert recorded.notice is None and recorded.notification_en == ""
    assert Notification.objects.count() == before
    rows = selectors.status_table(protocol, today=TODAY)[1]
    kz = next(r for r in rows if r.state.iso2 == "KZ")
    assert [(s.position, done and done.date) for s, done in kz.steps] == [
        (0, D("2024-02-01")),
        (1, None),
        (2, None),
    ]


def test_a_treaty_act_is_notified_to_the_delegations_of_the_signatories(
    protocol, secretariat_officer, kazakh_representative, russian_representative
):
    act(protocol, secretariat_officer, "RU", "signature", "2024-01-10")
    kz_signed = act(protocol, secretariat_officer, "KZ", "signature", "2024-01-10")
    assert kz_signed.notice is not None
    inbox = Notification.objects.filter(subject_en="Depositary notification: Protocol")
    assert inbox.filter(user=russian_representative).count() == 2
    assert inbox.filter(user=kazakh_representative).count() == 1


def test_the_notice_is_written_in_both_languages_whatever_the_interface(
    protocol, secretariat_officer
):
    with translation.override("ru"):
        signed = act(protocol, secretariat_officer, "KZ", "signature", "2024-01-10")
    assert (
        "Act: signature." in signed.notification_en
        and "State: Kazakhstan." in signed.notification_en
    )
    assert not any("а" <= c <= "я" for c in signed.notification_en.lower())
    assert "Действие: подписание." in signed.notification_ru


@pytest.mark.parametrize(
    ("acts", "bad", "field"),
    [
        ([], ("KG", "notification", "2024-02-01", {}), "state"),  # did not sign
        ([("KZ", "signature", "2024-01-10")], ("KZ", "notification", "2024-01-09", {}), "date"),
        ([], ("KZ", "signature", "2024-01-09", {}), "date"),  # before the instrument was signed
        ([], ("KZ", "signature", "2099-01-01", {}), "date"),  # in the future
        ([("KZ", "signature", "2024-01-10")], ("KZ", "signature", "2024-01-11", {}), "type"),
        (
            [("KZ", "signature", "2024-01-10"), ("KZ", "notification", "2024-02-01")],
            ("KZ", "ratification", "2024-03-01", {}),
            "type",
        ),  # a second consent
        ([("KZ", "signature", "2024-01-10")], ("KZ", "withdrawal", "2024-02-01", {}), "type"),
        (
            [("KZ", "signature", "2024-01-10")],
            ("KZ", "declaration", "2024-02-01", {}),
            "reservation",
        ),
    ],
)
def test_bad_input_is_refused_on_its_field_in_the_users_language(
    protocol, secretariat_officer, acts, bad, field
):
    for iso2, type_, date in acts:
        act(protocol, secretariat_officer, iso2, type_, date)
    count = TreatyAction.objects.count()
    iso2, type_, date, kw = bad
    with translation.override("ru"), pytest.raises(DomainError) as error:
        act(protocol, secretariat_officer, iso2, type_, date, **kw)
    assert error.value.field == field
    with translation.override("ru"):
        message = str(error.value.message)
    assert message and not any("a" <= c <= "z" for c in message.lower())
    assert TreatyAction.objects.count() == count


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


def test_a_correction_replaces_an_action_and_both_stay_on_record(protocol, secretariat_officer):
    for iso2 in ("BY", "KZ", "RU"):
        act(protocol, secretariat_officer, iso2, "signature", "2024-01-10")
        act(protocol, secretariat_officer, iso2, "notification", "2024-03-01")
    wrong = TreatyAction.objects.get(agreement=protocol, state__iso2="KZ", type="notification")
    fixed = services.correct_action(
        wrong, actor=secretariat_officer, type="notification", date=D("2024-04-15")
    )
    assert "Corrects the record of: notification" in fixed.notification_en
    standing, rows, _actions = selectors.status_table(protocol, today=TODAY)
    assert standing.computed == D("2024-04-15")
    kz = next(r for r in rows if r.state.iso2 == "KZ")
    assert kz.consent.date == D("2024-04-15")
    assert TreatyAction.objects.filter(agreement=protocol, state__iso2="KZ").count() == 3
    with pytest.raises(DomainError) as again:
        services.correct_action(
            wrong, actor=secretariat_officer, type="notification", date=D("2024-04-16")
        )
    assert again.value.field == "corrects"
    with pytest.raises(DomainError):
        act(protocol, secretariat_officer, "RU", "notification", "2024-04-16", corrects=fixed)
