"""The public site's demo: the publications of `demo_texts.py` (written from the facts of the domain
notes, each with its source) published on their dates, the drafts other modules made automatically
(adopted joint statements, an operation's press release) approved by the editor, one publication
scheduled for later and one withdrawn."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from concord.accounts.models import User
from concord.operations import outputs
from concord.operations import selectors as operations
from concord.operations import services as operation_services
from concord.operations.models import Stage

from . import services
from .demo_texts import PUBLICATIONS, TAGS
from .models import Publication, PublicSite, Tag
from .states import Status


def _at(day: str) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10, 0)))


def seed(*, password: str) -> list[str]:
    # Demo texts dated on historical days: every public page says they are a demonstration.
    PublicSite.objects.update_or_create(pk=1, defaults={"demo_notice": True})
    if Tag.objects.exists():
        return []
    editor = User.objects.get(username="secretariat")
    tags = {
        slug: Tag.objects.create(slug=slug, name_ru=ru, name_en=en)
        for slug, (ru, en) in TAGS.items()
    }
    made = []
    for item in PUBLICATIONS:
        pub = services.save_draft(
            None,
            actor=editor,
            tags=[tags[t] for t in item["tags"] if t in tags],
            **{k: item[k] for k in services.FIELDS},
        )
        Publication.objects.filter(pk=pub.pk).update(
            slug=services.unique_slug(
                item["title_en"] or item["title_ru"], dt.date.fromisoformat(item["date"])
            )
        )
        pub.refresh_from_db()
        made.append(services.publish_publication(pub, actor=editor, at=_at(item["date"])))
    # What the other modules made: a press release on Channel – Interception becomes a draft by itself.
    stage = Stage.objects.get(operation__code="channel", name_en="Interception")
    results = operations.results(editor, stage.operation, stage=stage)
    (title_ru, body_ru), (title_en, body_en) = (
        outputs.press_release(results, "ru"),
        outputs.press_release(results, "en"),
    )
    operation_services.save_press_release(
        stage,
        actor=editor,
        title_ru=title_ru,
        title_en=title_en,
        body_ru=body_ru,
        body_en=body_en,
        version=None,
    )
    # Two of the editor's own: an announcement scheduled for next week, and a text withdrawn (its address says so).
    notice = services.save_draft(
        None,
        actor=editor,
        section="news",
        title_ru="Ленты новостей сайта",
        title_en="The site's news feeds",
        summary_ru="Каждый раздел сайта доступен в форматах RSS и Atom.",
        summary_en="Every section of the site is available as RSS and Atom feeds.",
    )
    services.publish_publication(notice, actor=editor, at=timezone.now() + dt.timedelta(days=7))
    mistake = services.save_draft(
        None,
        actor=editor,
        section="news",
        title_ru="Опубликовано по ошибке",
        title_en="Published by mistake",
        summary_ru="Этот текст снят с публикации.",
        summary_en="This text was withdrawn.",
    )
    services.publish_publication(mistake, actor=editor, at=_at("2024-12-20"))
    services.unpublish_publication(
        mistake,
        actor=editor,
        note_ru="Текст опубликован по ошибке.",
        note_en="The text was published by mistake.",
    )
    return [f"Publications: {len(made)} published, one scheduled, one withdrawn."]


def publish_drafts_from_other_modules(*, password: str) -> list[str]:
    """The drafts other modules made (adopted statements, the press release saved above), approved
    by the editor. A seeder of its own: drafts are made when the transaction that caused them commits."""
    editor = User.objects.get(username="secretariat")
    automatic = list(Publication.objects.exclude(source_kind="").filter(status=Status.DRAFT))
    for pub in automatic:
        at = pub.created_at
        if pub.source_kind == "press_release":
            stage = operations.stage(editor, int(pub.source_id))
            at = _at(stage.ends_on.isoformat()) + dt.timedelta(days=3)
        services.publish_publication(pub, actor=editor, at=at)
    return [
        f"Publications: {len(automatic)} drafts made by other modules, published by the editor."
    ]
