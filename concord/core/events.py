"""Domain events: how one app reacts to what happened in another without the two knowing each other.

A service emits an event (a small frozen dataclass defined in its app's `events.py`) inside its
transaction; subscribers run once that transaction has committed, so a reaction never undoes the act
it reacts to and never sees an act that was rolled back. A subscriber writes through services, each
atomic; an event carries what subscribers need to tell at once whether it concerns them (a closing run
may adopt thousands of questions, few of them statements). Apps subscribe in
their `AppConfig.ready()`. The list of events and who reacts to them is in docs/architecture.md.

Model signals are not used for this: they fire on every save, from anywhere, and hide the work.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from django.db import transaction


@dataclass(frozen=True)
class DomainEvent:
    """Something that happened and that another app may act on; carries ids, not objects."""


E = TypeVar("E", bound=DomainEvent)

_subscribers: defaultdict[type[DomainEvent], list[Callable[[Any], None]]] = defaultdict(list)


def subscribe(event_type: type[E], handler: Callable[[E], None]) -> None:
    """Call `handler(event)` after every committed transaction that emitted an `event_type`."""
    if handler not in _subscribers[event_type]:
        _subscribers[event_type].append(handler)


def emit(event: DomainEvent) -> None:
    """Hand `event` to its subscribers when the current transaction commits (at once outside one).

    A subscriber that fails is logged; the act that emitted the event stands."""
    for handler in _subscribers[type(event)]:
        transaction.on_commit(partial(handler, event), robust=True)
