"""Decision rules, exhaustively over six states and property-based; working-day arithmetic."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concord.consultations.rules import (
    ConsentMode,
    Result,
    Rule,
    Stance,
    State,
    add_working_days,
    decide,
    due_for_reminder,
    working_days_left,
)

AM = State(1, "Армения", "Armenia", frozen=True)
BY, KZ, KG, RU, TJ = (
    State(i, ru, en)
    for i, ru, en in [
        (2, "Беларусь", "Belarus"),
        (3, "Казахстан", "Kazakhstan"),
        (4, "Кыргызстан", "Kyrgyzstan"),
        (5, "Россия", "Russia"),
        (6, "Таджикистан", "Tajikistan"),
    ]
)
SIX = [AM, BY, KZ, KG, RU, TJ]
CHOICES = [None, *Stance]


def test_the_2024_budget_armenia_refraining_is_adopted_in_limited_format():
    stances = {s.id: Stance.JOIN for s in SIX if s is not AM} | {AM.id: Stance.REFRAIN}
    outcome = decide(Rule.CONSENSUS, SIX, stances, consent=ConsentMode.SESSION, closed=True)
    assert outcome.result == Result.ADOPTED_LIMITED
    assert outcome.explanation_en == (
        "Adopted in limited format: Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan joined; "
        "Armenia refrained without objecting."
    )
    assert outcome.explanation_ru.startswith(
        "Принято в ограниченном формате: присоединились Беларусь, Казахстан"
    )
    assert AM not in outcome.bound


def test_any_objection_blocks_consensus_and_is_named():
    stances = {s.id: Stance.JOIN for s in SIX} | {BY.id: Stance.OBJECT}
    outcome = decide(Rule.CONSENSUS, SIX, stances, closed=True)
    assert (
        outcome.result == Result.BLOCKED
        and outcome.explanation_en == "Not adopted: Belarus objected."
    )


def test_frozen_participation_does_not_block_by_silence_but_may_object():
    stances = {s.id: Stance.JOIN for s in SIX if s is not AM}
    assert decide(Rule.CONSENSUS, SIX, stances).result == Result.ADOPTED_LIMITED  # not even awaited
    assert decide(Rule.CONSENSUS, SIX, stances | {AM.id: Stance.OBJECT}).result == Result.BLOCKED


def test_consensus_waits_for_participating_states_until_closed():
    stances = {s.id: Stance.JOIN for s in (BY, KZ, KG, RU)}
    assert decide(Rule.CONSENSUS, SIX, stances).result == Result.PENDING
    assert (
        decide(Rule.CONSENSUS, SIX, stances, consent=ConsentMode.EXPLICIT, closed=True).result
        == Result.BLOCKED
    )
    assert (
        decide(Rule.CONSENSUS, SIX, stances, consent=ConsentMode.SILENCE, closed=True).result
        == Result.ADOPTED_LIMITED
    )
    session = decide(Rule.CONSENSUS, SIX, stances, consent=ConsentMode.SESSION, closed=True)
    assert (
        session.result == Result.ADOPTED_LIMITED
        and TJ in session.silent
        and TJ not in session.bound
    )


def test_silence_is_consent_in_a_silence_procedure_and_breaking_it_blocks():
    everyone_silent = decide(Rule.CONSENSUS, SIX, {}, consent=ConsentMode.SILENCE, closed=True)
    assert (
        everyone_silent.result == Result.ADOPTED_LIMITED
    )  # Armenia, frozen, is not taken as consenting
    assert AM in everyone_silent.silent
    broken = decide(
        Rule.CONSENSUS, SIX, {KG.id: Stance.MORE_TIME}, consent=ConsentMode.SILENCE, closed=True
    )
    assert broken.result == Result.BLOCKED


def test_unanimity_needs_every_member_including_a_frozen_one():
    all_join = {s.id: Stance.JOIN for s in SIX}
    assert decide(Rule.UNANIMITY, SIX, all_join).result == Result.ADOPTED
    without_am = {s.id: Stance.JOIN for s in SIX if s is not AM}
    assert decide(Rule.UNANIMITY, SIX, without_am).result == Result.PENDING
    assert decide(Rule.UNANIMITY, SIX, without_am, closed=True).result == Result.BLOCKED
    assert (
        decide(Rule.UNANIMITY, SIX, without_am | {AM.id: Stance.REFRAIN}).result == Result.BLOCKED
    )


def test_a_joint_statement_needs_every_participating_state_but_not_a_frozen_one():
    five = {s.id: Stance.JOIN for s in SIX if s is not AM}
    assert decide(Rule.ALL_PARTICIPATING, SIX, five).result == Result.ADOPTED
    refrains = five | {KG.id: Stance.REFRAIN}
    assert (
        decide(Rule.ALL_PARTICIPATING, SIX, refrains).result == Result.BLOCKED
    )  # no limited format
    assert (
        decide(Rule.ALL_PARTICIPATING, SIX, five | {AM.id: Stance.OBJECT}).result == Result.BLOCKED
    )
    four = {s.id: Stance.JOIN for s in (BY, KZ, KG, RU)}
    assert decide(Rule.ALL_PARTICIPATING, SIX, four).result == Result.PENDING
    assert (
        decide(Rule.ALL_PARTICIPATING, SIX, four, consent=ConsentMode.EXPLICIT, closed=True).result
        == Result.BLOCKED
    )
    silence = decide(Rule.ALL_PARTICIPATING, SIX, four, consent=ConsentMode.SILENCE, closed=True)
    assert silence.result == Result.ADOPTED and TJ in silence.joined


def test_majority_counts_the_states_taking_part():
    stances = {BY.id: Stance.JOIN, KZ.id: Stance.JOIN, KG.id: Stance.OBJECT}
    assert decide(Rule.MAJORITY, SIX, stances, closed=True).result == Result.ADOPTED
    assert (
        decide(Rule.MAJORITY, SIX, stances | {RU.id: Stance.OBJECT}, closed=True).result
        == Result.BLOCKED
    )


def test_quorum():
    stances = {BY.id: Stance.JOIN, KZ.id: Stance.JOIN}
    assert (
        decide(
            Rule.CONSENSUS, SIX, stances, quorum=4, consent=ConsentMode.SESSION, closed=True
        ).result
        == Result.NO_QUORUM
    )
    assert decide(
        Rule.CONSENSUS, SIX, stances, quorum=2, consent=ConsentMode.SESSION, closed=True
    ).adopted


ALL_STANCES = list(itertools.product(CHOICES, repeat=len(SIX)))


@pytest.mark.parametrize("rule", list(Rule))
@pytest.mark.parametrize("consent", list(ConsentMode))
@pytest.mark.parametrize("closed", [False, True])
def test_exhaustively_over_every_combination_of_six_positions(rule, consent, closed):
    for combo in ALL_STANCES:
        stances = {s.id: c for s, c in zip(SIX, combo, strict=True) if c is not None}
        assert_holds_for_any_positions(
            rule, decide(rule, SIX, stances, consent=consent, closed=closed)
        )


def assert_holds_for_any_positions(rule, outcome):
    """What every outcome must satisfy under `rule`, whatever the six states answered."""
    # every state is counted exactly once
    groups = [outcome.joined, outcome.refrained, outcome.objected, outcome.silent]
    assert sorted(s.id for g in groups for s in g) == [s.id for s in SIX]
    # a refraining state is never bound, nor one that gave no position
    assert not set(outcome.bound) & (
        set(outcome.refrained) | set(outcome.silent) | set(outcome.objected)
    )
    if outcome.adopted and rule != Rule.MAJORITY:
        assert not outcome.objected  # consensus and unanimity: any objection blocks
    if rule == Rule.UNANIMITY and outcome.adopted:
        assert set(outcome.joined) == set(SIX)
    if outcome.result == Result.ADOPTED_LIMITED:
        assert outcome.refrained or outcome.silent
    if rule == Rule.ALL_PARTICIPATING and outcome.adopted:
        assert {s for s in SIX if not s.frozen} <= set(outcome.joined)
    assert outcome.explanation_ru and outcome.explanation_en


stance_maps = st.dictionaries(st.sampled_from([s.id for s in SIX]), st.sampled_from(list(Stance)))


@given(
    st.sampled_from(list(Rule)),
    st.sampled_from(list(ConsentMode)),
    st.booleans(),
    stance_maps,
    st.sampled_from([s.id for s in SIX]),
)
def test_an_added_objection_never_turns_a_rejection_into_adoption(
    rule, consent, closed, stances, objector
):
    before = decide(rule, SIX, stances, consent=consent, closed=closed)
    after = decide(rule, SIX, stances | {objector: Stance.OBJECT}, consent=consent, closed=closed)
    # Under a majority an objection is a vote against: it may be the answer that completes the
    # count, so only a question already rejected must stay rejected; elsewhere it blocks.
    if not before.adopted and (rule != Rule.MAJORITY or before.result == Result.BLOCKED):
        assert not after.adopted


@given(
    st.sampled_from(list(Rule)),
    st.sampled_from(list(ConsentMode)),
    st.booleans(),
    stance_maps,
    st.randoms(),
)
def test_the_outcome_does_not_depend_on_the_order_positions_arrived(
    rule, consent, closed, stances, rnd
):
    items = list(stances.items())
    rnd.shuffle(items)
    members = list(SIX)
    rnd.shuffle(members)
    a = decide(rule, SIX, stances, consent=consent, closed=closed)
    b = decide(rule, members, dict(items), consent=consent, closed=closed)
    assert (a.result, a.explanation_en, set(a.bound)) == (b.result, b.explanation_en, set(b.bound))


# --- working days --------------------------------------------------------------------------------

FRIDAY = dt.datetime(2024, 5, 3, 12, 0, tzinfo=dt.UTC)


def test_working_days_skip_weekends_and_holidays():
    assert add_working_days(FRIDAY, 1, set()) == dt.datetime(2024, 5, 6, 12, 0, tzinfo=dt.UTC)
    holidays = {dt.date(2024, 5, 9), dt.date(2024, 5, 10)}  # Victory Day and the bridge day
    assert add_working_days(FRIDAY, 5, holidays).date() == dt.date(2024, 5, 14)
    assert add_working_days(FRIDAY, 0, holidays) == FRIDAY


@given(st.integers(0, 40), st.sets(st.dates(dt.date(2024, 5, 1), dt.date(2024, 8, 1)), max_size=15))
def test_the_deadline_is_a_working_day_and_counting_back_gives_the_days(days, holidays):
    deadline = add_working_days(FRIDAY, days, holidays)
    if days:
        assert deadline.weekday() < 5 and deadline.date() not in holidays
    assert working_days_left(FRIDAY, deadline, holidays) == days


def test_reminders_fall_in_the_window_before_the_deadline_once():
    deadline = dt.datetime(2024, 5, 10, tzinfo=dt.UTC)
    day = dt.timedelta(days=1)
    assert due_for_reminder(deadline - day / 2, deadline, False, before=day)
    assert not due_for_reminder(deadline - 2 * day, deadline, False, before=day)
    assert not due_for_reminder(deadline - day / 2, deadline, True, before=day)
    assert not due_for_reminder(deadline, deadline, False, before=day)
