"""The pages that build a programme or a budget: who may (the Secretariat) sees the forms and may
post, the others 403 (404 for what they may not see); each bad input is shown beside its field with
nothing saved; a programme and a budget built and adopted through the pages alone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from concord.programmes.models import Budget, Funding, Programme
from conftest import PERSONAS

from .builders import FIVE, a_budget, a_decision, a_programme

KEEPERS = {"secretariat_officer", "secretariat_administrator"}
LIMITED = {**FIVE, "AM": "refrain"}

FORMS = [
    "/en/programmes/new/",
    "/en/programmes/{programme}/stages/new/",
    "/en/programmes/{programme}/customers/new/",
    "/en/programmes/{programme}/activities/new/",
    "/en/programmes/{programme}/stages/1/funding/",
    "/en/programmes/{programme}/adopt/",
    "/en/programmes/budgets/new/",
    "/en/programmes/budgets/2024/items/",
    "/en/programmes/budgets/2024/shares/",
    "/en/programmes/budgets/2024/adopt/",
]


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_sees_the_forms_and_may_post(client_as, persona):
    """The keepers get the form (200) and its errors back on an empty post (400); every other
    signed-in persona 403 both ways, as the API; a visitor is sent to sign in."""
    programme = Programme.objects.get().pk
    client = client_as(persona)
    for url in (u.format(programme=programme) for u in FORMS):
        shown, posted = client.get(url), client.post(url, {})
        if persona == "public_visitor":
            assert (shown.status_code, posted.status_code) == (302, 302), url
        elif persona in KEEPERS:
            assert (shown.status_code, posted.status_code) == (200, 400), (url, persona)
            assert b"autofocus" in shown.content, url
        else:
            assert (shown.status_code, posted.status_code) == (403, 403), (url, persona)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_links_to_the_forms_are_shown_to_the_secretariat_alone(client_as, persona):
    pages = ["/en/programmes/", f"/en/programmes/{Programme.objects.get().pk}/"]
    client = client_as(persona)
    for url in [*pages, "/en/programmes/budgets/"]:
        response = client.get(url)
        if persona == "public_visitor":
            continue
        create = b"programme-create" in response.content or b"budget-create" in response.content
        structure = b'data-testid="structure"' in response.content
        assert (create or structure) == (persona in KEEPERS), (url, persona)


def test_what_one_may_not_see_does_not_exist_for_one(client_as, secretariat_officer):
    """A restricted programme: 404 for a state that neither owns it nor has it released, as in the
    API; an unknown stage or budget year 404 for the Secretariat too."""
    programme = a_programme(secretariat_officer, code="restricted")
    Programme.objects.filter(pk=programme.pk).update(marking="restricted")
    kazakh = client_as("kazakh_representative")
    assert kazakh.get(f"/en/programmes/{programme.pk}/stages/new/").status_code == 404
    assert kazakh.post(f"/en/programmes/{programme.pk}/adopt/", {}).status_code == 404
    api = kazakh.post(
        f"/api/v1/programmes/{programme.pk}/adopt", {"decision": 1}, content_type="application/json"
    )
    assert api.status_code == 404
    officer = client_as("secretariat_officer")
    assert officer.get(f"/en/programmes/{programme.pk}/stages/9/funding/").status_code == 404
    assert officer.get("/en/programmes/budgets/1999/shares/").status_code == 404


def post(client, url, data):
    response = client.post(url, data)
    assert response.status_code in (400, 409), (url, response.status_code)
    return response.context["form"], response.content.decode()


def beside(form, field: str, content: str) -> str:
    """The error on the field, and shown on the page."""
    assert form.errors.get(field), (field, form.errors)
    message = str(form.errors[field][0])
    assert message.replace("“", "").replace("”", "")[:20] in content.replace("&#x27;", "'").replace(
        "“", ""
    ).replace("”", ""), message
    return message


PROGRAMME = {
    "code": "new-programme",
    "name_ru": "Новая программа",
    "name_en": "New programme",
    "currency": "RUB",
    "starts_on": "2027-01-01",
    "ends_on": "2030-12-31",
}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ends_on": "2026-12-31"}, "ends_on"),
        ({"code": "test-programme"}, "code"),  # taken
        ({"code": "Not A Code"}, "code"),
        ({"currency": "XYZ"}, "currency"),
        ({"name_ru": ""}, "name_ru"),
    ],
)
def test_a_bad_programme_is_refused_beside_its_field(client_as, secretariat_officer, change, field):
    a_programme(secretariat_officer)
    before = Programme.objects.count()
    coordinator = {"coordinator": str(a_programme_state("TJ"))}
    form, content = post(
        client_as("secretariat_officer"),
        "/en/programmes/new/",
        {**PROGRAMME, **coordinator, **change},
    )
    beside(form, field, content)
    assert Programme.objects.count() == before


def a_programme_state(iso2: str) -> int:
    from .builders import state

    return state(iso2).pk


@pytest.mark.parametrize(
    ("url", "data", "field"),
    [
        (
            "stages/new/",
            {"number": 4, "name_ru": "Э", "name_en": "S", "first_year": 2024, "last_year": 2025},
            "first_year",
        ),
        (
            "stages/new/",
            {"number": 4, "name_ru": "Э", "name_en": "S", "first_year": 2028, "last_year": 2031},
            "last_year",
        ),
        (
            "stages/new/",
            {"number": 1, "name_ru": "Э", "name_en": "S", "first_year": 2028, "last_year": 2029},
            "number",
        ),
        ("customers/new/", {"state": "TJ", "agency_ru": "Ведомство"}, "state"),
        (
            "activities/new/",
            {"stage": 1, "kind": "supply", "name_ru": "А", "name_en": "A", "planned": 0},
            "planned",
        ),
    ],
)
def test_bad_structure_is_refused_beside_its_field(
    client_as, secretariat_officer, url, data, field
):
    from concord.programmes import services

    from .builders import state

    programme = a_programme(secretariat_officer)
    services.add_customer(programme, actor=secretariat_officer, state=state("TJ"), agency_ru="ГКНБ")
    counts = (programme.stages.count(), programme.customers.count(), programme.activities.count())
    data = dict(data)
    if "state" in data:
        data["state"] = state(data["state"]).pk
    if "stage" in data:
        data["stage"] = programme.stages.get(number=data["stage"]).pk
    data |= {"unit_ru": "ед.", "unit_en": "units", "recipient_ru": "Погранвойска"}
    form, content = post(
        client_as("secretariat_officer"), f"/en/programmes/{programme.pk}/{url}", data
    )
    beside(form, field, content)
    assert f'name="{field}"' in content and "autofocus" in content.split(f'name="{field}"')[1][:300]
    assert (
        programme.stages.count(),
        programme.customers.count(),
        programme.activities.count(),
    ) == counts


def test_an_adopted_programme_changes_only_under_an_adopted_change(client_as, secretariat_officer):
    programme = a_programme(secretariat_officer, adopted=True)
    form, content = post(
        client_as("secretariat_officer"),
        f"/en/programmes/{programme.pk}/stages/new/",
        {"number": 4, "name_ru": "Э", "name_en": "S", "first_year": 2028, "last_year": 2029},
    )
    beside(form, "change", content)
    assert programme.stages.count() == 3


def funding(**shares: tuple[str, str]) -> dict[str, str]:
    data = {}
    for iso2, (share, amount) in shares.items():
        data[f"share_{iso2.lower()}"] = share
        data[f"amount_{iso2.lower()}"] = amount
    return data


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (funding(TJ=("60", "600"), RU=("30", "300")), "add up to 90"),
        (funding(TJ=("60", "600"), RU=("40", "-1")), "not negative"),
        (funding(TJ=("160", "600")), "at most 100"),
        ({}, "add up to 0"),
    ],
)
def test_funding_shares_that_do_not_add_up_are_shown_beside_the_shares(
    client_as, secretariat_officer, data, error
):
    programme = a_programme(secretariat_officer)
    before = list(Funding.objects.filter(programme=programme).values_list("state_id", "share"))
    response = client_as("secretariat_officer").post(
        f"/en/programmes/{programme.pk}/stages/1/funding/", {**data, "version": programme.version}
    )
    assert response.status_code == 400
    shares = response.context["form"].group_errors["shares"]
    assert shares and error in shares[0], shares
    content = response.content.decode()
    assert 'data-testid="shares-errors"' in content and error in content
    assert list(Funding.objects.filter(programme=programme).values_list("state_id", "share")) == (
        before
    )


def test_a_share_without_its_amount_is_shown_beside_the_amount(client_as, secretariat_officer):
    programme = a_programme(secretariat_officer)
    response = client_as("secretariat_officer").post(
        f"/en/programmes/{programme.pk}/stages/1/funding/",
        {"share_tj": "100", "version": programme.version},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["amount_tj"]
    assert not Funding.objects.filter(programme=programme).exists()


def test_the_adoption_carries_the_edit_counter(client_as, secretariat_officer):
    """A programme changed since the form was drawn: 409, nothing adopted; adopted twice: 409."""
    programme = a_programme(secretariat_officer)
    decision = a_decision(secretariat_officer)
    client = client_as("secretariat_officer")
    url = f"/en/programmes/{programme.pk}/adopt/"
    shown = client.get(url)
    assert f'name="version" value="{programme.version}"' in shown.content.decode()
    stale = client.post(url, {"decision": decision.pk, "version": programme.version + 1})
    assert stale.status_code == 409
    assert stale.context["form"].non_field_errors()
    programme.refresh_from_db()
    assert programme.status == "draft"
    assert (
        client.post(url, {"decision": decision.pk, "version": programme.version}).status_code == 302
    )
    programme.refresh_from_db()
    assert programme.status == "adopted"
    again = client.post(url, {"decision": decision.pk, "version": programme.version})
    assert again.status_code == 409


@pytest.mark.parametrize(
    ("url", "data", "field"),
    [
        ("new/", {"year": 2031, "currency": "RUB", "due_on": "2031-06-30"}, "year"),  # taken
        ("new/", {"year": 2040, "currency": "XYZ", "due_on": "2040-06-30"}, "currency"),
        ("2031/items/", {"position": 2, "name_ru": "С", "name_en": "I", "amount": "0"}, "amount"),
        ("2031/items/", {"position": 0, "name_ru": "С", "name_en": "I", "amount": "5"}, "position"),
    ],
)
def test_a_bad_budget_is_refused_beside_its_field(client_as, secretariat_officer, url, data, field):
    budget = a_budget(secretariat_officer)
    counts = (Budget.objects.count(), budget.items.count())
    data = {**data, "version": budget.version}
    form, content = post(client_as("secretariat_officer"), f"/en/programmes/budgets/{url}", data)
    beside(form, field, content)
    assert (Budget.objects.count(), budget.items.count()) == counts


def test_budget_shares_that_do_not_add_up_are_shown_beside_the_shares(
    client_as, secretariat_officer
):
    budget = a_budget(secretariat_officer)
    before = dict(budget.contributions.values_list("state__iso2", "share"))
    response = client_as("secretariat_officer").post(
        "/en/programmes/budgets/2031/shares/",
        {"share_ru": "50", "share_kz": "30", "version": budget.version},
    )
    assert response.status_code == 400
    assert "add up to 80" in response.context["form"].group_errors["shares"][0]
    assert dict(budget.contributions.values_list("state__iso2", "share")) == before


def test_a_share_for_a_state_not_bound_is_shown_beside_the_decision(client_as, secretariat_officer):
    """Armenia refrained (limited format): a share for it is refused at the adoption."""
    decision = a_decision(secretariat_officer, LIMITED)
    a_budget(
        secretariat_officer,
        shares={"AM": "10", "RU": "50", "BY": "10", "KZ": "10", "KG": "10", "TJ": "10"},
    )
    client = client_as("secretariat_officer")
    form, content = post(
        client,
        "/en/programmes/budgets/2031/adopt/",
        {"decision": decision.pk, "version": Budget.objects.get(year=2031).version},
    )
    assert "Armenia" in beside(form, "decision", content)
    assert Budget.objects.get(year=2031).status == "draft"


def test_an_adopted_budget_keeps_its_items_and_shares(client_as):
    client = client_as("secretariat_officer")
    version = Budget.objects.get(year=2024).version
    form, content = post(
        client,
        "/en/programmes/budgets/2024/items/",
        {"position": 9, "name_ru": "С", "name_en": "I", "amount": "5", "version": version},
    )
    assert form.non_field_errors() and not Budget.objects.get(year=2024).items.filter(position=9)
    shares = {"share_ru": "100", "version": version}
    form, content = post(client, "/en/programmes/budgets/2024/shares/", shares)
    assert form.non_field_errors() and "stand as adopted" in content


def done(client, url: str, data: dict) -> None:
    """Posted through the page: the user is sent on (302), nothing refused."""
    response = client.post(url, data)
    assert response.status_code == 302, (url, response.context and response.context["form"].errors)


def test_a_programme_is_built_and_adopted_through_the_pages(client_as, secretariat_officer):
    from .builders import state

    client = client_as("secretariat_officer")
    tj = state("TJ").pk
    done(client, "/en/programmes/new/", {**PROGRAMME, "coordinator": tj, "change_route": "budget"})
    programme = Programme.objects.get(code="new-programme")
    assert programme.change_route.code == "budget"
    base = f"/en/programmes/{programme.pk}/"
    stage = {"number": 1, "name_ru": "Этап", "name_en": "Stage", "first_year": 2027}
    done(client, base + "stages/new/", {**stage, "last_year": 2028})
    done(client, base + "customers/new/", {"state": tj, "agency_ru": "ГКНБ", "agency_en": "SCNS"})
    stage = programme.stages.get()
    activity = {"stage": stage.pk, "kind": "construction", "name_ru": "Застава"}
    done(
        client,
        base + "activities/new/",
        {**activity, "name_en": "Outpost", "recipient_ru": "Погранвойска", "planned": 2},
    )
    programme.refresh_from_db()
    shares = funding(TJ=("40", "400"), RU=("60", "600.50"))
    done(client, base + "stages/1/funding/", {**shares, "version": programme.version})
    assert {f.state.iso2: (f.share, f.amount) for f in stage.funding.all()} == {
        "TJ": (Decimal("40"), Decimal("400")),
        "RU": (Decimal("60"), Decimal("600.50")),
    }
    shown = client.get(base + "stages/1/funding/").content.decode()
    assert 'name="share_ru"' in shown and 'value="60' in shown  # the form shows what is saved
    programme.refresh_from_db()
    decision = a_decision(secretariat_officer).pk
    done(client, base + "adopt/", {"decision": decision, "version": programme.version})
    programme.refresh_from_db()
    assert (programme.status, programme.activities.get().unit_en) == ("adopted", "units")
    assert programme.customers.get().agency_en == "SCNS"


def budget_version(year: int) -> int:
    return Budget.objects.get(year=year).version


def test_a_budget_is_built_and_adopted_through_the_pages(client_as, secretariat_officer):
    client = client_as("secretariat_officer")
    base = "/en/programmes/budgets/"
    done(client, base + "new/", {"year": 2033, "currency": "rub", "due_on": "2033-06-30"})
    for position, amount in ((1, "700"), (2, "300.25"), (2, "300")):
        item = {"position": position, "name_ru": "Статья", "name_en": "Item", "amount": amount}
        done(client, base + "2033/items/", {**item, "version": budget_version(2033)})
    assert "300" in client.get(base + "2033/items/?position=2").content.decode()
    shares = {
        "share_ru": "50",
        "share_by": "12.5",
        "share_kz": "12.5",
        "version": budget_version(2033),
    }
    done(client, base + "2033/shares/", {**shares, "share_kg": "12.5", "share_tj": "12.5"})
    decision = a_decision(secretariat_officer, LIMITED).pk
    version = Budget.objects.get(year=2033).version
    done(client, base + "2033/adopt/", {"decision": decision, "version": version})
    budget = Budget.objects.get(year=2033)
    assert budget.status == "adopted"
    assert sum(i.amount for i in budget.items.all()) == Decimal("1000")
    assert [s.iso2 for s in budget.not_bound.all()] == ["AM"]
    assert budget.adopted_on == dt.date(2026, 11, 30)


def test_the_forms_are_in_russian_on_russian_pages(client_as):
    client = client_as("secretariat_officer")
    content = client.get("/ru/programmes/new/").content.decode()
    for english in ("New target programme", "Customer-coordinator", "Route of changes", "Create"):
        assert english not in content, english
    shares = client.get("/ru/programmes/budgets/2024/shares/").content.decode()
    assert "Shares" not in shares and "Per cent" not in shares


# --- Versions: the budget's items and shares replace data, so each carries the budget's counter ---

ITEM = {"position": 1, "name_ru": "Статья", "name_en": "Salaries", "amount": "125"}
SHARES = {"share_ru": "50", "share_by": "12.5", "share_kz": "12.5", "share_kg": "25"}


@pytest.mark.parametrize(("path", "data"), [("items/", ITEM), ("shares/", SHARES)])
def test_a_budget_write_without_its_version_is_refused_on_the_page(
    client_as, secretariat_officer, path, data
):
    """A form posted without the hidden counter is refused above the form, nothing saved."""
    budget = a_budget(secretariat_officer)
    before = (budget.version, list(budget.items.values_list("amount", flat=True)))
    form, content = post(
        client_as("secretariat_officer"), f"/en/programmes/budgets/2031/{path}", data
    )
    assert "no edit counter" in form.non_field_errors()[0] and "no edit counter" in content
    budget.refresh_from_db()
    assert (budget.version, list(budget.items.values_list("amount", flat=True))) == before


@pytest.mark.parametrize(("path", "data"), [("items/", ITEM), ("shares/", SHARES)])
def test_two_writers_on_one_budget_version_the_second_is_told_and_keeps_its_input(
    client_as, secretariat_officer, path, data
):
    """Both forms drawn from one version: the first is saved (the counter goes up), the second is
    refused 409 with the stale message beside the form, the input it posted shown back."""
    budget = a_budget(secretariat_officer)
    drawn = budget.version
    client = client_as("secretariat_officer")
    url = f"/en/programmes/budgets/2031/{path}"
    assert f'name="version" value="{drawn}"' in client.get(url).content.decode()
    done(client, url, {**data, "version": drawn})
    assert budget_version(2031) == drawn + 1
    second = {**data, "amount": "999", "share_ru": "49", "share_kg": "26", "version": drawn}
    response = client.post(url, second)
    assert response.status_code == 409
    content = response.content.decode()
    assert "Someone changed this record" in response.context["form"].non_field_errors()[0]
    assert "Someone changed this record" in content
    assert 'value="999"' in content if path == "items/" else 'value="49"' in content
    assert budget_version(2031) == drawn + 1
    saved = Budget.objects.get(year=2031)
    assert not saved.items.filter(amount=999).exists()
    assert not saved.contributions.filter(share=49).exists()
    done(client, url, {**second, "version": drawn + 1})  # on the current version: accepted


def test_two_writers_of_one_stage_funding_the_second_is_told_and_keeps_its_input(
    client_as, secretariat_officer
):
    """The funding replaces the stage's shares: the page carries the programme's counter; without
    it refused above the form, and of two forms drawn from one version the second gets 409."""
    programme = a_programme(secretariat_officer)
    drawn = programme.version
    client = client_as("secretariat_officer")
    url = f"/en/programmes/{programme.pk}/stages/1/funding/"
    assert f'name="version" value="{drawn}"' in client.get(url).content.decode()
    first = funding(TJ=("40", "400"), RU=("60", "600"))
    form, content = post(client, url, first)
    assert "no edit counter" in form.non_field_errors()[0] and "no edit counter" in content
    done(client, url, {**first, "version": drawn})
    late = client.post(url, {**funding(TJ=("30", "333"), RU=("70", "700")), "version": drawn})
    assert late.status_code == 409 and 'value="333"' in late.content.decode()
    assert "Someone changed this record" in late.content.decode()
    saved = Funding.objects.filter(programme=programme, state__iso2="TJ").get()
    assert saved.amount == Decimal("400")
