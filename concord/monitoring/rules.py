"""Early warning: pure functions, no database.

For each area (a country or a province) and each month, the detector compares the month's events and
deaths with the area's own baseline: the preceding `window` months (zeros included) before the
evaluated month, never after it, so that running it month by month over history says what it would
have said at the time. Counts of violence are overdispersed, so the baseline is a negative binomial
fitted by moments (mean and variance of the window; a Poisson when the variance does not exceed the
mean). The score is the surprise -log10 P(X >= observed) under that baseline: 3 means a month at least
this high happens once in a thousand baseline months. A month is flagged when the score reaches the
threshold on events or deaths, the count is above the baseline mean, and the volume reaches a minimum,
so that noise in quiet areas does not flood analysts. Because the dispersion is estimated from the
area's own variability, the score of large counts depends on relative, not absolute, change.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scipy.stats import nbinom, poisson

MEAN_FLOOR = (
    0.5  # a quiet area's baseline is never exactly zero, so one event is not infinitely surprising
)
MAX_SCORE = 99.0


@dataclass(frozen=True)
class Thresholds:
    window: int = 12  # months of baseline
    min_history: int = 6  # months of baseline needed before an area is judged
    score: float = 3.0  # -log10 of the tail probability
    min_events: int = 10  # a flag on events needs at least this many in the month
    min_deaths: int = 50  # a flag on deaths needs at least this many in the month

    def __post_init__(self) -> None:
        if self.window < 1 or self.min_history < 1 or self.min_history > self.window:
            raise ValueError("window and min_history must be positive, min_history at most window")
        if self.score <= 0 or self.min_events < 0 or self.min_deaths < 0:
            raise ValueError("score must be positive and minimum volumes not negative")


DEFAULT = Thresholds()


@dataclass(frozen=True)
class Area:
    level: str  # "country" or "adm1"
    country: str  # ISO3
    name: str  # as the source spells it


@dataclass(frozen=True)
class Flag:
    area: Area
    month: int  # year * 12 + month - 1
    score: float
    events: int
    deaths: int
    baseline_events: float
    baseline_deaths: float
    events_score: float
    deaths_score: float


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def year_month(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def surprise(observed: int, history: Sequence[int]) -> float:
    """-log10 P(X >= observed) for X fitted to `history`; 0 when the observation is not above the mean."""
    n = len(history)
    mean = sum(history) / n
    if observed <= mean:
        return 0.0
    variance = sum((h - mean) ** 2 for h in history) / (n - 1) if n > 1 else mean
    mean = max(mean, MEAN_FLOOR)
    if variance > mean:
        r = mean * mean / (variance - mean)
        log_tail = float(nbinom.logsf(observed - 1, r, r / (r + mean)))
    else:
        log_tail = float(poisson.logsf(observed - 1, mean))
    if math.isnan(log_tail):  # pragma: no cover - scipy returns -inf, not nan, for vanishing tails
        return MAX_SCORE
    return min(MAX_SCORE, max(0.0, -log_tail / math.log(10)))


def evaluate(
    area: Area,
    counts: Mapping[int, tuple[int, int]],
    month: int,
    first: int,
    thresholds: Thresholds,
) -> Flag | None:
    """The flag for `area` in `month`, or None. `counts` maps month index to (events, deaths); months
    missing from it are zeros; `first` is the first month the data covers. Months after `month` are
    never looked at."""
    start = max(first, month - thresholds.window)
    if month - start < thresholds.min_history:
        return None
    window = [counts.get(m, (0, 0)) for m in range(start, month)]
    events, deaths = counts.get(month, (0, 0))
    past_events = [e for e, _d in window]
    past_deaths = [d for _e, d in window]
    events_score = surprise(events, past_events) if events >= thresholds.min_events else 0.0
    deaths_score = surprise(deaths, past_deaths) if deaths >= thresholds.min_deaths else 0.0
    score = max(events_score, deaths_score)
    if score < thresholds.score:
        return None
    return Flag(
        area,
        month,
        round(score, 2),
        events,
        deaths,
        sum(past_events) / len(window),
        sum(past_deaths) / len(window),
        round(events_score, 2),
        round(deaths_score, 2),
    )


def detect(
    series: Mapping[Area, Mapping[int, tuple[int, int]]],
    month: int,
    first: int,
    thresholds: Thresholds = DEFAULT,
) -> list[Flag]:
    """Every flag of `month`, highest score first."""
    flags = [
        flag
        for area, counts in series.items()
        if (flag := evaluate(area, counts, month, first, thresholds))
    ]
    return sorted(flags, key=lambda f: (-f.score, f.area.country, f.area.name))
