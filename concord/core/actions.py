"""The two helpers every service acts through: `lock` a row, and `transition` it to a new status.

A service checks who may act with `require(permissions.can_…(actor, …), message)`, then, inside one
transaction:

    report = lock(report, version=version)          # row lock; 409 if the form was drawn from an older edit
    ... change fields, or:
    report = transition(report, ReportStatus.SUBMITTED, flow=REPORT_FLOW, actor=actor,
                        verb=Verb.SUBMIT_REPORT, version=version)

`transition` checks the move against the `Flow` the app declares in its `states.py`, sets the
status and the other fields, raises the edit counter, saves, and writes the audit entry, all in the
caller's transaction, so that a refused move changes nothing and an accepted one is never unaudited.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The one place the kernel writes to the audit log (an exception in the import contract).
from concord.audit.services import record

from .actors import Actor
from .errors import Code, Conflict, NotAllowed, Unprocessable
from .flows import Flow
from .models import EditCounted

M = TypeVar("M", bound=models.Model)


def require(allowed: bool, message: str | Promise) -> None:
    """403 `not_allowed` with `message` (who may do this) unless the permission check `allowed`."""
    if not allowed:
        raise NotAllowed(Code.NOT_ALLOWED, message)


def lock(obj: M, *, version: int | None = None) -> M:
    """`obj` read again, in place, under a row lock held until the transaction ends; returned.

    With `version`, the edit counter the user's form was drawn from, a record changed since is refused
    with 409 `stale` and nothing is saved. Only the row itself is locked (PostgreSQL refuses FOR UPDATE
    across a nullable join)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock() needs the caller's transaction (transaction.atomic)")
    obj.refresh_from_db(from_queryset=type(obj)._default_manager.select_for_update(of=("self",)))
    if version is not None and not (isinstance(obj, EditCounted) and obj.version == version):
        raise Conflict(
            Code.STALE,
            _(
                "Someone changed this record since you opened it. Reload it: your input was kept below."
            ),
        )
    return obj


def require_version(version: int | None) -> int:
    """The edit counter of a write that replaces an existing record's content (a save that creates
    the record the first time or replaces it): 422 `version_required` on the field `version` without
    it, so that no writer silently overwrites another. Pass what it returns to `lock`."""
    if version is None:
        raise Unprocessable(
            Code.VERSION_REQUIRED,
            _(
                "This record has been saved already: reload it and make your change on the saved one."
            ),
            field="version",
        )
    return version


def transition(
    obj: M,
    to: str,
    *,
    flow: Flow,
    actor: Actor,
    verb: StrEnum,
    version: int | None = None,
    summary: str = "",
    changes: Mapping[str, Any] | None = None,
    **fields: Any,
) -> M:
    """Move `obj`'s `flow.field` to `to` as `flow` allows, setting `fields` with it; save; audit.

    The row is locked and read again first (`version` as for `lock`); the edit counter goes up by one
    where the model is `EditCounted`. Returns `obj`, saved."""
    with transaction.atomic():
        obj = lock(obj, version=version)
        before = getattr(obj, flow.field)
        display = getattr(obj, f"get_{flow.field}_display", lambda: before)()
        flow.check(before, to, display=str(display))
        values = {flow.field: to, **fields}
        if isinstance(obj, EditCounted):
            values["version"] = obj.version + 1
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save(update_fields=list(values))
        record(
            verb,
            actor=actor,
            target=obj,
            summary=summary,
            changes={flow.field: [str(before), str(to)], **(changes or {})},
        )
    return obj
