"""What the situation picture and its map compute, cached per data version and filter.

The **data version** is a token in the cache, replaced whenever the event data or its coverage
changes: `rollup.refresh` (every import, and any other writer of events, calls it) and the coverage's
writes call `bump()`, which replaces it at once and again when the transaction commits. The first
replacement makes the writing transaction (and a test) read its own data; the second drops whatever a
reader computed from the old rows between the two (a reader that took the new token before the commit
and stored figures of the rows as they were). A rolled-back import only costs a recomputation. If the
cache loses the token, a new one is made: entries are only ever found under the token they were
computed for, so nothing stale is served.

Entries are keyed by the code that computes them (CODE), the version, what is computed and the filters (a region by its area, so that
editing a region's countries changes the key). The figures are open data, the same for every
signed-in user (permissions.py); the views check who asks before they read the cache, and the cached
values hold no user's data and no language (names are added after).
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.cache import cache
from django.db import transaction

if TYPE_CHECKING:
    from .selectors import Filters

VERSION_KEY = "monitoring:data-version"
TIMEOUT = 24 * 60 * 60  # a day; an entry is also dropped as soon as the version changes
WAIT = 10  # seconds a reader waits for another one computing the same entry
T = TypeVar("T")


def version() -> str:
    """The current data version (made if the cache has none)."""
    found = cache.get(VERSION_KEY)
    if found is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        found = cache.get(VERSION_KEY) or uuid.uuid4().hex
    return str(found)


def _replace() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def bump() -> None:
    """The event data or its coverage changed: a new version now, and another once committed."""
    _replace()
    transaction.on_commit(_replace)


def filters_key(filters: Filters, **more: Any) -> str:
    """The filters (and `more`) as a short stable key."""
    region = filters.region
    parts = {
        "region": [region.code, region.countries, region.provinces] if region else None,
        "country": filters.country,
        "adm_1": filters.adm_1,
        "start": filters.start.isoformat() if filters.start else None,
        "end": filters.end.isoformat() if filters.end else None,
        "violence": filters.violence,
        "actor": filters.actor.casefold(),
        "conflict": filters.conflict,
        **more,
    }
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _code() -> str:
    """The code that computes and draws what is cached: a deployment that changes it starts afresh
    (the file cache outlives the processes)."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in ("selectors.py", "coverage.py", "mapdata.py", "outputs.py", "../core/charts.py"):
        path = here / name
        digest.update(path.read_bytes() if path.exists() else name.encode())
    return digest.hexdigest()[:8]


CODE = _code()


def key(kind: str, filters: Filters, *, at: str | None = None, **more: Any) -> str:
    return f"monitoring:{kind}:{CODE}:{at or version()}:{filters_key(filters, **more)}"


def cached(kind: str, filters: Filters, compute: Callable[[], T], **more: Any) -> T:
    """`compute()` for these filters, once per data version."""
    return cached_at(key(kind, filters, **more), compute)


def cached_at(name: str, compute: Callable[[], T]) -> T:
    """The value under `name`, or `compute()` stored there. When many readers miss at once (the
    first views after an import), one computes while the others wait for its value, up to WAIT
    seconds (then they compute it too)."""
    found = cache.get(name)
    if found is not None:
        return found
    lock = f"{name}:computing"
    if not cache.add(lock, 1, WAIT):
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            time.sleep(0.05)
            found = cache.get(name)
            if found is not None:
                return found
    try:
        value = compute()
        cache.set(name, value, TIMEOUT)
    finally:
        cache.delete(lock)
    return value
