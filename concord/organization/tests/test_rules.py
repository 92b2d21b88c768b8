"""The chairmanship rotation and Secretary General terms, without the database."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from concord.organization.rules import (
    Candidate,
    Term,
    next_in_rotation,
    overlapping,
    russian_sort_key,
    term_on,
)

SIX = [
    Candidate(1, "Россия", True),
    Candidate(2, "Армения", True),
    Candidate(3, "Таджикистан", True),
    Candidate(4, "Беларусь", True),
    Candidate(5, "Кыргызстан", True),
    Candidate(6, "Казахстан", True),
]
NAMES = {c.id: c.name_ru for c in SIX}


def test_rotation_reproduces_the_chairs_of_2016_to_2026():
    chairs, previous = [], None
    for _year in range(2016, 2027):
        previous = next_in_rotation(SIX, previous)
        chairs.append(NAMES[previous])
    assert chairs == [
        "Армения",
        "Беларусь",
        "Казахстан",
        "Кыргызстан",
        "Россия",
        "Таджикистан",
        "Армения",
        "Беларусь",
        "Казахстан",
        "Кыргызстан",
        "Россия",
    ]


def test_after_the_last_in_the_alphabet_the_rotation_wraps_round():
    assert NAMES[next_in_rotation(SIX, 3)] == "Армения"


def test_suspended_or_withdrawn_states_are_passed_over():
    without_kazakhstan = [c if c.id != 6 else Candidate(6, c.name_ru, False) for c in SIX]
    assert NAMES[next_in_rotation(without_kazakhstan, 4)] == "Кыргызстан"


def test_a_withdrawn_previous_chair_still_anchors_the_order():
    withdrawn_belarus = [c if c.id != 4 else Candidate(4, c.name_ru, False) for c in SIX]
    assert NAMES[next_in_rotation(withdrawn_belarus, 4)] == "Казахстан"


def test_no_eligible_state_means_no_proposal():
    assert next_in_rotation([Candidate(1, "Россия", False)], None) is None
    assert next_in_rotation([], None) is None


def test_yo_sorts_after_ye_as_in_the_russian_alphabet():
    names = ["Ёлка", "Ежевика", "Жасмин", "Дуб"]
    assert sorted(names, key=russian_sort_key) == ["Дуб", "Ежевика", "Ёлка", "Жасмин"]


candidates = st.lists(
    st.tuples(st.text(alphabet="АБВЁЕЖКРТ", min_size=1, max_size=4), st.booleans()),
    min_size=1,
    max_size=8,
    unique_by=lambda t: t[0],
).map(lambda items: [Candidate(i + 1, name, ok) for i, (name, ok) in enumerate(items)])


@given(candidates, st.data())
def test_the_proposal_is_always_an_eligible_state(states, data):
    previous = data.draw(st.sampled_from([None] + [c.id for c in states]))
    proposed = next_in_rotation(states, previous)
    eligible = {c.id for c in states if c.eligible}
    assert (proposed in eligible) if eligible else proposed is None


@given(candidates)
def test_a_full_cycle_gives_every_eligible_state_one_turn_in_alphabetical_order(states):
    eligible = sorted((c for c in states if c.eligible), key=lambda c: russian_sort_key(c.name_ru))
    assume(eligible)
    turns, previous = [], None
    for _ in eligible:
        previous = next_in_rotation(states, previous)
        turns.append(previous)
    assert turns == [c.id for c in eligible]


dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1))
terms = st.tuples(dates, dates).map(lambda p: Term(min(p), max(p)))


@given(terms, terms)
def test_terms_overlap_exactly_when_they_share_a_day(a, b):
    shared = max(a.starts_on, b.starts_on) <= min(a.ends_on, b.ends_on)
    assert overlapping([a], b) == shared == overlapping([b], a)


def test_back_to_back_terms_do_not_overlap():
    first = Term(dt.date(2023, 1, 1), dt.date(2025, 12, 31))
    assert not overlapping([first], Term(dt.date(2026, 1, 1), dt.date(2028, 12, 31)))
    assert overlapping([first], Term(dt.date(2025, 12, 31), dt.date(2028, 12, 31)))


def test_term_on_a_day():
    terms = [
        Term(dt.date(2023, 1, 1), dt.date(2025, 12, 31)),
        Term(dt.date(2026, 1, 1), dt.date(2028, 12, 31)),
    ]
    assert term_on(terms, dt.date(2024, 6, 1)) is terms[0]
    assert term_on(terms, dt.date(2026, 1, 1)) is terms[1]
    assert term_on(terms, dt.date(2030, 1, 1)) is None
