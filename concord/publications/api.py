import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from concord.accounts.api_auth import signed_in
from concord.core.api import ErrorOut, Pages

from . import search as searching
from .models import Publication
from .states import Section, Status
from .text import MAX_QUERY
from .views import live

router = Router(tags=["publications"])


def anyone(request: HttpRequest) -> bool:
    """The public site's API answers without signing in; a token or session, if given, is used."""
    return True


PUBLIC = [*signed_in, anyone]


class PublicationOut(Schema):
    slug: str
    section: str
    title_ru: str
    title_en: str
    summary_ru: str
    summary_en: str
    publish_at: dt.datetime | None
    tags: list[str]
    url_ru: str
    url_en: str


class PublicationDetail(PublicationOut):
    body_ru: str
    body_en: str


class PublicationFilters(Schema):
    section: Section | None = None
    tag: str | None = None
    language: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class SearchFilters(Schema):
    q: str = ""
    kind: str | None = None
    section: str | None = None
    language: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    page: int = 1


class HitOut(Schema):
    kind: str
    title: str
    snippet: str
    url: str
    language: str
    date: dt.datetime
    score: float


class SearchOut(Schema):
    query: str
    total: int = Field(
        ..., description=f"matches the caller may see, counted up to {searching.COUNT_UP_TO:,}"
    )
    more: bool = Field(
        ..., description="there are more matches than `total`; the newest of them are ranked"
    )
    page: int
    pages: int
    message: str
    hits: list[HitOut]


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
        return 410, {
            "code": "withdrawn",
            "message": pub.unpublished_note_en or "This publication was withdrawn.",
            "errors": [],
        }
    if pub is None or not pub.is_live():
        raise Http404
    return _out(pub, detail=True)


@router.get("/search", response=SearchOut, auth=PUBLIC)
def search(request: HttpRequest, filters: Query[SearchFilters]) -> Any:
    """Publications for everyone; for a signed-in caller, everything they may see."""
    results = searching.search(
        request.user,
        filters.q[:MAX_QUERY],
        kinds=[filters.kind] if filters.kind else None,
        section=filters.section or "",
        language=filters.language or "",
        start=filters.start,
        end=filters.end,
        page=max(1, min(filters.page, 1000)),
    )
    return {
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
