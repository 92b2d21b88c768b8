"""The public site's caches: its pages and feeds for visitors who have not signed in, and search
results per visibility class. Both live in Django's cache (settings CACHES, shared by the workers).

Every entry's key carries a **generation**: a random token kept in the cache under the generation's
name, replaced whenever what the entries show may have changed, so that nothing has to be found and
deleted. Two generations:

- `PUBLIC`: publications and their tags, the agreements and the treaty actions recorded, the member
  states and bodies (the footer's contacts), the site's demonstration notice. Its state also holds
  the times at which scheduled publications appear (`publish_at` in the future): the key carries how
  many of them have passed, and an entry lives no longer than until the next one, so a publication
  scheduled for later appears at its time without anything running then.
- `SEARCH`: anything the search index holds (every `indexing.replace`), for the search cache only;
  its state holds the same schedule (scheduled publications become findable at their time).

A change made in a transaction replaces the token when the transaction commits (`on_commit`): a
reader that took the old token before the commit may store what it read under it, but no one asks
for that token afterwards, so a withdrawn publication is never shown once its withdrawal committed.
Until then the connection that made the change reads around the caches (it sees its own uncommitted
rows, which must not be cached for others); other connections still read the committed state.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language

from concord.core.actors import Someone
from concord.core.models import viewer_of
from concord.core.permissions import reads_adopted_only

T = TypeVar("T")
P = TypeVar("P")

PUBLIC = "public"
SEARCH = "search"
MAX_AGE = 24 * 60 * 60  # seconds: no entry lives longer, whatever happens
SCHEDULE = 50  # scheduled appearances kept with a generation; past the last, a new one is made


@dataclass(frozen=True)
class Generation:
    token: str
    schedule: tuple[dt.datetime, ...] = ()  # appearances still to come when it was made, ascending
    complete: bool = True  # the schedule lists every one of them
    made: dt.datetime | None = None

    def at(self, now: dt.datetime) -> tuple[str, float] | None:
        """The key part valid at `now` and how many seconds an entry may live; None once the
        schedule it knows is used up and more appearances may follow (a new generation is due)."""
        passed = bisect.bisect_right(self.schedule, now)
        if passed < len(self.schedule):
            ttl = (self.schedule[passed] - now).total_seconds()
        elif not self.complete:
            return None
        else:
            ttl = float(MAX_AGE)
        return f"{self.token}.{passed}", min(ttl, self._settled(now))

    def _settled(self, now: dt.datetime) -> float:
        """With a read replica (which may lag behind the commit that made this generation by up
        to its allowed lag), an entry made within that lag of the commit lives only until the lag
        has passed, and is then made again from what the replica has caught up with."""
        lag = replica_lag()
        age = (now - self.made).total_seconds() if self.made else lag
        return float(MAX_AGE) if age >= lag else lag - age


def replica_lag() -> float:
    """How far behind the primary a read replica may be read from (0 without one)."""
    if "replica" not in settings.DATABASES:
        return 0.0
    return float(
        settings.CONCORD_REPLICA_MAX_LAG_SECONDS + settings.CONCORD_REPLICA_LAG_CHECK_SECONDS
    )


def _scheduled(name: str, now: dt.datetime) -> tuple[tuple[dt.datetime, ...], bool]:
    from .models import Publication
    from .states import Status

    times = list(
        Publication.objects.filter(status=Status.PUBLISHED, publish_at__gt=now)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)[: SCHEDULE + 1]
    )
    return tuple(t for t in times[:SCHEDULE] if t is not None), len(times) <= SCHEDULE


def _made(name: str, now: dt.datetime) -> Generation:
    schedule, complete = _scheduled(name, now)
    return Generation(secrets.token_hex(8), schedule, complete, now)


def bump(name: str) -> None:
    """A new generation: every entry made under the old one is left to expire unread."""
    cache.set(f"generation:{name}", _made(name, timezone.now()), MAX_AGE)


def generation(name: str, now: dt.datetime) -> tuple[str, float]:
    """The key part of `name` at `now`, and the seconds an entry made now may live."""
    key = f"generation:{name}"
    found = cache.get(key)
    part = found.at(now) if isinstance(found, Generation) else None
    if part is not None:
        return part
    made = _made(name, now)
    if found is None:  # a writer's new generation wins over a reader's
        if not cache.add(key, made, MAX_AGE):
            other = cache.get(key)
            made = other if isinstance(other, Generation) else made
    else:
        cache.set(key, made, MAX_AGE)
    return made.at(now) or (made.token, 0.0)


class _Bump:
    """The callback that replaces a generation once the transaction commits (one per transaction)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.done = False

    def __call__(self) -> None:
        self.done = True
        bump(self.name)


def _waiting(name: str) -> bool:
    connection = transaction.get_connection()
    return connection.in_atomic_block and any(
        isinstance(callback, _Bump) and callback.name == name and not callback.done
        for _ids, callback, *_rest in connection.run_on_commit
    )


def changed(name: str) -> None:
    """Something `name`'s entries show has changed: a new generation when it is committed."""
    if not transaction.get_connection().in_atomic_block:
        bump(name)  # autocommit: the change is already committed
    elif not _waiting(name):
        transaction.on_commit(_Bump(name))


def bypassed(*names: str) -> bool:
    """Whether this connection holds uncommitted changes to what these caches show."""
    return any(_waiting(name) for name in names)


