"""Early warning: pure functions, no database.

For each area (a country or a province) and each month, the detector compares the month's events and
deaths with the area's own **baseline**: the preceding `window` months (zeros included) before the
evaluated month, never after it, so that running it month by month over history says what it would
have said at the time. `first` is the first month the data cover (for the area's country): months
before it are unknown, months from it on without events are zeros; the month `first` itself is never
judged (the start of the data is not the start of a war).

The baseline is robust: the **median** and the **upper quartile** of the window, which one or two
months of last year's peaks do not move (a mean and a variance would). Three rules, on events and on
deaths alike; the first that fires is recorded with what it compared against:

- ``onset`` — a new conflict area: no month of the window reached the onset volume (`onset_events`
  events or `onset_deaths` deaths) and this month does. It needs no history of its own: an area never
  seen before alerts in its first month of fighting (as long as the data covered its country before).
- ``rise`` — the month reaches `rise` times the window's upper quartile, and the minimum volume
  (`min_events`, `min_deaths`).
- ``sustained`` — `months` consecutive months each reach `sustained` times the median of the window
  before the run began, and the minimum volume.

`rise` and `sustained` need `min_history` months of window. Apart from the absolute volumes, every
comparison is a ratio computed exactly (fractions), so scaling a busy series keeps its judgement.

The previous detector (a negative binomial fitted by moments to the window, a tail-probability score)
is kept as `evaluate_negbin` for comparison in the evaluation harness only.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from scipy.stats import nbinom, poisson

MAX_SCORE = 99.0
ONSET, RISE, SUSTAINED, SURPRISE = "onset", "rise", "sustained", "surprise"
RULES = (ONSET, RISE, SUSTAINED, SURPRISE)
EVENTS, DEATHS = "events", "deaths"


@dataclass(frozen=True)
class Thresholds:
    window: int = 12  # months of baseline
    min_history: int = 6  # months of window needed by `rise` and `sustained`
    rise: float = 3.0  # a month at least this many times the window's upper quartile
    sustained: float = 2.0  # `months` months in a row at least this many times the median
    months: int = 2  # length of a sustained rise
    min_events: int = 10  # `rise` and `sustained` on events need at least this many a month
    min_deaths: int = 50  # `rise` and `sustained` on deaths need at least this many a month
    onset_events: int = 10  # a new conflict area: this many events in a month …
    onset_deaths: int = 25  # … or this many deaths, where no month of the window had as many
    score: float = 3.0  # the previous detector's threshold (-log10 of a tail probability)

    def __post_init__(self) -> None:
        if self.window < 1 or self.min_history < 1 or self.min_history > self.window:
            raise ValueError("window and min_history must be positive, min_history at most window")
        if self.rise <= 1 or self.sustained <= 1 or not 2 <= self.months <= 6:
            raise ValueError("rise and sustained factors must exceed 1, months be 2 to 6")
        volumes = (self.min_events, self.min_deaths, self.onset_events, self.onset_deaths)
        if self.score <= 0 or min(volumes) < 1:
            raise ValueError("score must be positive and volumes at least 1")


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
    score: float  # how many times the reference the month reached (the old detector: its surprise)
    events: int
    deaths: int
    baseline_events: float  # median of the window
    baseline_deaths: float
    events_score: float
    deaths_score: float
    rule: str = RISE  # which rule fired: onset, rise, sustained (surprise: the old detector)
    measure: str = DEATHS  # on which measure: events or deaths
    reference: float = 0.0  # what it was compared against (upper quartile, median, onset volume)
    window: int = 0  # months of baseline it was compared against
    run: int = 1  # months in a row (sustained)
    upper_events: float = 0.0  # upper quartile of the window
    upper_deaths: float = 0.0


Counts = Mapping[int, tuple[int, int]]
Detector = Callable[[Area, Counts, int, int, "Thresholds"], "Flag | None"]


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def month_text(index: int) -> str:
    """The month as "2018-03"."""
    year, month = year_month(index)
    return f"{year}-{month:02d}"


def year_month(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def quantile(values: Sequence[int], q: Fraction) -> Fraction:
    """Linear interpolation between order statistics (numpy's default), exact."""
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (position - low) * (ordered[high] - ordered[low])


HALF, UPPER = Fraction(1, 2), Fraction(3, 4)


def _window(counts: Counts, end: int, first: int, size: int) -> list[tuple[int, int]]:
    """The months `max(first, end - size)`..`end - 1`, zeros where nothing happened."""
    return [counts.get(m, (0, 0)) for m in range(max(first, end - size), end)]


def one_decimal(value: Fraction | float) -> float:
    """`value` rounded once, half up, to one decimal, from its exact value: the score every page,
    the API and the alert's own explanation show. (Rounding to two decimals first and to one for
    display made 7.349 a 7.35, shown 7.4 in the table and 7.3 in the text.)"""
    return math.floor(Fraction(value) * 10 + Fraction(1, 2)) / 10


def _ratio(count: int, reference: Fraction) -> float:
    """How many times the reference (at least 1) the count is, capped at 990, to one decimal."""
    return one_decimal(min(Fraction(990), count / max(reference, Fraction(1))))


def evaluate(
    area: Area,
    counts: Counts,
    month: int,
    first: int,
    thresholds: Thresholds = DEFAULT,
) -> Flag | None:
    """The flag for `area` in `month`, or None. `counts` maps month index to (events, deaths); months
    missing from it are zeros; `first` is the first month the data cover. Months after `month` are
    never looked at."""
    if month <= first:
        return None
    window = _window(counts, month, first, thresholds.window)
    now = counts.get(month, (0, 0))
    volumes = (thresholds.min_events, thresholds.min_deaths)
    found = _onset(now, window, thresholds) or (
        _rise(now, window, thresholds, volumes) if len(window) >= thresholds.min_history else None
    )
    if found is None:
        found = _sustained(counts, month, first, thresholds, volumes)
    if found is None:
        return None
    rule, measure, reference, score = found
    events, deaths = now
    past_events, past_deaths = [e for e, _d in window], [d for _e, d in window]
    median = (quantile(past_events, HALF), quantile(past_deaths, HALF))
    upper = (quantile(past_events, UPPER), quantile(past_deaths, UPPER))
    return Flag(
        area,
        month,
        score,
        events,
        deaths,
        float(median[0]),
        float(median[1]),
        _ratio(events, upper[0]),
        _ratio(deaths, upper[1]),
        rule=rule,
        measure=measure,
        reference=float(reference),
        window=len(window) if rule != SUSTAINED else _sustained_window(month, first, thresholds),
        run=thresholds.months if rule == SUSTAINED else 1,
        upper_events=float(upper[0]),
        upper_deaths=float(upper[1]),
    )


Found = tuple[str, str, Fraction, float] | None  # rule, measure, reference, times the reference


def _onset(now: tuple[int, int], window: list[tuple[int, int]], t: Thresholds) -> Found:
    """Fighting where the window had none: no month reached the onset volume, this one does."""
    if any(e >= t.onset_events or d >= t.onset_deaths for e, d in window):
        return None
    for index, volume in ((1, t.onset_deaths), (0, t.onset_events)):
        if now[index] >= volume:
            return (
                ONSET,
                (EVENTS, DEATHS)[index],
                Fraction(volume),
                _ratio(now[index], Fraction(volume)),
            )
    return None


def _rise(
    now: tuple[int, int], window: list[tuple[int, int]], t: Thresholds, volumes: tuple[int, int]
) -> Found:
    factor = Fraction(str(t.rise))
    for index in (1, 0):  # deaths first: they say more about an escalation
        upper = quantile([row[index] for row in window], UPPER)
        if now[index] >= volumes[index] and now[index] >= factor * upper:
            return RISE, (EVENTS, DEATHS)[index], upper, _ratio(now[index], upper)
    return None


def _sustained_window(month: int, first: int, t: Thresholds) -> int:
    start = month - t.months + 1
    return start - max(first, start - t.window)


def _sustained(
    counts: Counts, month: int, first: int, t: Thresholds, volumes: tuple[int, int]
) -> Found:
    """The last `months` months each at least `sustained` times the median of the window before
    the run began."""
    start = month - t.months + 1
    window = _window(counts, start, first, t.window)
    if len(window) < t.min_history:
        return None
    factor = Fraction(str(t.sustained))
    run = [counts.get(m, (0, 0)) for m in range(start, month + 1)]
    for index in (1, 0):
        median = quantile([row[index] for row in window], HALF)
        if all(row[index] >= volumes[index] and row[index] >= factor * median for row in run):
            least = min(row[index] for row in run)
            return SUSTAINED, (EVENTS, DEATHS)[index], median, _ratio(least, median)
    return None


def detect(
    series: Mapping[Area, Counts],
    month: int,
    first: int | Mapping[str, int],
    thresholds: Thresholds = DEFAULT,
    detector: Detector | None = None,
) -> list[Flag]:
    """Every flag of `month`, highest score first. `first` is the first month the data cover, one for
    all or per country (ISO3); a country missing from the mapping is not judged."""
    judge = detector or evaluate
    flags = []
    for area, counts in series.items():
        start = first if isinstance(first, int) else first.get(area.country)
        if start is not None and (flag := judge(area, counts, month, start, thresholds)):
            flags.append(flag)
    return sorted(flags, key=lambda f: (-f.score, f.area.country, f.area.name))


# --- The previous detector, kept for the evaluation harness's comparison ------------------------

MEAN_FLOOR = (
    0.5  # a quiet area's mean is never exactly zero, so one event is not infinitely surprising
)


def surprise(observed: int, history: Sequence[int]) -> float:
    """-log10 P(X >= observed) for a negative binomial (or Poisson) fitted to `history` by moments;
    0 when the observation is not above the mean."""
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


def evaluate_negbin(
    area: Area, counts: Counts, month: int, first: int, thresholds: Thresholds = DEFAULT
) -> Flag | None:
    """The detector before issue 20: a month whose surprise reaches `score` on events or deaths,
    above the minimum volume, with `min_history` months of window."""
    window = _window(counts, month, first, thresholds.window)
    if len(window) < thresholds.min_history:
        return None
    events, deaths = counts.get(month, (0, 0))
    past_events, past_deaths = [e for e, _d in window], [d for _e, d in window]
    events_score = surprise(events, past_events) if events >= thresholds.min_events else 0.0
    deaths_score = surprise(deaths, past_deaths) if deaths >= thresholds.min_deaths else 0.0
    score = max(events_score, deaths_score)
    if score < thresholds.score:
        return None
    return Flag(
        area,
        month,
        one_decimal(score),
        events,
        deaths,
        sum(past_events) / len(window),
        sum(past_deaths) / len(window),
        one_decimal(events_score),
        one_decimal(deaths_score),
        rule=SURPRISE,
        measure=DEATHS if deaths_score >= events_score else EVENTS,
        reference=thresholds.score,
        window=len(window),
    )
