"""Comparing two versions of a text unit by unit: pure, like the rules it is built on (rules.py)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from .rules import Label, Op, Unit, UnitKind, number_units, word_diff


@dataclass(frozen=True)
class UnitChange:
    uid: str
    kind: UnitKind
    status: str  # unchanged, changed, added, removed
    old_label: Label | None
    new_label: Label | None
    old: Unit | None
    new: Unit | None
    moved: bool = False
    ops_ru: list[Op] = field(default_factory=list)
    ops_en: list[Op] = field(default_factory=list)

    @property
    def renumbered(self) -> bool:
        return bool(
            self.old_label
            and self.new_label
            and (self.old_label.ru, self.old_label.en) != (self.new_label.ru, self.new_label.en)
        )

    @property
    def is_change(self) -> bool:
        return self.status != "unchanged" or self.moved or self.renumbered


def _stable_order(old: list[str], new: list[str]) -> set[str]:
    """Uids that keep their relative order: a longest increasing run of old positions taken in the
    new order (uids are unique, so this is the longest common subsequence). The rest were moved."""
    where = {uid: i for i, uid in enumerate(old)}
    seq = [where[uid] for uid in new]
    tails: list[int] = []  # tails[k]: index in seq of the smallest tail of a run of length k+1
    values: list[int] = []  # seq[tails[k]], kept beside it for bisect
    parent = [-1] * len(seq)
    for i, x in enumerate(seq):
        k = bisect.bisect_left(values, x)
        parent[i] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(i)
            values.append(x)
        else:
            tails[k], values[k] = i, x
    stable, i = set(), tails[-1] if tails else -1
    while i >= 0:
        stable.add(new[i])
        i = parent[i]
    return stable


def compare(old: Sequence[Unit], new: Sequence[Unit]) -> list[UnitChange]:
    """Unit by unit, in the new order (removed units where they stood), matched by identity, so a
    moved or renumbered unit is one change, not a deletion and an insertion."""
    old_by, new_by = {u.uid: u for u in old}, {u.uid: u for u in new}
    old_labels, new_labels = number_units(old), number_units(new)
    common_old = [u.uid for u in old if u.uid in new_by]
    common_new = [u.uid for u in new if u.uid in old_by]
    stable = _stable_order(common_old, common_new)

    def change(uid: str) -> UnitChange:
        a, b = old_by.get(uid), new_by.get(uid)
        unit = b or a
        assert unit is not None
        if a is None or b is None:
            status = "added" if a is None else "removed"
            return UnitChange(
                uid, unit.kind, status, old_labels.get(uid), new_labels.get(uid), a, b
            )
        # Unchanged texts (most of them) need no diff: one "equal" run says it all.
        ops_ru = (
            word_diff(a.text_ru, b.text_ru)
            if a.text_ru != b.text_ru
            else [Op("equal", a.text_ru, a.text_ru)]
        )
        ops_en = (
            word_diff(a.text_en, b.text_en)
            if a.text_en != b.text_en
            else [Op("equal", a.text_en, a.text_en)]
        )
        same = a.text_ru == b.text_ru and a.text_en == b.text_en and a.kind == b.kind
        return UnitChange(
            uid,
            b.kind,
            "unchanged" if same else "changed",
            old_labels[uid],
            new_labels[uid],
            a,
            b,
            moved=uid not in stable,
            ops_ru=ops_ru,
            ops_en=ops_en,
        )

    result: list[UnitChange] = []
    removed_after: dict[str, list[str]] = {}
    previous = ""
    for u in old:
        if u.uid in new_by:
            previous = u.uid
        else:
            removed_after.setdefault(previous, []).append(u.uid)
    result += [change(uid) for uid in removed_after.get("", [])]
    for u in new:
        result.append(change(u.uid))
        result += [change(uid) for uid in removed_after.get(u.uid, [])]
    return result
