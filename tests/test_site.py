"""Things every page shares: languages, error pages, security headers."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation


@pytest.mark.parametrize("language", ["ru", "en"])
def test_catalogue_is_complete_and_compiled(language):
    po_path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    if language == "ru":
        assert po.untranslated_entries() == []
        assert po.fuzzy_entries() == []
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in mo}
    for entry in po.translated_entries():
        assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, (
            f"{entry.msgid!r}: run make messages"
        )


def test_interface_speaks_russian_by_default_and_english_on_request(client_as):
    client = client_as("kazakh_representative")
    ru = client.get("/ru/organization/states/").content.decode()
    en = client.get("/en/organization/states/").content.decode()
    assert "Государства-члены" in ru and "Member states" not in ru
    assert "Member states" in en


def test_language_switch_keeps_the_page(client_as):
    client = client_as("kazakh_representative")
    for accept_language in ("ru", "en-US"):
        response = client.post(
            "/ru/i18n/setlang/",
            {"language": "en", "next": "/ru/organization/bodies/"},
            HTTP_ACCEPT_LANGUAGE=accept_language,
        )
        assert response["Location"] == "/en/organization/bodies/"


def test_unknown_page_is_a_friendly_404_in_the_users_language(client_as):
    response = client_as("kazakh_representative").get("/ru/nowhere/")
    assert response.status_code == 404
    assert "Не найдено" in response.content.decode()


def test_pages_carry_security_headers(client_as):
    response = client_as("kazakh_representative").get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_asset_is_loaded_from_another_host(client_as):
    page = client_as("kazakh_representative").get("/en/").content.decode()
    assert "http://" not in page.replace("http://127.0.0.1", "") and "https://" not in page
    assert "/static/vendor/htmx/htmx.min.js" in page


def test_model_choices_are_translated():
    from concord.organization.states import Participation

    with translation.override("ru"):
        assert str(Participation.FROZEN.label) == "Участие заморожено"
