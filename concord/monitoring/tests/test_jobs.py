"""The early-warning job runs the detector over the last complete month, once."""

from __future__ import annotations

import datetime as dt

from concord.audit.models import Entry
from concord.monitoring import jobs
from concord.monitoring.models import Alert


def test_the_last_complete_month_is_the_one_before():
    assert jobs.last_complete_month(dt.datetime(2018, 4, 1, 0, 0, tzinfo=dt.UTC)) == 2018 * 12 + 2
    assert jobs.last_complete_month(dt.datetime(2018, 1, 15, tzinfo=dt.UTC)) == 2017 * 12 + 11


def test_the_early_warning_job_raises_the_months_alerts_once(db):
    Alert.objects.filter(area="Rif Dimashq Governorate", period="2018-03-01").delete()
    now = dt.datetime(2018, 4, 2, 3, 0, tzinfo=dt.UTC)
    before = Entry.objects.filter(verb="monitoring.alert.raise").count()
    assert "2018-03" in jobs.early_warning(now)
    assert Alert.objects.filter(area="Rif Dimashq Governorate", period="2018-03-01").exists()
    raised = Entry.objects.filter(verb="monitoring.alert.raise").count()
    assert raised > before
    alerts, entries = Alert.objects.count(), Entry.objects.count()
    jobs.early_warning(now)
    assert (Alert.objects.count(), Entry.objects.count()) == (alerts, entries)
