from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from concord.core.api import ErrorOut, StrictIn, Text, Title


class OperationOut(Schema):
    id: int
    code: str
    name_ru: str
    name_en: str
    purpose_ru: str
    purpose_en: str
    marking: str
    since: int | None
    states: list[str]


class OperationStageOut(Schema):
    id: int
    operation: int
    kind: str
    name_ru: str
    name_en: str
    starts_on: dt.date
    ends_on: dt.date
    host_state: str | None
    headquarters_ru: str
    headquarters_en: str
    states: list[str]
    results_public: bool


class FigureIO(StrictIn):
    agency: str = ""
    indicator: str
    item: str = ""
    value: str
    unit: str = ""


class FigureOut(FigureIO):
    id: int


class NationalReportOut(Schema):
    id: int
    stage: int
    state: str
    revision: int
    status: str
    version: int
    figures: list[FigureOut]


# Writes that replace a draft's figures carry the edit counter they were made on (required): a burst
# of uploads without it once kept one in twenty. Read it from `POST /stages/{pk}/reports/open`.
REPORT_VERSION = "the report's edit counter the change was made on; a newer report is refused (409)"


class ReportIn(StrictIn):
    state: str | None = None
    version: int = Field(..., description=REPORT_VERSION)
    submit: bool = False
    figures: list[FigureIO]


class FigureIn(FigureIO):
    """One line of a draft, added or changed (a line of the same agency, indicator and breakdown
    item is replaced)."""

    value: str = Field(..., max_length=40)
    version: int = Field(..., description=REPORT_VERSION)


class ProblemOut(Schema):
    row: int
    column: str
    value: str
    why: str


class RejectedOut(ErrorOut):
    problems: list[ProblemOut]


class ReportSaved(Schema):
    report: NationalReportOut
    imported: int
    warnings: list[ProblemOut]


class FigureSaved(Schema):
    report: NationalReportOut
    warnings: list[str]


class StepIn(StrictIn):
    version: int | None = None


class ResultOut(Schema):
    indicator: str
    name_ru: str
    name_en: str
    unit: str
    total: float
    by_state: dict[str, float]
    by_item: dict[str, float]


class PublicityIn(StrictIn):
    public: bool = Field(..., description="the stage's consolidated results go to the public site")


class PressReleaseIn(StrictIn):
    title_ru: Title
    body_ru: Text
    title_en: Title
    body_en: Text
    version: int | None = Field(
        None,
        description="the saved release's edit counter the change was made on: required once a "
        "release is saved (422 without it, 409 if older); none for the first save",
    )


class PressReleaseOut(Schema):
    title_ru: str
    body_ru: str
    title_en: str
    body_en: str
    saved: bool = Field(..., description="false: a draft from the results, not yet saved")
    version: int | None
