"""The pure rules of a deployment's way and the chronology over unsaved rows (no database)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from concord.forces.deployment_rules import (
    Earlier,
    first_later,
    in_future,
    remaining,
    takes_part,
    time_zone_of,
)
from concord.forces.deployment_selectors import chronology, totals
from concord.forces.models import Contingent, Deployment, LogEntry, ProtectedSite
from concord.forces.states import DeploymentStatus, LogKind
from concord.organization.models import MemberState

moments = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2030, 1, 1), timezones=st.just(dt.UTC)
)


@given(moments, st.lists(st.tuples(st.one_of(st.none(), moments), st.text(max_size=3)), max_size=6))
def test_a_step_is_refused_exactly_when_it_precedes_a_recorded_one(at, steps):
    earlier = [Earlier(when, name) for when, name in steps]
    found = first_later(at, earlier)
    recorded = [e for e in earlier if e.at is not None]
    assert (found is None) == all(at >= e.at for e in recorded)
    if found is not None:
        assert found.at is not None and at < found.at
        assert found is next(e for e in recorded if at < e.at)  # the first in the order given


@given(moments, moments)
def test_in_the_future_means_after_now(at, now):
    assert in_future(at, now) == (at > now)
    assert in_future(at.date(), now) == (at.date() > now.date())


@given(st.booleans(), st.booleans(), st.one_of(st.none(), st.dates()), st.dates())
def test_a_state_takes_part_unless_frozen_by_then(is_member, frozen, since, on):
    result = takes_part(is_member=is_member, frozen=frozen, frozen_since=since, on=on)
    if not is_member:
        assert result is False
    elif not frozen:
        assert result is True
    else:
        assert result == (since is not None and on < since)


@given(
    st.lists(st.tuples(st.one_of(st.none(), moments), st.one_of(st.none(), moments)), max_size=8)
)
def test_remaining_counts_the_arrived_that_have_not_left(rows):
    assert remaining(rows) == sum(1 for a, w in rows if a is not None and w is None)


def test_time_zones_of_the_capitals_and_utc_otherwise():
    assert time_zone_of("kz") == "Asia/Almaty"
    assert time_zone_of("XX") == "UTC"


def _t(hour: int) -> dt.datetime:
    return dt.datetime(2022, 1, 5, 0, 0, tzinfo=dt.UTC) + dt.timedelta(hours=hour)


def test_the_chronology_merges_every_row_in_time_order():
    kz, ru, by = (
        MemberState(pk=i, iso2=c, name_ru=c, name_en=c)
        for i, c in ((1, "KZ"), (2, "RU"), (3, "BY"))
    )
    d = Deployment(
        pk=1,
        host=kz,
        status=DeploymentStatus.CLOSED,
        requested_at=_t(0),
        decided_at=_t(5),
        deployed_at=_t(20),
        completion_decided_at=_t(100),
        withdrawn_at=_t(130),
        reported_at=_t(140),
        un_informed_on=_t(30).date(),
    )
    c_ru = Contingent(
        pk=1,
        state=ru,
        offered=10,
        offered_at=_t(6),
        accepted_at=_t(7),
        strength=10,
        equipment=2,
        arrived_at=_t(20),
        withdrawn_at=_t(130),
    )
    c_by = Contingent(
        pk=2,
        state=by,
        offered=5,
        offered_at=_t(6),
        accepted_at=_t(8),
        strength=5,
        arrived_at=_t(22),
        withdrawn_at=_t(120),
        demo=True,
    )
    site = ProtectedSite(pk=1, name_ru="С", name_en="S", since=_t(25), contingent=c_ru, demo=True)
    log = [
        LogEntry(pk=1, kind=LogKind.INCIDENT, at=_t(50), text_ru="и", text_en="i"),
        LogEntry(pk=2, kind=LogKind.UN_INFORMED, at=_t(36), text_ru="u", text_en="u"),
    ]
    steps = chronology(d, [c_ru, c_by], [site], log)
    assert [s.at for s in steps] == sorted(s.at for s in steps)
    kinds = [s.kind for s in steps]
    assert (
        kinds.count("un") == 1 and "log-un_informed" not in kinds
    )  # the field, not the entry twice
    assert kinds[kinds.index("arrival") + 1] == "deployed"
    assert kinds[-2:] == ["withdrawn", "report"]
    assert [s.demo for s in steps if s.kind == "site"] == [True]
    assert totals([c_ru, c_by], [site]).personnel == 15
    assert totals([c_ru, c_by], [site]).equipment == 2
