"""Who may see what: the marking rule, exhaustively over owners, markings and release lists."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from concord.core.rules import ANONYMOUS, Marking, Role, Viewer, can_see, speaks_for

STATES = [1, 2, 3]
BODIES = [10, 11]
SECRETARIAT = 10


def viewers() -> list[Viewer]:
    result = [ANONYMOUS, Viewer(user_id=1)]  # signed in, no affiliation
    for state in STATES:
        for insider in (True, False):  # False: a withdrawn state's delegation
            result.append(Viewer(user_id=2, state_id=state, role="delegate", is_insider=insider))
    for body in BODIES:
        result.append(
            Viewer(
                user_id=3,
                body_id=body,
                role="x",
                is_insider=True,
                is_secretariat=body == SECRETARIAT,
            )
        )
    return result


def records():
    owners = [(s, None) for s in STATES] + [(None, b) for b in BODIES]
    releases = [
        frozenset(c) for n in range(len(STATES) + 1) for c in itertools.combinations(STATES, n)
    ]
    for marking, (owner_state, owner_body), released in itertools.product(
        Marking, owners, releases
    ):
        yield marking, owner_state, owner_body, released


def test_public_records_are_seen_by_everyone_including_the_public():
    for viewer, (_, state, body, released) in itertools.product(viewers(), records()):
        assert can_see(
            viewer,
            marking=Marking.PUBLIC,
            owner_state_id=state,
            owner_body_id=body,
            released_to=released,
        )


def test_official_records_are_seen_by_insiders_and_owners_only():
    for viewer, (_, state, body, released) in itertools.product(viewers(), records()):
        seen = can_see(
            viewer,
            marking=Marking.OFFICIAL,
            owner_state_id=state,
            owner_body_id=body,
            released_to=released,
        )
        owner = (viewer.state_id is not None and viewer.state_id == state) or (
            viewer.body_id is not None and viewer.body_id == body
        )
        assert seen == (viewer.is_insider or owner)


def test_restricted_records_are_seen_by_owner_secretariat_and_release_list_only():
    for viewer, (_, state, body, released) in itertools.product(viewers(), records()):
        seen = can_see(
            viewer,
            marking=Marking.RESTRICTED,
            owner_state_id=state,
            owner_body_id=body,
            released_to=released,
        )
        expected = (
            viewer.is_secretariat
            or (
                viewer.state_id is not None
                and (viewer.state_id == state or viewer.state_id in released)
            )
            or (viewer.body_id is not None and viewer.body_id == body)
        )
        assert seen == expected


def test_a_restricted_record_of_kazakhstan_is_not_seen_by_armenia_unless_released():
    armenia = Viewer(user_id=5, state_id=1, role="permanent_representative", is_insider=True)
    assert not can_see(armenia, marking=Marking.RESTRICTED, owner_state_id=2, owner_body_id=None)
    assert can_see(
        armenia, marking=Marking.RESTRICTED, owner_state_id=2, owner_body_id=None, released_to={1}
    )


def test_an_unknown_marking_is_seen_by_no_one():
    secretariat = Viewer(user_id=1, body_id=SECRETARIAT, is_insider=True, is_secretariat=True)
    assert not can_see(secretariat, marking="secret", owner_state_id=1, owner_body_id=None)


@given(
    state=st.integers(1, 5),
    other=st.integers(1, 5),
    role=st.sampled_from(list(Role)),
)
def test_only_a_speaking_role_of_that_very_state_speaks_for_it(state, other, role):
    viewer = Viewer(user_id=1, state_id=state, role=role, is_insider=True)
    expected = state == other and role in {Role.PERMANENT_REPRESENTATIVE, Role.NATIONAL_COORDINATOR}
    assert speaks_for(viewer, other) == expected


def test_organs_never_speak_for_a_state():
    for role in Role:
        secretariat = Viewer(
            user_id=1, body_id=SECRETARIAT, role=role, is_insider=True, is_secretariat=True
        )
        assert not any(speaks_for(secretariat, s) for s in STATES)
