"""The public status page of each agreement: what the depositary's record holds, and what it does
not said to be unknown; only public instruments, never the demo example."""

from __future__ import annotations

import pytest

from concord.agreements.models import Agreement

pytestmark = pytest.mark.django_db


def test_the_public_list_links_each_agreement_to_its_status_page(client):
    page = client.get("/ru/public/agreements/").text
    for agreement in Agreement.objects.filter(marking="public"):
        assert f'href="/ru/public/agreements/{agreement.pk}/"' in page


def test_a_status_page_gives_parties_signatures_procedures_and_entry_into_force(client):
    treaty = Agreement.objects.get(title_en="Collective Security Treaty")
    page = client.get(f"/en/public/agreements/{treaty.pk}/")
    assert page.status_code == 200
    text = page.text
    assert 'data-testid="party-KZ"' in text
    assert "15 May 1992" in text  # Kazakhstan's signature
    assert "In force, since 20 April 1994" in text  # as published, with its source
    assert "The deposits are not recorded" in text  # and what the record lacks is said
    assert "not known" in text
    russian = client.get(f"/ru/public/agreements/{treaty.pk}/").text
    assert "Вступление в силу" in russian and "неизвестно" in russian
    assert "not known" not in russian


def test_a_recorded_deposit_is_shown_with_its_date(client):
    peacekeeping = Agreement.objects.get(
        title_en="Agreement on peacekeeping activities of the Collective Security Treaty Organization"
    )
    text = client.get(f"/en/public/agreements/{peacekeeping.pk}/").text
    assert "24 October 2008" in text  # Kazakhstan's law, an internal step on record


def test_the_demo_example_and_unpublished_instruments_have_no_public_page(client):
    example = Agreement.objects.get(illustrative=True)
    assert client.get(f"/en/public/agreements/{example.pk}/").status_code == 404
    Agreement.objects.filter(pk=example.pk).update(marking="public")
    assert client.get(f"/en/public/agreements/{example.pk}/").status_code == 404
    assert client.get("/en/public/agreements/999999/").status_code == 404
