from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from concord.core.api import StrictIn


class MemberStateOut(Schema):
    iso2: str
    iso3: str
    name_ru: str
    name_en: str
    member_since: dt.date
    membership: str
    membership_since: dt.date
    participation: str
    participation_since: dt.date | None
    participation_note_ru: str
    participation_note_en: str


class BodyOut(Schema):
    code: str
    name_ru: str
    name_en: str
    short_ru: str
    short_en: str
    kind: str
    tier: int | None
    parent: str | None = Field(None, alias="parent.code")
    chaired_by_chair_state: bool
    is_secretariat: bool


class ChairmanshipOut(Schema):
    year: int
    state: str = Field(..., alias="state.iso2")
    proposed_state: str | None = Field(None, alias="proposed_state.iso2")
    departs_from_rotation: bool
    decided_on: dt.date | None
    decided_by: str
    theme_ru: str
    theme_en: str
    note_ru: str
    note_en: str


class ChairmanshipIn(StrictIn):
    year: int = Field(..., ge=1992, le=2100)
    state: str = Field(..., min_length=2, max_length=2, description="ISO alpha-2 code")
    decided_on: dt.date | None = None
    decided_by: str = Field("", max_length=300)
    theme_ru: str = Field("", max_length=300)
    theme_en: str = Field("", max_length=300)
    note_ru: str = ""
    note_en: str = ""


class SecretaryGeneralOut(Schema):
    person_ru: str
    person_en: str
    state: str = Field(..., alias="state.iso2")
    starts_on: dt.date
    ends_on: dt.date
    acting: bool
