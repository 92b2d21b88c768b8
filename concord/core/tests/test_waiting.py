"""The landing page opens on what waits for the signed-in user (issue 21): each persona sees the
items that ask for their action, soonest deadline first, and never another state's."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import RequestFactory, override_settings
from django.utils import translation
from django.utils.module_loading import import_string
from hypothesis import given
from hypothesis import strategies as st

from concord.accounts.models import User
from concord.core.waiting import Waiting, in_order, waiting_for
from concord.operations.models import NationalReport
from concord.organization.models import MemberState

PROVIDERS = {
    "consultations": "concord.consultations.waiting.waiting",
    "documents": "concord.documents.waiting.waiting",
    "operations": "concord.operations.waiting.waiting",
    "monitoring": "concord.monitoring.waiting.waiting",
    "parliament": "concord.parliament.waiting.waiting",
    "programmes": "concord.programmes.waiting.waiting",
    "relations": "concord.relations.waiting.waiting",
}


def _request(user: User | None):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return request


def _items(user: User, module: str | None = None) -> list[Waiting]:
    with translation.override("en"):
        if module:
            return import_string(PROVIDERS[module])(_request(user))
        return waiting_for(_request(user))


def _ids(items: list[Waiting], pattern: str) -> list[int]:
    return [int(m.group(1)) for w in items if (m := re.search(pattern, w.url))]


# --- Order -------------------------------------------------------------------------------------

day = st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))


@given(st.lists(st.tuples(day, st.text(max_size=5)), max_size=20))
def test_soonest_deadline_first_and_undated_last(rows):
    items = in_order([Waiting(title=t, url="/", kind="k", module="m", deadline=d) for d, t in rows])
    dated = [w.deadline for w in items if w.deadline is not None]
    assert dated == sorted(dated)
    assert all(w.deadline is None for w in items[len(dated) :])


def latest_first(request) -> list[Waiting]:
    """A provider that lists more than the page keeps, the latest deadline first."""
    start = dt.date(2026, 12, 1)
    return [
        Waiting(f"item {n}", f"/x/{n}/", "Task", "Tests", start + dt.timedelta(days=n))
        for n in range(14, -1, -1)
    ]


@override_settings(CONCORD_WAITING=[f"{__name__}.latest_first"])
def test_a_long_provider_keeps_its_soonest_items(kazakh_representative):
    kept = waiting_for(_request(kazakh_representative))
    assert [w.title for w in kept] == [f"item {n}" for n in range(10)]


def test_overdue_is_a_deadline_before_today():
    today = dt.date(2026, 12, 5)
    assert Waiting("t", "/", "k", "m", dt.date(2026, 12, 4)).overdue(today)
    assert not Waiting("t", "/", "k", "m", today).overdue(today)
    assert not Waiting("t", "/", "k", "m", None).overdue(today)


# --- Per persona -------------------------------------------------------------------------------


def test_kazakh_representative_sees_positions_awaited_from_kazakhstan(kazakh_representative):
    items = _items(kazakh_representative)
    assert any(w.kind == "Position awaited from your state" for w in items)
    assert not any(w.module == "Monitoring" for w in items)  # alerts are the analysts'


def test_kazakh_coordinator_sees_kazakh_reports_to_approve(kazakh_coordinator):
    items = _items(kazakh_coordinator, "operations")
    assert any(w.kind == "Report to approve" for w in items)
    kz = MemberState.objects.get(iso2="KZ")
    reports = NationalReport.objects.filter(pk__in=_ids(items, r"/reports/(\d+)/"))
    assert reports and {r.state_id for r in reports} == {kz.pk}


def test_a_delegation_never_sees_another_states_reports(russian_representative):
    ru = MemberState.objects.get(iso2="RU")
    items = _items(russian_representative, "operations")
    ids = _ids(items, r"/reports/(\d+)/")
    assert not NationalReport.objects.filter(pk__in=ids).exclude(state=ru).exists()


def test_analyst_sees_new_alerts(analyst):
    items = _items(analyst, "monitoring")
    assert items and all(w.kind == "New alert to assess" for w in items)


@pytest.mark.parametrize(
    "persona", ["kazakh_representative", "kazakh_coordinator", "secretariat_officer", "mp"]
)
def test_alerts_wait_only_for_analysts(persona, request, db):  # db: ordered before flushing tests
    user = request.getfixturevalue("member_of_parliament" if persona == "mp" else persona)
    assert _items(user, "monitoring") == []


def test_member_of_parliament_sees_the_ratification_of_kazakhstan(member_of_parliament):
    items = _items(member_of_parliament, "parliament")
    assert items and all(w.kind == "Ratification awaited from Kazakhstan" for w in items)


def test_belarusian_member_of_parliament_never_sees_kazakhstans_steps(
    belarusian_member_of_parliament,
):
    items = _items(belarusian_member_of_parliament)
    assert not any("Kazakhstan" in w.kind for w in items)


def test_secretariat_sees_amendments_to_decide(secretariat_officer):
    items = _items(secretariat_officer)
    assert any(w.kind == "Amendments to decide" for w in items)
    assert not any(w.kind == "Position awaited from your state" for w in items)


def test_secretariat_sees_the_emergency_question_with_no_stage_open(secretariat_officer):
    """The demo's emergency request has a decision clock and no stage yet: opening one waits."""
    items = _items(secretariat_officer, "consultations")
    emergencies = [w for w in items if w.kind.startswith("Emergency question")]
    assert len(emergencies) == 1 and emergencies[0].deadline is not None


