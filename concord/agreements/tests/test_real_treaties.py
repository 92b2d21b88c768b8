"""The engine against real treaties: for each, the clause written in the rule format must give the
entry-into-force date its depositary published, overall and for the states that joined later
(`real_treaties.py` gives the dates and their sources). The question goes through `run`, as JSON,
the way the API takes it."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.agreements.rules import run

from .real_treaties import TREATIES, Treaty, question

D = dt.date.fromisoformat
AS_OF = D("2026-01-01")


def short(treaty: Treaty) -> str:
    return treaty.name.split(" (")[0]


@pytest.mark.parametrize("treaty", TREATIES, ids=short)
def test_the_clause_gives_the_published_date_of_entry_into_force(treaty):
    result = run(question(treaty), as_of=AS_OF)
    assert result.threshold_date == D(treaty.threshold_deposit)
    assert result.entry_into_force == D(treaty.in_force)
    assert result.in_force


JOINERS = [(t, j) for t in TREATIES for j in t.joiners]


@pytest.mark.parametrize(
    ("treaty", "joiner"), JOINERS, ids=[f"{short(t)}-{j.state}" for t, j in JOINERS]
)
def test_the_clause_gives_the_published_date_for_a_state_joining_later(treaty, joiner):
    assert D(joiner.deposit) > D(treaty.threshold_deposit)
    result = run(question(treaty), as_of=AS_OF)
    assert result.states[joiner.state] == D(joiner.in_force)


def test_the_set_is_large_and_varied_enough_to_mean_something():
    assert len(TREATIES) >= 20
    rules = [t.rule for t in TREATIES]
    assert any("kth_month" in r for r in rules) and any("roll" in r for r in rules)
    assert any("months" in r.get("delay", {}) for r in rules)
    assert any("not_before" in r for r in rules) and any(
        r["threshold"].get("required") for r in rules
    )
    assert any(r.get("later", {}).get("from") == "entry_into_force" for r in rules)
    assert len(JOINERS) >= 15
