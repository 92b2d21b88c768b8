"""The standing kept on the instrument (`stored.py`) is the one the engine computes from the record,
after any sequence of recorded acts, refused ones included, and judged on any day."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concord.agreements import selectors, services, stored
from concord.agreements.models import Agreement, TreatyAction
from concord.agreements.standing import Standing
from concord.core.errors import DomainError
from concord.organization.models import MemberState

SIGNED = dt.date(2000, 1, 1)
STATES = ["AM", "BY", "KZ", "RU"]
RULES = [
    {"threshold": {"count": 2}, "later": {"delay": {"days": 0}}},
    {"threshold": {"all_signatories": True}, "delay": {"days": 30}},
    {
        "threshold": {"count": 3, "of": "instrument"},
        "roll": "first_of_next_month",
        "withdrawal": {"delay": {"months": 6}},
        "provisional": {"delay": {"days": 0}},
    },
    {"threshold": {"count": 1, "required": ["RU"]}, "requires_signature": False},
]
ACTS = st.tuples(
    st.sampled_from(STATES),
    st.sampled_from(["signature", "notification", "ratification", "accession", "withdrawal"]),
    st.integers(min_value=0, max_value=9000),
    st.booleans(),  # corrects the state's last action
)
DAYS = [dt.date(1999, 1, 1), dt.date(2005, 6, 1), dt.date(2015, 1, 1), dt.date(2030, 1, 1)]


def same(stored_one: Standing, computed: Standing) -> None:
    assert stored_one.signatories == computed.signatories
    assert stored_one.consented == computed.consented
    assert stored_one.gaps == computed.gaps
    assert (stored_one.result and stored_one.result.as_json()) == (
        computed.result and computed.result.as_json()
    )
    assert (stored_one.error and vars(stored_one.error)) == (
        computed.error and vars(computed.error)
    )
    assert stored_one.flags == computed.flags


def assert_stored_is_computed(pk: int) -> None:
    agreement = Agreement.objects.select_related("amends").get(pk=pk)
    for today in DAYS:
        [computed] = selectors.standings([agreement], today=today)
        [kept] = selectors.stored_standings([agreement], today=today)
        same(kept, computed)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rule=st.sampled_from(RULES),
    block=st.sets(st.sampled_from(STATES), max_size=4),
    acts=st.lists(ACTS, max_size=8),
)
def test_after_any_sequence_of_acts_the_stored_standing_is_the_computed_one(
    secretariat_officer, rule, block, acts
):
    states = {s.iso2: s for s in MemberState.objects.filter(iso2__in=STATES)}
    agreement = services.create_agreement(
        actor=secretariat_officer,
        signatories=[states[s] for s in sorted(block)],
        kind="agreement",
        title_ru="Соглашение",
        title_en="Agreement",
        rule=rule,
        signed_on=SIGNED,
    )
    assert_stored_is_computed(agreement.pk)
    last: dict[str, TreatyAction] = {}
    for iso2, type_, day, correct in acts:
        # A refused act saves nothing: the stored standing must still be the computed one.
        with contextlib.suppress(DomainError):
            last[iso2] = services.record_action(
                agreement,
                actor=secretariat_officer,
                state=states[iso2],
                type=type_,
                date=SIGNED + dt.timedelta(days=day),
                corrects=last.get(iso2) if correct else None,
                from_archive=True,  # no notice: the notices are not what is tested here
            )
        assert_stored_is_computed(agreement.pk)


def test_a_notified_act_and_its_correction_keep_the_stored_standing(secretariat_officer):
    states = {s.iso2: s for s in MemberState.objects.filter(iso2__in=STATES)}
    agreement = services.create_agreement(
        actor=secretariat_officer,
        signatories=[states["KZ"], states["RU"]],
        kind="agreement",
        title_ru="Соглашение",
        title_en="Agreement",
        rule=RULES[0],
        signed_on=SIGNED,
    )
    kz = services.record_action(
        agreement,
        actor=secretariat_officer,
        state=states["KZ"],
        type="notification",
        date=dt.date(2001, 1, 1),
    )
    services.record_action(
        agreement,
        actor=secretariat_officer,
        state=states["RU"],
        type="notification",
        date=dt.date(2001, 2, 1),
    )
    assert Agreement.objects.get(pk=agreement.pk).computed_in_force == dt.date(2001, 2, 1)
    services.correct_action(
        kz, actor=secretariat_officer, type="notification", date=dt.date(2001, 3, 1)
    )
    assert Agreement.objects.get(pk=agreement.pk).computed_in_force == dt.date(2001, 3, 1)
    assert_stored_is_computed(agreement.pk)


def test_every_demo_instrument_has_its_computed_standing_stored(db):
    for pk in Agreement.objects.values_list("pk", flat=True):
        assert_stored_is_computed(pk)


def test_refresh_recomputes_what_a_change_outside_the_services_left_behind(secretariat_officer):
    agreement = Agreement.objects.filter(illustrative=True).get()
    Agreement.objects.filter(pk=agreement.pk).update(computed=None)
    stored.refresh(Agreement.objects.get(pk=agreement.pk))
    assert_stored_is_computed(agreement.pk)


@pytest.mark.parametrize("persona", ["secretariat_officer", "kazakh_representative"])
@pytest.mark.usefixtures("uncached_pages")
def test_the_overview_reads_a_constant_number_of_queries(client_as, secretariat_officer, persona):
    client = client_as(persona)
    url = "/en/agreements/"

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries.captured_queries)

    before = count()
    for i in range(60):  # more than a page
        services.create_agreement(
            actor=secretariat_officer,
            kind="agreement",
            title_ru=f"Соглашение {i}",
            title_en=f"Agreement {i}",
            rule=RULES[0],
            signed_on=SIGNED,
        )
    assert count() == before
    assert client.get(url + "?page=2").status_code == 200


def test_the_api_list_is_paged_with_the_stored_date(client_as):
    body = client_as("kazakh_representative").get("/api/v1/agreements?page_size=2").json()
    assert body["count"] >= 10 and len(body["items"]) == 2
    assert "computed_in_force" in body["items"][0]
