from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.audit.services import record
from conftest import PERSONAS
from tests.builders import TestVerb


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_secretariat_officers_browse_the_audit_log(client_as, persona):
    response = client_as(persona).get("/en/audit/")
    if persona in ("secretariat_officer", "secretariat_administrator"):
        assert response.status_code == 200
    elif persona == "public_visitor":
        assert response.status_code == 302
    else:
        assert response.status_code == 404


def test_the_audit_link_is_shown_only_to_those_who_may_follow_it(client_as):
    assert "/en/audit/" in client_as("secretariat_officer").get("/en/").content.decode()
    assert "/en/audit/" not in client_as("kazakh_representative").get("/en/").content.decode()


def test_filtering_by_action_and_actor(client_as, kazakh_representative):
    record(TestVerb.SPECIAL, actor=kazakh_representative, summary="needle")
    client = client_as("secretariat_officer")
    page = client.get("/en/audit/", {"verb": "test.special", "actor": "kz_rep"})
    entries = list(page.context["page"])
    assert [e.summary for e in entries] == ["needle"]
    assert (
        client.get("/en/audit/", {"verb": "test.special", "actor": "ru_rep"})
        .context["page"]
        .paginator.count
        == 0
    )


def test_a_bad_date_filter_is_reported_not_a_500(client_as):
    response = client_as("secretariat_officer").get("/en/audit/", {"since": "yesterday"})
    assert response.status_code == 200
    assert "since" in response.context["form"].errors


@pytest.mark.usefixtures("uncached_pages")
def test_audit_page_queries_do_not_grow_with_the_log(client_as, secretariat_officer):
    client = client_as("secretariat_officer")
    with CaptureQueriesContext(connection) as before:
        client.get("/en/audit/")
    for _ in range(60):
        record(TestVerb.BULK, actor=secretariat_officer)
    with CaptureQueriesContext(connection) as after:
        client.get("/en/audit/")
    assert len(after.captured_queries) == len(before.captured_queries)
