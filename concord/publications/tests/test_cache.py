"""The public site's cache and the search cache: what invalidates them, and that nothing crosses
users who may see different things. Changes are made as a request makes them, committed: the caches
follow commits (`django_capture_on_commit_callbacks(execute=True)` runs what a commit runs)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from concord.documents import services as documents
from concord.publications import caching, services
from concord.publications.models import Publication
from concord.publications.search import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """committed(fn, *args, **kwargs): run a change and what its commit runs."""

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


def published(committed, editor, *, at=None, **texts):
    values = {"section": "news", "title_ru": "", "title_en": ""} | texts
    pub = committed(services.save_draft, None, actor=editor, **values)
    return committed(services.publish_publication, pub, actor=editor, at=at)


def test_a_second_anonymous_visit_is_served_from_the_cache(client, django_assert_num_queries):
    first = client.get("/ru/public/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get("/ru/public/")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "no-cache" in second["Cache-Control"]


@pytest.mark.parametrize(
    "address",
    ["/en/public/section/news/", "/ru/public/agreements/", "/en/public/section/news/atom.xml"],
)
def test_pages_and_feeds_are_cached(client, django_assert_num_queries, address):
    assert client.get(address).status_code == 200
    with django_assert_num_queries(0):
        assert client.get(address).status_code == 200


def test_a_matching_etag_gets_304_and_another_gets_the_page(client):
    etag = client.get("/en/public/")["ETag"]
    assert client.get("/en/public/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/en/public/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_each_language_is_cached_apart(client, committed, secretariat_officer):
    published(committed, secretariat_officer, title_ru="Только по-русски квазиновость")
    assert "Только по-русски квазиновость" in client.get("/ru/public/").text
    assert "Только по-русски квазиновость" not in client.get("/en/public/").text
    assert 'lang="en"' in client.get("/en/public/").text
    assert 'lang="ru"' in client.get("/ru/public/").text


def test_publishing_shows_at_once_on_cached_pages(client, committed, secretariat_officer):
    assert "Квазиновость опубликована" not in client.get("/ru/public/").text
    published(
        committed,
        secretariat_officer,
        title_ru="Квазиновость опубликована",
        title_en="Quasinews published",
    )
    assert "Квазиновость опубликована" in client.get("/ru/public/").text
    assert "Quasinews published" in client.get("/en/public/").text
    assert "Quasinews published" in client.get("/en/public/section/news/rss.xml").text


def test_a_withdrawn_publication_leaves_every_cached_page(client, committed, secretariat_officer):
    pub = published(committed, secretariat_officer, title_en="Quasinews to withdraw")
    pages = ["/en/public/", "/en/public/section/news/", "/en/public/section/news/atom.xml"]
    for page in pages:
        assert "Quasinews to withdraw" in client.get(page).text  # now cached
    address = f"/en/public/p/{pub.slug}/"
    assert client.get(address).status_code == 200
    committed(services.unpublish_publication, pub, actor=secretariat_officer, note_en="A mistake.")
    for page in pages:
        assert "Quasinews to withdraw" not in client.get(page).text
    withdrawn = client.get(address)
    assert withdrawn.status_code == 410
    assert "A mistake." in withdrawn.text


def test_an_edit_to_a_published_text_shows_at_once(client, committed, secretariat_officer):
    pub = published(committed, secretariat_officer, title_en="Quasinews first title")
    assert "Quasinews first title" in client.get("/en/public/").text
    committed(
        services.save_draft,
        pub,
        actor=secretariat_officer,
        section="news",
        title_en="Quasinews second title",
    )
    page = client.get("/en/public/").text
    assert "Quasinews second title" in page
    assert "Quasinews first title" not in page


def test_a_scheduled_publication_appears_at_its_time_without_any_change(
    client, committed, secretariat_officer
):
    at = timezone.now() + dt.timedelta(hours=2)
    published(committed, secretariat_officer, title_en="Quasinews scheduled", at=at)
    assert "Quasinews scheduled" not in client.get("/en/public/").text  # cached without it
    with time_machine.travel(at + dt.timedelta(minutes=1), tick=False):
        assert "Quasinews scheduled" in client.get("/en/public/").text
        hits = search(None, "Quasinews scheduled", public_only=True)
        assert [h.entry.url for h in hits.hits] == [
            f"/en/public/p/{Publication.objects.get(title_en='Quasinews scheduled').slug}/"
        ]


def test_entries_live_no_longer_than_until_the_next_scheduled_appearance(
    committed, secretariat_officer
):
    now = timezone.now()
    published(committed, secretariat_officer, title_en="Soon", at=now + dt.timedelta(seconds=90))
    _part, ttl = caching.generation(caching.PUBLIC, now)
    assert 0 < ttl <= 90


def test_a_signed_in_user_neither_reads_nor_fills_the_page_cache(
    client, client_as, django_assert_max_num_queries, django_assert_num_queries
):
    signed_in = client_as("kazakh_representative")
    assert signed_in.get("/ru/public/").status_code == 200
    with django_assert_max_num_queries(50) as ran:
        client.get("/ru/public/")  # not filled by the signed-in visit
    assert len(ran) > 0
    with django_assert_num_queries(0):
        client.get("/ru/public/")
    with django_assert_max_num_queries(50) as ran:
        signed_in.get("/ru/public/")  # not served what the anonymous visit cached
    assert len(ran) > 0


def test_the_demo_notice_and_the_contacts_are_on_every_public_page(client):
    for address in ["/ru/public/", "/ru/public/agreements/", "/ru/public/search/?q=ОДКБ"]:
        page = client.get(address).text
        assert 'data-testid="demo-notice"' in page
        assert "являются демонстрацией" in page
        assert "Сверчков переулок" in page
    english = client.get("/en/public/states/").text
    assert "are a demonstration" in english
    assert "Sverchkov pereulok" in english


def test_the_demo_notice_is_off_on_a_real_installation(client, committed):
    from django.core.management import call_command

    assert 'data-testid="demo-notice"' in client.get("/en/public/").text
    committed(call_command, "demo_notice", "off")
    assert 'data-testid="demo-notice"' not in client.get("/en/public/").text


# --- Search -------------------------------------------------------------------------------------


def test_a_repeated_search_reads_the_cache(client, django_assert_max_num_queries):
    first = client.get("/api/v1/search", {"q": "безопасности"})
    assert first.status_code == 200 and first.json()["total"] > 0
    with django_assert_max_num_queries(1):
        again = client.get("/api/v1/search", {"q": "безопасности"})
    assert again.json() == first.json()


def test_a_signed_in_repeated_search_reads_the_cache(client_as, django_assert_max_num_queries):
    signed_in = client_as("kazakh_representative")
    first = signed_in.get("/api/v1/search", {"q": "безопасности"}).json()
    signed_in.get("/api/v1/search", {"q": "безопасности"})  # the session and user, now loaded
    with django_assert_max_num_queries(3) as ran:
        assert signed_in.get("/api/v1/search", {"q": "безопасности"}).json() == first
    assert not any("searchentry" in q["sql"] for q in ran.captured_queries)


@pytest.fixture
def secret(committed, kazakh_representative):
    return committed(
        documents.create_document,
        actor=kazakh_representative,
        kind="draft_decision",
        marking="restricted",
        units=[("title", "Квазисекретный план", "Quasisecret plan")],
    )


@pytest.mark.parametrize(
    "order",
    [
        ["kazakh_representative", "russian_representative", "public_visitor"],
        ["russian_representative", "kazakh_representative", "public_visitor"],
        ["public_visitor", "russian_representative", "kazakh_representative"],
    ],
)
def test_visibility_never_crosses_users_through_the_search_cache(request, secret, order):
    for persona in order:  # whoever searches first fills the cache
        user = request.getfixturevalue(persona)
        for _twice in range(2):
            found = search(user, "Квазисекретный")
            assert (found.total == 1) == (persona == "kazakh_representative"), persona


def test_the_same_class_shares_results_and_different_classes_do_not(
    kazakh_representative, kazakh_coordinator, russian_representative, member_of_parliament
):
    kz = caching.visibility_class(kazakh_representative, public_only=False)
    assert kz == caching.visibility_class(kazakh_coordinator, public_only=False)
    assert kz != caching.visibility_class(russian_representative, public_only=False)
    assert kz != caching.visibility_class(None, public_only=False)
    assert caching.visibility_class(kazakh_representative, public_only=True) == (
        caching.visibility_class(None, public_only=False)
    )
    assert caching.visibility_class(member_of_parliament, public_only=False) not in {
        kz,
        caching.visibility_class(None, public_only=False),
    }


def test_a_search_finds_what_was_published_since_it_was_cached(committed, secretariat_officer):
    assert search(None, "квазипубликация", public_only=True).total == 0
    published(committed, secretariat_officer, title_ru="Квазипубликация о безопасности")
    assert search(None, "квазипубликация", public_only=True).total == 1


def test_uncommitted_changes_are_never_cached_for_others(secretariat_officer):
    """Inside the transaction that changed something, the caches are read around, not filled."""
    assert search(None, "квазичерновик", public_only=True).total == 0
    pub = services.save_draft(
        None, actor=secretariat_officer, section="news", title_ru="Квазичерновик"
    )
    services.publish_publication(pub, actor=secretariat_officer)
    assert caching.bypassed(caching.PUBLIC, caching.SEARCH)
    assert search(None, "квазичерновик", public_only=True).total == 1
    assert "Квазичерновик" in Client().get("/ru/public/").text


def test_with_a_read_replica_entries_made_just_after_a_change_live_only_until_it_caught_up(
    monkeypatch,
):
    now = timezone.now()
    young = caching.Generation("t", (), True, now - dt.timedelta(seconds=2))
    monkeypatch.setattr(caching, "replica_lag", lambda: 6.0)
    assert young.at(now) == ("t.0", 4.0)
    assert young.at(now + dt.timedelta(seconds=10)) == ("t.0", float(caching.MAX_AGE))
    monkeypatch.setattr(caching, "replica_lag", lambda: 0.0)
    assert young.at(now) == ("t.0", float(caching.MAX_AGE))
