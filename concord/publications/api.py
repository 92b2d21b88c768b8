from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja import Status as Reply
from ninja.pagination import paginate

from concord.accounts.api_auth import signed_in
from concord.core.actors import Someone, actor_of
from concord.core.api import ErrorOut, Pages
from concord.core.errors import Code as CoreCode
from concord.core.errors import DomainError, NotAllowed
from concord.core.models import in_language

from . import caching, permissions, services
from . import search as searching
from .codes import Code
from .models import Publication, Tag
from .schemas import (
    EditorPublicationOut,
    PublicationDetail,
    PublicationEditIn,
    PublicationFilters,
    PublicationIn,
    PublicationOut,
    PublishIn,
    SearchFilters,
    SearchOut,
    UnpublishIn,
)
from .states import Status
from .text import MAX_QUERY
from .views import live

router = Router(tags=["publications"])


def anyone(request: HttpRequest) -> bool:
    """The public site's API answers without signing in; a token or session, if given, is used."""
    return True


PUBLIC = [*signed_in, anyone]


def _out(p: Publication, detail: bool = False) -> dict[str, Any]:
    data = {
        f: getattr(p, f)
        for f in (
            "slug",
            "section",
            "title_ru",
            "title_en",
            "summary_ru",
            "summary_en",
            "publish_at",
        )
    }
    data.update(
        tags=[t.slug for t in p.tags.all()],
        url_ru=f"/ru/public/p/{p.slug}/",
        url_en=f"/en/public/p/{p.slug}/",
    )
    if detail:
        data.update(body_ru=p.body_ru, body_en=p.body_en)
    return data


@router.get("/publications", response=list[PublicationOut], auth=PUBLIC)
@paginate(Pages, page_size=20)
def list_publications(request: HttpRequest, filters: Query[PublicationFilters]) -> Any:
    items = live()
    if filters.section:
        items = items.filter(section=filters.section)
    if filters.tag:
        items = items.filter(tags__slug=filters.tag)
    if filters.language == "en":
        items = items.exclude(title_en="")
    elif filters.language == "ru":
        items = items.exclude(title_ru="")
    if filters.start:
        items = items.filter(publish_at__date__gte=filters.start)
    if filters.end:
        items = items.filter(publish_at__date__lte=filters.end)
    return [_out(p) for p in items.order_by("-publish_at", "-pk")]


@router.get(
    "/publications/{slug}",
    response={200: PublicationDetail, 404: ErrorOut, 410: ErrorOut},
    auth=PUBLIC,
)
def get_publication(request: HttpRequest, slug: str) -> Any:
    pub = Publication.objects.filter(slug=slug).prefetch_related("tags").first()
    if pub is not None and pub.status == Status.UNPUBLISHED:
        return Reply(
            410,
            {
                "code": "withdrawn",
                # the note in the reader's language, else the note there is, else a plain word
                "message": in_language(pub.unpublished_note_ru, pub.unpublished_note_en)
                or pub.unpublished_note_en
                or _("This publication was withdrawn."),
                "errors": [],
            },
        )
    if pub is None or not pub.is_live():
        raise Http404
    return _out(pub, detail=True)


@router.get("/search", response=SearchOut, auth=PUBLIC)
def search(request: HttpRequest, filters: Query[SearchFilters]) -> Any:
    """Publications for everyone; for a signed-in caller, everything they may see."""
    args: dict[str, Any] = {
        "kinds": [filters.kind] if filters.kind else None,
        "section": filters.section or "",
        "language": filters.language or "",
        "start": filters.start,
        "end": filters.end,
        "page": max(1, min(filters.page, 1000)),
    }
    q = filters.q[:MAX_QUERY]
    parts = searching.cache_parts(request.user, q, per_page=20, public_only=False, **args)
    # The answer as sent, kept per visibility class like the results it is made of.
    body = caching.remembered(("api", *parts), lambda: _search_json(request.user, q, args))
    return HttpResponse(body, content_type="application/json; charset=utf-8")