# --- Pages --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    status: int
    content: bytes
    content_type: str
    etag: str
    last_modified: str = ""

    @classmethod
    def of(cls, response: HttpResponse) -> Page:
        return cls(
            response.status_code,
            response.content,
            response["Content-Type"],
            f'"{hashlib.blake2b(response.content, digest_size=16).hexdigest()}"',
            response.get("Last-Modified", ""),
        )

    def response(self, request: HttpRequest) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status, content_type=self.content_type)
        response["ETag"] = self.etag
        if self.last_modified:
            response["Last-Modified"] = self.last_modified
        # Stored by browsers and proxies, but asked again each time: a withdrawal shows at once.
        response["Cache-Control"] = "no-cache"
        response["Vary"] = "Cookie"
        if (
            "HTTP_IF_NONE_MATCH" not in request.META
            and "HTTP_IF_MODIFIED_SINCE" not in request.META
        ):
            return response
        conditional = get_conditional_response(request, etag=self.etag, response=response)
        return conditional if conditional is not None else response


CACHED_STATUSES = (200, 410)  # pages and the notices of withdrawn publications
# The pages and search answers last served by this process, by their whole key (generation
# included): each is read from the shared cache once per process and generation, not per request.
RECENT = 256
_recent: OrderedDict[str, Any] = OrderedDict()


def _remember(key: str, page: P, ttl: float) -> P:
    _recent[key] = (time.monotonic() + ttl, page)
    if len(_recent) > RECENT:
        _recent.popitem(last=False)
    return page


def _recalled(key: str) -> Any:
    """What this process served under `key`, while the entry it was read from may live."""
    found = _recent.get(key)
    return found[1] if found is not None and found[0] > time.monotonic() else None


def _signed_in(request: HttpRequest) -> bool:
    """Whether the request comes from a signed-in user; without a session cookie, certainly not
    (and nothing is read to say so)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return bool(request.user.is_authenticated)


def _page_key(request: HttpRequest, part: str) -> str:
    address = hashlib.blake2b(
        f"{request.get_host()}|{request.get_full_path()}".encode(), digest_size=16
    ).hexdigest()
    return f"page:{part}:{get_language()}:{timezone.localdate()}:{address}"


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A public page or feed served from the cache to visitors who have not signed in (a signed-in
    user's request neither reads nor fills it), per language and address, with an ETag answered
    with 304 Not Modified when the browser already has the page."""

    @wraps(view)
    def cached(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or _signed_in(request) or bypassed(PUBLIC, SEARCH):
            return view(request, *args, **kwargs)
        part, ttl = generation(PUBLIC, timezone.now())
        key = _page_key(request, part)
        page = _recalled(key) or cache.get(key)
        if page is None:
            response = view(request, *args, **kwargs)
            if response.status_code not in CACHED_STATUSES or response.streaming:
                return response
            page = Page.of(response)
            if ttl < 1:
                return page.response(request)
            cache.set(key, page, min(int(ttl), MAX_AGE))
        return _remember(key, page, ttl).response(request)

    return cached


# --- What changes the public pages --------------------------------------------------------------


def _public_changed(sender: Any, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        changed(PUBLIC)


def _relation_changed(sender: Any, action: str, **kwargs: Any) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        changed(PUBLIC)


def connect() -> None:
    """Every save or deletion of what the public pages show starts a new public generation."""
    from concord.agreements.models import Agreement, TreatyAction
    from concord.organization.models import Body, MemberState

    from .models import Publication, PublicSite, Tag

    shown: list[type[Model]] = [
        Publication,
        Tag,
        PublicSite,
        Agreement,
        TreatyAction,
        MemberState,
        Body,
    ]
    for model in shown:
        uid = f"public-cache-{model._meta.label}"
        post_save.connect(_public_changed, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(_public_changed, sender=model, weak=False, dispatch_uid=f"{uid}-del")
    for through in (Publication.tags.through, Agreement.signatories.through):
        m2m_changed.connect(
            _relation_changed, sender=through, weak=False, dispatch_uid=f"public-cache-{through}"
        )


# --- Search results -----------------------------------------------------------------------------


def visibility_class(user: Someone, *, public_only: bool) -> str:
    """What decides which entries a search finds for `user`, and nothing else: users of the same
    class find the same entries and share cached results; users of different classes never do.
    It is read from the same viewer `visible_to` reads (the affiliation acted for, whether an
    insider, whether the Secretariat) and from `reads_adopted_only`."""
    adopted = int(reads_adopted_only(user))
    if public_only or user is None or not user.is_authenticated:
        return f"public.{adopted}"
    viewer = viewer_of(user)
    return (
        f"v.{viewer.state_id}.{viewer.body_id}.{int(viewer.is_insider)}."
        f"{int(viewer.is_secretariat)}.{adopted}"
    )


def remembered(parts: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """`compute()`, kept under `parts` (which name the visibility class) until the index or the
    public site changes or a scheduled publication appears."""
    if bypassed(PUBLIC, SEARCH):
        return compute()
    indexed, ttl = generation(SEARCH, timezone.now())  # every publication change is indexed
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    key = f"search:{indexed}:{get_language()}:{digest}"
    found = _recalled(key)
    if found is None:
        found = cache.get(key)
    if found is None:
        found = compute()
        if ttl < 1:
            return found
        cache.set(key, found, min(int(ttl), MAX_AGE))
    _remember(key, found, ttl)
    return found
