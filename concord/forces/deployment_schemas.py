"""Shapes of the deployments API: what comes out (a deployment with its steps, contingents, sites and
log) and what each step takes in. Times without an offset are read as UTC. Every text comes in
Russian (`_ru`, the working language, required where the step needs the text) and English (`_en`,
optional: the pages fall back to the Russian)."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from concord.core.api import StrictIn, Title


class DeploymentStepOut(Schema):
    at: dt.datetime
    kind: str
    what: str
    who: str
    detail: str
    date_only: bool
    demo: bool


class ContingentOut(Schema):
    id: int
    deployment: int
    state: str
    unit: int | None
    offered: int
    offered_at: dt.datetime
    accepted_at: dt.datetime | None
    strength: int | None
    equipment: int | None
    arrived_at: dt.datetime | None
    withdrawn_at: dt.datetime | None
    demo: bool
    version: int


class ProtectedSiteOut(Schema):
    id: int
    name_ru: str
    name_en: str
    contingent: int | None
    latitude: float | None
    longitude: float | None
    since: dt.datetime | None
    demo: bool


class DeploymentLogEntryOut(Schema):
    id: int
    kind: str
    at: dt.datetime
    text_ru: str
    text_en: str
    state: str | None
    demo: bool


class DeploymentOut(Schema):
    id: int
    title_ru: str
    title_en: str
    host: str
    status: str
    marking: str
    requested_at: dt.datetime
    letter_reference_ru: str
    letter_reference_en: str
    request_text_ru: str
    request_text_en: str
    consultation: int | None
    decided_at: dt.datetime | None
    decision_reference_ru: str
    decision_reference_en: str
    legal_basis_ru: str
    legal_basis_en: str
    tasks_ru: str
    tasks_en: str
    area_ru: str
    area_en: str
    duration_ru: str
    duration_en: str
    lead_state: str | None
    commander_ru: str
    commander_en: str
    deployed_at: dt.datetime | None
    completion_decided_at: dt.datetime | None
    completion_reference_ru: str
    completion_reference_en: str
    withdrawn_at: dt.datetime | None
    reported_at: dt.datetime | None
    report_reference_ru: str
    report_reference_en: str
    un_informed_on: dt.date | None
    personnel: int
    equipment: int
    contingents: int
    sites: int
    demo: bool
    version: int


class DeploymentDetailOut(DeploymentOut):
    steps: list[DeploymentStepOut]
    contingent_rows: list[ContingentOut]
    site_rows: list[ProtectedSiteOut]
    log: list[DeploymentLogEntryOut]


class DeploymentRequestIn(StrictIn):
    host: str = Field(description="ISO 3166-1 alpha-2 code of the requesting member state")
    requested_at: dt.datetime
    letter_reference_ru: Title
    letter_reference_en: str = Field("", max_length=200)
    request_text_ru: str = ""
    request_text_en: str = ""
    formation: str | None = Field(None, description="code of the formation, if named")


class Versioned(StrictIn):
    version: int | None = Field(None, description="the edit counter the change was drawn from")


class DeploymentDecisionIn(Versioned):
    decided_at: dt.datetime
    decision_reference_ru: Title
    decision_reference_en: str = Field("", max_length=300)
    legal_basis_ru: Title
    legal_basis_en: str = Field("", max_length=300)
    tasks_ru: str = ""
    tasks_en: str = ""
    area_ru: str = Field("", max_length=300)
    area_en: str = Field("", max_length=300)
    duration_ru: str = Field("", max_length=200)
    duration_en: str = Field("", max_length=200)


class DeploymentRefusalIn(Versioned):
    decided_at: dt.datetime
    decision_reference_ru: str = Field("", max_length=300)
    decision_reference_en: str = Field("", max_length=300)


class DeploymentCommandIn(Versioned):
    lead_state: str = Field(description="ISO2 of a state that offered a contingent")
    commander_ru: str = Field("", max_length=200)
    commander_en: str = Field("", max_length=200)


class ContingentOfferIn(StrictIn):
    state: str = Field(description="ISO2 of the offering state (the caller's)")
    offered: int = Field(ge=1)
    offered_at: dt.datetime
    unit: int | None = None


class ContingentAcceptanceIn(Versioned):
    accepted_at: dt.datetime
    strength: int = Field(ge=1)
    equipment: int | None = Field(None, ge=0)


class ContingentArrivalIn(Versioned):
    arrived_at: dt.datetime


class ContingentWithdrawalIn(Versioned):
    withdrawn_at: dt.datetime


class ProtectedSiteIn(StrictIn):
    name_ru: str = Field("", max_length=200)
    name_en: str = Field("", max_length=200)
    since: dt.datetime
    contingent: int | None = None
    latitude: float | None = None
    longitude: float | None = None


class DeploymentLogIn(StrictIn):
    kind: str
    at: dt.datetime
    text_ru: str = ""
    text_en: str = ""


class UnInformedIn(Versioned):
    on: dt.date


class DeploymentCompletionIn(Versioned):
    decided_at: dt.datetime
    decision_reference_ru: Title
    decision_reference_en: str = Field("", max_length=300)


class DeploymentReportIn(Versioned):
    reported_at: dt.datetime
    report_reference_ru: str = Field("", max_length=300)
    report_reference_en: str = Field("", max_length=300)
