"""Notifications by e-mail, in each user's language and as the user chose (`User.mail_mode`): each at
once (right after the act commits, or on the scheduler's next tick for those made in bulk or whose
mail failed), or all of a day's in one digest. A notification is mailed once: whoever sends it first
claims it by setting `emailed_at` in a conditional UPDATE."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from concord.accounts.models import MailMode, User
from concord.audit.services import record
from concord.core.actors import SYSTEM

from .codes import Verb
from .models import Notification

log = logging.getLogger(__name__)


def _link(url: str) -> str:
    return f"{settings.CONCORD_SITE_URL.rstrip('/')}{url}" if url else ""


def _subject(n: Notification, language: str) -> str:
    return n.subject_ru if language == "ru" else n.subject_en


def _claim(ids: Iterable[int], now: dt.datetime) -> list[int]:
    """The notifications this caller won the right to mail (nobody has mailed or claimed them)."""
    return [
        pk
        for pk in ids
        if Notification.objects.filter(pk=pk, emailed_at__isnull=True).update(emailed_at=now)
    ]


def _release(ids: list[int]) -> None:
    Notification.objects.filter(pk__in=ids).update(emailed_at=None)


def _one_message(user: User, items: list[Notification], *, digest: bool = False) -> EmailMessage:
    """What happened and the link to it, in the user's language, with the user's choice of delivery
    and where to change it."""
    with translation.override(user.language):
        if len(items) == 1 and not digest:
            subject = _subject(items[0], user.language)
            body = f"{subject}\n\n{_link(items[0].path_in(user.language))}\n\n" + _(
                "You receive each notification at once; change this in your profile."
            )
            body += "\n"
        else:
            subject = ngettext(
                "Concord: %(count)d new notification",
                "Concord: %(count)d new notifications",
                len(items),
            ) % {"count": len(items)}
            body = "\n\n".join(
                f"• {_subject(n, user.language)}\n  {_link(n.path_in(user.language))}"
                for n in items
            )
            body += "\n\n" + _("You receive one digest a day; change this in your profile.") + "\n"
    return EmailMessage(subject[:200], body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _mail(pending: dict[User, list[Notification]], now: dt.datetime, *, digest: bool) -> int:
    """Mail each user's pending notifications (one mail each, or one per user with `digest`);
    returns the mails sent. A mail that fails is released for the next run."""
    sent = 0
    with get_connection() as connection:
        for user, items in pending.items():
            ids = _claim([n.pk for n in items], now)
            mine = [n for n in items if n.pk in set(ids)]
            groups = [mine] if digest and mine else [[n] for n in mine]
            for i, group in enumerate(groups):
                try:
                    connection.send_messages([_one_message(user, group, digest=digest)])
                except OSError:
                    log.exception("Mail to user %s failed; it will be tried again", user.pk)
                    _release([n.pk for g in groups[i:] for n in g])
                    break
                sent += 1
    return sent


def _pending(mode: str, ids: Iterable[int] | None = None) -> dict[User, list[Notification]]:
    qs = Notification.objects.filter(
        emailed_at__isnull=True, user__is_active=True, user__mail_mode=mode
    ).exclude(user__email="")
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    by_user: dict[User, list[Notification]] = defaultdict(list)
    for n in qs.select_related("user").order_by("created_at", "pk"):
        by_user[n.user].append(n)
    return by_user


def mail_at_once(ids: Iterable[int]) -> int:
    """Mail these notifications now to users who want each at once (after the act's commit)."""
    return _mail(_pending(MailMode.IMMEDIATE, ids), timezone.now(), digest=False)


def mail_notifications(*, now: dt.datetime) -> int:
    """Every notification still unmailed to a user who wants each at once; audited when any went."""
    sent = _mail(_pending(MailMode.IMMEDIATE), now, digest=False)
    if sent:
        record(Verb.MAIL_NOTIFICATIONS, actor=SYSTEM, summary=f"{sent} notification mails sent")
    return sent


def mail_digests(*, now: dt.datetime) -> int:
    """One mail per user who wants a daily digest, with all their unmailed notifications."""
    sent = _mail(_pending(MailMode.DAILY), now, digest=True)
    if sent:
        record(Verb.MAIL_NOTIFICATIONS, actor=SYSTEM, summary=f"{sent} daily digests sent")
    return sent
