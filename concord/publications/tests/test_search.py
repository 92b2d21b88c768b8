from __future__ import annotations

import datetime as dt
import io

import feedparser
import pytest
import time_machine
from django.utils import timezone

from concord.agreements import services as agreement_services
from concord.documents import services as documents
from concord.operations import services as operation_services
from concord.operations.models import Stage
from concord.organization.models import MemberState
from concord.publications import services
from concord.publications.models import Publication, SearchEntry
from concord.publications.search import search
from concord.publications.states import Status
from conftest import PERSONAS


def publish(editor, when=None, **texts):
    values = {
        "section": "news",
        "title_ru": "",
        "title_en": "",
        "body_ru": "",
        "body_en": "",
    } | texts
    pub = services.save_draft(None, actor=editor, **values)
    return services.publish_publication(pub, actor=editor, at=when)


@pytest.fixture
def secret(kazakh_representative):
    """A restricted Kazakh document whose words appear nowhere else."""
    return documents.create_document(
        actor=kazakh_representative,
        kind="draft_decision",
        marking="restricted",
        units=[
            (
                "title",
                "Секретный план ратификации квазиграмматики",
                "Secret plan of quasigrammar ratification",
            ),
            (
                "paragraph",
                "Квазиграмматика ратифицирована тайно.",
                "The quasigrammar was ratified in secret.",
            ),
        ],
    )


def test_russian_and_english_forms_find_each_other(secretariat_officer):
    publish(
        secretariat_officer,
        title_ru="Сенат ратифицировал протокол о квазиграмматике",
        title_en="The Senate ratified the quasigrammar protocol",
    )
    assert search(None, "ратификации квазиграмматики").total == 1
    assert search(None, "ratification quasigrammar").total == 1
    assert (
        search(None, "quasigrammar", language="ru").total == 0
        and search(None, "квазиграмматика", language="ru").total == 1
    )
    assert (
        search(None, '"протокол о квазиграмматике"').total == 1
        and search(None, '"квазиграмматике протокол"').total == 0
    )
    assert search(None, "квазиграм*").total == 1


@pytest.mark.parametrize("persona", PERSONAS)
def test_nothing_a_user_may_not_see_is_found_counted_or_quoted(client_as, persona, secret, request):
    user = request.getfixturevalue(persona)
    sees = persona in (
        "kazakh_representative",
        "kazakh_coordinator",
        "secretariat_officer",
        "secretariat_administrator",
        "analyst",
    )
    results = search(user, "квазиграмматика")
    assert results.total == (1 if sees else 0) and len(results.hits) == results.total
    everything = search(user, "ratification", language="en")
    assert all("quasigrammar" not in h.snippet + h.title for h in everything.hits) or sees
    page = client_as(persona).get("/ru/search/?q=квазиграмматика")
    if persona == "public_visitor":
        assert page.status_code == 302
    else:
        assert ("Секретный план" in page.content.decode()) == sees
    api = client_as(persona).get("/api/v1/search?q=квазиграмматика")
    assert api.status_code == 200 and api.json()["total"] == (1 if sees else 0)
    assert (
        client_as(persona)
        .get("/ru/public/search/?q=квазиграмматика")
        .content.decode()
        .count("Секретный план")
        == 0
    )


def test_the_index_follows_visibility_and_deletions(
    secret, kazakh_representative, russian_representative
):
    assert search(russian_representative, "квазиграмматика").total == 0
    secret.released_to.add(MemberState.objects.get(iso2="RU"))
    assert search(russian_representative, "квазиграмматика").total == 1
    secret.released_to.remove(MemberState.objects.get(iso2="RU"))
    assert search(russian_representative, "квазиграмматика").total == 0
    assert (
        SearchEntry.objects.filter(kind="document", object_id=str(secret.pk)).count() == 2
    )  # one entry per language


def test_scheduled_publishing_with_frozen_time(client_as, secretariat_officer):
    when = timezone.now() + dt.timedelta(days=3)
    pub = publish(
        secretariat_officer,
        when=when,
        title_ru="Анонс учения «Квазиграмма»",
        title_en="Exercise Quasigram announced",
    )
    anyone = client_as("public_visitor")
    assert anyone.get(f"/ru/public/p/{pub.slug}/").status_code == 404
    assert (
        search(None, "квазиграмма").total == 0
        and "Квазиграмма" not in anyone.get("/ru/public/section/news/").content.decode()
    )
    with time_machine.travel(when + dt.timedelta(minutes=1)):
        assert anyone.get(f"/ru/public/p/{pub.slug}/").status_code == 200
        assert search(None, "квазиграмма").total == 1
        assert "Квазиграмма" in anyone.get("/ru/public/section/news/").content.decode()


