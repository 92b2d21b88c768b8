"""Telling delegations what happened: in the application at once, by e-mail after the commit.

Other apps (the depositary's notices) notify through here too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from concord.accounts.models import User
from concord.core.rules import SPEAKS_FOR_STATE
from concord.organization.models import MemberState

from . import mailing, rules
from .models import Consultation, Notification, Stage
from .outcomes import members

DIGEST_ABOVE = 50


def _neutral(url: str) -> str:
    """A notification keeps the page's path without a language: `reverse` gives the writer's
    (`/ru/…` when a Russian-speaking officer acted), and each reader gets their own (`rules.path_in`)."""
    return rules.neutral_path(url, [code for code, _name in settings.LANGUAGES])


def delegates_of(states: Iterable[MemberState | int]) -> list[User]:
    """The users who speak for `states`: their permanent representatives and national coordinators."""
    ids = [s if isinstance(s, int) else s.pk for s in states]
    return list(
        User.objects.filter(
            is_active=True,
            affiliations__state_id__in=ids,
            affiliations__active=True,
            affiliations__role__in=[r.value for r in SPEAKS_FOR_STATE],
        ).distinct()
    )


def notify(users: Sequence[User], *, subject_ru: str, subject_en: str, url: str = "") -> None:
    """In the application at once; by e-mail after the transaction commits to those who want each
    at once (the others get it in their daily digest: `mailing`)."""
    made = Notification.objects.bulk_create(
        [
            Notification(
                user=u, subject_ru=subject_ru[:300], subject_en=subject_en[:300], url=_neutral(url)
            )
            for u in users
        ]
    )
    ids = [n.pk for n in made if n.user.email]
    if ids:
        transaction.on_commit(lambda: mailing.mail_at_once(ids))


def tell_members(url: str, *, subject_ru: str, subject_en: str) -> None:
    """Tell every member state's delegation (what a procedure's step means for all of them)."""
    notify(delegates_of(members()), url=url, subject_ru=subject_ru, subject_en=subject_en)


def board_url(consultation: Consultation) -> str:
    return reverse("consultations:consultation-detail", kwargs={"pk": consultation.pk})


def notify_outcomes(stages: list[Stage], states: list[MemberState]) -> None:
    """One notification per outcome; when many procedures end at once, one digest per person."""
    users = delegates_of(states)
    if len(stages) > DIGEST_ABOVE:
        url = _neutral(reverse("consultations:consultation-list"))
        Notification.objects.bulk_create(
            [
                Notification(
                    user=u,
                    url=url,
                    subject_ru=f"Завершено опросных процедур: {len(stages)}",
                    subject_en=f"{len(stages)} written procedures closed",
                )
                for u in users
            ]
        )
        return
    notifications = [
        Notification(
            user=u,
            url=_neutral(board_url(s.consultation)),
            subject_ru=f"Итог опросного порядка: {s.consultation.title_ru} — {s.explanation_ru}"[
                :300
            ],
            subject_en=f"Written procedure closed: {s.consultation.title_en} — {s.explanation_en}"[
                :300
            ],
        )
        for s in stages
        for u in users
    ]
    Notification.objects.bulk_create(notifications, batch_size=2000)


def mark_read(user_id: int, *, ids: Sequence[int] | None, now: dt.datetime) -> int:
    """The user's own notifications (all, or `ids`) read; nothing to audit."""
    qs = Notification.objects.filter(user_id=user_id, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=now)
