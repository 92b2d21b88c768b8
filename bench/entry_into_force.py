#!/usr/bin/env python
"""The entry-into-force engine over 200 parties and 2,000 actions (issue 5 asks for well under 50 ms).

Usage: .venv/bin/python bench/entry_into_force.py [PARTIES] [ACTIONS]
Prints the median time of one answer beside the baseline of the same question for six parties.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from concord.agreements.rules import run

TYPES = ["notification", "ratification", "acceptance", "approval"]


def question(parties: int, actions: int, seed: int = 1) -> dict[str, object]:
    rnd = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    states = [f"S{i:03d}" for i in range(parties)]
    start = dt.date(2020, 1, 1)
    acts = [{"state": s, "type": "signature", "date": start.isoformat()} for s in states]
    while len(acts) < actions:
        day = start + dt.timedelta(days=rnd.randint(1, 2000))
        acts.append(
            {"state": rnd.choice(states), "type": rnd.choice(TYPES), "date": day.isoformat()}
        )
    rule = {
        "threshold": {"count": max(1, parties // 3), "of": "consent", "weight": 0.4},
        "delay": {"months": 3},
        "roll": "first_of_next_month",
        "later": {"delay": {"days": 30}},
    }
    return {
        "rule": rule,
        "parties": [{"state": s, "weight": 1 + i % 7} for i, s in enumerate(states)],
        "actions": acts,
    }


def timed(q: dict[str, object], runs: int = 21) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(q, as_of=dt.date(2026, 11, 28))
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parties = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    actions = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    base = timed(question(6, 12))
    big = timed(question(parties, actions))
    print(f"baseline: 6 parties, 12 actions          {base:8.2f} ms")
    print(
        f"at scale: {parties} parties, {actions:,} actions  {big:8.2f} ms  ({big / base:.0f}x the baseline)"
    )


if __name__ == "__main__":
    main()