def test_unpublishing_keeps_the_address_answering(client_as, secretariat_officer):
    pub = publish(
        secretariat_officer, title_ru="Квазиграмма отменена", title_en="Quasigram cancelled"
    )
    services.unpublish_publication(
        pub,
        actor=secretariat_officer,
        note_ru="Опубликовано по ошибке.",
        note_en="Published by mistake.",
    )
    page = client_as("public_visitor").get(f"/en/public/p/{pub.slug}/")
    assert (
        page.status_code == 410
        and "withdrawn" in page.content.decode()
        and "Published by mistake." in page.content.decode()
    )
    assert search(None, "квазиграмма").total == 0
    assert [r.what for r in pub.revisions.order_by("number")] == ["save", "publish", "unpublish"]


def test_bodies_are_sanitised(secretariat_officer):
    pub = publish(
        secretariat_officer,
        title_en="Quasigram",
        body_en='<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:x()">a</a> <a href="https://example.org">b</a></p>',
    )
    assert (
        "<script" not in pub.body_en
        and "onclick" not in pub.body_en
        and "javascript:" not in pub.body_en
        and 'href="https://example.org"' in pub.body_en
    )


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        '"',
        '"""',
        "*",
        "OR",
        "AND NOT",
        "NEAR(a b)",
        "'; DROP TABLE publications_publication; --",
        "x" * 5000,
        'ратиф* AND ratif* "коллектив',
        "col:val ^ -minus +plus",
        "日本語 العربية ратификация",
    ],
)
def test_odd_queries_answer_with_results_or_a_message(client_as, query):
    page = client_as("public_visitor").get("/ru/public/search/", {"q": query})
    assert page.status_code in (200, 400)
    results = search(None, query)
    assert results.total >= 0 and (results.hits or results.message)
    assert client_as("kazakh_representative").get("/api/v1/search", {"q": query}).status_code == 200


def test_only_secretariat_editors_edit(client_as):
    for persona in PERSONAS:
        response = client_as(persona).get("/en/publications/")
        assert response.status_code == (
            200
            if persona in ("secretariat_officer", "secretariat_administrator")
            else 302
            if persona == "public_visitor"
            else 403
        )


def test_editing_through_the_page_and_a_stale_form(client_as):
    client = client_as("secretariat_officer")
    form = {
        "section": "news",
        "title_ru": "Квазиграмма",
        "summary_ru": "",
        "body_ru": "<p>Текст</p>",
        "title_en": "",
        "summary_en": "",
        "body_en": "",
    }
    response = client.post("/en/publications/new/", form)
    pub = Publication.objects.get(title_ru="Квазиграмма")
    assert response.status_code == 302 and pub.status == Status.DRAFT
    assert (
        client.post(
            f"/en/publications/{pub.pk}/", {**form, "body_en": "<p>x</p>", "version": pub.version}
        ).status_code
        == 400
    )  # text without title
    assert (
        client.post(
            f"/en/publications/{pub.pk}/",
            {**form, "title_ru": "Квазиграмма 2", "version": pub.version},
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"/en/publications/{pub.pk}/",
            {**form, "title_ru": "Квазиграмма 3", "version": pub.version},
        ).status_code
        == 400
    )  # stale
    client.post(f"/en/publications/{pub.pk}/publish/", {"at": ""})
    pub.refresh_from_db()
    assert pub.title_ru == "Квазиграмма 2" and pub.is_live()
    page = client_as("public_visitor").get(f"/en/public/p/{pub.slug}/")
    assert page.status_code == 200 and 'data-testid="missing-language"' in page.content.decode()


def test_feeds_validate_and_the_sitemap_has_language_alternates(client_as):
    client = client_as("public_visitor")
    for language in ("ru", "en"):
        for kind in ("rss", "atom"):
            feed = feedparser.parse(
                io.BytesIO(client.get(f"/{language}/public/section/news/{kind}.xml").content)
            )
            assert not feed.bozo and feed.entries and all(e.title and e.link for e in feed.entries)
            assert feed.version == ("rss20" if kind == "rss" else "atom10")
    assert client.get("/en/public/section/nonsense/rss.xml").status_code == 404
    sitemap = client.get("/sitemap.xml").content.decode()
    assert 'hreflang="ru"' in sitemap and 'hreflang="en"' in sitemap and "/en/public/p/" in sitemap
    home = client.get("/en/public/").content.decode()
    assert 'rel="alternate" hreflang="ru" href="http://testserver/ru/public/"' in home


