"""The entry-into-force engine beyond the clause patterns of test_rules.py: later states timed by
every delay form of the main rule, signatories given as input, and the engine's answers and errors
as data (codes) for `wording.py`."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concord.agreements.rules import Need, RuleError, first_of_kth_month_after, run

SIX = ["AM", "BY", "KZ", "KG", "RU", "TJ"]
TODAY = dt.date(2026, 11, 28)
D = dt.date.fromisoformat


def ask(rule, actions, parties=SIX, signatories=None, as_of=TODAY):
    data = {
        "rule": rule,
        "parties": [{"state": s} for s in parties],
        "actions": [{"state": s, "type": t, "date": d} for s, t, d in actions],
    }
    if signatories is not None:
        data["signatories"] = signatories
    return run(data, as_of=as_of)


def signed(states=SIX, day="2020-01-10"):
    return [(s, "signature", day) for s in states]


# --- Later states: every delay form of the main rule ----------------------------------------------


def test_a_later_state_follows_the_main_kth_month_form_when_later_gives_none():
    # Ottawa-like: the 1st day of the 6th month after the month of deposit, for everyone.
    rule = {"threshold": {"count": 2, "of": "instrument"}, "kth_month": 6}
    acts = [
        *signed(),
        ("KZ", "ratification", "2020-03-05"),
        ("RU", "ratification", "2020-03-20"),
        ("BY", "ratification", "2020-12-27"),
    ]
    r = ask(rule, acts)
    assert r.entry_into_force == D("2020-09-01")
    assert r.states["BY"] == D("2021-06-01")  # not 2020-12-27, as when later ignored kth_month


def test_a_later_state_follows_the_main_delay_and_roll_when_later_gives_none():
    # Rome-like: the 1st day of the month after the 60th day following the deposit.
    rule = {
        "threshold": {"count": 1, "of": "instrument"},
        "delay": {"days": 60},
        "roll": "first_of_next_month",
    }
    r = ask(
        rule, [*signed(), ("KZ", "ratification", "2020-04-11"), ("RU", "accession", "2021-07-17")]
    )
    assert r.entry_into_force == D("2020-07-01")
    assert r.states["RU"] == D("2021-10-01")  # 17 July + 60 days = 15 September → 1 October


def test_later_from_alone_keeps_the_main_form():
    rule = {
        "threshold": {"count": 1},
        "delay": {"months": 3},
        "roll": "first_of_next_month",
        "later": {"from": "entry_into_force"},
    }
    r = ask(
        rule,
        [*signed(), ("KZ", "notification", "2020-01-15"), ("RU", "notification", "2020-09-29")],
    )
    assert r.entry_into_force == D("2020-05-01")
    assert r.states["RU"] == D("2021-01-01")


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        ({"kth_month": 2}, "2021-02-01"),  # December → February
        ({"delay": {"days": 30}}, "2021-01-14"),  # replaces the main kth_month
        ({"roll": "first_of_next_month"}, "2021-01-01"),  # deposit + 0 days, then the 1st
        ({"delay": {"months": 1}, "roll": "first_of_next_month"}, "2021-02-01"),
        ({"roll": "none"}, "2020-12-15"),  # a form of its own: no delay, no roll
    ],
)
def test_a_later_form_of_its_own_replaces_the_main_form_whole(later, expected):
    rule = {"threshold": {"count": 1, "of": "instrument"}, "kth_month": 3, "later": later}
    r = ask(
        rule,
        [*signed(), ("KZ", "ratification", "2020-02-10"), ("RU", "ratification", "2020-12-15")],
    )
    assert r.entry_into_force == D("2020-05-01")
    assert r.states["RU"] == D(expected)


def test_a_later_date_is_never_before_the_overall_date_and_ignores_fixed_date_and_not_before():
    rule = {
        "threshold": {"count": 1},
        "delay": {"days": 180},
        "not_before": "2021-01-01",
        "later": {"delay": {"days": 30}, "from": "entry_into_force"},
    }
    acts = [
        *signed(),
        ("KZ", "notification", "2020-03-01"),
        ("BY", "notification", "2020-12-20"),  # before entry into force: bound from it
        ("RU", "notification", "2021-01-05"),  # after it: its own 30 days, not_before is past
    ]
    r = ask(rule, acts)
    assert r.entry_into_force == D("2021-01-01")
    assert r.states["BY"] == D("2021-01-01") and r.states["RU"] == D("2021-02-04")
    fixed = {
        "threshold": {"count": 1},
        "fixed_date": "2021-01-01",
        "later": {"delay": {"days": 10}},
    }
    r = ask(
        fixed,
        [*signed(), ("KZ", "notification", "2020-03-01"), ("RU", "notification", "2021-03-01")],
    )
    assert r.entry_into_force == D("2021-01-01") and r.states["RU"] == D("2021-03-11")


@pytest.mark.parametrize(
    ("later", "field"),
    [
        ({"kth_month": 2, "delay": {"days": 1}}, "rule.later.kth_month"),
        ({"kth_month": 2, "roll": "first_of_next_month"}, "rule.later.kth_month"),
        ({"kth_month": 0}, "rule.later.kth_month"),
        ({"roll": "sometimes"}, "rule.later.roll"),
        ({"delay": {"weeks": 1}}, "rule.later.delay"),
        ({"when": "later"}, "rule.later"),
        ({"from": "signature"}, "rule.later.from"),
    ],
)
def test_bad_later_forms_name_their_field(later, field):
    with pytest.raises(RuleError) as error:
        ask({"threshold": {"count": 1}, "later": later}, [])
    assert error.value.field == field and error.value.code == "invalid_rule"


def test_kth_month_with_roll_none_is_allowed_in_later_as_in_the_main_rule():
    rule = {"threshold": {"count": 1}, "later": {"kth_month": 1, "roll": "none"}}
    r = ask(
        rule,
        [*signed(), ("KZ", "notification", "2020-01-01"), ("RU", "notification", "2020-01-31")],
    )
    assert r.states["RU"] == D("2020-02-01")


# --- Signatories as input -------------------------------------------------------------------------


def test_all_signatories_waits_for_every_signatory_named_in_the_input():
    """The bug this fixes: with only one signature recorded, one notification put a six-party
    protocol in force."""
    rule = {"threshold": {"all_signatories": True}}
    acts = [("KZ", "signature", "2021-09-16"), ("KZ", "notification", "2022-01-10")]
    assert ask(rule, acts).in_force  # what the engine can know from the actions alone
    r = ask(rule, acts, signatories=SIX)
    assert not r.in_force and r.entry_into_force is None
    assert r.needs == (Need("from_signatories", states=("AM", "BY", "KG", "RU", "TJ")),)
    assert r.missing == "needs notifications from AM, BY, KG, RU, TJ"
    later = [*acts, *((s, "notification", "2023-03-01") for s in SIX if s != "KZ")]
    assert ask(rule, later, signatories=SIX).entry_into_force == D("2023-03-01")


def test_signed_is_the_union_of_the_input_and_the_recorded_signatures():
    rule = {"threshold": {"all_signatories": True}}
    acts = [("KZ", "signature", "2021-09-16"), ("KZ", "notification", "2022-01-10")]
    r = ask(rule, acts, signatories=["RU"])
    assert r.needs == (Need("from_signatories", states=("RU",)),)


def test_requires_signature_accepts_a_state_named_as_signatory():
    rule = {"threshold": {"count": 1, "of": "instrument"}}
    acts = [("RU", "ratification", "2022-01-10")]
    with pytest.raises(RuleError) as error:
        ask(rule, acts)
    assert error.value.code == "not_signed"
    assert ask(rule, acts, signatories=["RU"]).entry_into_force == D("2022-01-10")


def test_signatories_without_a_recorded_signature_have_no_provisional_application_date():
    rule = {"threshold": {"count": 2}, "provisional": {"delay": {"days": 0}}}
    r = ask(rule, [("KZ", "signature", "2024-01-10")], signatories=["RU"])
    assert r.provisional == {"KZ": D("2024-01-10")}


@pytest.mark.parametrize(
    ("signatories", "field"),
    [("KZ", "signatories"), (["KZ", "US"], "signatories[1]"), ([7], "signatories[0]")],
)
def test_bad_signatories_name_their_field(signatories, field):
    with pytest.raises(RuleError) as error:
        ask({"threshold": {"count": 1}}, [], signatories=signatories)
    assert error.value.field == field


# --- Answers and errors as data -------------------------------------------------------------------


def test_each_need_is_data_with_its_code():
    rule = {
        "threshold": {
            "count": 4,
            "of": "consent",
            "all_signatories": True,
            "required": ["RU"],
            "weight": 0.5,
        }
    }
    acts = [*signed(["KZ", "BY", "AM"]), ("KZ", "notification", "2020-02-01")]
    r = ask(rule, acts)
    assert r.needs == (
        Need("more", count=3),
        Need("from_signatories", states=("AM", "BY")),
        Need("from_required", states=("RU",)),
        Need("weight", share=pytest.approx(1 / 6), target=0.5),
    )
    assert r.of == "consent" and r.unbound == ()
    assert r.as_json()["needs"][1] == {
        "code": "from_signatories",
        "count": None,
        "states": ["AM", "BY"],
        "share": None,
        "target": None,
    }
    assert r.as_json()["of"] == "consent" and r.as_json()["unbound"] == []


def test_no_consent_is_the_need_when_nothing_else_can_be_said():
    r = ask({"threshold": {"all_signatories": True}}, [])
    assert r.needs == (Need("no_consent"),) and r.missing == "no party has consented yet"


def test_once_in_force_the_unbound_parties_are_listed_and_nothing_is_needed():
    r = ask({"threshold": {"count": 1}}, [*signed(), ("KZ", "notification", "2020-02-01")])
    assert r.needs == () and r.unbound == ("AM", "BY", "KG", "RU", "TJ")
    assert r.as_json()["unbound"] == ["AM", "BY", "KG", "RU", "TJ"]
    assert r.missing == "not yet bound: AM, BY, KG, RU, TJ"


@pytest.mark.parametrize(
    ("actions", "code", "state", "action_type"),
    [
        ([("KZ", "notification", "2020-01-01")], "not_signed", "KZ", "notification"),
        (
            [("KZ", "signature", "2020-01-01"), ("KZ", "withdrawal", "2020-02-01")],
            "withdrawal_before_force",
            "KZ",
            "",
        ),
        (
            [
                *signed(["KZ", "RU"]),
                ("KZ", "notification", "2020-02-01"),
                ("RU", "notification", "2020-06-01"),
                ("RU", "withdrawal", "2020-03-01"),
            ],
            "withdrawal_before_bound",
            "RU",
            "",
        ),
    ],
)
def test_errors_of_evaluation_carry_a_code_and_the_state(actions, code, state, action_type):
    with pytest.raises(RuleError) as error:
        ask({"threshold": {"count": 1}, "later": {"delay": {"days": 0}}}, actions)
    assert (error.value.code, error.value.state, error.value.action_type) == (
        code,
        state,
        action_type,
    )
    assert error.value.message  # English, for the command line and the logs


# --- Properties of the later forms ----------------------------------------------------------------

days = st.dates(D("2020-01-01"), D("2030-12-31")).map(lambda d: d.isoformat())
forms = st.one_of(
    st.builds(lambda k: {"kth_month": k}, st.integers(1, 14)),
    st.builds(lambda n: {"delay": {"days": n}}, st.integers(0, 120)),
    st.builds(lambda n: {"delay": {"months": n}}, st.integers(0, 14)),
    st.builds(lambda n: {"delay": {"days": n}, "roll": "first_of_next_month"}, st.integers(0, 90)),
)
later_rules = st.builds(
    lambda count, main, later, start: {
        "threshold": {"count": count},
        **main,
        "later": {**later, "from": start},
    },
    st.integers(1, 3),
    forms,
    st.one_of(st.just({}), forms),
    st.sampled_from(["threshold", "entry_into_force"]),
)
deposits = st.lists(st.tuples(st.sampled_from(SIX), days), max_size=6, unique_by=lambda t: t[0])


@given(later_rules, deposits)
def test_no_later_state_is_bound_before_the_overall_date(rule, deposits_):
    r = ask(rule, signed() + [(s, "notification", d) for s, d in deposits_])
    for day in r.states.values():
        assert day is None or (r.entry_into_force is not None and day >= r.entry_into_force)


@given(st.integers(1, 3), st.integers(1, 14), st.integers(1, 14), deposits)
def test_a_kth_month_date_is_the_first_of_a_month_strictly_after_the_deposit_month(
    count, main_k, later_k, deposits_
):
    rule = {"threshold": {"count": count}, "kth_month": main_k, "later": {"kth_month": later_k}}
    r = ask(rule, signed() + [(s, "notification", d) for s, d in deposits_])
    for state, deposit in deposits_:
        day, deposited = r.states[state], D(deposit)
        if day is None:
            continue
        assert day.day == 1 and (day.year, day.month) > (deposited.year, deposited.month)
        if deposited > r.threshold_date:
            assert day == max(first_of_kth_month_after(deposited, later_k), r.entry_into_force)


@given(forms, days, days)
def test_without_a_later_form_a_later_state_is_timed_like_the_first_ones(main, first, second):
    rule = {"threshold": {"count": 1}, **main}
    one = ask(rule, [*signed(), ("KZ", "notification", second)]).entry_into_force
    both = ask(rule, [*signed(), ("RU", "notification", first), ("KZ", "notification", second)])
    if D(second) > D(first):
        assert both.states["KZ"] == max(one, both.entry_into_force)
