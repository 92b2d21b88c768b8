import datetime as dt
from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from concord.core.api import StrictIn

# The kinds people write (a depositary notification is the system's).
AuthoredKind = Literal[
    "draft_decision",
    "joint_statement",
    "declaration",
    "agreement",
    "protocol",
    "minutes",
    "report",
    "other",
]


class DocumentOut(Schema):
    id: int
    kind: str
    title_ru: str
    title_en: str
    marking: str
    owner_state: str | None = Field(None, alias="owner_state.iso2")
    owner_body: str | None = Field(None, alias="owner_body.code")
    body: str | None = Field(None, alias="body.code")
    authentic_language: str
    status: str
    language_state: str
    latest_version: int = Field(..., alias="latest_number")
    final_version: int | None = Field(None, alias="final_version.number")
    adopted_by: str | None = Field(None, alias="adopted_by.code", description="the adopting body")
    adopted_on: dt.date | None = None
    created_at: dt.datetime


class UnitIn(StrictIn):
    kind: Literal["title", "preamble", "article", "paragraph", "subparagraph", "annex"]
    text_ru: str = Field("", max_length=20_000)
    text_en: str = Field("", max_length=20_000)


class DocumentIn(StrictIn):
    kind: AuthoredKind
    marking: Literal["public", "official", "restricted"] = "official"
    body: str | None = Field(None, description="code of the body expected to adopt it")
    units: list[UnitIn] = Field(
        ..., min_length=1, max_length=5_000, description="the first must be the title"
    )


class ImportIn(StrictIn):
    """What the page's import form asks beside the file."""

    lang: Literal["ru", "en"] = Field("ru", description="the language the file is written in")
    kind: AuthoredKind
    marking: Literal["public", "official", "restricted"] = "official"
    body: str | None = Field(None, description="code of the body expected to adopt it")


class ImportedOut(Schema):
    document: DocumentOut
    problems: list[str] = Field(..., description="what of the file could not be read into the text")


class UnitOut(Schema):
    uid: str
    kind: str
    label_ru: str
    label_en: str
    reference_ru: str
    reference_en: str
    text_ru: str
    text_en: str


class VersionOut(Schema):
    model_config = ConfigDict(populate_by_name=True)  # rebuilt from its own dump in VersionTextOut
    number: int
    source: str
    note: str
    created_at: dt.datetime
    created_by: str = Field(..., alias="created_by.username")
    acting_for: str
    fingerprint: str
    amendment: int | None = Field(None, alias="amendment_id")


class VersionTextOut(VersionOut):
    final: bool
    units: list[UnitOut]


class ChangeIn(StrictIn):
    base_version: int = Field(..., ge=1, description="the version the change was made on")
    op: Literal["modify", "add", "delete", "move"]
    uid: str = Field("", max_length=20, description="the unit changed, deleted or moved")
    after_uid: str = Field("", max_length=20, description="for add and move: after which unit")
    kind: Literal["preamble", "article", "paragraph", "subparagraph", "annex"] = "paragraph"
    text_ru: str | None = Field(None, max_length=20_000)
    text_en: str | None = Field(None, max_length=20_000)


class EditIn(ChangeIn):
    note: str = Field("", max_length=500)


class AmendmentIn(ChangeIn):
    op: Literal["modify", "add", "delete"]
    justification_ru: str = Field("", max_length=5_000)
    justification_en: str = Field("", max_length=5_000)


class AmendmentOut(Schema):
    model_config = ConfigDict(populate_by_name=True)
    id: int
    version: int = Field(..., alias="version.number")
    op: str
    uid: str
    after_uid: str
    kind: str
    text_ru: str | None
    text_en: str | None
    justification_ru: str
    justification_en: str
    state: str = Field(..., alias="state.iso2")
    proposed_by: str = Field(..., alias="proposed_by.username")
    proposed_at: dt.datetime
    status: str
    reason: str
    result_version: int | None = Field(None, alias="result.number")
    supporters: list[str] = []
    conflicts_with: list[int] = []


class AmendmentDecisionIn(StrictIn):
    decision: Literal["accept", "merge", "reject"]
    base_version: int = Field(..., ge=1, description="the latest version the editor looked at")
    reason: str = Field("", max_length=5_000)
    text_ru: str | None = Field(None, max_length=20_000)
    text_en: str | None = Field(None, max_length=20_000)


class FinalIn(StrictIn):
    base_version: int = Field(..., ge=1)


class OpOut(Schema):
    tag: str
    old: str
    new: str


class ChangeOut(Schema):
    uid: str
    kind: str
    status: str
    moved: bool
    renumbered: bool
    old_label: str | None
    new_label: str | None
    diff_ru: list[OpOut]
    diff_en: list[OpOut]


class CompareOut(Schema):
    from_version: int
    to_version: int
    changes: list[ChangeOut]


class AttachmentOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    uploaded_at: dt.datetime