def test_drafts_made_by_other_modules_wait_for_an_editor(
    secretariat_officer, django_capture_on_commit_callbacks
):
    statement = Publication.objects.get(source_kind="consultation")
    assert statement.section == "statement"
    stage = Stage.objects.get(name_en="Red Dune")
    with django_capture_on_commit_callbacks(execute=True):  # drafts follow the commit
        operation_services.save_press_release(
            stage,
            actor=secretariat_officer,
            title_ru="Итоги «Красной дюны»",
            title_en="Red Dune results",
            body_ru="Изъято 9 т.",
            body_en="9 t seized.",
            version=None,
        )
    draft = Publication.objects.get(source_kind="press_release", source_id=str(stage.pk))
    assert (
        draft.status == Status.DRAFT
        and draft.body_en == "<p>9 t seized.</p>"
        and search(None, "Red Dune results").total == 0
    )
    six = MemberState.objects.all()
    protocol = agreement_services.create_agreement(
        actor=secretariat_officer,
        signatories=list(six),
        kind="protocol",
        title_ru="Протокол о продлении",
        title_en="Protocol on extending",
        rule={"threshold": {"count": 5}},
        signed_on=dt.date(1999, 4, 2),
    )
    with django_capture_on_commit_callbacks(execute=True):
        for state in six.exclude(iso2="TJ"):
            agreement_services.record_action(
                protocol,
                actor=secretariat_officer,
                state=state,
                type="notification",
                date=dt.date(1999, 6, 1),
            )
    news = Publication.objects.get(source_kind="agreement", source_id=str(protocol.pk))
    assert (
        news.status == Status.DRAFT
        and "01.06.1999" in news.title_ru
        and "1 June 1999" in news.title_en
    )


def test_public_api_lists_and_filters(client_as):
    client = client_as("public_visitor")
    page = client.get("/api/v1/publications", {"section": "statement", "language": "en"}).json()
    assert page["count"] >= 5 and all(
        item["section"] == "statement" and item["title_en"] for item in page["items"]
    )
    slug = page["items"][0]["slug"]
    assert client.get(f"/api/v1/publications/{slug}").json()["body_en"]
    assert client.get("/api/v1/publications/no-such-thing").status_code == 404
    assert client.get("/api/v1/publications", {"section": "gossip"}).status_code == 422


def test_broad_queries_rank_their_newest_matches(client_as, secretariat_officer, monkeypatch):
    from concord.publications import search as searching

    old = publish(
        secretariat_officer,
        when=timezone.now() - dt.timedelta(days=900),
        title_en="Quasigram archive",
    )
    new = publish(secretariat_officer, title_en="Quasigram news")
    results = search(None, "quasigram")
    assert (results.total, results.more) == (2, False)
    assert [h.entry.object_id for h in results.hits] == [str(new.pk), str(old.pk)]
    monkeypatch.setattr(searching, "COUNT_UP_TO", 1)  # two matches are "very many"
    results = search(None, "quasigram")
    assert (results.total, results.more) == (1, True)
    assert [h.entry.object_id for h in results.hits] == [str(new.pk)] and results.pages == 1
    page = client_as("public_visitor").get("/en/public/search/", {"q": "quasigram"})
    assert "More than 1 result" in page.content.decode()
    api = client_as("public_visitor").get("/api/v1/search", {"q": "quasigram"}).json()
    assert (api["total"], api["more"]) == (1, True)


def test_what_a_user_may_not_see_never_makes_the_count_say_more(
    request, secretariat_officer, russian_representative, kazakh_representative, monkeypatch
):
    from concord.publications import search as searching

    publish(
        secretariat_officer, title_ru="Квазиграмматика для всех", title_en="Quasigrammar for all"
    )
    request.getfixturevalue("secret")  # newer than the publication: found first, if it were found
    monkeypatch.setattr(searching, "COUNT_UP_TO", 1)
    for user in (None, russian_representative):
        results = search(user, "квазиграмматика")
        assert (results.total, results.more) == (1, False)
        assert results.hits[0].title == "<mark>Квазиграмматика</mark> для всех"
    assert search(kazakh_representative, "квазиграмматика").more


def test_filters_narrow_what_is_found(secret, secretariat_officer, kazakh_representative):
    publish(
        secretariat_officer,
        when=timezone.now() - dt.timedelta(days=400),
        section="statement",
        title_ru="Заявление о квазиграмматике",
        title_en="Statement on quasigrammar",
    )
    today = timezone.localdate()

    def found(**filters):
        return search(kazakh_representative, "квазиграмматика", **filters).total

    assert found() == 2 and found(kinds=["document"]) == 1 and found(section="statement") == 1
    assert found(end=today - dt.timedelta(days=300)) == 1 and found(start=today) == 1
    assert found(language="en") == 0 and search(None, "квазиграмматика").total == 1
