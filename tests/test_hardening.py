"""Bad input and misuse found in review: each answered with a clear 4xx, never a 500, and nothing
written half-way. These run on SQLite and on PostgreSQL (where NUL bytes and number formats differ)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.test import Client

from concord.accounts.models import Affiliation, ApiToken, User
from concord.accounts.services import create_api_token
from concord.audit.models import Entry, Head
from concord.audit.selectors import chain_problem
from concord.audit.services import record
from concord.organization.models import MemberState
from concord.organization.selectors import proposed_chair
from conftest import PASSWORD
from tests.builders import TestVerb


@pytest.mark.parametrize(
    "url",
    [
        "/en/organization/states/%00/",
        "/api/v1/member-states/%00",
        "/api/v1/audit?actor=%00",
        "/en/audit/?actor=a%00b",
    ],
)
def test_nul_in_the_address_is_a_400(client_as, url):
    assert client_as("secretariat_officer").get(url).status_code == 400


def test_nul_in_a_header_cannot_crash_sign_in_or_dodge_the_lockout(db, settings):
    client = Client(HTTP_USER_AGENT="x\x00y")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        assert (
            client.post(
                "/en/accounts/login/", {"username": "kz_rep", "password": "wrong"}
            ).status_code
            == 400
        )
    normal = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        normal.post("/en/accounts/login/", {"username": "kz_rep", "password": "wrong"})
    assert (
        normal.post("/en/accounts/login/", {"username": "kz_rep", "password": PASSWORD}).status_code
        == 429
    )


def test_an_overlong_username_is_a_field_error(db):
    response = Client().post("/en/accounts/login/", {"username": "k" * 300, "password": "x"})
    assert response.status_code == 400
    assert "username" in response.context["form"].errors


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/v1/me/tokens", {"name": "a\u0000b"}),
        ("/api/v1/chairmanships", {"year": 2027, "state": "T\u0000"}),
    ],
)
def test_nul_in_json_is_a_422(client_as, url, body):
    response = client_as("secretariat_officer").post(
        url, json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422


@pytest.mark.parametrize("page", ["99999999999999999999", "0", "-1", "abc"])
def test_absurd_page_numbers_are_a_422(client_as, page):
    assert client_as("secretariat_officer").get(f"/api/v1/audit?page={page}").status_code == 422


def test_unknown_api_paths_answer_json(client_as):
    response = client_as("kazakh_representative").get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_switching_affiliation_never_redirects_off_site(client_as, analyst):
    joint_staff = analyst.affiliations.get(body__code="joint-staff")
    for target in ("https://evil.example/", "//evil.example/x"):
        response = client_as("analyst").post(
            "/en/accounts/affiliation/", {"affiliation": joint_staff.pk, "next": target}
        )
        assert response["Location"] == "/en/accounts/profile/"


def test_a_foreign_affiliation_is_never_shown_or_recorded_as_acting_for(
    kazakh_representative, russian_representative
):
    kazakh_representative.current_affiliation = russian_representative.affiliations.get()
    kazakh_representative.save()
    client = Client()
    client.force_login(kazakh_representative)
    assert client.get("/api/v1/me").json()["acting_for"] is None
    assert (
        "Russia"
        not in client.get("/en/").content.decode().split('data-testid="acting-for"')[1][:200]
    )
    entry = record(TestVerb.TOUCH, actor=kazakh_representative)
    assert "Russia" not in entry.acting_for


def test_an_affiliation_cannot_be_held_twice(kazakh_representative):
    existing = kazakh_representative.affiliations.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Affiliation.objects.create(
            user=kazakh_representative, state=existing.state, role=existing.role
        )


def test_administrators_cannot_give_themselves_affiliations(client_as, secretariat_administrator):
    page = client_as("secretariat_administrator").get(
        f"/admin/accounts/user/{secretariat_administrator.pk}/change/"
    )
    assert page.status_code == 200
    assert not page.context["inline_admin_formsets"]
    choices = page.context["adminform"].form.fields["current_affiliation"].queryset
    assert set(choices) == set(secretariat_administrator.affiliations.all())


def test_admin_password_resets_are_audited(client_as, kazakh_representative):
    url = f"/admin/accounts/user/{kazakh_representative.pk}/password/"
    response = client_as("secretariat_administrator").post(
        url,
        {
            "password1": "N3w-long-secret!",
            "password2": "N3w-long-secret!",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    assert Entry.objects.filter(
        verb="admin.change_password", object_id=str(kazakh_representative.pk)
    ).exists()


def test_tokens_cannot_be_deleted_in_the_admin_and_their_digest_is_not_shown(
    client_as, kazakh_representative
):
    token, _raw = create_api_token(kazakh_representative, actor=kazakh_representative, name="x")
    client = client_as("secretariat_administrator")
    assert (
        client.post(f"/admin/accounts/apitoken/{token.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert ApiToken.objects.filter(pk=token.pk).exists()
    assert (
        token.digest
        not in client.get(f"/admin/accounts/apitoken/{token.pk}/change/").content.decode()
    )


def test_chairmanships_cannot_be_rewritten_in_the_admin(client_as):
    client = client_as("secretariat_administrator")
    assert client.get("/admin/organization/chairmanship/add/").status_code == 403
    assert (
        client.post("/admin/organization/chairmanship/1/delete/", {"post": "yes"}).status_code
        == 403
    )


def test_overlapping_secretary_general_terms_are_refused_in_the_admin(client_as):
    kz = MemberState.objects.get(iso2="KZ")
    response = client_as("secretariat_administrator").post(
        "/admin/organization/secretarygeneralterm/add/",
        {
            "person_ru": "Х",
            "person_en": "X",
            "state": kz.pk,
            "starts_on": "2024-01-01",
            "ends_on": "2026-12-31",
            "appointed_by": "",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "must not overlap" in response.content.decode()


def test_the_rotation_counts_on_over_unrecorded_years(db):
    assert proposed_chair(2027).iso2 == "TJ"
    assert proposed_chair(2028).iso2 == "AM"
    assert proposed_chair(2030).iso2 == "KZ"


@pytest.mark.parametrize("number", [1e20, 1e16, 1.2345678901234567e19, -0.0, 1e300, 0.1])
def test_numbers_in_audited_changes_read_back_as_hashed(secretariat_officer, number):
    record(TestVerb.NUMBER, actor=secretariat_officer, changes={"v": number, "nested": [number]})
    assert chain_problem() is None


def test_a_missing_head_is_reported_and_no_second_chain_is_started(secretariat_officer):
    Head.objects.all().delete()
    problem = chain_problem()
    assert problem is not None and "end of the chain is missing" in problem.reason
    with pytest.raises(RuntimeError):
        record(TestVerb.TOUCH, actor=secretariat_officer)


def test_entries_beyond_the_recorded_head_are_reported(secretariat_officer):
    record(TestVerb.TOUCH, actor=secretariat_officer)
    Head.objects.update(seq=1)
    problem = chain_problem()
    assert problem is not None and problem.seq == 2


def test_seed_demo_refuses_production(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=io.StringIO())


def test_api_docs_need_sign_in_and_load_nothing_from_a_cdn(client_as):
    assert Client().get("/api/v1/docs").status_code == 302
    page = client_as("kazakh_representative").get("/api/v1/docs").content.decode()
    assert "cdn." not in page and "jsdelivr" not in page


def test_csrf_failures_get_the_sites_own_page(kazakh_representative):
    client = Client(enforce_csrf_checks=True)
    client.force_login(kazakh_representative)
    response = client.post("/en/accounts/tokens/", {"name": "x"})
    assert response.status_code == 403
    assert "The form had expired" in response.content.decode()


def test_users_are_kept_with_their_audit_history(kazakh_representative):
    # Entries protect their actors: a user with history cannot be deleted, only deactivated.
    record(TestVerb.TOUCH, actor=kazakh_representative)
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        User.objects.filter(pk=kazakh_representative.pk).delete()
