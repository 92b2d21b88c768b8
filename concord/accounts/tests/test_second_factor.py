"""The TOTP second factor: asked of Secretariat officers and administrators when the deployment
requires it, never of the others, and never in the demo."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from concord.accounts.models import User
from concord.audit.models import Entry
from conftest import PASSWORD

ASKED = ["secretariat", "admin"]
NOT_ASKED = ["kz_rep", "ru_rep", "kz_coord"]


@pytest.fixture
def require_2fa(settings):
    settings.CONCORD_REQUIRE_2FA = True


def code_of(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def signed_in(username: str) -> Client:
    client = Client()
    response = client.post("/en/accounts/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, username
    return client


def with_device(username: str) -> TOTPDevice:
    return TOTPDevice.objects.create(user=User.objects.get(username=username), confirmed=True)


@pytest.mark.parametrize("username", ASKED)
def test_secretariat_roles_reach_nothing_before_the_code(db, require_2fa, username):
    with_device(username)
    client = signed_in(username)
    for url in ["/en/", "/en/monitoring/", "/en/audit/", "/en/accounts/profile/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/en/accounts/verify/?next="), url
    api = client.get("/api/v1/member-states")
    assert api.status_code == 403 and api.json()["code"] == "second_factor_required"
    admin = client.get("/admin/")
    assert admin.status_code == 302 and "/accounts/verify/" in admin["Location"]


def test_the_right_code_opens_the_pages_and_the_admin(db, require_2fa):
    device = with_device("admin")
    client = signed_in("admin")
    page = client.get("/en/accounts/verify/?next=/en/audit/")
    assert page.status_code == 200 and 'autocomplete="one-time-code"' in page.content.decode()
    response = client.post("/en/accounts/verify/", {"code": code_of(device), "next": "/en/audit/"})
    assert response.status_code == 302 and response["Location"] == "/en/audit/"
    assert client.get("/en/audit/").status_code == 200
    assert client.get("/admin/").status_code == 200
    assert client.get("/api/v1/member-states").status_code == 200


def test_a_wrong_code_is_refused_beside_the_field(db, require_2fa):
    device = with_device("secretariat")
    client = signed_in("secretariat")
    wrong = f"{(int(code_of(device)) + 1) % 1_000_000:06d}"
    response = client.post("/ru/accounts/verify/", {"code": wrong})
    assert response.status_code == 400
    assert "Код неверен" in response.content.decode()
    assert client.get("/ru/").status_code == 302


def test_a_code_is_not_accepted_twice(db, require_2fa):
    device = with_device("secretariat")
    code = code_of(device)
    first = signed_in("secretariat")
    assert first.post("/en/accounts/verify/", {"code": code}).status_code == 302
    second = signed_in("secretariat")
    assert second.post("/en/accounts/verify/", {"code": code}).status_code == 400


@pytest.mark.parametrize("username", NOT_ASKED)
def test_member_state_representatives_are_not_asked(db, require_2fa, username):
    client = signed_in(username)
    assert client.get("/en/").status_code == 200


@pytest.mark.parametrize("username", ASKED + NOT_ASKED)
def test_the_demo_leaves_everyone_on_the_password_alone(db, settings, username):
    assert settings.CONCORD_REQUIRE_2FA is False  # the test run, like `make run`, is not production
    client = signed_in(username)
    assert client.get("/en/").status_code == 200


def test_an_officer_without_an_authenticator_enrols_then_is_let_in(db, require_2fa):
    client = signed_in("secretariat")
    response = client.get("/en/accounts/verify/?next=/en/monitoring/")
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/enrol/")
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html and "otpauth://totp/Concord" in html
    device = TOTPDevice.objects.get(user__username="secretariat", confirmed=False)
    assert client.get("/en/monitoring/").status_code == 302  # not yet confirmed
    confirmed = client.post(
        "/en/accounts/enrol/", {"code": code_of(device), "next": "/en/monitoring/"}
    )
    assert confirmed.status_code == 302 and confirmed["Location"] == "/en/monitoring/"
    assert client.get("/en/monitoring/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert Entry.objects.filter(
        verb="accounts.confirm_second_factor", actor__username="secretariat"
    ).exists()


def test_enrolment_refuses_a_wrong_code_and_keeps_the_key(db, require_2fa):
    client = signed_in("secretariat")
    client.get("/en/accounts/enrol/")
    device = TOTPDevice.objects.get(user__username="secretariat")
    wrong = f"{(int(code_of(device)) + 1) % 1_000_000:06d}"
    assert client.post("/en/accounts/enrol/", {"code": wrong}).status_code == 400
    client.get("/en/accounts/enrol/")
    assert TOTPDevice.objects.filter(user__username="secretariat").get().pk == device.pk
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed


def test_the_enrol_page_is_translated(db, require_2fa):
    html = signed_in("secretariat").get("/ru/accounts/enrol/").content.decode()
    assert "Подключите аутентификатор" in html and "Set up" not in html


def test_an_officer_with_an_authenticator_cannot_enrol_another(db, require_2fa):
    with_device("secretariat")
    response = signed_in("secretariat").get("/en/accounts/enrol/")
    assert response.status_code == 302 and "/accounts/verify/" in response["Location"]


def test_the_reset_command_forgets_the_authenticator_and_is_audited(db, require_2fa):
    with_device("secretariat")
    out = io.StringIO()
    call_command("reset_second_factor", "secretariat", stdout=out)
    assert "Removed 1" in out.getvalue()
    assert not TOTPDevice.objects.filter(user__username="secretariat").exists()
    entry = Entry.objects.filter(verb="accounts.reset_second_factor").latest("seq")
    assert entry.object_repr and entry.changes == {"devices_removed": 1}
    # next sign-in asks to enrol again
    response = signed_in("secretariat").get("/en/accounts/verify/")
    assert response.status_code == 302 and "/accounts/enrol/" in response["Location"]


def test_only_an_administrator_resets_an_authenticator(db, kazakh_representative):
    from concord.accounts.second_factor import reset_second_factor
    from concord.core.errors import NotAllowed

    secretariat = User.objects.get(username="secretariat")
    with pytest.raises(NotAllowed):
        reset_second_factor(secretariat, actor=kazakh_representative)
