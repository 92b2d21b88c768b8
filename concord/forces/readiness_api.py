"""Formations, units and readiness assessments in the API: what the pages show and do, through the same
selectors and services (the same checks: 404 for a unit or an assessment the caller may not see in
detail, 403 for one they see but may not act on)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from concord.core.actions import require
from concord.core.actors import actor_of
from concord.core.api import ErrorOut
from concord.core.errors import DomainError
from concord.organization.models import MemberState

from . import permissions, readiness, services
from . import readiness_selectors as selectors
from .codes import Code
from .models import Assessment, Formation, Unit
from .readiness_rules import trend
from .readiness_schemas import (
    FormationOut,
    PledgedUnitChangeIn,
    PledgedUnitIn,
    PledgedUnitOut,
    ReadinessAssessmentAnswersIn,
    ReadinessAssessmentOpenIn,
    ReadinessAssessmentOut,
    ReadinessAssessmentStepIn,
    UnitCertificationIn,
)
from .selectors import Line, Overview, overview, overviews

router = Router(tags=["forces"])
EDITING = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
T = TypeVar("T")


class PledgedUnitFilters(Schema):
    formation: str = ""
    state: str = ""
    kind: str = ""
    category: str = ""


def _sees_forces(request: HttpRequest) -> None:
    require(
        permissions.sees_forces(request.user),
        _("Formations and readiness are for the member states' delegations and the organs."),
    )


def _formation_out(overview: Overview) -> dict[str, Any]:
    f = overview.formation
    return {
        **{
            name: getattr(f, name)
            for name in (
                "code",
                "name_ru",
                "name_en",
                "short_ru",
                "short_en",
                "established_on",
                "basis_ru",
                "basis_en",
                "headquarters_ru",
                "headquarters_en",
                "published_strength",
                "published_strength_source",
                "source",
            )
        },
        "states": [s.iso2 for s in f.states.all()],
        "capabilities": [_capability_out(line) for line in overview.lines],
    }


def _capability_out(line: Line) -> dict[str, Any]:
    required = line.requirement
    return {
        "kind": line.kind,
        "capability_ru": required.capability_ru if required else "",
        "capability_en": required.capability_en if required else "",
        "required_units": required.units if required else None,
        "required_strength": required.strength if required else None,
        "pledged_units": line.pledged_units,
        "pledged_strength": line.pledged_strength,
        "certified_units": line.certified_units,
        "certified_strength": line.certified_strength,
        "gap_pledged_units": line.gap_pledged_units,
        "gap_pledged_strength": line.gap_pledged,
        "gap_certified_units": line.gap_certified_units,
        "gap_certified_strength": line.gap_certified,
        "demo": bool(required and required.demo),
    }


@router.get("/formations", response={200: list[FormationOut], 403: ErrorOut})
def list_formations(request: HttpRequest) -> Any:
    """Every formation with its published strength, participating states, requirements, what is
    pledged and certified per kind of unit and the capability gaps. Every insider."""
    _sees_forces(request)
    return [_formation_out(o) for o in overviews(request.user)]


@router.get("/formations/{code}", response={200: FormationOut, 403: ErrorOut, 404: ErrorOut})
def get_formation(request: HttpRequest, code: str) -> Any:
    _sees_forces(request)
    return _formation_out(overview(request.user, code))


def _unit_out(unit: Unit) -> dict[str, Any]:
    return {
        **{
            name: getattr(unit, name)
            for name in (
                "version",
                "name_ru",
                "name_en",
                "kind",
                "personnel",
                "strength",
                "readiness",
                "home_base_ru",
                "home_base_en",
                "assigned_by_ru",
                "assigned_by_en",
                "certified_on",
                "withdrawn_on",
                "score",
                "previous_score",
                "assessed_on",
                "demo",
            )
        },
        "id": unit.pk,
        "formation": unit.formation.code,
        "state": unit.state.iso2,
        "trend": trend(unit.score, unit.previous_score).value,
    }


@router.get("/units", response=list[PledgedUnitOut])
def list_units(request: HttpRequest, filters: Query[PledgedUnitFilters]) -> Any:
    """The units the caller sees in detail (the Joint Staff all, a state's delegation its own; no
    one else any): one query."""
    chosen = selectors.Filters(**filters.model_dump())
    return [_unit_out(u) for u in selectors.units(request.user, chosen)]


@router.get("/units/{pk}", response={200: PledgedUnitOut, 404: ErrorOut})
def get_unit(request: HttpRequest, pk: int) -> Any:
    return _unit_out(selectors.unit(request.user, pk))


def _references(fields: dict[str, Any]) -> dict[str, Any]:
    """The formation's code and the state's ISO code as the records they name; 400 on the field
    for one that does not exist."""
    if fields.get("formation") is not None:
        formation = Formation.objects.filter(code=fields["formation"]).first()
        if formation is None:
            raise DomainError(Code.INVALID, _("There is no such formation."), field="formation")
        fields["formation"] = formation
    if fields.get("state") is not None:
        state = MemberState.objects.filter(iso2=str(fields["state"]).upper()).first()
        if state is None:
            raise DomainError(Code.INVALID, _("There is no such member state."), field="state")
        fields["state"] = state
    return fields


def _checked(call: Callable[[], T]) -> T:
    """The model's own checks (full_clean in the service) as a 400 on the first field named."""
    try:
        return call()
    except ValidationError as error:
        name, problems = next(iter(error.message_dict.items()))
        raise DomainError(
            Code.INVALID, " ".join(problems), field=None if name == "__all__" else name
        ) from error


