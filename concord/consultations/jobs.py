"""The consultations' scheduled jobs (`core.scheduler`)."""

from __future__ import annotations

import datetime as dt

from concord.core.actors import SYSTEM
from concord.core.scheduler import job

from . import mailing
from .deadlines import close_due_procedures


@job("consultations.close_due_procedures", every=dt.timedelta(minutes=1))
def close_procedures(now: dt.datetime) -> str:
    closed, reminded = close_due_procedures(actor=SYSTEM, now=now)
    return (
        f"{closed} procedure(s) closed, {reminded} reminder(s) sent" if closed or reminded else ""
    )


@job("consultations.mail_notifications", every=dt.timedelta(minutes=1))
def mail_notifications(now: dt.datetime) -> str:
    sent = mailing.mail_notifications(now=now)
    return f"{sent} notification mail(s) sent" if sent else ""


@job("consultations.mail_digests", at=dt.time(6, 0))
def mail_digests(now: dt.datetime) -> str:
    sent = mailing.mail_digests(now=now)
    return f"{sent} daily digest(s) sent" if sent else ""
