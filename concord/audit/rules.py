"""The audit chain: how an entry's hash is computed and how a sequence of entries is checked."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


def entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode()).hexdigest()


@dataclass(frozen=True)
class Problem:
    seq: int
    reason: str

    def __str__(self) -> str:
        return f"entry #{self.seq}: {self.reason}"


def first_problem(
    entries: Iterable[tuple[int, str, str, dict[str, Any]]], *, head: tuple[int, str] | None
) -> Problem | None:
    """Walk (seq, prev_hash, hash, hashed fields) in sequence order; report the first break.

    `head` is the (seq, hash) the writers last recorded: it catches entries removed from the end.
    None means the head itself is gone, which is a break as soon as there is any entry.
    """
    expected_seq, previous = 1, ""
    for seq, prev_hash, stored_hash, fields in entries:
        if seq != expected_seq:
            return Problem(expected_seq, f"missing (the next entry present is #{seq})")
        if prev_hash != previous:
            return Problem(seq, "does not follow the previous entry (previous hash differs)")
        if entry_hash(prev_hash, fields) != stored_hash:
            return Problem(seq, "was changed after it was written (hash differs)")
        expected_seq, previous = seq + 1, stored_hash
    if head is None:
        return Problem(1, "the recorded end of the chain is missing") if expected_seq > 1 else None
    head_seq, head_hash = head
    if head_seq < expected_seq - 1:
        return Problem(head_seq + 1, "lies beyond the recorded end of the chain")
    if head_seq >= expected_seq:
        return Problem(expected_seq, f"missing (the log should run to #{head_seq})")
    if head_seq == expected_seq - 1 and head_hash != previous:
        return Problem(head_seq, "does not match the recorded end of the chain")
    return None
