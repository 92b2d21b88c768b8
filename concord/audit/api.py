import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from concord.core.api import Pages

from . import permissions, selectors


class EntryOut(Schema):
    seq: int
    at: dt.datetime
    actor_username: str
    acting_for: str
    verb: str
    object_type: str
    object_id: str
    object_repr: str
    summary: str
    changes: dict[str, Any]
    hash: str


class EntryFilter(Schema):
    actor: str = ""
    verb: str = ""
    object_type: str = ""
    object_id: str = ""
    since: dt.date | None = None
    until: dt.date | None = None


router = Router(tags=["audit"])


@router.get("/audit", response=list[EntryOut])
@paginate(Pages, page_size=50)
def list_entries(request: HttpRequest, filters: Query[EntryFilter]) -> Any:
    if not permissions.can_browse_audit(request.user):
        raise Http404
    return selectors.entries(**filters.model_dump())
