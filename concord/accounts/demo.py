"""Demo users, one per named persona: who they are and whom they act for."""

from __future__ import annotations

from concord.core.actors import SYSTEM, Actor
from concord.core.rules import Role
from concord.organization.models import Body, MemberState

from . import services
from .models import Affiliation, User

# username: (affiliations as (state iso2 or body code, role), a one-line story)
DEMO_USERS: dict[str, tuple[list[tuple[str, Role]], str]] = {
    "secretariat": (
        [("secretariat", Role.SECRETARIAT_OFFICER)],
        "Secretariat officer: runs procedures, reads the audit log",
    ),
    "admin": (
        [("secretariat", Role.SECRETARIAT_ADMINISTRATOR)],
        "Secretariat administrator: keeps the reference data in the admin",
    ),
    "analyst": (
        [("secretariat", Role.ANALYST), ("joint-staff", Role.ANALYST)],
        "analyst of the information-analytical centre; also works for the Joint Staff",
    ),
    "kz_rep": ([("KZ", Role.PERMANENT_REPRESENTATIVE)], "permanent representative of Kazakhstan"),
    "kz_coord": (
        [("KZ", Role.NATIONAL_COORDINATOR)],
        "national coordinator of Kazakhstan: approves the reports kz_rep submits (four eyes)",
    ),
    "ru_rep": ([("RU", Role.PERMANENT_REPRESENTATIVE)], "permanent representative of Russia"),
    "by_rep": ([("BY", Role.PERMANENT_REPRESENTATIVE)], "permanent representative of Belarus"),
    "kg_rep": ([("KG", Role.PERMANENT_REPRESENTATIVE)], "permanent representative of Kyrgyzstan"),
    "tj_rep": ([("TJ", Role.PERMANENT_REPRESENTATIVE)], "permanent representative of Tajikistan"),
    "am_rep": (
        [("AM", Role.PERMANENT_REPRESENTATIVE)],
        "permanent representative of Armenia, whose participation is frozen",
    ),
    "staff": ([("joint-staff", Role.STAFF_OFFICER)], "Joint Staff officer"),
    "mp": (
        [("parliamentary-assembly", Role.MEMBER_OF_PARLIAMENT)],
        "member of the Parliamentary Assembly (Kazakhstan's delegation, Mazhilis)",
    ),
    "mp_by": (
        [("parliamentary-assembly", Role.MEMBER_OF_PARLIAMENT)],
        "member of the Parliamentary Assembly (Belarus's delegation, House of Representatives)",
    ),
}


def seed(*, password: str, actor: Actor = SYSTEM) -> list[str]:
    """Create the demo users with `password`; return the lines that present them."""
    for username, (affiliations, _story) in DEMO_USERS.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = services.create_user(actor=actor, username=username, password=password)
        elif not user.check_password(password):
            services.change_password(user, actor=actor, new_password=password)
        for organ, role in affiliations:
            state = MemberState.objects.filter(iso2=organ).first()
            body = None if state else Body.objects.get(code=organ)
            if not Affiliation.objects.filter(
                user=user, state=state, body=body, role=role
            ).exists():
                services.add_affiliation(user, actor=actor, role=role, state=state, body=body)
    return [f"Demo accounts (password: {password} — for the demo only):"] + [
        f"  {username:<12} {story}" for username, (_a, story) in DEMO_USERS.items()
    ]
