"""The four permanent operations of operations.md with their default catalogue, the stages whose
results were published, and national reports that add up to the published totals.

The sources give totals for the whole operation only, so each total is split among the participating
states by fixed demo shares (largest remainder, so the parts add up exactly): the national figures
are a **demo distribution of a real total**, and every such report says so. Where the source says
"over 9 t", the figure is 9 t.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from concord.accounts.models import User
from concord.core.actors import SYSTEM
from concord.core.rules import Marking
from concord.organization.models import Body, MemberState

from . import services
from .demo_facts import (
    AGENCIES,
    ALL6,
    BREAKDOWNS,
    INDICATORS,
    OBSERVERS,
    OPERATIONS,
    RATES,
    SHARES,
    STAGES,
    UNITS,
)
from .models import (
    Agency,
    Breakdown,
    BreakdownItem,
    ExchangeRate,
    Indicator,
    NationalReport,
    Observer,
    Operation,
    Stage,
    Unit,
)
from .seizures import import_seizures
from .states import StageKind

DATA = Path(__file__).resolve().parent / "data"
DEMO_NOTE = (
    "Демонстрационное распределение реального итога по государствам: источник приводит только общие цифры.",
    "Demo distribution of a real total among the states: the source gives totals only.",
)


def split(total: Decimal, states: list[str], step: Decimal) -> dict[str, Decimal]:
    """`total` in parts proportional to SHARES, in multiples of `step`, adding up exactly."""
    units = int(total / step)
    weights = {s: SHARES[s] for s in states}
    whole = sum(weights.values())
    parts = {s: units * w // whole for s, w in weights.items()}
    remainders = sorted(states, key=lambda s: -(units * weights[s] % whole))
    for s in remainders[: units - sum(parts.values())]:
        parts[s] += 1
    return {s: n * step for s, n in parts.items()}


def seed(*, password: str) -> list[str]:
    if Operation.objects.exists():
        return []
    states = {s.iso2: s for s in MemberState.objects.all()}
    units, breakdowns = _units(), _breakdowns()
    agencies = [
        Agency.objects.create(code=c, state=states[s], name_ru=ru, name_en=en, kind=k)
        for c, s, ru, en, k in AGENCIES
    ]
    observers = {
        k: Observer.objects.create(name_ru=ru, name_en=en, kind=kind)
        for k, (ru, en, kind) in OBSERVERS.items()
    }
    ops = {}
    for position, item in enumerate(OPERATIONS):
        op = _operation(item, position, states)
        op.agencies.set(agencies)
        op.observers.set([observers[o] for o in item["observers"]])
        for i, (code, ru, en, kind, unit, breakdown, high) in enumerate(INDICATORS[item["code"]]):
            Indicator.objects.create(
                operation=op,
                code=code,
                name_ru=ru,
                name_en=en,
                dimension=kind,
                position=i,
                unit=units[unit] if unit else None,
                breakdown=breakdowns[breakdown] if breakdown else None,
                plausible_high=high,
            )
        ops[item["code"]] = op
    reports = sum(_stage(stage, ops[stage["op"]], states, agencies, observers) for stage in STAGES)
    import_seizures(
        (DATA / "unodc-drug-seizures-2018-2022-region.csv").open(encoding="utf-8-sig", newline=""),
        actor=SYSTEM,
    )
    _correction_awaiting_approval()
    return [
        f"Operations: {len(ops)} operations, {len(STAGES)} stages, {reports} national reports "
        "(demo distribution of real totals), UNODC seizures 2018–2022."
    ]


def _correction_awaiting_approval() -> None:
    """Something open for the Kazakh coordinator: a correction of Kazakhstan's latest report, submitted
    by its representative, waits for another person's approval (four eyes). Its figures are the
    consolidated ones, unchanged: the correction itself is the demo's."""
    kazakhstan = MemberState.objects.get(iso2="KZ")
    report = (
        NationalReport.objects.filter(state=kazakhstan)
        .order_by("-stage__ends_on", "-revision")
        .first()
    )
    if report is None:
        return
    representative = User.objects.get(username="kz_rep")
    correction = services.start_correction(report, actor=representative)
    NationalReport.objects.filter(pk=correction.pk).update(
        note_ru="Демонстрация: исправление, ожидающее утверждения национальным координатором.",
        note_en="Demo: a correction waiting for the national coordinator's approval.",
    )
    services.submit_report(correction, actor=representative)


