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

from concord.audit.services import record
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.core.models import viewer_of

from .models import Publication, Revision, Tag
from .states import Section, Status

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
    """Only the tags a publication needs; scripts, styles, event handlers and javascript: links go."""
    return nh3.clean(
        text,
        tags=TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def is_editor(user: Any) -> bool:
    return user is None or viewer_of(user).is_secretariat_officer


def require_editor(user: Any) -> None:
    if not is_editor(user):
        raise NotAllowed("not_allowed", _("Only a Secretariat editor may do this."))


def _snapshot(pub: Publication) -> dict[str, Any]:
    return {
        **{f: getattr(pub, f) for f in FIELDS},
        "status": pub.status,
        "publish_at": pub.publish_at.isoformat() if pub.publish_at else None,
        "tags": sorted(pub.tags.values_list("slug", flat=True)) if pub.pk else [],
    }


def _revise(actor: Any, pub: Publication, what: str) -> None:
    number = (pub.revisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    Revision.objects.create(
        publication=pub,
        number=number,
        by=actor if getattr(actor, "pk", None) else None,
        what=what,
        snapshot=_snapshot(pub),
    )
    record(actor, verb=f"publications.{what}", target=pub, summary=pub.title_en or pub.title_ru)


def _unique_slug(title: str, date: dt.date) -> str:
    base = f"{date:%Y-%m-%d}-{slugify(title)[:80] or 'publication'}".strip("-")
    slug, n = base, 2
    while Publication.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check(values: dict[str, Any]) -> None:
    if values.get("section") not in Section.values:
        raise DomainError("bad_section", _("Choose a section."), field="section")
    if not (values.get("title_ru", "").strip() or values.get("title_en", "").strip()):
        raise DomainError(
            "title_required",
            _("A publication needs a title in at least one language."),
            field="title_ru",
        )
    for lang in ("ru", "en"):
        if values.get(f"body_{lang}", "").strip() and not values.get(f"title_{lang}", "").strip():
            raise DomainError(
                "title_required",
                _("A text in a language needs its title in that language."),
                field=f"title_{lang}",
            )


@transaction.atomic
def save_draft(
    actor: Any,
    pub: Publication | None,
    *,
    tags: list[Tag] | None = None,
    version: int | None = None,
    source: tuple[str, str] | None = None,
    **values: Any,
) -> Publication:
    """Create or change a publication's texts (a published one stays published with the new text)."""
    require_editor(actor)
    values = {k: (v or "").strip() for k, v in values.items() if k in FIELDS}
    values["body_ru"], values["body_en"] = (
        clean_html(values.get("body_ru", "")),
        clean_html(values.get("body_en", "")),
    )
    _check(values)
    if pub is None:
        pub = Publication(
            slug=_unique_slug(
                values.get("title_en") or values.get("title_ru", ""), timezone.localdate()
            ),
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        if source:
            pub.source_kind, pub.source_id = source
    else:
        pub = _locked(
            pub,
            version,
            _(
                "Someone changed this publication since you opened it. Reload it: your input was kept below."
            ),
        )
        pub.version += 1
    for name, value in values.items():
        setattr(pub, name, value)
    pub.save()
    if tags is not None:
        pub.tags.set(tags)
    _revise(actor, pub, "save")
    return pub


def _locked(pub: Publication, version: int | None, why: str = "") -> Publication:
    """The publication locked until the transaction ends; Conflict if it changed since the caller
    read `version` (None: the caller does not know it)."""
    locked = Publication.objects.select_for_update().get(pk=pub.pk)
    if version is not None and locked.version != version:
        raise Conflict(
            "stale", why or _("Someone changed this publication since you opened it. Reload it.")
        )
    return locked


@transaction.atomic
def publish(
    actor: Any, pub: Publication, *, at: dt.datetime | None = None, version: int | None = None
) -> Publication:
    """Publish now, or at `at` (it appears by itself then)."""
    require_editor(actor)
    pub = _locked(pub, version)
    if not pub.languages:
        raise DomainError(
            "title_required", _("A publication needs a title in at least one language.")
        )
    pub.status, pub.publish_at, pub.version = (
        Status.PUBLISHED,
        at or timezone.now(),
        pub.version + 1,
    )
    pub.unpublished_note_ru = pub.unpublished_note_en = ""
    pub.save()
    _revise(actor, pub, "publish")
    return pub


@transaction.atomic
def unpublish(
    actor: Any,
    pub: Publication,
    *,
    note_ru: str = "",
    note_en: str = "",
    version: int | None = None,
) -> Publication:
    """Withdrawn from the site; its address answers with the reason instead of disappearing."""
    require_editor(actor)
    pub = _locked(pub, version)
    if pub.status != Status.PUBLISHED:
        raise DomainError("not_published", _("Only a published text is withdrawn."))
    pub.status, pub.version = Status.UNPUBLISHED, pub.version + 1
    pub.unpublished_note_ru, pub.unpublished_note_en = note_ru.strip()[:300], note_en.strip()[:300]
    pub.save()
    _revise(actor, pub, "unpublish")
    return pub


def draft_from(
    kind: str,
    object_id: Any,
    *,
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
        None,
        source=(kind, str(object_id)),
        section=section,
        title_ru=title_ru,
        title_en=title_en,
        summary_ru=summary_ru,
        summary_en=summary_en,
        body_ru=body_ru,
        body_en=body_en,
    )
