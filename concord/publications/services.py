"""The editorial workflow: drafts in two languages, publishing now or at a set time, unpublishing, and
drafts made automatically from what other modules adopt. Every change is a revision and an audit entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

import nh3
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.audit.services import record
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import DomainError

from . import permissions
from .codes import Code, Verb
from .models import Publication, Revision, Tag
from .states import PUBLICATION_FLOW, Section, Status

TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "h2",
    "h3",
    "blockquote",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
FIELDS = ["section", "title_ru", "title_en", "summary_ru", "summary_en", "body_ru", "body_en"]


def clean_html(text: str) -> str:
    """Only the tags a publication needs; scripts, styles, event handlers and javascript: links go.
    A non-breaking space (thousands in Russian figures) stays the character: the cleaner writes it
    as `&nbsp;`, which the editor would then see as a word in the text it edits."""
    return nh3.clean(
        text,
        tags=TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).replace("&nbsp;", "\u00a0")


EDITORS_ONLY = gettext_lazy("Only a Secretariat editor may do this.")


def _snapshot(pub: Publication) -> dict[str, Any]:
    return {
        **{f: getattr(pub, f) for f in FIELDS},
        "status": pub.status,
        "publish_at": pub.publish_at.isoformat() if pub.publish_at else None,
        "tags": sorted(pub.tags.values_list("slug", flat=True)) if pub.pk else [],
    }


def _revision(pub: Publication, *, actor: Actor, verb: Verb) -> None:
    """Every change keeps the whole publication as it now is."""
    number = (pub.revisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    Revision.objects.create(
        publication=pub,
        number=number,
        by=user_of(actor),
        what=verb.removeprefix("publications."),
        snapshot=_snapshot(pub),
    )


def unique_slug(title: str, date: dt.date) -> str:
    base = f"{date:%Y-%m-%d}-{slugify(title)[:80] or 'publication'}".strip("-")
    slug, n = base, 2
    while Publication.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check(values: dict[str, Any]) -> None:
    if values.get("section") not in Section.values:
        raise DomainError(Code.BAD_SECTION, _("Choose a section."), field="section")
    if not (values.get("title_ru", "").strip() or values.get("title_en", "").strip()):
        raise DomainError(
            Code.TITLE_REQUIRED,
            _("A publication needs a title in at least one language."),
            field="title_ru",
        )
    for lang in ("ru", "en"):
        if values.get(f"body_{lang}", "").strip() and not values.get(f"title_{lang}", "").strip():
            raise DomainError(
                Code.TITLE_REQUIRED,
                _("A text in a language needs its title in that language."),
                field=f"title_{lang}",
            )


@transaction.atomic
def save_draft(
    pub: Publication | None,
    *,
    actor: Actor,
    tags: list[Tag] | None = None,
    version: int | None = None,
    source: tuple[str, str] | None = None,
    **values: Any,
) -> Publication:
    """Create or change a publication's texts (a published one stays published with the new text)."""
    require(permissions.is_editor(actor), EDITORS_ONLY)
    values = {k: (v or "").strip() for k, v in values.items() if k in FIELDS}
    values["body_ru"] = clean_html(values.get("body_ru", ""))
    values["body_en"] = clean_html(values.get("body_en", ""))
    _check(values)
    if pub is None:
        pub = Publication(
            slug=unique_slug(
                values.get("title_en") or values.get("title_ru", ""), timezone.localdate()
            ),
            created_by=user_of(actor),
        )
        if source:
            pub.source_kind, pub.source_id = source
    else:
        pub = lock(pub, version=version)
        pub.version += 1
    for name, value in values.items():
        setattr(pub, name, value)
    pub.save()
    if tags is not None:
        pub.tags.set(tags)
    record(Verb.SAVE, actor=actor, target=pub, summary=pub.title_en or pub.title_ru)
    _revision(pub, actor=actor, verb=Verb.SAVE)
    return pub


@transaction.atomic
def publish_publication(
    pub: Publication, *, actor: Actor, at: dt.datetime | None = None, version: int | None = None
) -> Publication:
    """Publish now, or at `at` (it appears by itself then)."""
    require(permissions.can_publish(actor), EDITORS_ONLY)
    if not pub.languages:
        raise DomainError(
            Code.TITLE_REQUIRED, _("A publication needs a title in at least one language.")
        )
    pub = transition(
        pub,
        Status.PUBLISHED,
        flow=PUBLICATION_FLOW,
        actor=actor,
        verb=Verb.PUBLISH,
        version=version,
        summary=pub.title_en or pub.title_ru,
        publish_at=at or timezone.now(),
        unpublished_note_ru="",
        unpublished_note_en="",
    )
    _revision(pub, actor=actor, verb=Verb.PUBLISH)
    return pub


@transaction.atomic
def unpublish_publication(
    pub: Publication,
    *,
    actor: Actor,
    note_ru: str = "",
    note_en: str = "",
    version: int | None = None,
) -> Publication:
    """Withdrawn from the site; its address answers with the reason instead of disappearing."""
    require(permissions.can_publish(actor), EDITORS_ONLY)
    pub = transition(
        pub,
        Status.UNPUBLISHED,
        flow=PUBLICATION_FLOW,
        actor=actor,
        verb=Verb.UNPUBLISH,
        version=version,
        summary=pub.title_en or pub.title_ru,
        unpublished_note_ru=note_ru.strip()[:300],
        unpublished_note_en=note_en.strip()[:300],
    )
    _revision(pub, actor=actor, verb=Verb.UNPUBLISH)
    return pub


def draft_from(
    kind: str,
    object_id: Any,
    *,
    actor: Actor,
    section: str,
    title_ru: str,
    title_en: str,
    summary_ru: str = "",
    summary_en: str = "",
    body_ru: str = "",
    body_en: str = "",
) -> Publication | None:
    """An automatic draft for something adopted elsewhere; nothing if one was already made."""
    if Publication.objects.filter(source_kind=kind, source_id=str(object_id)).exists():
        return None
    return save_draft(
        None,
        actor=actor,
        source=(kind, str(object_id)),
        section=section,
        title_ru=title_ru,
        title_en=title_en,
        summary_ru=summary_ru,
        summary_en=summary_en,
        body_ru=body_ru,
        body_en=body_en,
    )