@router.post("/units", response={200: PledgedUnitOut, **EDITING})
def pledge_unit(request: HttpRequest, payload: PledgedUnitIn) -> Any:
    """Record a unit a state pledges to a formation (the Joint Staff); 400 on `formation` if the
    state does not take part in it."""
    require(permissions.keeps_register(request.user), services.REGISTER_ONLY)
    fields = _references(payload.model_dump())
    unit = _checked(lambda: services.pledge_unit(actor=actor_of(request), **fields))
    return _unit_out(selectors.unit(request.user, unit.pk))


@router.patch("/units/{pk}", response={200: PledgedUnitOut, **EDITING})
def change_unit(request: HttpRequest, pk: int, payload: PledgedUnitChangeIn) -> Any:
    """Change the fields sent (the Joint Staff); `version` as read, or 409."""
    unit = selectors.unit(request.user, pk)
    fields = _references(payload.model_dump(exclude_unset=True, exclude={"version"}))
    _checked(
        lambda: services.change_unit(
            unit, actor=actor_of(request), version=payload.version, **fields
        )
    )
    return _unit_out(selectors.unit(request.user, pk))


@router.post("/units/{pk}/certification", response={200: PledgedUnitOut, **EDITING})
def certify_unit(request: HttpRequest, pk: int, payload: UnitCertificationIn) -> Any:
    unit = selectors.unit(request.user, pk)
    services.certify_unit(unit, actor=actor_of(request), on=payload.on, version=payload.version)
    return _unit_out(selectors.unit(request.user, pk))


def _assessment_out(a: Assessment, *, answers: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        **{
            name: getattr(a, name)
            for name in (
                "version",
                "as_of",
                "status",
                "score",
                "submitted_at",
                "reviewed_at",
                "review_note",
                "demo",
            )
        },
        "id": a.pk,
        "unit": a.unit_id,
        "state": a.unit.state.iso2,
        "questionnaire": a.questionnaire.name,
    }
    if answers:
        out["answers"] = [
            {
                "criterion": c.number,
                "text_ru": c.text_ru,
                "text_en": c.text_en,
                "evidence_expected_ru": c.evidence_ru,
                "evidence_expected_en": c.evidence_en,
                "max_score": c.max_score,
                "weight": c.weight,
                "score": answer.score if answer else None,
                "evidence": answer.evidence if answer else "",
            }
            for c, answer in selectors.sheet(a)
        ]
    return out


@router.get("/assessments", response=list[ReadinessAssessmentOut])
def list_assessments(request: HttpRequest, unit: int | None = None, status: str = "") -> Any:
    """The assessments of the units the caller sees in detail, newest first (without answers)."""
    return [
        _assessment_out(a) for a in selectors.assessments(request.user, unit_id=unit, status=status)
    ]


@router.post("/assessments", response={200: ReadinessAssessmentOut, **EDITING})
def open_assessment(request: HttpRequest, payload: ReadinessAssessmentOpenIn) -> Any:
    """A new draft for a unit of the caller's state, on the questionnaire in use for its kind."""
    unit = selectors.unit(request.user, payload.unit)
    opened = readiness.open_assessment(unit, actor=actor_of(request), as_of=payload.as_of)
    return _assessment_out(selectors.assessment(request.user, opened.pk), answers=True)


@router.get("/assessments/{pk}", response={200: ReadinessAssessmentOut, 404: ErrorOut})
def get_assessment(request: HttpRequest, pk: int) -> Any:
    return _assessment_out(selectors.assessment(request.user, pk), answers=True)


@router.put("/assessments/{pk}/answers", response={200: ReadinessAssessmentOut, **EDITING})
def save_answers(request: HttpRequest, pk: int, payload: ReadinessAssessmentAnswersIn) -> Any:
    """Scores and evidence of the criteria sent; a score out of range is a 400 naming the criterion
    (`criterion-<number>`)."""
    assessment = selectors.assessment(request.user, pk)
    readiness.save_answers(
        assessment,
        [readiness.AnswerInput(a.criterion, a.score, a.evidence.strip()) for a in payload.answers],
        actor=actor_of(request),
        version=payload.version,
    )
    return _assessment_out(selectors.assessment(request.user, pk), answers=True)


def _step(request: HttpRequest, pk: int, step: str, payload: ReadinessAssessmentStepIn) -> Any:
    assessment = selectors.assessment(request.user, pk)
    readiness.take_step(
        assessment, step, actor=actor_of(request), version=payload.version, note=payload.note
    )
    return _assessment_out(selectors.assessment(request.user, pk), answers=True)


@router.post("/assessments/{pk}/submit", response={200: ReadinessAssessmentOut, **EDITING})
def submit_assessment(request: HttpRequest, pk: int, payload: ReadinessAssessmentStepIn) -> Any:
    """To the Joint Staff (who speaks for the unit's state); every criterion must be answered."""
    return _step(request, pk, "submit", payload)


@router.post("/assessments/{pk}/return", response={200: ReadinessAssessmentOut, **EDITING})
def return_assessment(request: HttpRequest, pk: int, payload: ReadinessAssessmentStepIn) -> Any:
    """Back to the state with a note saying what is missing (the Joint Staff)."""
    return _step(request, pk, "return", payload)


@router.post("/assessments/{pk}/review", response={200: ReadinessAssessmentOut, **EDITING})
def review_assessment(request: HttpRequest, pk: int, payload: ReadinessAssessmentStepIn) -> Any:
    """Accepted (the Joint Staff): final; the unit's score follows it."""
    return _step(request, pk, "review", payload)
