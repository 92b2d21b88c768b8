"""The training plan's API schemas: what goes out and what comes in."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from concord.core.api import StrictIn, Text, Title


class TrainingPlanOut(Schema):
    year: int
    status: str
    version: int
    adopted_on: dt.date | None
    adopted_by_ru: str
    adopted_by_en: str
    document: int | None
    consultation: int | None
    events: int
    exercises: int
    held: int
    planned: int
    postponed: int
    cancelled: int
    amendments: int
    demo: bool


class PlanAmendmentOut(Schema):
    id: int
    event: int | None
    basis: str
    decided_on: dt.date
    description: str
    changes: dict[str, Any]


class TrainingUnitOut(Schema):
    id: int
    name_ru: str
    name_en: str
    state: str


class TrainingEventOut(Schema):
    id: int
    year: int
    kind: str
    series: str | None
    name_ru: str
    name_en: str
    starts_on: dt.date
    ends_on: dt.date
    host: str | None
    area_ru: str
    area_en: str
    formation: str | None
    states: list[str]
    unit_count: int
    units: list[TrainingUnitOut] = Field(..., description="the units the caller may see")
    scenario_ru: str
    scenario_en: str
    status: str
    personnel: int | None
    version: int
    source: str
    demo: bool


class TrainingPlanDetailOut(TrainingPlanOut):
    training_events: list[TrainingEventOut]
    amendment_list: list[PlanAmendmentOut]


class LessonOut(Schema):
    id: int
    event: int
    year: int
    text: str
    action: str
    responsible: str | None
    due_on: dt.date | None
    overdue: bool
    status: str
    closed_on: dt.date | None
    closing_note: str
    version: int
    demo: bool


class AfterActionReportOut(Schema):
    event: int
    summary: str
    version: int
    demo: bool


class TrainingEventDetailOut(TrainingEventOut):
    after_action: AfterActionReportOut | None
    lessons: list[LessonOut]


class ExerciseOut(Schema):
    id: int
    year: int
    name_ru: str
    name_en: str
    starts_on: dt.date
    ends_on: dt.date
    host: str | None
    states: list[str]
    status: str
    personnel: int | None
    demo: bool


class ExerciseSeriesOut(Schema):
    code: str
    name_ru: str
    name_en: str
    purpose_ru: str
    purpose_en: str
    exercises: list[ExerciseOut]


class TrainingPlanIn(StrictIn):
    year: int


class TrainingPlanVersionIn(StrictIn):
    version: int | None = None


class TrainingAmendmentIn(StrictIn):
    """The decision that changes an adopted plan (required once the plan is adopted)."""

    basis: str = ""
    decided_on: dt.date | None = None
    description: str = ""
    version: int | None = None


class TrainingEventIn(TrainingAmendmentIn):
    kind: str
    series: str | None = Field(None, description="exercise series code")
    name_ru: Title
    name_en: Title
    starts_on: dt.date
    ends_on: dt.date
    host: str | None = Field(None, description="ISO 3166-1 alpha-2 code")
    area_ru: str = ""
    area_en: str = ""
    formation: str | None = Field(None, description="formation code")
    states: list[str] = Field(..., description="ISO 3166-1 alpha-2 codes")
    units: list[int] = []
    scenario_ru: str = ""
    scenario_en: str = ""
    source: str = ""
    demo: bool = False


class TrainingEventRemovalIn(TrainingAmendmentIn):
    version: int = Field(description="the event's edit counter (required: 409 if stale)")


class TrainingEventPatch(TrainingAmendmentIn):
    version: int = Field(description="the event's edit counter (required: 409 if stale)")
    kind: str | None = None
    series: str | None = None
    name_ru: Title | None = None
    name_en: Title | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    host: str | None = None
    area_ru: str | None = None
    area_en: str | None = None
    formation: str | None = None
    states: list[str] | None = None
    units: list[int] | None = None
    scenario_ru: str | None = None
    scenario_en: str | None = None
    source: str | None = None
    demo: bool | None = None


class TrainingEventStatusIn(StrictIn):
    status: str
    personnel: int | None = None
    version: int | None = None


class AfterActionReportIn(StrictIn):
    summary: Text
    version: int | None = Field(
        None,
        description="the saved report's edit counter the change was made on: required once a "
        "report is written (422 without it, 409 if older); none for the first save",
    )


class LessonIn(StrictIn):
    text: Text
    action: str = ""
    responsible: str | None = Field(None, description="ISO 3166-1 alpha-2 code")
    due_on: dt.date | None = None


class LessonClosureIn(StrictIn):
    closing_note: Text
    closed_on: dt.date | None = None
    version: int | None = None
