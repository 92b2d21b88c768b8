"""The deployment pages over the personas: who sees what, the forms of the next steps with their
errors beside the field, the crisis picture, and lists in a constant number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from concord.forces import deployments as services
from concord.forces.models import Deployment
from concord.forces.states import DeploymentStatus, LogKind

from .deployment_builders import a_decided, a_deployed, a_request, an_accepted_offer, at, user

pytestmark = pytest.mark.django_db


def _kazakhstan() -> Deployment:
    return Deployment.objects.get(
        title_en__startswith="Collective peacekeeping forces in Kazakhstan"
    )


def _unprefixed(url: str) -> str:
    """The URL without its language prefix ("/ru/forces/..." -> "/forces/...")."""
    return "/" + url.split("/", 2)[2]


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("secretariat_officer", 200),
        ("staff_officer", 200),
        ("analyst", 200),
        ("kazakh_representative", 200),  # the host state's delegation
        ("russian_representative", 403),  # sees the deployment, not the crisis picture
        ("member_of_parliament", 403),
    ],
)
def test_who_sees_the_crisis_picture(client_as, persona, status):
    response = client_as(persona).get(reverse("forces:crisis", args=[_kazakhstan().pk]))
    assert response.status_code == status


def test_a_visitor_is_sent_to_sign_in(client_as):
    response = client_as("public_visitor").get(reverse("forces:deployment-list"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_deployment_one_may_not_see_is_not_found(client_as):
    d = a_request("KZ")
    Deployment.objects.filter(pk=d.pk).update(marking="restricted")
    assert (
        client_as("russian_representative")
        .get(reverse("forces:deployment-detail", args=[d.pk]))
        .status_code
        == 404
    )
    assert (
        client_as("russian_representative").get(reverse("forces:crisis", args=[d.pk])).status_code
        == 404
    )
    assert (
        client_as("kazakh_representative")
        .get(reverse("forces:deployment-detail", args=[d.pk]))
        .status_code
        == 200
    )


def test_the_request_form_offers_only_the_states_one_speaks_for(client_as):
    page = client_as("kazakh_representative").get(reverse("forces:deployment-new")).content.decode()
    assert "Kazakhstan" in page or "Казахстан" in page
    assert ">Россия<" not in page and ">Russia<" not in page  # not offered as a host
    assert client_as("staff_officer").get(reverse("forces:deployment-new")).status_code == 403


def test_a_representative_records_a_request_which_opens_the_consultation(
    client_as, kazakh_representative
):
    host = kazakh_representative.viewer.state_id
    response = client_as("kazakh_representative").post(
        reverse("forces:deployment-new"),
        {
            "host": host,
            "requested_at": "2025-04-01T10:00",
            "letter_reference_ru": "Письмо 7",
            "letter_reference_en": "Letter 7",
            "request_text_ru": "Помощь",
            "request_text_en": "Help",
        },
    )
    d = Deployment.objects.get(letter_reference_ru="Письмо 7")
    assert response.status_code == 302 and response["Location"].endswith(f"/deployments/{d.pk}/")
    assert d.consultation is not None and d.consultation.emergency
    assert d.requested_at.hour == 10 - 5  # entered in Almaty time (UTC+5 since 2024)
    assert (d.letter_reference_en, d.request_text_ru, d.request_text_en) == (
        "Letter 7",
        "Помощь",
        "Help",
    )


def test_a_request_without_its_russian_letter_names_the_russian_field(client_as):
    page = client_as("kazakh_representative").get("/en/forces/deployments/new/").content.decode()
    assert "Letter (Russian)" in page and "Letter (English)" in page
    response = client_as("kazakh_representative").post(
        reverse("forces:deployment-new"),
        {"host": "", "requested_at": "2025-04-01T10:00", "letter_reference_en": "Letter 8"},
    )
    assert response.status_code == 200
    assert 'data-testid="error-letter_reference_ru"' in response.content.decode()
    assert not Deployment.objects.filter(letter_reference_en="Letter 8").exists()


def test_a_decision_dated_before_the_request_shows_the_error_beside_the_field(client_as):
    d = a_request("KZ")
    response = client_as("secretariat_officer").post(
        reverse("forces:deployment-decision", args=[d.pk]),
        {
            "decision-version": d.version,
            "decision-decided_at": "2025-02-01T10:00",
            "decision-decision_reference_ru": "Решение",
            "decision-legal_basis_ru": "Статья 4",
        },
    )
    assert response.status_code == 400
    assert 'data-testid="error-decided_at"' in response.content.decode()
    d.refresh_from_db()
    assert d.status == DeploymentStatus.REQUESTED


def test_a_withdrawal_before_the_deployment_is_refused_on_the_page(client_as):
    d = a_decided()
    c = an_accepted_offer(d)
    response = client_as("staff_officer").post(
        reverse("forces:contingent-withdrawal", args=[c.pk]),
        {f"c{c.pk}-version": c.version, f"c{c.pk}-withdrawn_at": "2025-03-02T10:00"},
    )
    assert response.status_code == 409
    assert 'data-testid="error-withdrawn_at"' in response.content.decode()


def test_the_secretariat_records_the_decision_from_the_crisis_page(client_as):
    d = a_request("KZ")
    client = client_as("secretariat_officer")
    page = client.get(reverse("forces:crisis", args=[d.pk])).content.decode()
    assert 'data-testid="form-decision"' in page and 'hx-trigger="every 30s"' in page
    response = client.post(
        reverse("forces:deployment-decision", args=[d.pk]),
        {
            "next": "crisis",
            "decision-version": d.version,
            "decision-decided_at": "2025-03-01T18:00",
            "decision-decision_reference_ru": "Решение СКБ 9",
            "decision-decision_reference_en": "CSC decision 9",
            "decision-legal_basis_ru": "Статья 4",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("/crisis/")
    crisis = _unprefixed(reverse("forces:crisis", args=[d.pk]))
    fragment = client.get(f"/en{crisis}?fragment=1").content.decode()
    assert "CSC decision 9" in fragment and "Решение СКБ 9" not in fragment
    assert "Статья 4" in fragment  # no English text given: the Russian one
    fragment = client.get(f"/ru{crisis}?fragment=1").content.decode()
    assert "Решение СКБ 9" in fragment and "CSC decision 9" not in fragment


def test_the_crisis_page_stops_refreshing_once_the_deployment_is_over(client_as):
    page = (
        client_as("staff_officer")
        .get(reverse("forces:crisis", args=[_kazakhstan().pk]))
        .content.decode()
    )
    assert "hx-trigger" not in page
    assert 'id="crisis-map"' in page and "crisis-points" in page


def test_a_state_offers_its_contingent_from_the_page(client_as):
    d = a_decided()
    client = client_as("russian_representative")
    assert (
        'data-testid="form-offer"'
        in client.get(reverse("forces:deployment-detail", args=[d.pk])).content.decode()
    )
    response = client.post(
        reverse("forces:contingent-offer", args=[d.pk]),
        {"offer-offered": 120, "offer-offered_at": "2025-03-01T20:00"},
    )
    assert response.status_code == 302
    assert d.contingents.get().offered == 120
    assert (
        'data-testid="form-offer"'
        not in client_as("staff_officer")
        .get(reverse("forces:deployment-detail", args=[d.pk]))
        .content.decode()
    )


def test_the_kazakhstan_page_reads_like_a_chronology_in_both_languages(client_as):
    client = client_as("analyst")
    d = _kazakhstan()
    en = client.get(f"/en/forces/deployments/{d.pk}/").content.decode()
    ru = client.get(f"/ru/forces/deployments/{d.pk}/").content.decode()
    assert "5 January 2022, 21:00" in en and "Official request received" in en
    assert "5 января 2022, 21:00" in ru and "Официальный запрос получен" in ru
    assert "not recorded" in en and "the document is not on record" in en
    assert "demo data" in en


# The Kazakhstan deployment's texts kept in both languages, as its pages show them.
TEXTS = [
    "title",
    "letter_reference",
    "request_text",
    "decision_reference",
    "legal_basis",
    "tasks",
    "area",
    "duration",
    "commander",
    "completion_reference",
    "report_reference",
]


def _texts(d: Deployment, lang: str) -> list[str]:
    """Every text of the deployment, its sites and its log, in one language (escaped as a page has
    it), the empty ones left out."""
    found = [getattr(d, f"{name}_{lang}") for name in TEXTS]
    found += [getattr(s, f"name_{lang}") for s in d.sites.all()]
    found += [getattr(e, f"text_{lang}") for e in d.log.all()]
    return [str(escape(text)) for text in found if text]


@pytest.mark.parametrize("page", ["deployment-detail", "crisis"])
def test_the_kazakhstan_pages_speak_one_language_at_a_time(client_as, page):
    client, d = client_as("staff_officer"), _kazakhstan()
    path = _unprefixed(reverse(f"forces:{page}", args=[d.pk]))
    ru = client.get(f"/ru{path}").content.decode()
    en = client.get(f"/en{path}").content.decode()
    english, russian = _texts(d, "en"), _texts(d, "ru")
    assert len(english) >= 30 and len(russian) == len(english)
    assert [t for t in english if t in ru] == []
    assert [t for t in russian if t in en] == []
    assert russian[0] in ru and english[0] in en  # the title
    assert d.letter_reference_ru in ru and d.letter_reference_en in en
    assert d.tasks_en in en and d.legal_basis_ru in ru


def _grow(d: Deployment, n: int) -> None:
    for i in range(n):
        services.log_entry(
            d,
            actor=user("staff"),
            kind=LogKind.NOTE,
            at=at(30 + i),
            text_ru=f"з{i}",
            text_en=f"n{i}",
        )
        services.protect_site(
            d, actor=user("staff"), name_ru=f"о{i}", name_en=f"s{i}", since=at(30 + i)
        )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.usefixtures("uncached_pages")
def test_the_list_and_the_pages_take_a_constant_number_of_queries(client_as):
    client = client_as("staff_officer")
    d, _ = a_deployed("KZ", ("RU",))
    urls = [
        reverse("forces:deployment-list"),
        reverse("forces:deployment-detail", args=[d.pk]),
        reverse("forces:crisis", args=[d.pk]),
    ]
    small = [_queries(client, u) for u in urls]
    _grow(d, 6)
    an_accepted_offer(d, "BY", 50, hours=9)
    a_deployed("KG", ("RU", "BY"))
    a_request("TJ")
    assert [_queries(client, u) for u in urls] == small
