"""The consultations' scheduled jobs: each does what is due once, audited, and nothing the second time."""

from __future__ import annotations

import datetime as dt

from django.core import mail

from concord.accounts import services as accounts
from concord.audit.models import Entry
from concord.consultations import jobs, services
from concord.consultations.models import Notification, Stage
from concord.consultations.notifications import notify
from concord.consultations.states import StageMode, StageStatus
from tests.builders import a_question

NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)  # a Monday


def entries() -> int:
    return Entry.objects.count()


def test_closing_due_procedures_closes_once_and_audits_once(secretariat_officer):
    question = a_question(secretariat_officer, now=NOW)
    stage = services.open_stage(
        question, actor=secretariat_officer, now=NOW, mode=StageMode.WRITTEN, consent="silence"
    )
    after = stage.deadline + dt.timedelta(minutes=1)
    before = entries()
    assert "closed" in jobs.close_procedures(after)
    assert Stage.objects.get(pk=stage.pk).status == StageStatus.CLOSED
    assert Entry.objects.filter(verb="consultations.close_due_procedures").exists()
    done = entries()
    assert done > before
    assert jobs.close_procedures(after) == ""
    assert entries() == done


def test_a_notification_is_mailed_at_once_after_the_commit_in_the_users_language(
    kz_mailed, django_capture_on_commit_callbacks
):
    accounts.change_mail_settings(kz_mailed, actor=kz_mailed, mode="immediate", language="en")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify([kz_mailed], subject_ru="Срок", subject_en="Deadline", url="/x/")
    assert [(m.subject, m.to) for m in mail.outbox] == [("Deadline", ["kz@example.org"])]
    assert not Notification.objects.filter(user=kz_mailed, emailed_at__isnull=True).exists()
    assert jobs.mail_notifications(NOW) == ""  # already mailed
    assert len(mail.outbox) == 1


def test_notifications_made_in_bulk_are_mailed_on_the_next_tick_once(kz_mailed):
    accounts.change_mail_settings(kz_mailed, actor=kz_mailed, mode="immediate", language="ru")
    Notification.objects.bulk_create(
        [
            Notification(user=kz_mailed, subject_ru=f"Итог {i}", subject_en=f"Outcome {i}")
            for i in range(2)
        ]
    )
    mail.outbox.clear()
    before = entries()
    assert jobs.mail_notifications(NOW) == "2 notification mail(s) sent"
    assert sorted(m.subject for m in mail.outbox) == ["Итог 0", "Итог 1"]
    assert entries() == before + 1
    assert jobs.mail_notifications(NOW) == ""
    assert len(mail.outbox) == 2 and entries() == before + 1


def test_a_daily_digest_is_one_mail_with_the_unsent_notifications(
    kz_mailed, django_capture_on_commit_callbacks
):
    accounts.change_mail_settings(kz_mailed, actor=kz_mailed, mode="daily", language="ru")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify([kz_mailed], subject_ru="Первое", subject_en="First")
        notify([kz_mailed], subject_ru="Второе", subject_en="Second")
    assert mail.outbox == []  # not at once: in the digest
    assert jobs.mail_notifications(NOW) == ""
    before = entries()
    assert jobs.mail_digests(NOW) == "1 daily digest(s) sent"
    (digest,) = mail.outbox
    assert digest.to == ["kz@example.org"] and "2" in digest.subject
    assert "Первое" in digest.body and "Второе" in digest.body and "Second" not in digest.body
    assert entries() == before + 1
    assert jobs.mail_digests(NOW) == ""
    assert len(mail.outbox) == 1 and entries() == before + 1


def test_a_mail_that_fails_is_tried_again(kz_mailed, monkeypatch):
    accounts.change_mail_settings(kz_mailed, actor=kz_mailed, mode="immediate", language="en")
    Notification.objects.create(user=kz_mailed, subject_ru="Итог", subject_en="Outcome")

    def refuse(self, messages):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    assert jobs.mail_notifications(NOW) == ""
    assert Notification.objects.filter(user=kz_mailed, emailed_at__isnull=True).count() == 1
    monkeypatch.undo()
    mail.outbox.clear()
    assert jobs.mail_notifications(NOW) == "1 notification mail(s) sent"
