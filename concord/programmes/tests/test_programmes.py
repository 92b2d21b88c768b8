"""Programmes: their structure, adoption by a decision the consultations module adopted, deliveries
checked against their stage, and changes that go through the consultations module."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from concord.audit.models import Entry
from concord.consultations.states import ConsultationStatus
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.programmes import changes, selectors, services
from concord.programmes.services import FundingRow
from concord.programmes.states import ChangeStatus, ProgrammeStatus
from tests.builders import a_question, delegate

from .builders import NOW, a_decision, a_programme, state, through


def funding(*pairs):
    return [FundingRow(state(iso2), Decimal(share), Decimal(1000)) for iso2, share in pairs]


def test_funding_shares_must_add_up_to_one_hundred(secretariat_officer):
    programme = a_programme(secretariat_officer)
    stage = programme.stages.get(number=1)
    with pytest.raises(DomainError) as error:
        services.set_funding(
            programme, stage, actor=secretariat_officer, rows=funding(("RU", "50"), ("KZ", "40"))
        )
    assert (error.value.code, error.value.field) == ("shares_not_100", "shares")
    assert "90" in str(error.value.message)
    assert not stage.funding.exists()
    rows = services.set_funding(
        programme, stage, actor=secretariat_officer, rows=funding(("RU", "60"), ("KZ", "40"))
    )
    assert [(r.state.iso2, r.share) for r in rows] == [("RU", 60), ("KZ", 40)]


@pytest.mark.parametrize(
    "pairs",
    [(("RU", "0"), ("KZ", "100")), (("RU", "50"), ("RU", "50")), (("RU", "-10"), ("KZ", "110"))],
)
def test_a_share_is_positive_and_a_state_is_named_once(secretariat_officer, pairs):
    programme = a_programme(secretariat_officer)
    with pytest.raises(DomainError) as error:
        services.set_funding(
            programme,
            programme.stages.get(number=1),
            actor=secretariat_officer,
            rows=funding(*pairs),
        )
    assert error.value.field == "shares"


def test_a_stage_runs_within_the_programme_years(secretariat_officer):
    programme = a_programme(secretariat_officer)
    with pytest.raises(DomainError) as error:
        services.add_stage(
            programme,
            actor=secretariat_officer,
            number=4,
            name_ru="4",
            name_en="4",
            first_year=2029,
            last_year=2031,
        )
    assert (error.value.code, error.value.field) == ("bad_years", "last_year")


def test_adoption_needs_a_decision_the_consultations_module_adopted(secretariat_officer):
    programme = a_programme(secretariat_officer)
    open_question = a_question(secretariat_officer, now=NOW)
    with pytest.raises(DomainError) as error:
        services.adopt_programme(programme, actor=secretariat_officer, decision_id=open_question.pk)
    assert (error.value.code, error.value.field) == ("not_adopted", "decision")
    decision = a_decision(secretariat_officer)
    services.adopt_programme(programme, actor=secretariat_officer, decision_id=decision.pk)
    programme.refresh_from_db()
    assert (programme.status, programme.decision_id, programme.adopted_on) == (
        ProgrammeStatus.ADOPTED,
        decision.pk,
        NOW.date(),
    )
    assert Entry.objects.filter(
        verb="programmes.programme.adopted", object_id=str(programme.pk)
    ).exists()
    with pytest.raises(Conflict):  # adopted once
        services.adopt_programme(programme, actor=secretariat_officer, decision_id=decision.pk)


def _deliver(programme, actor, *, stage=2, activity_stage=2, day=dt.date(2026, 5, 1), **kw):
    return services.record_delivery(
        programme,
        actor=actor,
        stage=programme.stages.get(number=stage),
        activity=programme.activities.get(stage__number=activity_stage),
        delivered_on=day,
        quantity=kw.pop("quantity", 3),
        document=kw.pop("document", "Акт № 1"),
        **kw,
    )


def test_a_delivery_to_an_activity_of_another_stage_is_refused(secretariat_officer):
    programme = a_programme(secretariat_officer, adopted=True)
    with pytest.raises(DomainError) as error:
        _deliver(programme, secretariat_officer, stage=2, activity_stage=3)
    assert (error.value.code, error.value.field) == ("other_stage", "activity")
    assert "stage 3" in str(error.value.message)


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"day": dt.date(2025, 12, 31)}, "delivered_on"),
        ({"quantity": 0}, "quantity"),
        ({"document": "  "}, "document"),
    ],
)
def test_a_delivery_is_dated_within_its_stage_with_a_quantity_and_a_document(
    secretariat_officer, kw, field
):
    programme = a_programme(secretariat_officer, adopted=True)
    with pytest.raises(DomainError) as error:
        _deliver(programme, secretariat_officer, **kw)
    assert error.value.field == field
    assert not programme.deliveries.exists()


def test_the_customer_coordinator_records_deliveries_and_progress_follows(secretariat_officer):
    programme = a_programme(secretariat_officer, adopted=True)
    _deliver(programme, delegate("TJ"), quantity=4)
    _deliver(programme, delegate("TJ"), quantity=3, day=dt.date(2027, 2, 1))
    with pytest.raises(NotAllowed):
        _deliver(programme, delegate("KZ"))
    figures = {f.stage.number: f for f in selectors.stage_figures(programme)}
    assert (figures[2].delivered, figures[2].planned, figures[2].percent) == (
        7,
        10,
        Decimal("70.0"),
    )
    assert figures[3].delivered == 0


def test_nothing_is_delivered_under_a_programme_not_adopted(secretariat_officer):
    programme = a_programme(secretariat_officer)
    with pytest.raises(DomainError) as error:
        _deliver(programme, secretariat_officer)
    assert error.value.code == "not_adopted"


def test_a_contract_in_an_unknown_currency_is_refused(secretariat_officer):
    programme = a_programme(secretariat_officer, adopted=True)
    with pytest.raises(DomainError) as error:
        services.record_contract(
            programme.activities.first(),
            actor=secretariat_officer,
            number="1",
            supplier="S",
            signed_on=dt.date(2025, 5, 1),
            amount=Decimal(10),
            currency_code="XXX",
        )
    assert (error.value.code, error.value.field) == ("unknown_currency", "currency")


def test_an_adopted_programme_changes_only_through_a_change_the_bodies_adopted(
    secretariat_officer, django_capture_on_commit_callbacks
):
    programme = a_programme(secretariat_officer, adopted=True)
    stage = programme.stages.get(number=2)

    def add(change=None):
        return services.add_activity(
            programme,
            actor=secretariat_officer,
            stage=stage,
            kind="training",
            name_ru="Новое",
            name_en="New",
            recipient_ru="Пограничные войска",
            planned=5,
            change=change,
        )

    with pytest.raises(DomainError) as error:
        add()
    assert (error.value.code, error.value.field) == ("change_required", "change")
    change = services.propose_change(
        programme, actor=secretariat_officer, summary_ru="Добавить подготовку.", now=NOW
    )
    assert change.consultation.status == ConsultationStatus.OPEN
    with pytest.raises(DomainError):
        add(change)  # proposed, not adopted yet
    with django_capture_on_commit_callbacks(execute=True):
        through(change.consultation, secretariat_officer)
    change.refresh_from_db()
    assert (change.status, change.adopted_on) == (ChangeStatus.ADOPTED, NOW.date())
    activity = add(change)
    assert activity.change == change


def test_a_change_objected_to_stays_proposed_and_the_secretariat_may_withdraw_it(
    secretariat_officer, kazakh_representative, django_capture_on_commit_callbacks
):
    programme = a_programme(secretariat_officer, adopted=True)
    change = services.propose_change(
        programme, actor=kazakh_representative, summary_ru="Сократить этап.", now=NOW
    )
    with django_capture_on_commit_callbacks(execute=True):
        through(
            change.consultation,
            secretariat_officer,
            {**dict.fromkeys(("BY", "KG", "RU", "TJ"), "join"), "KZ": "object"},
        )
    change.refresh_from_db()
    assert change.status == ChangeStatus.PROPOSED
    with pytest.raises(NotAllowed):
        changes.withdraw_change(change, actor=kazakh_representative)
    changes.withdraw_change(change, actor=secretariat_officer, version=change.version)
    change.refresh_from_db()
    assert change.status == ChangeStatus.WITHDRAWN


def test_a_change_is_adopted_only_by_its_consultation(secretariat_officer):
    programme = a_programme(secretariat_officer, adopted=True)
    change = services.propose_change(programme, actor=secretariat_officer, summary_ru="x", now=NOW)
    with pytest.raises(NotAllowed):
        changes.adopt_change(change, actor=secretariat_officer)


def test_the_stage_report_is_drafted_from_the_figures(secretariat_officer):
    from concord.programmes import outputs

    programme = a_programme(secretariat_officer)
    services.set_funding(
        programme,
        programme.stages.get(number=2),
        actor=secretariat_officer,
        rows=funding(("RU", "75"), ("KZ", "25")),
    )
    services.adopt_programme(
        programme, actor=secretariat_officer, decision_id=a_decision(secretariat_officer).pk
    )
    programme.refresh_from_db()
    _deliver(programme, secretariat_officer, quantity=5)
    figures = next(f for f in selectors.stage_figures(programme) if f.stage.number == 2)
    text = " ".join(outputs.stage_report(programme, figures))
    assert "5 of 10 planned (50.0%)" in text and "75%" in text and "2026–2027" in text
    svg = outputs.timeline(
        programme, selectors.stage_figures(programme), today=dt.date(2026, 12, 1)
    )
    assert svg.startswith("<svg") and "50.0 %" in svg and 'stroke="#c53030"' in svg