def _units() -> dict[str, Unit]:
    """The accepted units, and each currency's yearly rate to the US dollar."""
    units = {
        code: Unit.objects.create(
            code=code, name_ru=ru, name_en=en, dimension=dim, factor=Decimal(f) if f else None
        )
        for code, ru, en, dim, f in UNITS
    }
    for code, years in RATES.items():
        for year, rate in years.items():
            ExchangeRate.objects.create(
                currency=units[code], valid_from=dt.date(year, 1, 1), per_usd=Decimal(rate)
            )
    return units


def _breakdowns() -> dict[str, Breakdown]:
    breakdowns = {}
    for code, ((ru, en), items) in BREAKDOWNS.items():
        breakdowns[code] = Breakdown.objects.create(code=code, name_ru=ru, name_en=en)
        for i, (item_code, item_ru, item_en) in enumerate(items):
            BreakdownItem.objects.create(
                breakdown=breakdowns[code],
                code=item_code,
                name_ru=item_ru,
                name_en=item_en,
                position=i,
            )
    return breakdowns


def _operation(item: dict[str, Any], position: int, states: dict[str, MemberState]) -> Operation:
    permanent = item.get("permanent")
    note = item.get("note", ("", ""))
    op = Operation.objects.create(
        code=item["code"],
        name_ru=item["ru"],
        name_en=item["en"],
        purpose_ru=item["purpose"][0],
        purpose_en=item["purpose"][1],
        council=Body.objects.filter(code=item["council"]).first() if item["council"] else None,
        council_name_ru=item["council_name"][0],
        council_name_en=item["council_name"][1],
        since=item["since"],
        permanent_since=dt.date.fromisoformat(permanent) if permanent else None,
        marking=item["marking"],
        owner_body=Body.objects.get(code="secretariat"),
        position=position,
        shows_drug_seizures=item.get("seizures", False),
        note_ru=note[0],
        note_en=note[1],
    )
    op.states.set([states[s] for s in ALL6])
    if item["marking"] == Marking.RESTRICTED:
        op.released_to.set([states[s] for s in ALL6])
    return op


def _stage(
    item: dict[str, Any],
    op: Operation,
    states: dict[str, MemberState],
    agencies: list[Agency],
    observers: dict[str, Observer],
) -> int:
    stage = Stage.objects.create(
        operation=op,
        name_ru=item["ru"],
        name_en=item["en"],
        kind=item.get("kind", StageKind.STAGE),
        starts_on=dt.date.fromisoformat(item["from"]),
        ends_on=dt.date.fromisoformat(item["to"]),
        host_state=states.get(item["host"] or ""),
        headquarters_ru=item["hq"][0],
        headquarters_en=item["hq"][1],
        source_ru=item["source"],
        source_en=item["source"],
    )
    stage.states.set([states[s] for s in item["states"]])
    stage.agencies.set([a for a in agencies if a.state.iso2 in item["states"]])
    stage.observers.set(op.observers.all())
    indicators = {i.code: i for i in op.indicators.all()}
    rows: dict[str, list[dict[str, str]]] = {s: [] for s in item["states"]}
    for code, figure in item["figures"].items():
        parts = figure if isinstance(figure, dict) else {"": figure}
        base = indicators[code].unit
        unit = base.code if base else ""
        for breakdown, total in parts.items():
            step = Decimal("0.1") if unit == "kg" else Decimal(1)
            for iso2, value in split(Decimal(total), item["states"], step).items():
                if value:
                    rows[iso2].append(
                        {"indicator": code, "item": breakdown, "value": str(value), "unit": unit}
                    )
    secretariat = User.objects.get(username="secretariat")
    for iso2, lines in rows.items():
        representative = User.objects.get(username=f"{iso2.lower()}_rep")
        state = states[iso2]
        report, _count, _warnings = services.import_rows(
            stage, state, enumerate(lines, start=1), actor=SYSTEM, submit=True
        )
        NationalReport.objects.filter(pk=report.pk).update(
            note_ru=DEMO_NOTE[0], note_en=DEMO_NOTE[1]
        )
        report = services.approve_report(report, actor=representative)
        services.consolidate_report(report, actor=secretariat)
    return len(rows)
