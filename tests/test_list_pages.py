"""Every list page costs the same number of queries whatever the amount of data behind it: each is
read once, the rows behind it are multiplied (tests/builders.py `multiply`), and it is read again."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.builders import multiply, multiply_agreements

TIMES = 3


def more(*labels: str) -> Callable[[], object]:
    def grow() -> None:
        for label in labels:
            multiply(apps.get_model(label), TIMES)

    return grow


def more_states() -> None:
    """States cannot be copied (their codes are two letters): six more, made up."""
    MemberState = apps.get_model("organization", "MemberState")
    template = MemberState.objects.order_by("pk").first()
    fields = {f.attname: getattr(template, f.attname) for f in MemberState._meta.concrete_fields}
    MemberState.objects.bulk_create(
        [MemberState(**{**fields, "id": None, "iso2": f"Q{c}", "iso3": f"QQ{c}"}) for c in "ABCDEF"]
    )


def more_search_entries() -> None:
    """The search index's entries and their texts (what the full-text index follows)."""
    SearchEntry = apps.get_model("publications", "SearchEntry")
    SearchText = apps.get_model("publications", "SearchText")
    before = set(SearchEntry.objects.values_list("pk", flat=True))
    multiply(SearchEntry, TIMES)
    texts = {t.entry_id: t for t in SearchText.objects.all()}
    originals = sorted(before)
    copies = SearchEntry.objects.exclude(pk__in=before).order_by("pk")
    made = []
    for i, copy in enumerate(copies):
        text = texts.get(originals[i % len(originals)])
        if text is not None:
            fields = {f.attname: getattr(text, f.attname) for f in SearchText._meta.concrete_fields}
            made.append(SearchText(**{**fields, "entry_id": copy.pk}))
    SearchText.objects.bulk_create(made)


# name: (persona, address, what grows)
PAGES: dict[str, tuple[str, str, Callable[[], object]]] = {
    "consultations": (
        "kazakh_representative",
        "/en/consultations/",
        more("consultations.Consultation"),
    ),
    "consultation inbox": (
        "kazakh_representative",
        "/en/consultations/inbox/",
        more("consultations.Stage"),
    ),
    "notifications": (
        "kazakh_representative",
        "/en/consultations/notifications/",
        more("consultations.Notification"),
    ),
    "sessions": (
        "secretariat_officer",
        "/en/consultations/sessions/",
        more("consultations.Session"),
    ),
    "documents": ("kazakh_representative", "/en/documents/", more("documents.Document")),
    "agreements": ("secretariat_officer", "/en/agreements/", lambda: multiply_agreements(TIMES)),
    "my state's agreements": (
        "kazakh_representative",
        "/en/agreements/mine/",
        lambda: multiply_agreements(TIMES),
    ),
    "operations": ("secretariat_officer", "/en/operations/", more("operations.Operation")),
    "alerts": ("analyst", "/en/monitoring/alerts/", more("monitoring.Alert")),
    "reports": ("analyst", "/en/monitoring/reports/", more("monitoring.SituationReport")),
    "programmes": ("secretariat_officer", "/en/programmes/", more("programmes.Programme")),
    "forces": ("staff_officer", "/en/forces/", more("forces.Formation")),
    "partners": ("secretariat_officer", "/en/relations/", more("relations.Partner")),
    "groups": ("secretariat_officer", "/en/relations/groups/", more("relations.WorkingGroup")),
    "meetings": ("secretariat_officer", "/en/relations/meetings/", more("relations.Meeting")),
    "calendar": (
        "secretariat_officer",
        "/en/relations/calendar/",
        more("relations.Meeting", "consultations.Session"),
    ),
    "parliament": ("member_of_parliament", "/en/parliament/", more("parliament.Session")),
    "model laws": (
        "member_of_parliament",
        "/en/parliament/model-laws/",
        more("parliament.Harmonisation"),
    ),
    "states": ("kazakh_representative", "/en/organization/states/", more_states),
    "bodies": ("kazakh_representative", "/en/organization/bodies/", more("organization.Body")),
    "chairmanships": (
        "kazakh_representative",
        "/en/organization/chairmanships/",
        more("organization.Chairmanship"),
    ),
    "audit log": ("secretariat_officer", "/en/audit/", more("audit.Entry")),
    "search": ("secretariat_officer", "/en/search/?q=security", more_search_entries),
    "editor list": ("secretariat_officer", "/en/publications/", more("publications.Publication")),
    "dashboard": (
        "kazakh_representative",
        "/en/",
        more("consultations.Stage", "documents.Document", "operations.NationalReport"),
    ),
}


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.usefixtures("uncached_pages")
def test_a_list_page_costs_the_same_queries_with_more_data(client_as, name):
    persona, url, grow = PAGES[name]
    client = client_as(persona)
    queries(client, url)  # anything read once per process (e.g. a cache filled) is read now
    before = queries(client, url)
    grow()
    assert queries(client, url) == before
