"""What one stage's report may contain, and how a row of figures is read against it: the indicators of
the operation, their breakdowns, the accepted units and currencies, the state's agencies in the stage.
Reads only; the services write what it accepts."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.core.errors import DomainError
from concord.organization.models import MemberState

from . import rules
from .codes import Code
from .models import Agency, BreakdownItem, ExchangeRate, Figure, Indicator, Stage, Unit


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    why: str


class ImportRejected(DomainError):
    """Nothing was applied; `problems` lists every bad row."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(
            Code.IMPORT_REJECTED,
            gettext_lazy(
                "Nothing was imported: the file has problems; correct them and upload it again."
            ),
            field="file",
        )
        self.problems = problems


class _Row:
    """One row's cells and the problems found in them so far."""

    def __init__(self, cells: dict[str, Any], number: int) -> None:
        self.cells, self.number = cells, number
        self.problems: list[Problem] = []

    def text(self, key: str) -> str:
        return str(self.cells.get(key, "") or "").strip()

    def key(self, column: str) -> str:
        return self.text(column).casefold()

    def bad(self, column: str, why: Any) -> None:
        self.problems.append(Problem(self.number, column, self.text(column)[:100], str(why)))


@dataclass
class Catalogue:
    """Loaded once per import (a handful of queries)."""

    stage: Stage
    state: MemberState
    indicators: dict[str, Indicator]
    items: dict[tuple[int, str], BreakdownItem]
    units: dict[str, Unit]
    agencies: dict[str, Agency]
    rates: dict[str, Decimal] = field(default_factory=dict)

    @classmethod
    def load(cls, stage: Stage, state: MemberState) -> Catalogue:
        indicators = {
            i.code.casefold(): i for i in stage.operation.indicators.select_related("unit")
        }
        breakdowns = {i.breakdown_id for i in indicators.values() if i.breakdown_id}
        items = {
            (it.breakdown_id, it.code.casefold()): it
            for it in BreakdownItem.objects.filter(breakdown__in=breakdowns)
        }
        units = {u.code.casefold(): u for u in Unit.objects.all()}
        agencies = {a.code.casefold(): a for a in stage.agencies.filter(state=state)}
        rates: dict[str, Decimal] = {}
        for rate in (
            ExchangeRate.objects.filter(valid_from__lte=stage.ends_on)
            .select_related("currency")
            .order_by("currency", "-valid_from")
        ):
            rates.setdefault(rate.currency.code.casefold(), rate.per_usd)
        return cls(stage, state, indicators, items, units, agencies, rates)

    def figure(
        self, cells: dict[str, Any], row: int = 0
    ) -> tuple[Figure, list[str], list[Problem]]:
        """The figure a row describes, its warnings, and every problem found in it."""
        line = _Row(cells, row)
        agency = self._agency(line)
        indicator = self._indicator(line)
        item = self._item(line, indicator)
        unit = self._unit(line)
        value, warnings = self._value(line, indicator, unit)
        figure = Figure(
            agency=agency,
            indicator=indicator,
            item=item,
            value=value,
            entered=f"{line.text('value')} {line.text('unit')}".strip()[:60],
        )
        return figure, warnings, line.problems

    def _agency(self, line: _Row) -> Agency | None:
        if not line.text("agency"):
            return None
        agency = self.agencies.get(line.key("agency"))
        if agency is None:
            line.bad(
                "agency", _("not an agency of %(state)s in this stage") % {"state": self.state.name}
            )
        return agency

    def _indicator(self, line: _Row) -> Indicator | None:
        indicator = self.indicators.get(line.key("indicator"))
        if indicator is None:
            line.bad(
                "indicator",
                _("unknown indicator for this operation")
                if line.text("indicator")
                else _("required"),
            )
        return indicator

    def _item(self, line: _Row, indicator: Indicator | None) -> BreakdownItem | None:
        if not line.text("item") or indicator is None:
            return None
        item = self.items.get((indicator.breakdown_id or 0, line.key("item")))
        if item is None:
            line.bad("item", _("unknown breakdown for this indicator"))
        return item

    def _unit(self, line: _Row) -> Unit | None:
        if not line.text("unit"):
            return None
        unit = self.units.get(line.key("unit"))
        if unit is None:
            line.bad("unit", _("unknown unit"))
        return unit

    def _value(
        self, line: _Row, indicator: Indicator | None, unit: Unit | None
    ) -> tuple[Decimal, list[str]]:
        """The value in the indicator's base unit, and the plausibility warnings it raises."""
        try:
            entered = rules.parse_number(line.cells.get("value", ""))
            if indicator is None or (line.text("unit") and unit is None):
                return Decimal(0), []  # already reported: nothing to convert to
            info = unit.info if unit else None
            value = rules.rounded(
                rules.to_base(entered, info, indicator.info(), self.rates.get(line.key("unit")))
            )
            return value, rules.warnings_for(value, indicator.info())
        except rules.FigureError as error:
            line.bad(error.column, error.message)
            return Decimal(0), []
