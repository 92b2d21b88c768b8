"""Who may see a marked record: pure rules, no database, no request.

A record that carries substance has an owner (a member state or an organ), a marking and, when it is
restricted, the states it is released to. A user acts for one affiliation at a time; what they may see
follows from that affiliation alone.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum


class Marking(StrEnum):
    PUBLIC = "public"  # anyone, signed in or not, including the public site
    OFFICIAL = "official"  # every member state's delegation and every organ of the organization
    RESTRICTED = "restricted"  # the owner, the Secretariat, and the states it is released to


class Role(StrEnum):
    PERMANENT_REPRESENTATIVE = "permanent_representative"  # speaks for a state in the bodies
    NATIONAL_COORDINATOR = "national_coordinator"  # files and approves a state's reports
    DELEGATE = (
        "delegate"  # member of a state's delegation; reads, prepares, does not commit the state
    )
    SECRETARIAT_OFFICER = (
        "secretariat_officer"  # runs procedures, depositary work, reads the audit log
    )
    SECRETARIAT_ADMINISTRATOR = "secretariat_administrator"  # officer who also keeps reference data
    ANALYST = "analyst"  # information-analytical work: situation monitoring and assessments
    STAFF_OFFICER = "staff_officer"  # Joint Staff: forces, training, exercises
    MEMBER_OF_PARLIAMENT = "member_of_parliament"  # Parliamentary Assembly


class AffiliationKind(StrEnum):
    STATE = "state"  # a member state's delegation
    SECRETARIAT = "secretariat"
    BODY = "body"  # another organ a user can act for: the Joint Staff, the Parliamentary Assembly


# Which roles a user may hold in each kind of affiliation.
ROLES_FOR_KIND: dict[AffiliationKind, frozenset[Role]] = {
    AffiliationKind.STATE: frozenset(
        {Role.PERMANENT_REPRESENTATIVE, Role.NATIONAL_COORDINATOR, Role.DELEGATE}
    ),
    AffiliationKind.SECRETARIAT: frozenset(
        {Role.SECRETARIAT_OFFICER, Role.SECRETARIAT_ADMINISTRATOR, Role.ANALYST}
    ),
    AffiliationKind.BODY: frozenset({Role.STAFF_OFFICER, Role.ANALYST, Role.MEMBER_OF_PARLIAMENT}),
}

# Roles whose holder commits their state: positions, signatures, reports.
SPEAKS_FOR_STATE = frozenset({Role.PERMANENT_REPRESENTATIVE, Role.NATIONAL_COORDINATOR})
SECRETARIAT_OFFICERS = frozenset({Role.SECRETARIAT_OFFICER, Role.SECRETARIAT_ADMINISTRATOR})


@dataclass(frozen=True)
class Viewer:
    """What visibility rules need to know about the person looking.

    `state_id` or `body_id` is set for the affiliation the user currently acts for (never both).
    `is_insider` is true for delegations of states that are members and for the organs; a withdrawn
    state's delegation sees only what is public and what it owns.
    """

    user_id: int | None = None
    state_id: int | None = None
    body_id: int | None = None
    role: str = ""
    is_insider: bool = False
    is_secretariat: bool = False

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    @property
    def is_secretariat_officer(self) -> bool:
        return self.is_secretariat and self.role in SECRETARIAT_OFFICERS

    @property
    def is_secretariat_administrator(self) -> bool:
        return self.is_secretariat and self.role == Role.SECRETARIAT_ADMINISTRATOR


def speaks_for(viewer: Viewer, state_id: int) -> bool:
    """Only a delegation of a state, in a role that commits it, can speak for that state."""
    return viewer.state_id == state_id and viewer.role in SPEAKS_FOR_STATE


ANONYMOUS = Viewer()


def can_see(
    viewer: Viewer,
    *,
    marking: Marking | str,
    owner_state_id: int | None,
    owner_body_id: int | None,
    released_to: Collection[int] = (),
) -> bool:
    if marking == Marking.PUBLIC:
        return True
    if marking == Marking.OFFICIAL:
        return viewer.is_insider or _owns(viewer, owner_state_id, owner_body_id)
    if marking == Marking.RESTRICTED:
        return (
            viewer.is_secretariat
            or _owns(viewer, owner_state_id, owner_body_id)
            or (viewer.state_id is not None and viewer.state_id in released_to)
        )
    return False


def _owns(viewer: Viewer, owner_state_id: int | None, owner_body_id: int | None) -> bool:
    return (viewer.state_id is not None and viewer.state_id == owner_state_id) or (
        viewer.body_id is not None and viewer.body_id == owner_body_id
    )
