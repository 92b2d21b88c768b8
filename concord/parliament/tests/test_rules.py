"""The rules of adoption and of periods, without the database."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concord.parliament.codes import Code
from concord.parliament.rules import adoption_refusal, overlaps, progress
from concord.parliament.states import ActStatus, BodyKind

DAY = dt.date(2024, 12, 9)


def test_every_status_and_body_kind_has_one_answer():
    for status in ActStatus.values:
        for kind in BodyKind.values:
            refusal = adoption_refusal(status=status, examined_on=None, body_kind=kind, on=DAY)
            if status == ActStatus.DRAFT:
                assert refusal == Code.NOT_EXAMINED  # whatever the session
            elif kind != BodyKind.ASSEMBLY:
                assert refusal == Code.NOT_PLENARY
            else:
                assert refusal is None


def test_a_draft_is_adopted_only_after_its_examination():
    kind = BodyKind.ASSEMBLY
    examined = dict(status=ActStatus.EXAMINED, body_kind=kind)
    assert adoption_refusal(**examined, examined_on=DAY, on=DAY) is None
    assert adoption_refusal(**examined, examined_on=DAY, on=DAY - dt.timedelta(days=1)) == (
        Code.BEFORE_EXAMINATION
    )
    assert adoption_refusal(status=ActStatus.DRAFT, examined_on=DAY, body_kind=kind, on=DAY) == (
        Code.NOT_EXAMINED
    )


dates = st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dates, dates, dates, dates)
def test_overlap_is_symmetric(a, b, c, d):
    assert overlaps((a, b), (c, d)) == overlaps((c, d), (a, b))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dates(max_value=dt.date(2100, 1, 1)), st.dates(max_value=dt.date(2100, 1, 1)))
def test_a_period_overlaps_itself_and_open_periods(a, b):
    start, end = min(a, b), max(a, b)
    assert overlaps((start, end), (start, end))
    assert overlaps((start, end), (None, None))
    assert not overlaps((start, end), (end + dt.timedelta(days=1), None))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.integers(1, 20), st.booleans()), unique_by=lambda t: t[0]),
    st.lists(st.tuples(st.integers(1, 20), st.sampled_from(["KZ", "RU", "XX"]))),
)
def test_progress_counts_each_state_at_most_once_per_adopted_item(items, followed):
    result = progress(items, followed, ["KZ", "RU"])
    assert result.items == len(items)
    assert result.adopted == sum(1 for _, done in items if done)
    assert set(result.followed) == {"KZ", "RU"}
    assert all(0 <= n <= result.adopted for n in result.followed.values())
