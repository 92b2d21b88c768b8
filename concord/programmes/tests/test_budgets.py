"""Budgets: shares adding up, adoption by the budget decision with the limited format as the
consultations module records it, payments in the budget's currency, arrears computed exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from concord.core.errors import DomainError, NotAllowed
from concord.programmes import budgets, selectors
from concord.programmes.models import Budget

from .builders import a_budget, a_decision, state

FIVE = dict.fromkeys(("BY", "KZ", "KG", "RU", "TJ"), "join")
LIMITED = {**FIVE, "AM": "refrain"}


def pay(budget, actor, iso2="KG", amount="100", currency="RUB", day=dt.date(2031, 3, 1)):
    return budgets.record_payment(
        budget,
        actor=actor,
        state=state(iso2),
        amount=Decimal(amount),
        currency_code=currency,
        paid_on=day,
    )


def test_contribution_shares_must_add_up_to_one_hundred(secretariat_officer):
    with pytest.raises(DomainError) as error:
        a_budget(secretariat_officer, shares={"RU": "50", "KZ": "30"})
    assert (error.value.code, error.value.field) == ("shares_not_100", "shares")


def test_a_state_that_refrained_is_not_bound_and_carries_no_share(secretariat_officer):
    """Armenia refrains (limited format): a share for it is refused; without it, the budget is
    adopted and Armenia is recorded as not bound."""
    decision = a_decision(secretariat_officer, LIMITED)
    budget = a_budget(
        secretariat_officer,
        shares={"AM": "10", "RU": "50", "BY": "10", "KZ": "10", "KG": "10", "TJ": "10"},
    )
    with pytest.raises(DomainError) as error:
        budgets.adopt_budget(budget, actor=secretariat_officer, decision_id=decision.pk)
    assert (error.value.code, error.value.field) == ("not_bound", "decision")
    assert "Armenia" in str(error.value.message) or "Армения" in str(error.value.message)
    budgets.set_shares(
        budget,
        actor=secretariat_officer,
        shares={
            state(k): Decimal(v)
            for k, v in {"RU": "50", "BY": "12.5", "KZ": "12.5", "KG": "12.5", "TJ": "12.5"}.items()
        },
    )
    budgets.adopt_budget(budget, actor=secretariat_officer, decision_id=decision.pk)
    budget.refresh_from_db()
    assert budget.status == "adopted"
    assert [s.iso2 for s in budget.not_bound.all()] == ["AM"]


def test_a_state_the_decision_binds_must_have_a_share(secretariat_officer):
    decision = a_decision(secretariat_officer, FIVE)
    budget = a_budget(secretariat_officer, shares={"RU": "50", "KZ": "50"})
    with pytest.raises(DomainError) as error:
        budgets.adopt_budget(budget, actor=secretariat_officer, decision_id=decision.pk)
    assert error.value.code == "missing_share"


def adopted_budget(secretariat_officer):
    budget = a_budget(secretariat_officer)
    budgets.adopt_budget(
        budget, actor=secretariat_officer, decision_id=a_decision(secretariat_officer, LIMITED).pk
    )
    budget.refresh_from_db()
    return budget


@pytest.mark.parametrize(
    ("kw", "code", "field"),
    [
        ({"currency": "XYZ"}, "unknown_currency", "currency"),
        ({"currency": "USD"}, "wrong_currency", "currency"),
        ({"iso2": "AM"}, "not_assessed", "state"),
        ({"amount": "0"}, "bad_amount", "amount"),
        ({"amount": "0.001"}, "bad_amount", "amount"),
    ],
)
def test_a_payment_is_refused_with_a_clear_error(secretariat_officer, kw, code, field):
    budget = adopted_budget(secretariat_officer)
    with pytest.raises(DomainError) as error:
        pay(budget, secretariat_officer, **kw)
    assert (error.value.code, error.value.field) == (code, field)
    assert not budget.payments.exists()


def test_only_the_secretariat_records_payments(secretariat_officer, kazakh_representative):
    budget = adopted_budget(secretariat_officer)
    with pytest.raises(NotAllowed):
        pay(budget, kazakh_representative, "KZ")


def test_arrears_are_what_is_due_less_what_was_paid_once_the_due_date_passed(secretariat_officer):
    budget = adopted_budget(secretariat_officer)  # 1,000 RUB: RU 500, the others 125 each
    pay(budget, secretariat_officer, "KG", "100")
    pay(budget, secretariat_officer, "KG", "20.50")
    pay(budget, secretariat_officer, "RU", "500")

    def rows(today):
        table = selectors.budget_tables(secretariat_officer, [budget], today=today)[0]
        return {r.iso2: r.standing for r in table.rows}

    before, after = rows(dt.date(2031, 6, 30)), rows(dt.date(2031, 7, 1))
    assert before["KG"].arrears == 0 and before["KG"].balance == Decimal("4.50")
    assert after["KG"].arrears == Decimal("4.50")
    assert after["RU"].arrears == 0
    assert after["TJ"].arrears == Decimal("125.00")
    assert sum(s.due for s in after.values()) == Decimal("1000.00")


def test_a_state_sees_its_own_contribution_and_the_secretariat_all(
    secretariat_officer, kazakh_representative, staff_officer, armenian_representative
):
    budget = adopted_budget(secretariat_officer)

    def states(user):
        return [
            r.iso2
            for r in selectors.budget_tables(user, [budget], today=dt.date(2031, 7, 1))[0].rows
        ]

    assert states(secretariat_officer) == ["BY", "KZ", "KG", "RU", "TJ"]
    assert states(kazakh_representative) == ["KZ"]
    assert states(armenian_representative) == []
    assert states(staff_officer) == []
    pay(budget, secretariat_officer, "RU", "500")
    assert list(selectors.payments(kazakh_representative, budget)) == []
    assert len(selectors.payments(secretariat_officer, budget)) == 1


def test_the_demo_budget_has_armenia_not_bound_and_arrears(db):
    budget = Budget.objects.get(year=2024)
    assert budget.demo and [s.iso2 for s in budget.not_bound.all()] == ["AM"]
    from concord.accounts.models import User

    table = selectors.budget_tables(
        User.objects.get(username="secretariat"), [budget], today=dt.date(2026, 12, 1)
    )[0]
    arrears = {r.iso2: r.standing.arrears for r in table.rows}
    assert arrears["RU"] == 0 and arrears["KG"] > 0 and arrears["TJ"] > 0


def test_a_payment_in_an_unknown_currency_is_refused_beside_its_field(client_as):
    from concord.organization.models import MemberState
    from concord.programmes.models import Payment

    before = Payment.objects.count()
    page = client_as("secretariat_officer").post(
        "/en/programmes/budgets/2024/payments/",
        {
            "state": MemberState.objects.get(iso2="KZ").pk,
            "amount": "100.00",
            "currency": "XYZ",
            "paid_on": "2024-05-01",
        },
    )
    assert page.status_code == 400
    form = page.context["form"]
    assert "XYZ" in str(form.errors["currency"])
    assert Payment.objects.count() == before


# --- Versions: items and shares replace a draft budget's data (issue 22) ---------------------------

JSON = "application/json"
ITEM_BODY = {"name_ru": "Статья", "name_en": "Salaries", "amount": "125"}
SHARES_BODY = {"shares": {"RU": "50", "BY": "12.5", "KZ": "12.5", "KG": "25"}}
WRITES = [("/api/v1/budgets/2031/items/1", ITEM_BODY), ("/api/v1/budgets/2031/shares", SHARES_BODY)]


@pytest.mark.parametrize(("url", "body"), WRITES)
def test_a_budget_write_without_its_version_is_refused_naming_it(
    client_as, secretariat_officer, url, body
):
    budget = a_budget(secretariat_officer)
    response = client_as("secretariat_officer").put(url, body, content_type=JSON)
    assert response.status_code == 422
    assert "version" in [e["field"] for e in response.json()["errors"]]
    assert Budget.objects.get(pk=budget.pk).version == budget.version


@pytest.mark.parametrize(("url", "body"), WRITES)
def test_two_writers_on_one_budget_version_the_second_is_refused(
    client_as, secretariat_officer, url, body
):
    """Both drawn from one version: the first is saved and raises the counter (shown in the answer),
    the second answered 409 `stale` with nothing changed; on the new version it is accepted."""
    budget = a_budget(secretariat_officer)
    client = client_as("secretariat_officer")
    first = client.put(url, {**body, "version": budget.version}, content_type=JSON)
    assert first.status_code == 200
    assert first.json()["version"] == budget.version + 1
    other = {**body, "amount": "999"} if "items" in url else {"shares": {"RU": "100"}}
    second = client.put(url, {**other, "version": budget.version}, content_type=JSON)
    assert (second.status_code, second.json()["code"]) == (409, "stale")
    saved = Budget.objects.get(pk=budget.pk)
    assert saved.version == budget.version + 1
    assert not saved.items.filter(amount=999).exists()
    assert not saved.contributions.filter(share=100).exists()
    again = client.put(url, {**other, "version": budget.version + 1}, content_type=JSON)
    assert again.status_code == 200 and again.json()["version"] == budget.version + 2


def test_each_service_write_raises_the_budget_counter(secretariat_officer):
    """In the service: a save on the version read is accepted and counts; the same version again is
    refused (`stale`)."""
    budget = a_budget(secretariat_officer)
    drawn = budget.version
    budgets.save_item(
        budget,
        actor=secretariat_officer,
        position=7,
        name_ru="С",
        name_en="I",
        amount=Decimal("5"),
        version=drawn,
    )
    with pytest.raises(DomainError) as error:
        budgets.set_shares(
            budget, actor=secretariat_officer, shares={state("RU"): Decimal("100")}, version=drawn
        )
    assert error.value.code == "stale"
    budgets.set_shares(
        budget, actor=secretariat_officer, shares={state("RU"): Decimal("100")}, version=drawn + 1
    )
    assert Budget.objects.get(pk=budget.pk).version == drawn + 2
