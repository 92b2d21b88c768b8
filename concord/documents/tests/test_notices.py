"""Depositary notifications are documents the system generates, not texts under negotiation: they have
a kind of their own, and the lists of texts leave them out unless asked for by kind."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.utils import translation

from concord.agreements import services as agreements
from concord.agreements.models import TreatyAction
from concord.documents.models import Document
from concord.organization.models import MemberState
from tests.builders import a_draft

migration = importlib.import_module(
    "concord.documents.migrations.0005_depositary_notices_as_notices"
)


@pytest.fixture
def notice(secretariat_officer) -> Document:
    """The notification of Kazakhstan's signature of a new protocol."""
    protocol = agreements.create_agreement(
        actor=secretariat_officer,
        kind="protocol",
        title_ru="Протокол о квазиграмматике",
        title_en="Quasigrammar Protocol",
        rule={"threshold": {"count": 3}, "later": {"delay": {"days": 0}}},
        signed_on=dt.date(2024, 1, 10),
    )
    action = agreements.record_action(
        protocol,
        actor=secretariat_officer,
        state=MemberState.objects.get(iso2="KZ"),
        type="signature",
        date=dt.date(2024, 1, 10),
    )
    assert action.notice is not None
    return action.notice


@pytest.fixture
def text(secretariat_officer) -> Document:
    return a_draft(
        secretariat_officer,
        units=[("title", "Заявление о квазиграмматике", "Statement on quasigrammar")],
    )


def test_the_depositary_writes_a_notice(notice):
    with translation.override("en"):
        assert notice.kind == "notice" and notice.get_kind_display() == "Depositary notification"
    assert notice.title_en == "Depositary notification: Quasigrammar Protocol"


def test_every_notice_of_the_demo_has_the_kind(db):
    notices = {a.notice_id for a in TreatyAction.objects.exclude(notice=None)}
    assert notices and set(Document.objects.filter(kind="notice").values_list("pk", flat=True)) == (
        notices
    )


def test_the_dashboard_card_shows_texts_not_notices(client_as, notice, text):
    card = client_as("kazakh_representative").get("/en/").content.decode()
    assert "Statement on quasigrammar" in card
    assert "Depositary notification" not in card


def test_the_list_leaves_notices_out_unless_asked_for_them(client_as, notice, text):
    client = client_as("kazakh_representative")
    listed = client.get("/en/documents/").content.decode()
    assert "Statement on quasigrammar" in listed and "Quasigrammar Protocol" not in listed
    notices = client.get("/en/documents/", {"kind": "notice"}).content.decode()
    assert "Depositary notification: Quasigrammar Protocol" in notices
    assert "Statement on quasigrammar" not in notices
    api = lambda **query: {  # noqa: E731
        d["id"]
        for d in client.get("/api/v1/documents", {"page_size": 500, **query}).json()["items"]
    }
    assert text.pk in api() and notice.pk not in api()
    assert notice.pk in api(kind="notice") and text.pk not in api(kind="notice")


def test_the_migration_gives_earlier_notices_their_kind_and_takes_it_back(
    secretariat_officer, text
):
    earlier = a_draft(
        secretariat_officer,
        kind="other",
        marking="public",
        units=[
            ("title", "Уведомление депозитария: Устав", "Depositary notification: Charter"),
            ("paragraph", "Казахстан подписал.", "Kazakhstan signed."),
        ],
    )
    other = a_draft(secretariat_officer, kind="other", units=[("title", "Записка", "Note")])
    migration.to_notice(apps, None)
    kinds = lambda: {  # noqa: E731
        d.pk: d.kind for d in Document.objects.filter(pk__in=[earlier.pk, other.pk, text.pk])
    }
    assert kinds() == {earlier.pk: "notice", other.pk: "other", text.pk: "joint_statement"}
    migration.to_other(apps, None)
    assert kinds() == {earlier.pk: "other", other.pk: "other", text.pk: "joint_statement"}
