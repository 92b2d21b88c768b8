import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from concord.relations import rules

counts = st.one_of(st.none(), st.integers(min_value=0, max_value=300))


def test_the_79th_session_vote_fits_the_membership():
    assert (
        rules.vote_problems("recorded", {"in_favour": 67, "against": 8, "abstaining": 69}, 193)
        == []
    )


def test_counts_above_the_membership_are_refused():
    problems = rules.vote_problems(
        "recorded", {"in_favour": 150, "against": 8, "abstaining": 69}, 193
    )
    assert problems == [rules.VoteProblem("in_favour", "over_membership")]


def test_a_consensus_carries_no_counts():
    assert rules.vote_problems("consensus", {}, 193) == []
    assert rules.vote_problems("consensus", {"against": 1}, 193) == [
        rules.VoteProblem("against", "counts_without_vote")
    ]


def test_negative_counts_are_refused():
    assert rules.vote_problems("recorded", {"against": -1}, 193)[0].reason == "negative"


@given(st.fixed_dictionaries({k: counts for k in rules.COUNTS}), st.integers(1, 250))
def test_a_recorded_vote_is_accepted_exactly_when_it_fits(given_counts, membership):
    total = sum(v for v in given_counts.values() if v is not None)
    assert (rules.vote_problems("recorded", given_counts, membership) == []) == (
        total <= membership
    )


@given(
    st.sampled_from(["consensus", "unknown"]),
    st.fixed_dictionaries({k: counts for k in rules.COUNTS}),
)
def test_without_a_vote_any_count_is_a_problem(vote, given_counts):
    problems = rules.vote_problems(vote, given_counts, 193)
    assert {p.field for p in problems} == {k for k, v in given_counts.items() if v is not None}


def test_the_sequence_shows_the_numbers_not_found():
    shown = rules.sequence([35, 36, 37, 38, 40, 42])
    assert [n.number for n in shown if not n.found] == [39, 41]
    assert rules.sequence([]) == []


@given(st.sets(st.integers(1, 200), min_size=1, max_size=30))
def test_the_sequence_is_unbroken_and_marks_exactly_the_known(numbers):
    shown = rules.sequence(numbers)
    assert [n.number for n in shown] == list(range(min(numbers), max(numbers) + 1))
    assert {n.number for n in shown if n.found} == numbers
    assert rules.next_number(numbers) == max(numbers) + 1


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 1)))
def test_the_month_view_covers_its_month_in_whole_weeks(day):
    start, end = rules.window("month", day)
    assert start.weekday() == 0 and end.weekday() == 6
    assert start <= day.replace(day=1) and end >= day
    assert (end - start).days + 1 in (28, 35, 42)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 1)))
def test_the_week_and_list_views(day):
    start, end = rules.window("week", day)
    assert start <= day <= end and (end - start).days == 6 and start.weekday() == 0
    first, last = rules.window("list", day)
    assert first.day == 1 and first.month == last.month == day.month
    assert rules.shift("month", day, 1).month == day.month % 12 + 1
    assert rules.shift("week", day, -1) == day - dt.timedelta(days=7)
    assert rules.on_day(start, end, day)