def test_delegations_do_not_decide_amendments(kazakh_representative):
    assert _items(kazakh_representative, "documents") == []


def test_a_visitor_has_nothing_waiting():
    assert waiting_for(_request(None)) == []


# --- Queries: each provider a constant number ------------------------------------------------

QUERIES = [
    ("kazakh_representative", "consultations", 2),
    ("secretariat_officer", "consultations", 2),
    ("secretariat_officer", "documents", 1),
    ("kazakh_coordinator", "operations", 2),
    ("secretariat_officer", "operations", 1),
    ("analyst", "monitoring", 1),
    ("member_of_parliament", "parliament", 5),
    ("kazakh_representative", "programmes", 1),
    ("secretariat_officer", "programmes", 1),
    ("kazakh_representative", "relations", 1),
]


@pytest.mark.parametrize(("persona", "module", "queries"), QUERIES)
def test_each_provider_reads_in_a_constant_number_of_queries(
    persona, module, queries, request, db, django_assert_num_queries
):
    user = request.getfixturevalue(persona)
    user.viewer  # noqa: B018  the affiliation is read once per request by the middleware
    with django_assert_num_queries(queries):
        _items(user, module)


# --- The page ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("kazakh_representative", "Position awaited from your state"),
        ("kazakh_coordinator", "Report to approve"),
        ("analyst", "New alert to assess"),
        ("member_of_parliament", "Ratification awaited from Kazakhstan"),
        ("secretariat_officer", "Amendments to decide"),
    ],
)
def test_the_landing_page_opens_on_what_waits(persona, expected, client_as):
    page = client_as(persona).get("/en/").content.decode()
    assert "What waits for you" in page
    assert expected in page
    assert page.index("What waits for you") < page.index('data-testid="consultations-panel"')


def test_the_landing_page_in_russian(client_as):
    page = client_as("kazakh_representative").get("/ru/").content.decode()
    assert "Что ждёт вас" in page
    assert "Ожидается позиция вашего государства" in page


def _late(request):
    return [
        Waiting(
            "Late thing", "/en/x/", "Report to approve", "Joint operations", dt.date(2020, 1, 1)
        )
    ]


def test_overdue_items_are_marked_and_first(client_as):
    with override_settings(
        CONCORD_WAITING=["concord.core.tests.test_waiting._late", PROVIDERS["relations"]]
    ):
        page = client_as("kazakh_representative").get("/en/").content.decode()
    row = page[page.index("Late thing") - 600 : page.index("Late thing")]
    assert 'class="overdue"' in row and "overdue</span>" in row
    assert "1 January 2020" in row


def test_empty_state_says_nothing_waits(client, db):
    user = User.objects.create_user("nobody", password="x-password-123")
    client.force_login(user)
    page = client.get("/en/").content.decode()
    assert "Nothing waits for you." in page
