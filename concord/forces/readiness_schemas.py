"""API schemas of formations, units and readiness assessments."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from concord.core.api import StrictIn

Kind = Literal["military", "police", "security", "emergency", "peacekeeping", "aviation"]
PersonnelKind = Literal["military", "police", "civilian"]
Category = Literal["permanent", "high", "standard"]
Name = Field(min_length=1, max_length=200)


class FormationCapabilityOut(Schema):
    """One kind of unit in a formation: what is required, pledged and certified, and the gaps
    (what is required and missing: required minus pledged, required minus certified, never below
    zero; null where nothing is required of that kind)."""

    kind: str
    capability_ru: str
    capability_en: str
    required_units: int | None
    required_strength: int | None
    pledged_units: int
    pledged_strength: int
    certified_units: int
    certified_strength: int
    gap_pledged_units: int | None
    gap_pledged_strength: int | None
    gap_certified_units: int | None
    gap_certified_strength: int | None
    demo: bool


class FormationOut(Schema):
    code: str
    name_ru: str
    name_en: str
    short_ru: str
    short_en: str
    established_on: dt.date | None
    basis_ru: str
    basis_en: str
    headquarters_ru: str
    headquarters_en: str
    published_strength: int | None
    published_strength_source: str
    source: str
    states: list[str]
    capabilities: list[FormationCapabilityOut]


class PledgedUnitOut(Schema):
    id: int
    version: int
    name_ru: str
    name_en: str
    formation: str
    state: str
    kind: str
    personnel: str
    strength: int
    readiness: str
    home_base_ru: str
    home_base_en: str
    assigned_by_ru: str
    assigned_by_en: str
    certified_on: dt.date | None
    withdrawn_on: dt.date | None
    score: int | None
    previous_score: int | None
    trend: str
    assessed_on: dt.date | None
    demo: bool


class PledgedUnitIn(StrictIn):
    """A pledged unit as the Joint Staff records it: its formation by code, its state by ISO code."""

    name_ru: str = Name
    name_en: str = Name
    formation: str
    state: str
    kind: Kind
    personnel: PersonnelKind = "military"
    strength: int = Field(ge=1)
    readiness: Category
    home_base_ru: str = Field("", max_length=200)
    home_base_en: str = Field("", max_length=200)
    assigned_by_ru: str = Field("", max_length=300)
    assigned_by_en: str = Field("", max_length=300)
    withdrawn_on: dt.date | None = None
    demo: bool = False


class PledgedUnitChangeIn(StrictIn):
    """What changes; the rest stays. `version` is the unit's edit counter the change was made on
    (required: a change made on an older unit is refused, 409)."""

    version: int
    name_ru: str | None = Field(None, min_length=1, max_length=200)
    name_en: str | None = Field(None, min_length=1, max_length=200)
    formation: str | None = None
    state: str | None = None
    kind: Kind | None = None
    personnel: PersonnelKind | None = None
    strength: int | None = Field(None, ge=1)
    readiness: Category | None = None
    home_base_ru: str | None = Field(None, max_length=200)
    home_base_en: str | None = Field(None, max_length=200)
    assigned_by_ru: str | None = Field(None, max_length=300)
    assigned_by_en: str | None = Field(None, max_length=300)
    withdrawn_on: dt.date | None = None
    demo: bool | None = None


class UnitCertificationIn(StrictIn):
    on: dt.date
    version: int | None = None


class ReadinessAssessmentAnswerOut(Schema):
    criterion: int
    text_ru: str
    text_en: str
    evidence_expected_ru: str
    evidence_expected_en: str
    max_score: int
    weight: int
    score: int | None
    evidence: str


class ReadinessAssessmentOut(Schema):
    id: int
    version: int
    unit: int
    state: str
    questionnaire: str
    as_of: dt.date
    status: str
    score: int | None
    submitted_at: dt.datetime | None
    reviewed_at: dt.datetime | None
    review_note: str
    demo: bool
    answers: list[ReadinessAssessmentAnswerOut] | None = None


class ReadinessAssessmentOpenIn(StrictIn):
    unit: int
    as_of: dt.date


class ReadinessAssessmentAnswerIn(StrictIn):
    """A criterion by its number; no score (null) takes a saved answer back."""

    criterion: int
    score: int | None = None
    evidence: str = ""


class ReadinessAssessmentAnswersIn(StrictIn):
    version: int = Field(..., description="the assessment's edit counter the answers replace")
    answers: list[ReadinessAssessmentAnswerIn]


class ReadinessAssessmentStepIn(StrictIn):
    version: int | None = None
    note: str = Field("", max_length=4000)
