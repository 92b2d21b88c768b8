"""The import's second process: it reads and checks the file while the first writes to the database,
since the two halves of the work take about as long."""

from __future__ import annotations

import gc
import marshal
import multiprocessing
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")


@contextmanager
def in_another_process(produce: Callable[..., Iterator[T]], *args: Any) -> Iterator[Iterator[T]]:
    """The items of the generator `produce(*args)`, made in a forked process and passed here through a
    pipe, whose small buffer holds the process back when it is ahead (so memory stays bounded). The
    items are plain values (dicts, tuples, strings, numbers), sent with marshal, the fastest
    serialisation for them; an exception there is raised here."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_produce_into, args=(sending, produce, args), daemon=True)
    process.start()
    sending.close()

    def items() -> Iterator[T]:
        while True:
            if not receiving.poll(1):
                if not process.is_alive():
                    raise RuntimeError("the process reading the file stopped")
                continue
            message = receiving.recv_bytes()
            if message[:1] == b"e":
                raise pickle.loads(message[1:])  # noqa: S301 - from our own process
            if message[:1] == b"d":
                return
            yield marshal.loads(message[1:])  # noqa: S302 - from our own process

    try:
        yield items()
    finally:
        receiving.close()
        if process.is_alive():
            process.kill()
        process.join()


def _produce_into(
    sending: Connection, produce: Callable[..., Iterator[Any]], args: tuple[Any, ...]
) -> None:
    try:
        with without_cycle_collection():
            for item in produce(*args):
                sending.send_bytes(b"i" + marshal.dumps(item))
        sending.send_bytes(b"d")
    except Exception as error:  # noqa: BLE001 - every failure is told to the importing process
        sending.send_bytes(b"e" + pickle.dumps(error))


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """The import makes millions of short-lived tuples and no reference cycles: Python's cycle
    collector would keep scanning them for nothing (a fifth of the time, measured)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
