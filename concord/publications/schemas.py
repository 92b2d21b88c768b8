from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from concord.core.api import StrictIn

from . import search as searching
from .states import Section


class PublicationOut(Schema):
    slug: str
    section: str
    title_ru: str
    title_en: str
    summary_ru: str
    summary_en: str
    publish_at: dt.datetime | None
    tags: list[str]
    url_ru: str
    url_en: str


class PublicationDetail(PublicationOut):
    body_ru: str
    body_en: str


class PublicationFilters(Schema):
    section: Section | None = None
    tag: str | None = None
    language: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class SearchFilters(Schema):
    q: str = ""
    kind: str | None = None
    section: str | None = None
    language: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    page: int = 1


class HitOut(Schema):
    kind: str
    title: str
    snippet: str
    url: str
    language: str
    date: dt.datetime
    score: float


class SearchOut(Schema):
    query: str
    total: int = Field(
        ..., description=f"matches the caller may see, counted up to {searching.COUNT_UP_TO:,}"
    )
    more: bool = Field(
        ..., description="there are more matches than `total`; the newest of them are ranked"
    )
    page: int
    pages: int
    message: str
    hits: list[HitOut]


# --- Editorial ----------------------------------------------------------------------------------


class EditorPublicationOut(Schema):
    """A publication as its editors see it, drafts included."""

    id: int
    slug: str
    section: str
    status: str = Field(..., description="draft, published or unpublished")
    live: bool = Field(..., description="published, and its time has come")
    publish_at: dt.datetime | None
    title_ru: str
    title_en: str
    summary_ru: str
    summary_en: str
    body_ru: str
    body_en: str
    tags: list[str]
    unpublished_note_ru: str
    unpublished_note_en: str
    source_kind: str = Field(..., description="made automatically from another module, or empty")
    version: int = Field(..., description="the edit counter to send back with a change")
    updated_at: dt.datetime

    @staticmethod
    def resolve_live(pub: Any) -> bool:
        return bool(pub.is_live())

    @staticmethod
    def resolve_tags(pub: Any) -> list[str]:
        return [tag.slug for tag in pub.tags.all()]


class PublicationIn(StrictIn):
    """The texts of a publication, all of them: what is left out is saved empty."""

    section: Section
    title_ru: str = Field("", max_length=300)
    title_en: str = Field("", max_length=300)
    summary_ru: str = ""
    summary_en: str = ""
    body_ru: str = Field("", description="HTML: paragraphs, lists, emphasis, links")
    body_en: str = ""
    tags: list[str] | None = Field(
        None, max_length=100, description="tag slugs; left out, the tags stay as they are"
    )


class PublicationEditIn(PublicationIn):
    version: int = Field(..., description="the edit counter the change was made on (required)")


class PublishIn(StrictIn):
    at: dt.datetime | None = Field(None, description="when it appears; left out, now")
    version: int | None = None

    @field_validator("at")
    @classmethod
    def before_2100(cls, at: dt.datetime | None) -> dt.datetime | None:
        if at is None:
            return None
        if at.year > 2100:
            raise PydanticCustomError("date_too_late", _("Choose a date before 2100."))
        # A time without its zone is the Secretariat's, as on the page.
        return timezone.make_aware(at) if timezone.is_naive(at) else at


class UnpublishIn(StrictIn):
    note_ru: str = Field("", max_length=300, description="why, shown at its address")
    note_en: str = Field("", max_length=300)
    version: int | None = None
