from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from concord.core.api import StrictIn, Text, Title

from .states import ReportPeriod


class EventOut(Schema):
    source: str
    source_id: str
    date_start: dt.date
    date_end: dt.date
    country: str
    country_name: str
    adm_1: str
    adm_2: str
    latitude: float | None
    longitude: float | None
    violence: int | None
    conflict: str
    dyad: str
    side_a: str
    side_b: str
    best: int
    low: int
    high: int
    civilians: int


class EventFilters(Schema):
    region: str | None = None
    country: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    violence: int | None = None
    actor: str | None = None


class EventPageIn(Schema):
    """Which page: the `next` of the page before (none for the first), and its size."""

    cursor: str | None = Field(None, max_length=40)
    page_size: int = Field(100, ge=1, le=500)


class EventPageOut(Schema):
    """A page of events, newest first (by date, then id); `next` is the cursor of the following
    page, null on the last. No total: counting the selection is `/events/coverage`'s and the
    picture's business, not every page's."""

    items: list[EventOut]
    next: str | None


class RegionOut(Schema):
    code: str
    name_ru: str
    name_en: str
    countries: list[str]
    provinces: list[str]
    version: int


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class RegionFields(StrictIn):
    """A region's names and area, as created or edited."""

    name_ru: Name
    name_en: Name
    countries: list[str] = Field(
        [], max_length=300, description='ISO 3166-1 alpha-3 codes, e.g. ["AFG", "TJK"]'
    )
    provinces: list[str] = Field(
        [],
        max_length=1000,
        description='single provinces as "ISO3/name as the data spells it", e.g. "RUS/Belgorod"',
    )

    @field_validator("countries")
    @classmethod
    def codes_in_capitals(cls, countries: list[str]) -> list[str]:
        return list(dict.fromkeys(c.strip().upper() for c in countries if c.strip()))

    @field_validator("provinces")
    @classmethod
    def provinces_once(cls, provinces: list[str]) -> list[str]:
        return list(dict.fromkeys(p.strip() for p in provinces if p.strip()))


class RegionEditIn(RegionFields):
    """All of an existing region's names and area, replaced on the edit counter they were read on
    (required: a change made on an older region is refused, 409)."""

    version: int = Field(..., description="the region's edit counter the change was made on")


class RegionIn(RegionFields):
    """A new region: its code, names and area (no edit counter yet)."""

    code: str = Field(..., max_length=40, pattern=r"^[-a-zA-Z0-9_]+$")


class AlertOut(Schema):
    id: int
    level: str
    country: str
    area: str
    period: str
    rule: str = Field(
        description="which rule fired: onset (new conflict area), rise, sustained, or surprise "
        "(alerts of the earlier detector)"
    )
    score: float
    events: int
    deaths: int
    baseline_events: float
    baseline_deaths: float
    explanation_ru: str
    explanation_en: str
    status: str
    consultation: int | None


class AlertDecisionIn(StrictIn):
    decision: str
    note: str = ""
    version: int | None = None


class SituationReportOut(Schema):
    id: int
    region: str
    period: str
    starts_on: dt.date
    ends_on: dt.date
    title_ru: str
    title_en: str
    body_ru: str
    body_en: str
    status: str
    figures: dict[str, Any]
    version: int


class NewSituationReportIn(StrictIn):
    """The system drafts the report of the week (seven days) or the month ending on `end`."""

    region: str = Field(..., description="the region's code")
    period: ReportPeriod
    end: dt.date

    @field_validator("end")
    @classmethod
    def within_the_data(cls, end: dt.date) -> dt.date:
        if end.year < 1989 or end > dt.date.today() + dt.timedelta(days=366):
            raise PydanticCustomError(
                "date_out_of_range", _("Choose a date between 1989 and next year.")
            )
        return end


class SituationReportIn(StrictIn):
    title_ru: Title
    body_ru: Text
    title_en: Title
    body_en: Text
    version: int = Field(
        description="the edit counter the change was made on (required: 409 if stale)"
    )


class ReportStepIn(StrictIn):
    version: int | None = None


class CoverageSourceOut(Schema):
    source: str
    version: str
    period: str = Field(..., description="first…last month, YYYY-MM")
    note_ru: str
    note_en: str


class EventCoverageOut(Schema):
    """What the event data covers of a selection: `none` means no event data (an empty list of events
    or a zero count there is not zero); `partial`, some countries or months only."""

    state: str = Field(..., description="covered, partial or none")
    countries: dict[str, str] = Field(..., description="ISO3 → covered, partial or none")
    uncovered_months: list[str] = Field(..., description="months (YYYY-MM) no source covers")
    sources: list[CoverageSourceOut]
