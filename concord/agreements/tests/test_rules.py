"""The entry-into-force engine: one test per clause pattern of agreements.md, calendar edge cases,
bad input, and properties that must hold for any rule."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concord.agreements.rules import Delay, RuleError, run

SIX = ["AM", "BY", "KZ", "KG", "RU", "TJ"]
TODAY = dt.date(2026, 11, 28)
D = dt.date.fromisoformat


def ask(rule, actions, parties=SIX, weights=None, as_of=TODAY):
    parties = [{"state": s, "weight": (weights or {}).get(s, 1.0)} for s in parties]
    return run(
        {
            "rule": rule,
            "parties": parties,
            "actions": [{"state": s, "type": t, "date": d} for s, t, d in actions],
        },
        as_of=as_of,
    )


def signed(states=SIX, day="2021-09-16"):
    return [(s, "signature", day) for s in states]


def test_pattern_1_nth_notification_and_later_states_on_their_own_date():
    rule = {"threshold": {"count": 3, "of": "notification"}, "later": {"delay": {"days": 0}}}
    acts = [
        *signed(),
        ("BY", "notification", "2022-02-01"),
        ("RU", "notification", "2022-04-20"),
        ("TJ", "notification", "2022-11-10"),
        ("KZ", "notification", "2023-06-01"),
    ]
    r = ask(rule, acts)
    assert r.in_force and r.entry_into_force == D("2022-11-10")
    assert r.states["BY"] == r.states["TJ"] == D("2022-11-10") and r.states["KZ"] == D("2023-06-01")
    assert r.states["AM"] is None and "AM" in r.missing
    assert (
        r.explanation
        == "The 3rd notification reached on 2022-11-10; entered into force on 2022-11-10."
    )


def test_pattern_2_nth_notification_with_a_delay_in_days():
    rule = {"threshold": {"count": 3}, "delay": {"days": 30}}
    r = ask(rule, signed() + [(s, "notification", "2024-01-31") for s in ("BY", "RU", "KZ")])
    assert r.entry_into_force == D("2024-03-01")  # 2024 is a leap year: 31 Jan + 30 days


def test_pattern_3_all_signatories_or_named_states():
    rule = {"threshold": {"all_signatories": True}}
    acts = [
        *signed(["BY", "KZ", "RU"]),
        ("BY", "notification", "2010-05-01"),
        ("KZ", "notification", "2010-09-10"),
    ]
    r = ask(rule, acts)
    assert not r.in_force and r.missing == "needs notifications from RU"
    r = ask(rule, [*acts, ("RU", "notification", "2010-12-01")])
    assert r.entry_into_force == D("2010-12-01")
    named = ask({"threshold": {"required": ["RU", "KZ"]}}, acts)
    assert named.missing == "needs notifications from RU"


def test_pattern_4_provisional_application_from_signature():
    rule = {"threshold": {"count": 2}, "provisional": {"delay": {"days": 0}}}
    r = ask(rule, [*signed(["KZ", "RU", "BY"], "2024-01-10"), ("KZ", "notification", "2024-06-01")])
    assert not r.in_force and r.provisional == {
        "KZ": D("2024-01-10"),
        "RU": D("2024-01-10"),
        "BY": D("2024-01-10"),
    }
    r = ask(
        rule,
        [
            *signed(["KZ", "RU", "BY"], "2024-01-10"),
            ("KZ", "notification", "2024-06-01"),
            ("RU", "notification", "2024-07-01"),
        ],
    )
    assert r.entry_into_force == D("2024-07-01") and set(r.provisional) == {"KZ", "RU", "BY"}


def test_pattern_5_nth_instrument_plus_days():
    rule = {"threshold": {"count": 2, "of": "instrument"}, "delay": {"days": 90}}
    acts = [
        *signed(),
        ("KZ", "ratification", "2023-12-01"),
        ("RU", "notification", "2023-12-02"),
        ("BY", "approval", "2023-12-20"),
    ]
    assert ask(rule, acts).entry_into_force == D(
        "2024-03-19"
    )  # the notification does not count here


@pytest.mark.parametrize(
    ("deposit", "expected"),
    [("2023-11-30", "2024-02-29"), ("2024-11-30", "2025-02-28"), ("2024-01-31", "2024-04-30")],
)
def test_pattern_6_nth_instrument_plus_months_clamped_to_month_end(deposit, expected):
    rule = {"threshold": {"count": 1, "of": "instrument"}, "delay": {"months": 3}}
    assert ask(rule, [*signed(), ("KZ", "ratification", deposit)]).entry_into_force == D(expected)


def test_pattern_7_first_day_of_the_month_after_a_period():
    rule = {
        "threshold": {"count": 1, "of": "instrument"},
        "delay": {"days": 30},
        "roll": "first_of_next_month",
    }
    assert ask(rule, [*signed(), ("KZ", "ratification", "2024-12-15")]).entry_into_force == D(
        "2025-02-01"
    )


def test_pattern_8_first_day_of_the_kth_month_after_the_month_of_deposit():
    rule = {"threshold": {"count": 1, "of": "instrument"}, "kth_month": 3}
    assert ask(rule, [*signed(), ("KZ", "ratification", "2024-11-30")]).entry_into_force == D(
        "2025-02-01"
    )


def test_pattern_9_threshold_with_named_states_or_a_weighted_share():
    rule = {"threshold": {"count": 2, "required": ["RU"]}}
    acts = [*signed(), ("KZ", "notification", "2020-01-01"), ("BY", "notification", "2020-02-01")]
    assert ask(rule, acts).missing == "needs notifications from RU"
    assert ask(rule, [*acts, ("RU", "notification", "2020-03-01")]).entry_into_force == D(
        "2020-03-01"
    )
    weighted = {"threshold": {"weight": 0.6}}
    weights = {"RU": 50, "KZ": 20, "BY": 10, "AM": 10, "KG": 5, "TJ": 5}
    r = ask(
        weighted,
        [*signed(), ("KZ", "notification", "2020-01-01"), ("BY", "notification", "2020-02-01")],
        weights=weights,
    )
    assert r.missing == "needs parties holding 60% of the weight (has 30%)"
    r = ask(
        weighted,
        [*signed(), ("RU", "notification", "2020-01-05"), ("BY", "notification", "2020-02-01")],
        weights=weights,
    )
    assert r.entry_into_force == D("2020-02-01")


def test_pattern_10_fixed_date_if_met_by_then_and_not_earlier_than():
    rule = {"threshold": {"count": 1}, "fixed_date": "2025-01-01"}
    assert ask(rule, [*signed(), ("KZ", "notification", "2024-06-01")]).entry_into_force == D(
        "2025-01-01"
    )
    assert ask(rule, [*signed(), ("KZ", "notification", "2025-03-01")]).entry_into_force == D(
        "2025-03-01"
    )
    rule = {"threshold": {"count": 1}, "not_before": "2025-01-01", "delay": {"days": 10}}
    assert ask(rule, [*signed(), ("KZ", "notification", "2024-06-01")]).entry_into_force == D(
        "2025-01-01"
    )
    assert ask(rule, [*signed(), ("KZ", "notification", "2025-06-01")]).entry_into_force == D(
        "2025-06-11"
    )


def test_pattern_11_later_states_keyed_to_the_threshold_or_to_entry_into_force():
    base = [
        *signed(),
        ("KZ", "ratification", "2024-01-01"),
        ("RU", "ratification", "2024-01-01"),
        ("BY", "ratification", "2024-02-01"),
        ("TJ", "ratification", "2024-06-01"),
    ]
    after_threshold = {
        "threshold": {"count": 2, "of": "instrument"},
        "delay": {"days": 90},
        "later": {"delay": {"days": 30}},
    }
    r = ask(after_threshold, base)
    assert r.entry_into_force == D("2024-03-31")  # two deposits the same day count in one step
    assert r.states["BY"] == D(
        "2024-03-31"
    )  # between the threshold and the overall date: never before it
    assert r.states["TJ"] == D("2024-07-01")
    after_eif = {**after_threshold, "later": {"delay": {"days": 30}, "from": "entry_into_force"}}
    r = ask(after_eif, base)
    assert r.states["BY"] == D("2024-03-31") and r.states["TJ"] == D("2024-07-01")


def test_a_deposit_on_the_day_of_entry_into_force():
    rule = {
        "threshold": {"count": 1},
        "delay": {"days": 10},
        "later": {"delay": {"days": 0}, "from": "entry_into_force"},
    }
    r = ask(
        rule,
        [*signed(), ("KZ", "notification", "2024-01-01"), ("RU", "notification", "2024-01-11")],
    )
    assert r.entry_into_force == r.states["RU"] == D("2024-01-11")


def test_withdrawal_takes_effect_after_its_notice_and_not_before_entry_into_force():
    rule = {"threshold": {"count": 1}, "withdrawal": {"delay": {"months": 6}}}
    acts = [*signed(), ("KZ", "notification", "2020-01-01"), ("KZ", "withdrawal", "2023-08-31")]
    assert ask(rule, acts).withdrawals == {"KZ": D("2024-02-29")}
    with pytest.raises(RuleError) as error:
        ask(rule, [*signed(), ("KZ", "withdrawal", "2020-01-01")])
    assert error.value.field == "actions[6]"


@pytest.mark.parametrize(
    ("rule", "actions", "field"),
    [
        ({"threshold": {}}, [], "rule.threshold"),
        ({"threshold": {"count": 7}}, [], "rule.threshold.count"),
        ({"threshold": {"count": 0}}, [], "rule.threshold.count"),
        ({"threshold": {"count": 1, "of": "votes"}}, [], "rule.threshold.of"),
        ({"threshold": {"required": ["US"]}}, [], "rule.threshold.required"),
        ({"threshold": {"weight": 1.5}}, [], "rule.threshold.weight"),
        ({"threshold": {"count": 1}, "kth_month": 2, "delay": {"days": 1}}, [], "rule.kth_month"),
        (
            {"threshold": {"count": 1}, "not_before": "2026-01-01", "fixed_date": "2025-01-01"},
            [],
            "rule.not_before",
        ),
        ({"threshold": {"count": 1}, "delay": {"weeks": 2}}, [], "rule.delay"),
        ({"threshold": {"count": 1}, "colour": "red"}, [], "rule.colour"),
        ({"threshold": {"count": 1}}, [("KZ", "telegram", "2024-01-01")], "actions[0].type"),
        ({"threshold": {"count": 1}}, [("KZ", "notification", "2023-02-29")], "actions[0].date"),
        ({"threshold": {"count": 1}}, [("XX", "notification", "2023-02-01")], "actions[0].state"),
        ({"threshold": {"count": 1}}, [("KZ", "notification", "2023-02-01")], "actions[0].state"),
    ],  # not signed
)
def test_bad_input_names_the_field(rule, actions, field):
    with pytest.raises(RuleError) as error:
        ask(rule, actions)
    assert error.value.field == field


def test_accession_needs_no_signature():
    r = ask({"threshold": {"count": 1, "of": "instrument"}}, [("KZ", "accession", "2024-05-05")])
    assert r.entry_into_force == D("2024-05-05")


def test_month_delays_clamp_and_roll_over_years():
    assert Delay(months=1).after(D("2024-01-31")) == D("2024-02-29")
    assert Delay(months=12).after(D("2024-02-29")) == D("2025-02-28")
    assert Delay(months=2, days=1).after(D("2024-12-31")) == D("2025-03-01")


# --- Properties ------------------------------------------------------------------------------------

days = st.dates(D("2020-01-01"), D("2030-12-31")).map(lambda d: d.isoformat())
rules = st.fixed_dictionaries(
    {
        "threshold": st.fixed_dictionaries(
            {"count": st.integers(1, 6), "of": st.sampled_from(["notification", "consent"])}
        )
    },
    optional={
        "delay": st.one_of(
            st.builds(lambda n: {"days": n}, st.integers(0, 120)),
            st.builds(lambda n: {"months": n}, st.integers(0, 14)),
        ),
        "roll": st.sampled_from(["none", "first_of_next_month"]),
        "later": st.fixed_dictionaries(
            {
                "delay": st.builds(lambda n: {"days": n}, st.integers(0, 60)),
                "from": st.sampled_from(["threshold", "entry_into_force"]),
            }
        ),
    },
)
deposits = st.lists(st.tuples(st.sampled_from(SIX), days), max_size=8, unique_by=lambda t: t[0])


@given(rules, deposits, st.sampled_from(SIX), days)
def test_adding_an_instrument_never_delays_entry_into_force(
    rule, deposits_, extra_state, extra_day
):
    acts = signed() + [(s, "notification", d) for s, d in deposits_]
    before = ask(rule, acts).entry_into_force
    after = ask(rule, [*acts, (extra_state, "notification", extra_day)]).entry_into_force
    if before is not None:
        assert after is not None and after <= before


@given(rules, deposits)
def test_no_state_is_bound_before_the_agreement_is_in_force(rule, deposits_):
    r = ask(rule, signed() + [(s, "notification", d) for s, d in deposits_])
    for day in r.states.values():
        if day is not None:
            assert r.entry_into_force is not None and day >= r.entry_into_force
    if r.entry_into_force is None:
        assert all(d is None for d in r.states.values())


@given(rules, deposits, st.randoms())
def test_the_order_actions_are_listed_in_does_not_matter(rule, deposits_, rnd):
    acts = signed() + [(s, "notification", d) for s, d in deposits_]
    shuffled = list(acts)
    rnd.shuffle(shuffled)
    assert ask(rule, acts).as_json() == ask(rule, shuffled).as_json()