def _search_json(user: Someone, q: str, args: dict[str, Any]) -> bytes:
    results = searching.search(user, q, **args)
    out = SearchOut.model_validate(
        {
            "query": results.query,
            "total": results.total,
            "more": results.more,
            "page": results.page,
            "pages": results.pages,
            "message": results.message,
            "hits": [
                {
                    "kind": h.entry.kind,
                    "title": h.title,
                    "snippet": h.snippet,
                    "url": h.entry.url,
                    "language": h.entry.language,
                    "date": h.entry.date,
                    "score": round(h.score, 4),
                }
                for h in results.hits
            ],
        }
    )
    return out.model_dump_json().encode()


# --- Editorial: what the editor's pages do (/publications/ inside the system) -------------------

EDITING = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


def _editor(request: HttpRequest) -> None:
    if not permissions.is_editor(request.user):
        raise NotAllowed(CoreCode.NOT_ALLOWED, _("Only a Secretariat editor may do this."))


def _publication(request: HttpRequest, pk: int) -> Publication:
    """As the editor's pages load it: refused to whoever is not an editor, then looked up."""
    _editor(request)
    return get_object_or_404(Publication.objects.prefetch_related("tags"), pk=pk)


def _tags(slugs: list[str] | None) -> list[Tag] | None:
    if slugs is None:
        return None
    tags = list(Tag.objects.filter(slug__in=slugs))
    unknown = sorted(set(slugs) - {tag.slug for tag in tags})
    if unknown:
        raise DomainError(
            Code.UNKNOWN_TAG,
            _("Unknown tags: %(tags)s") % {"tags": ", ".join(unknown)},
            field="tags",
        )
    return tags


def _texts(payload: PublicationIn) -> dict[str, Any]:
    return payload.model_dump(include=set(services.FIELDS))


@router.get("/editor/publications", response={200: list[EditorPublicationOut], 403: ErrorOut})
@paginate(Pages, page_size=50)
def editor_list(request: HttpRequest, status: str = "") -> QuerySet[Publication]:
    """Every publication, drafts and withdrawn ones too, the last changed first; `status` (draft,
    published or unpublished) keeps those only."""
    _editor(request)
    pubs = Publication.objects.prefetch_related("tags").order_by("-updated_at", "-pk")
    return pubs.filter(status=status) if status in Status.values else pubs


@router.get(
    "/editor/publications/{pk}", response={200: EditorPublicationOut, 403: ErrorOut, 404: ErrorOut}
)
def editor_get(request: HttpRequest, pk: int) -> Publication:
    return _publication(request, pk)


@router.post("/editor/publications", response={201: EditorPublicationOut, **EDITING})
def editor_create(request: HttpRequest, payload: PublicationIn) -> Reply[Publication]:
    """A new draft; nothing appears on the site until it is published."""
    _editor(request)
    pub = services.save_draft(
        None, actor=actor_of(request), tags=_tags(payload.tags), **_texts(payload)
    )
    return Reply(201, pub)


@router.put("/editor/publications/{pk}", response={200: EditorPublicationOut, **EDITING})
def editor_save(request: HttpRequest, pk: int, payload: PublicationEditIn) -> Publication:
    """New texts (a published text stays published with them)."""
    pub = _publication(request, pk)
    return services.save_draft(
        pub,
        actor=actor_of(request),
        tags=_tags(payload.tags),
        version=payload.version,
        **_texts(payload),
    )


@router.post("/editor/publications/{pk}/publish", response={200: EditorPublicationOut, **EDITING})
def editor_publish(request: HttpRequest, pk: int, payload: PublishIn) -> Publication:
    """Published now, or at `at` (it appears by itself then)."""
    return services.publish_publication(
        _publication(request, pk), actor=actor_of(request), at=payload.at, version=payload.version
    )


@router.post("/editor/publications/{pk}/unpublish", response={200: EditorPublicationOut, **EDITING})
def editor_unpublish(request: HttpRequest, pk: int, payload: UnpublishIn) -> Publication:
    """Withdrawn from the site; its address answers with the reason instead of disappearing."""
    return services.unpublish_publication(
        _publication(request, pk),
        actor=actor_of(request),
        note_ru=payload.note_ru,
        note_en=payload.note_en,
        version=payload.version,
    )
