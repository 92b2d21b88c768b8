"""Publishing at a set time needs nothing at that moment (pages, feeds and search filter on the
time as they read); the job only makes sure every live publication can be found."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from concord.audit.models import Entry
from concord.publications import jobs, services
from concord.publications.models import SearchEntry
from concord.publications.search import search


def test_a_live_publication_missing_from_the_index_is_indexed_once(secretariat_officer):
    pub = services.save_draft(
        None,
        actor=secretariat_officer,
        section="news",
        title_ru="Учения «Взаимодействие»",
        title_en="Exercise Interaction",
        body_ru="",
        body_en="",
    )
    soon = timezone.now() + dt.timedelta(hours=1)
    services.publish_publication(pub, actor=secretariat_officer, at=soon)
    assert search(None, "Interaction", now=soon + dt.timedelta(minutes=1)).total >= 1
    SearchEntry.objects.filter(kind="publication", object_id=str(pub.pk)).delete()
    assert jobs.index_live(soon - dt.timedelta(minutes=1)) == ""  # not live yet: nothing to do
    before = Entry.objects.count()
    assert jobs.index_live(soon + dt.timedelta(minutes=1)) == "1 live publication(s) indexed"
    assert Entry.objects.filter(verb="publications.index_live").count() >= 1
    assert search(None, "Interaction", now=soon + dt.timedelta(minutes=1)).total >= 1
    after = Entry.objects.count()
    assert after == before + 1
    assert jobs.index_live(soon + dt.timedelta(minutes=2)) == ""
    assert Entry.objects.count() == after
