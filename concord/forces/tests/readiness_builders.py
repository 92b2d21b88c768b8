"""What the readiness tests make, with sensible defaults: a new unit of a state (without the demo's
assessments), an assessment opened and answered by that state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from concord.accounts.models import User
from concord.forces import readiness, services
from concord.forces.models import Assessment, Formation, Unit
from concord.forces.readiness import AnswerInput
from concord.organization.models import MemberState


def a_unit(
    iso2: str = "KZ", *, formation: str = "crrf", kind: str = "military", **extra: Any
) -> Unit:
    """A new unit of `iso2` pledged to `formation` by the Joint Staff, never assessed."""
    state = MemberState.objects.get(iso2=iso2)
    return services.pledge_unit(
        actor=User.objects.get(username="staff"),
        name_ru=f"Тестовое подразделение {iso2} {kind}",
        name_en=f"Test unit {iso2} {kind}",
        state=state,
        formation=Formation.objects.get(code=formation),
        kind=kind,
        strength=extra.pop("strength", 100),
        readiness=extra.pop("readiness", "high"),
        **extra,
    )


def rep(iso2: str) -> User:
    return User.objects.get(username=f"{iso2.lower()}_rep")


def full_marks(assessment: Assessment, fraction: float = 1.0) -> list[AnswerInput]:
    """An answer to every criterion: `fraction` of its highest score, rounded down."""
    return [
        AnswerInput(c.number, int(c.max_score * fraction), f"evidence {c.number}")
        for c in assessment.questionnaire.criteria.order_by("number")
    ]


def an_assessment(
    unit: Unit,
    *,
    as_of: dt.date = dt.date(2025, 6, 30),
    fraction: float | None = None,
    submitted: bool = False,
    reviewed: bool = False,
) -> Assessment:
    """Opened by the unit's state's representative; answered at `fraction` of every highest score
    if given; submitted and reviewed (by the Joint Staff) as asked."""
    actor = rep(unit.state.iso2)
    assessment = readiness.open_assessment(unit, actor=actor, as_of=as_of)
    if fraction is not None:
        assessment = readiness.save_answers(
            assessment, full_marks(assessment, fraction), actor=actor
        )
    if submitted or reviewed:
        assessment = readiness.submit_assessment(assessment, actor=actor)
    if reviewed:
        assessment = readiness.review_assessment(
            assessment, actor=User.objects.get(username="staff")
        )
    return assessment
