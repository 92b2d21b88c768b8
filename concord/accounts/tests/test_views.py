"""Signing in and out, lockout, acting for an affiliation, tokens and passwords, through the pages."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.test.utils import override_settings

from concord.accounts.models import ApiToken
from concord.audit.models import Entry
from conftest import PASSWORD, PERSONAS


def test_sign_in_with_a_demo_account_lands_on_the_dashboard(db):
    client = Client()
    response = client.post(
        "/en/accounts/login/", {"username": "kz_rep", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/en/"
    assert "Kazakhstan" in response.content.decode()


def test_wrong_password_is_refused_with_a_clear_message(db):
    response = Client().post("/en/accounts/login/", {"username": "kz_rep", "password": "wrong"})
    assert response.status_code == 400
    assert "enter a correct username and password" in response.content.decode()


def test_repeated_failures_lock_the_account_even_with_the_right_password(db, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/accounts/login/", {"username": "kz_rep", "password": "wrong"})
    response = client.post("/en/accounts/login/", {"username": "kz_rep", "password": PASSWORD})
    assert response.status_code == 429
    assert "Account locked" in response.content.decode()
    # Another account from the same address is not locked.
    other = client.post("/en/accounts/login/", {"username": "ru_rep", "password": PASSWORD})
    assert other.status_code == 302


def test_sign_out_needs_a_post_and_ends_the_session(client_as):
    client = client_as("kazakh_representative")
    assert client.get("/en/accounts/logout/").status_code == 405
    assert client.post("/en/accounts/logout/").status_code == 302
    assert client.get("/en/").status_code == 302


def test_an_expired_session_is_sent_back_to_sign_in(client_as):
    client = client_as("kazakh_representative")
    client.session.flush()
    client.cookies.clear()
    response = client.get("/en/organization/states/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_header_says_whom_the_user_acts_for(client_as):
    page = client_as("kazakh_representative").get("/en/").content.decode()
    assert "acting for" in page and "Kazakhstan — Permanent representative" in page


def test_switching_affiliation_is_explicit_and_audited(client_as, analyst):
    client = client_as("analyst")
    joint_staff = analyst.affiliations.get(body__code="joint-staff")
    response = client.post("/en/accounts/affiliation/", {"affiliation": joint_staff.pk})
    assert response.status_code == 302
    analyst.refresh_from_db()
    assert analyst.current_affiliation == joint_staff
    entry = Entry.objects.filter(verb="accounts.switch_affiliation").order_by("-seq").first()
    assert entry.actor == analyst
    assert entry.acting_for == "Joint Staff / analyst"
    assert entry.changes == {"acting_for": ["Secretariat / analyst", "Joint Staff / analyst"]}


def test_a_kazakh_user_can_never_act_for_russia(
    client_as, kazakh_representative, russian_representative
):
    russia = russian_representative.affiliations.get()
    response = client_as("kazakh_representative").post(
        "/en/accounts/affiliation/", {"affiliation": russia.pk}
    )
    assert response.status_code == 302
    kazakh_representative.refresh_from_db()
    assert kazakh_representative.current_affiliation.state.iso2 == "KZ"
    assert (
        kazakh_representative.viewer.state_id == kazakh_representative.current_affiliation.state_id
    )


def test_an_affiliation_pointed_at_another_persons_record_grants_nothing(
    kazakh_representative, russian_representative
):
    # Even if data were tampered with, the viewer only honours the user's own active affiliation.
    kazakh_representative.current_affiliation = russian_representative.affiliations.get()
    assert kazakh_representative.viewer.state_id is None
    assert kazakh_representative.viewer.is_insider is False


def test_switching_needs_a_post(client_as):
    assert client_as("analyst").get("/en/accounts/affiliation/").status_code == 405


def test_tokens_are_created_on_the_profile_page_and_shown_once(client_as, kazakh_representative):
    client = client_as("kazakh_representative")
    response = client.post("/en/accounts/tokens/", {"name": "reporting script"})
    raw = response.context["new_token"]
    assert raw.startswith("cnc_") and raw in response.content.decode()
    token = ApiToken.objects.get(user=kazakh_representative)
    assert token.digest != raw and raw not in token.prefix + token.digest
    assert raw not in client.get("/en/accounts/profile/").content.decode()
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200


def test_a_token_needs_a_name(client_as):
    response = client_as("kazakh_representative").post("/en/accounts/tokens/", {"name": "  "})
    assert response.status_code == 400
    assert response.context["token_form"].errors["name"]


def test_revoking_a_token_on_the_profile_page(client_as, kazakh_representative):
    client = client_as("kazakh_representative")
    raw = client.post("/en/accounts/tokens/", {"name": "x"}).context["new_token"]
    token = ApiToken.objects.get(user=kazakh_representative)
    assert client.post(f"/en/accounts/tokens/{token.pk}/revoke/").status_code == 302
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_nobody_revokes_someone_elses_token_through_the_page(client_as, russian_representative):
    from concord.accounts.services import create_api_token

    token, _ = create_api_token(russian_representative, actor=russian_representative, name="ru")
    client_as("kazakh_representative").post(f"/en/accounts/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is None


def test_password_change_checks_the_old_password_and_keeps_the_session(
    client_as, kazakh_representative
):
    client = client_as("kazakh_representative")
    bad = client.post(
        "/en/accounts/password/",
        {
            "old_password": "wrong",
            "new_password1": "a-much-longer-secret-9",
            "new_password2": "a-much-longer-secret-9",
        },
    )
    assert bad.status_code == 400 and "old_password" in bad.context["form"].errors
    weak = client.post(
        "/en/accounts/password/",
        {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"},
    )
    assert weak.status_code == 400 and "new_password2" in weak.context["form"].errors
    good = client.post(
        "/en/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-much-longer-secret-9",
            "new_password2": "a-much-longer-secret-9",
        },
    )
    assert good.status_code == 302
    kazakh_representative.refresh_from_db()
    assert kazakh_representative.check_password("a-much-longer-secret-9")
    assert client.get("/en/").status_code == 200
    assert Entry.objects.filter(
        verb="accounts.change_password", actor=kazakh_representative
    ).exists()


def test_create_api_token_command_prints_a_working_token(db):
    out = io.StringIO()
    call_command("create_api_token", "ru_rep", stdout=out)
    raw = out.getvalue().strip()
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.json()["username"] == "ru_rep"


def test_create_api_token_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="No active user"):
        call_command("create_api_token", "nobody", stdout=io.StringIO())


ADMIN_URLS = ["/admin/", "/admin/organization/memberstate/", "/admin/accounts/user/"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", ADMIN_URLS)
def test_only_secretariat_administrators_enter_the_admin(client_as, persona, url):
    response = client_as(persona).get(url, follow=True)
    if persona == "secretariat_administrator":
        assert response.status_code == 200 and not response.redirect_chain
    elif persona == "public_visitor":
        assert "/accounts/login/" in response.redirect_chain[-1][0]
    else:
        assert response.status_code == 403


def test_a_superuser_without_the_secretariat_administrator_role_stays_out(db):
    from concord.accounts.models import User

    boss = User.objects.create_superuser("boss", password="x-secret-long-1")
    client = Client()
    client.force_login(boss)
    assert client.get("/admin/", follow=True).status_code == 403
    assert client.get("/admin/organization/memberstate/", follow=True).status_code == 403


def test_admin_edits_are_audited(client_as, secretariat_administrator):
    from concord.organization.models import MemberState

    kz = MemberState.objects.get(iso2="KZ")
    client = client_as("secretariat_administrator")
    form = client.get(f"/admin/organization/memberstate/{kz.pk}/change/")
    assert form.status_code == 200
    data = {
        "name_ru": "Казахстан",
        "name_en": "Republic of Kazakhstan",
        "iso2": "KZ",
        "iso3": "KAZ",
        "member_since": "1992-05-15",
        "membership": "member",
        "membership_since": "1992-05-15",
        "participation": "participating",
        "participation_since": "",
        "participation_note_ru": "",
        "participation_note_en": "",
    }
    seen = form.context["adminform"].form["audit_seq"].value()
    response = client.post(
        f"/admin/organization/memberstate/{kz.pk}/change/", {**data, "audit_seq": seen}
    )
    assert response.status_code == 302
    entry = Entry.objects.filter(verb="admin.change").order_by("-seq").first()
    assert entry.actor == secretariat_administrator
    assert entry.changes == {"name_en": "Republic of Kazakhstan"}


@override_settings(LANGUAGE_CODE="ru")
def test_root_redirects_to_a_language(db):
    response = Client().get("/")
    assert response.status_code == 302 and response["Location"].startswith("/ru/")


def test_two_administrators_editing_the_same_state_do_not_overwrite_each_other(
    client_as, secretariat_administrator
):
    from concord.organization.models import MemberState

    kz = MemberState.objects.get(iso2="KZ")
    url = f"/admin/organization/memberstate/{kz.pk}/change/"
    first, second = client_as("secretariat_administrator"), client_as("secretariat_administrator")
    seen = first.get(url).context["adminform"].form["audit_seq"].value()
    second.get(url)
    data = {
        "name_ru": "Казахстан",
        "iso2": "KZ",
        "iso3": "KAZ",
        "member_since": "1992-05-15",
        "membership": "member",
        "membership_since": "1992-05-15",
        "participation": "participating",
        "participation_since": "",
        "participation_note_ru": "",
        "participation_note_en": "",
    }
    assert first.post(url, {**data, "name_en": "First edit", "audit_seq": seen}).status_code == 302
    stale = second.post(
        url, {**data, "name_en": "Second edit", "audit_seq": seen}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert stale.status_code == 200
    assert "Someone else changed this record" in stale.content.decode()
    assert 'value="Second edit"' in stale.content.decode()  # the second person's input is kept
    kz.refresh_from_db()
    assert kz.name_en == "First edit"


NO_INLINES = {"affiliations-TOTAL_FORMS": "0", "affiliations-INITIAL_FORMS": "0"}


def test_passwords_set_in_the_admin_never_reach_the_audit_log(client_as):
    client = client_as("secretariat_administrator")
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "username": "newcomer",
            "password1": "Tr1cky-Passw0rd!",
            "password2": "Tr1cky-Passw0rd!",
            "usable_password": "true",
            **NO_INLINES,
        },
    )
    assert response.status_code == 302
    entry = Entry.objects.filter(verb="admin.add").order_by("-seq").first()
    assert entry is not None and entry.object_repr == "newcomer"
    assert "Tr1cky" not in str(entry.changes) + entry.summary


def test_the_admin_refuses_a_role_that_does_not_fit_the_affiliation(client_as):
    from concord.accounts.models import User
    from concord.organization.models import MemberState

    user = User.objects.get(username="mp")
    client = client_as("secretariat_administrator")
    url = f"/admin/accounts/user/{user.pk}/change/"
    form = client.get(url).context["adminform"].form
    existing = user.affiliations.get()
    data = {
        "username": "mp",
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "current_affiliation": existing.pk,
        "audit_seq": form["audit_seq"].value(),
        "affiliations-TOTAL_FORMS": "2",
        "affiliations-INITIAL_FORMS": "1",
        "affiliations-0-id": existing.pk,
        "affiliations-0-user": user.pk,
        "affiliations-0-body": existing.body_id,
        "affiliations-0-role": existing.role,
        "affiliations-0-active": "on",
        "affiliations-1-user": user.pk,
        "affiliations-1-state": MemberState.objects.get(iso2="RU").pk,
        "affiliations-1-role": "secretariat_officer",
        "affiliations-1-active": "on",
    }
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    new_row = list(response.context["inline_admin_formsets"][0].formset)[1]
    assert new_row.errors == {"role": ["This role cannot be held in this affiliation."]}
    assert user.affiliations.count() == 1


def test_affiliations_added_in_the_admin_are_audited(client_as):
    from concord.accounts.models import User
    from concord.organization.models import MemberState

    user = User.objects.get(username="mp")
    client = client_as("secretariat_administrator")
    url = f"/admin/accounts/user/{user.pk}/change/"
    form = client.get(url).context["adminform"].form
    existing = user.affiliations.get()
    data = {
        "username": "mp",
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "current_affiliation": existing.pk,
        "audit_seq": form["audit_seq"].value(),
        "affiliations-TOTAL_FORMS": "2",
        "affiliations-INITIAL_FORMS": "1",
        "affiliations-0-id": existing.pk,
        "affiliations-0-user": user.pk,
        "affiliations-0-body": existing.body_id,
        "affiliations-0-role": existing.role,
        "affiliations-0-active": "on",
        "affiliations-1-user": user.pk,
        "affiliations-1-state": MemberState.objects.get(iso2="RU").pk,
        "affiliations-1-role": "delegate",
        "affiliations-1-active": "on",
    }
    assert client.post(url, data).status_code == 302
    added = user.affiliations.get(state__iso2="RU")
    assert Entry.objects.filter(
        verb="admin.add", object_type="accounts.affiliation", object_id=str(added.pk)
    ).exists()


def test_the_profile_chooses_a_daily_digest_in_english_and_says_so_in_russian(
    client_as, kazakh_representative
):
    client = client_as("kazakh_representative")
    page = client.get("/ru/accounts/profile/").content.decode()
    assert "Уведомления по электронной почте" in page and "Одна сводка в день" in page
    response = client.post("/ru/accounts/mail/", {"mode": "daily", "language": "en"})
    assert response.status_code == 302
    kazakh_representative.refresh_from_db()
    assert (kazakh_representative.mail_mode, kazakh_representative.language) == ("daily", "en")
    entry = Entry.objects.filter(verb="accounts.change_mail_settings").order_by("-seq").first()
    assert entry.actor == kazakh_representative
    assert entry.changes == {"mail_mode": ["immediate", "daily"], "language": ["ru", "en"]}
    refused = client.post("/en/accounts/mail/", {"mode": "hourly", "language": "en"})
    assert refused.status_code == 400


def test_the_api_reads_and_changes_the_mail_settings(client_as, kazakh_representative):
    client = client_as("kazakh_representative")
    assert client.get("/api/v1/me/mail").json() == {"mode": "immediate", "language": "ru"}
    done = client.put(
        "/api/v1/me/mail", {"mode": "daily", "language": "en"}, content_type="application/json"
    )
    assert done.status_code == 200 and done.json() == {"mode": "daily", "language": "en"}
    refused = client.put(
        "/api/v1/me/mail", {"mode": "hourly", "language": "en"}, content_type="application/json"
    )
    assert refused.status_code == 400 and refused.json()["code"] == "bad_mail_settings"
    assert refused.json()["errors"][0]["field"] == "mode"
