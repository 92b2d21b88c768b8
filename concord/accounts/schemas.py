from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from concord.core.api import StrictIn


class AffiliationOut(Schema):
    id: int
    state: str | None = Field(None, alias="state.iso2")
    body: str | None = Field(None, alias="body.code")
    role: str
    label: str = Field(..., alias="label_en")


class MeOut(Schema):
    username: str
    first_name: str
    last_name: str
    acting_for: AffiliationOut | None
    affiliations: list[AffiliationOut]


class SwitchIn(StrictIn):
    affiliation: int


class TokenIn(StrictIn):
    name: str = Field(..., min_length=1, max_length=100)


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


class NewTokenOut(TokenOut):
    token: str = Field(..., description="Shown only in this answer; keep it safe.")


class MailSettingsIn(StrictIn):
    mode: str = Field(
        ..., description="immediate: each notification mailed at once; daily: one digest a day"
    )
    language: str = Field(..., description="language of the e-mails: ru or en")


class MailSettingsOut(Schema):
    mode: str = Field(..., alias="mail_mode")
    language: str
