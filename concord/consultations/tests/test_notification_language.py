"""Notifications in the reader's language (issue 21): what happened, and a link to it that keeps the
reader's language, in the application's list and by e-mail, at once or in the daily digest."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from concord.accounts import services as accounts
from concord.consultations import jobs, rules
from concord.consultations.models import Notification
from concord.consultations.notifications import notify

LANGUAGES = ["ru", "en"]
NOW = dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC)
SITE = "https://concord.example.org"


def test_a_path_loses_its_language_prefix():
    assert rules.neutral_path("/ru/consultations/5/", LANGUAGES) == "/consultations/5/"
    assert rules.neutral_path("/en/consultations/5/", LANGUAGES) == "/consultations/5/"
    assert rules.neutral_path("/consultations/5/", LANGUAGES) == "/consultations/5/"
    assert rules.neutral_path("/rules/5/", LANGUAGES) == "/rules/5/"  # not a language
    assert rules.neutral_path("", LANGUAGES) == ""


def test_a_path_is_read_in_the_readers_language():
    assert rules.path_in("/ru/agreements/3/", "en", LANGUAGES) == "/en/agreements/3/"
    assert rules.path_in("/agreements/3/", "ru", LANGUAGES) == "/ru/agreements/3/"
    assert rules.path_in("", "en", LANGUAGES) == ""


segment = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8)


@given(st.lists(segment, min_size=1, max_size=4), st.sampled_from([*LANGUAGES, None]))
def test_whatever_the_writers_language_each_reader_gets_their_own(parts, written_in):
    path = "/" + "/".join(parts) + "/"
    stored = f"/{written_in}{path}" if written_in else path
    for language in LANGUAGES:
        read = rules.path_in(stored, language, LANGUAGES)
        assert read.startswith(f"/{language}/")
        assert rules.neutral_path(read, LANGUAGES) == rules.neutral_path(stored, LANGUAGES)


@pytest.fixture
def board_url(db) -> str:
    """A page's address as `reverse` gives it to a writer acting in Russian."""
    with translation.override("ru"):
        return reverse("consultations:consultation-detail", args=[1])


def test_a_notification_keeps_the_page_without_the_writers_language(
    kazakh_representative, board_url
):
    assert board_url.startswith("/ru/")
    notify([kazakh_representative], subject_ru="Итог", subject_en="Outcome", url=board_url)
    n = Notification.objects.filter(user=kazakh_representative).first()
    assert n is not None and n.url == "/consultations/1/"


@pytest.mark.parametrize(
    ("language", "subject", "other"),
    [
        ("en", "Stage closed: the question adopted", "Этап закрыт"),
        ("ru", "Этап закрыт", "Stage closed"),
    ],
)
def test_the_notification_list_speaks_the_readers_language(
    language, subject, other, kazakh_representative, board_url, client_as
):
    notify(
        [kazakh_representative],
        subject_ru="Этап закрыт: вопрос принят",
        subject_en="Stage closed: the question adopted",
        url=board_url,
    )
    page = client_as("kazakh_representative").get(f"/{language}/consultations/notifications/")
    html = page.content.decode()
    assert subject in html and other not in html
    assert f'href="/{language}/consultations/1/"' in html


@override_settings(CONCORD_SITE_URL=SITE)
@pytest.mark.parametrize(
    ("language", "subject", "footer"),
    [
        ("en", "Stage closed", "You receive each notification at once"),
        ("ru", "Этап закрыт", "Вы получаете каждое уведомление сразу"),
    ],
)
def test_an_immediate_mail_says_what_happened_and_links_in_the_readers_language(
    language, subject, footer, kz_mailed, board_url, django_capture_on_commit_callbacks
):
    accounts.change_mail_settings(kz_mailed, actor=kz_mailed, mode="immediate", language=language)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify([kz_mailed], subject_ru="Этап закрыт", subject_en="Stage closed", url=board_url)
    [message] = mail.outbox
    assert message.subject == subject and message.to == ["kz@example.org"]
    assert f"{SITE}/{language}/consultations/1/" in message.body
    assert footer in message.body


@override_settings(CONCORD_SITE_URL=SITE)
@pytest.mark.parametrize(
    ("language", "subject", "first", "footer"),
    [
        ("en", "Concord: 2 new notifications", "First", "one digest a day"),
        ("ru", "Concord: 2 новых уведомления", "Первое", "одну сводку в день"),
    ],
)
def test_the_daily_digest_gathers_the_days_notifications_in_the_readers_language(
    language, subject, first, footer, kz_mailed, board_url, django_capture_on_commit_callbacks
):
    accounts.change_mail_settings(kz_mailed, actor=kz_mailed, mode="daily", language=language)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify([kz_mailed], subject_ru="Первое", subject_en="First", url=board_url)
        notify([kz_mailed], subject_ru="Второе", subject_en="Second", url="/en/agreements/3/")
    assert mail.outbox == []  # not at once: in the digest
    assert jobs.mail_digests(NOW)
    [message] = mail.outbox
    assert message.subject == subject
    assert first in message.body and footer in message.body
    assert f"{SITE}/{language}/consultations/1/" in message.body
    assert f"{SITE}/{language}/agreements/3/" in message.body


@override_settings(CONCORD_SITE_URL=SITE)
def test_a_digest_of_one_notification_still_says_it_is_the_digest(
    kz_mailed, django_capture_on_commit_callbacks
):
    accounts.change_mail_settings(kz_mailed, actor=kz_mailed, mode="daily", language="en")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify([kz_mailed], subject_ru="Одно", subject_en="One", url="/ru/agreements/3/")
    jobs.mail_digests(NOW)
    [message] = mail.outbox
    assert "one digest a day" in message.body and f"{SITE}/en/agreements/3/" in message.body


def test_an_older_notification_stored_with_a_language_is_read_in_the_readers(
    kazakh_representative, client_as
):
    Notification.objects.create(
        user=kazakh_representative, subject_ru="Старое", subject_en="Old", url="/ru/agreements/3/"
    )
    html = client_as("kazakh_representative").get("/en/consultations/notifications/").content
    assert b'href="/en/agreements/3/"' in html
