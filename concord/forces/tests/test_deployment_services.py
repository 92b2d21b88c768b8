"""A deployment's way in order, and each step out of order refused with the field named."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from concord.consultations.models import Consultation
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.forces import deployments as services
from concord.forces.codes import Code
from concord.forces.deployment_selectors import record
from concord.forces.states import DeploymentStatus, LogKind

from .deployment_builders import (
    T0,
    a_decided,
    a_deployed,
    a_request,
    an_accepted_offer,
    at,
    state,
    user,
)

pytestmark = pytest.mark.django_db


def test_the_whole_way_in_order(settings):
    d = a_request("KZ")
    consultation = Consultation.objects.get(pk=d.consultation_id)
    assert consultation.emergency and consultation.decide_by == T0 + dt.timedelta(hours=24)
    assert d.marking == "official" and d.owner_state == state("KZ") and d.country == "KAZ"
    staff, secretariat = user("staff"), user("secretariat")
    d = services.decide_deployment(
        d,
        actor=secretariat,
        decided_at=at(6),
        decision_reference_ru="Решение СКБ",
        decision_reference_en="CSC decision",
        legal_basis_ru="Статья 4",
        legal_basis_en="Article 4",
    )
    ru, by = an_accepted_offer(d, "RU", 300), an_accepted_offer(d, "BY", 120, hours=8)
    services.set_command(
        d, actor=staff, lead_state=state("RU"), commander_ru="Генерал Х", commander_en="General X"
    )
    services.record_arrival(by, actor=staff, arrived_at=at(12))
    services.record_arrival(ru, actor=staff, arrived_at=at(11))
    d.refresh_from_db()
    assert d.status == DeploymentStatus.DEPLOYED and d.deployed_at == at(11)  # the earliest arrival
    services.protect_site(
        d, actor=staff, name_ru="Объект", name_en="Site", since=at(13), contingent=ru
    )
    services.log_entry(
        d, actor=staff, kind=LogKind.INCIDENT, at=at(14), text_ru="Инцидент", text_en="Incident"
    )
    services.inform_un(d, actor=secretariat, on=at(24).date())
    d = services.complete_deployment(
        d, actor=secretariat, decided_at=at(48), decision_reference_ru="Завершить"
    )
    services.withdraw_contingent(ru, actor=staff, withdrawn_at=at(60))
    d.refresh_from_db()
    assert d.status == DeploymentStatus.COMPLETING  # Belarus is still there
    services.withdraw_contingent(by, actor=staff, withdrawn_at=at(55))
    d.refresh_from_db()
    assert d.status == DeploymentStatus.WITHDRAWN and d.withdrawn_at == at(60)  # the latest
    d = services.record_report(
        d,
        actor=secretariat,
        reported_at=at(72),
        report_reference_ru="Доклад Генерального секретаря",
    )
    assert d.status == DeploymentStatus.CLOSED
    rec = record(d)
    assert [s.at for s in rec.steps] == sorted(s.at for s in rec.steps)
    assert rec.totals.personnel == 420 and rec.totals.states == 2 and rec.totals.sites == 1
    kinds = [s.kind for s in rec.steps]
    assert kinds[:3] == ["request", "consultation", "decision"] and kinds[-1] == "report"
    last_withdrawal = len(kinds) - 1 - kinds[::-1].index("withdrawal")
    assert kinds[last_withdrawal + 1] == "withdrawn"  # the summing-up step after the last one out
    assert kinds[kinds.index("arrival") + 1] == "deployed"


def test_a_decision_dated_before_the_request_names_decided_at():
    d = a_request()
    with pytest.raises(DomainError) as caught:
        services.decide_deployment(
            d,
            actor=user("secretariat"),
            decided_at=at(-1),
            decision_reference_ru="x",
            legal_basis_ru="y",
        )
    assert caught.value.code == Code.BEFORE_PREVIOUS and caught.value.field == "decided_at"


def test_a_second_decision_is_out_of_order():
    d = a_decided()
    with pytest.raises(Conflict) as caught:
        services.decide_deployment(
            d,
            actor=user("secretariat"),
            decided_at=at(7),
            decision_reference_ru="x",
            legal_basis_ru="y",
        )
    assert caught.value.code == Code.OUT_OF_ORDER and caught.value.field == "decided_at"


def test_a_withdrawal_before_the_deployment_names_withdrawn_at():
    d = a_decided()
    c = an_accepted_offer(d)
    with pytest.raises(Conflict) as caught:
        services.withdraw_contingent(c, actor=user("staff"), withdrawn_at=at(20))
    assert caught.value.code == Code.OUT_OF_ORDER and caught.value.field == "withdrawn_at"


def test_a_withdrawal_before_the_decision_to_complete_names_withdrawn_at():
    _d, (c, _by) = a_deployed()
    with pytest.raises(Conflict) as caught:
        services.withdraw_contingent(c, actor=user("staff"), withdrawn_at=at(20))
    assert caught.value.field == "withdrawn_at"


def test_an_arrival_before_the_acceptance_names_arrived_at():
    d = a_decided()
    c = services.offer_contingent(
        d, state("RU"), actor=user("ru_rep"), offered=50, offered_at=at(7)
    )
    with pytest.raises(Conflict) as caught:
        services.record_arrival(c, actor=user("staff"), arrived_at=at(9))
    assert caught.value.code == Code.OUT_OF_ORDER and caught.value.field == "arrived_at"


def test_an_arrival_dated_before_the_acceptance_names_arrived_at():
    d = a_decided()
    c = an_accepted_offer(d, hours=7)  # accepted at +8
    with pytest.raises(DomainError) as caught:
        services.record_arrival(c, actor=user("staff"), arrived_at=at(7.5))
    assert caught.value.code == Code.BEFORE_PREVIOUS and caught.value.field == "arrived_at"


def test_a_report_before_the_withdrawal_names_reported_at():
    d, _ = a_deployed()
    with pytest.raises(Conflict) as caught:
        services.record_report(d, actor=user("secretariat"), reported_at=at(100))
    assert caught.value.code == Code.OUT_OF_ORDER and caught.value.field == "reported_at"


def test_completion_before_the_forces_arrive_names_decided_at():
    d = a_decided()
    with pytest.raises(Conflict) as caught:
        services.complete_deployment(
            d, actor=user("secretariat"), decided_at=at(8), decision_reference_ru="x"
        )
    assert caught.value.field == "decided_at"


def test_an_offer_before_the_decision_names_offered_at():
    d = a_request()
    with pytest.raises(Conflict) as caught:
        services.offer_contingent(
            d, state("RU"), actor=user("ru_rep"), offered=10, offered_at=at(1)
        )
    assert caught.value.field == "offered_at"


def test_a_step_in_the_future_is_refused():
    with pytest.raises(DomainError) as caught:
        a_request(requested_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=2))
    assert caught.value.code == Code.IN_THE_FUTURE and caught.value.field == "requested_at"


def test_a_log_entry_before_the_request_names_at():
    d = a_request()
    with pytest.raises(DomainError) as caught:
        services.log_entry(
            d, actor=user("staff"), kind=LogKind.NOTE, at=at(-2), text_ru="x", text_en="x"
        )
    assert caught.value.field == "at"


def test_the_un_informed_before_any_decision_is_out_of_order():
    with pytest.raises(Conflict) as caught:
        services.inform_un(a_request(), actor=user("secretariat"), on=T0.date())
    assert caught.value.field == "on"


def test_a_state_offers_once_and_the_lead_state_sends_a_contingent():
    d = a_decided()
    an_accepted_offer(d, "RU")
    with pytest.raises(Conflict) as caught:
        services.offer_contingent(d, state("RU"), actor=user("ru_rep"), offered=5, offered_at=at(9))
    assert caught.value.code == Code.ALREADY_OFFERED
    with pytest.raises(DomainError) as caught:
        services.set_command(d, actor=user("staff"), lead_state=state("BY"))
    assert caught.value.field == "lead_state"


def test_a_state_whose_participation_is_frozen_cannot_offer_now():
    armenia = state("AM")
    assert armenia.is_frozen and armenia.participation_since is not None
    d = a_decided()
    with pytest.raises(DomainError) as caught:
        services.offer_contingent(d, armenia, actor=user("am_rep"), offered=10, offered_at=at(7))
    assert caught.value.code == Code.NOT_PARTICIPATING and caught.value.field == "state"


def test_sites_need_an_arrived_contingent_of_the_force_and_sane_coordinates():
    d, (_ru, _by) = a_deployed()
    other, _ = a_deployed("KG", ("RU",))
    with pytest.raises(DomainError) as caught:
        services.protect_site(
            d,
            actor=user("staff"),
            name_ru="x",
            name_en="x",
            since=at(20),
            contingent=other.contingents.get(),
        )
    assert caught.value.field == "contingent"
    with pytest.raises(DomainError) as caught:
        services.protect_site(
            d,
            actor=user("staff"),
            name_ru="x",
            name_en="x",
            since=at(20),
            latitude=95.0,
            longitude=10.0,
        )
    assert caught.value.field == "latitude"


# --- Who may --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "host", "allowed"),
    [
        ("kz_rep", "KZ", True),
        ("kz_coord", "KZ", True),
        ("kz_rep", "RU", False),
        ("ru_rep", "RU", True),
        ("secretariat", "TJ", True),
        ("staff", "KZ", False),
        ("analyst", "KZ", False),
        ("mp", "KZ", False),
    ],
)
def test_who_records_a_request_for_which_state(persona, host, allowed):
    call = lambda: services.request_deployment(  # noqa: E731
        state(host), actor=user(persona), requested_at=T0, letter_reference_ru="L"
    )
    if allowed:
        assert call().host == state(host)
    else:
        with pytest.raises(NotAllowed):
            call()


@pytest.mark.parametrize(
    ("persona", "iso2", "allowed"),
    [
        ("ru_rep", "RU", True),
        ("ru_rep", "BY", False),
        ("kz_rep", "RU", False),
        ("staff", "RU", False),
        ("secretariat", "RU", False),
    ],
)
def test_who_offers_a_contingent(persona, iso2, allowed):
    d = a_decided()

    def call():
        return services.offer_contingent(
            d, state(iso2), actor=user(persona), offered=5, offered_at=at(7)
        )

    if allowed:
        assert call().state == state(iso2)
    else:
        with pytest.raises(NotAllowed):
            call()


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("secretariat", True), ("staff", False), ("kz_rep", False), ("analyst", False)],
)
def test_who_records_the_decision(persona, allowed):
    d = a_request()
    call = lambda: services.decide_deployment(  # noqa: E731
        d,
        actor=user(persona),
        decided_at=at(1),
        decision_reference_ru="x",
        legal_basis_ru="y",
    )
    if allowed:
        assert call().status == DeploymentStatus.DECIDED
    else:
        with pytest.raises(NotAllowed):
            call()


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("staff", True), ("secretariat", True), ("ru_rep", False), ("kz_rep", False)],
)
def test_who_accepts_and_records_arrivals(persona, allowed):
    d = a_decided()
    c = services.offer_contingent(d, state("RU"), actor=user("ru_rep"), offered=5, offered_at=at(7))
    call = lambda: services.accept_contingent(c, actor=user(persona), accepted_at=at(8), strength=5)  # noqa: E731
    if allowed:
        assert call().strength == 5
    else:
        with pytest.raises(NotAllowed):
            call()


def test_the_russian_texts_are_required_and_named_the_english_ones_fall_back():
    with pytest.raises(DomainError) as caught:
        a_request(letter_reference_ru=" ", letter_reference_en="Letter")
    assert caught.value.code == Code.REQUIRED and caught.value.field == "letter_reference_ru"
    d = a_request(letter_reference_en="", request_text_en="")
    decide = lambda **texts: services.decide_deployment(  # noqa: E731
        d, actor=user("secretariat"), decided_at=at(1), **texts
    )
    with pytest.raises(DomainError) as caught:
        decide(decision_reference_ru="", decision_reference_en="D", legal_basis_ru="Статья 4")
    assert caught.value.field == "decision_reference_ru"
    with pytest.raises(DomainError) as caught:
        decide(decision_reference_ru="Решение", legal_basis_ru="", legal_basis_en="Article 4")
    assert caught.value.field == "legal_basis_ru"
    with translation.override("en"):
        assert d.letter_reference == "Письмо № 1"  # no English text: the Russian one
        assert d.request_text == "Просим направить силы."
    d = decide(
        decision_reference_ru="Решение СКБ",
        decision_reference_en="CSC decision",
        legal_basis_ru="Статья 4",
    )
    with translation.override("en"):
        assert (d.decision_reference, d.legal_basis) == ("CSC decision", "Статья 4")
    with translation.override("ru"):
        assert d.decision_reference == "Решение СКБ"
