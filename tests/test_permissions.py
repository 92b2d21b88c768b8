"""Every page, for every persona: who gets it, who is sent to sign in, for whom it does not exist."""

from __future__ import annotations

import pytest

from conftest import PERSONAS

OFFICERS = {"secretariat_officer", "secretariat_administrator"}

PAGES = {
    "/en/": set(PERSONAS) - {"public_visitor"},
    "/en/organization/states/": set(PERSONAS) - {"public_visitor"},
    "/en/organization/states/AM/": set(PERSONAS) - {"public_visitor"},
    "/en/organization/bodies/": set(PERSONAS) - {"public_visitor"},
    "/en/organization/bodies/permanent-council/": set(PERSONAS) - {"public_visitor"},
    "/en/organization/chairmanships/": set(PERSONAS) - {"public_visitor"},
    "/en/organization/secretaries-general/": set(PERSONAS) - {"public_visitor"},
    "/en/accounts/profile/": set(PERSONAS) - {"public_visitor"},
    "/en/accounts/password/": set(PERSONAS) - {"public_visitor"},
    "/en/audit/": OFFICERS,
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", PAGES)
def test_page_access(client_as, persona, url):
    response = client_as(persona).get(url)
    if persona in PAGES[url]:
        assert response.status_code == 200
    elif persona == "public_visitor":
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("persona", set(PERSONAS) - {"public_visitor"})
def test_the_login_page_sends_signed_in_people_home(client_as, persona):
    assert client_as(persona).get("/en/accounts/login/")["Location"] == "/en/"
