"""Everything that changes national reports, stages' publicity and press releases. Pages, the API and
the command line all come through here; every change is audited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.audit.services import record
from concord.core.errors import Conflict, DomainError
from concord.organization.models import MemberState

from . import permissions, rules
from .models import (
    Agency,
    BreakdownItem,
    ExchangeRate,
    Figure,
    Indicator,
    NationalReport,
    PressRelease,
    Stage,
    Unit,
)
from .spreadsheets import read_rows
from .states import ReportStatus

BATCH = 2000


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
            "import_rejected",
            gettext_lazy(
                "Nothing was imported: the file has problems; correct them and upload it again."
            ),
            field="file",
        )
        self.problems = problems


@dataclass
class Catalogue:
    """What one stage's report may contain, loaded once per import (a handful of queries)."""

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
        problems: list[Problem] = []

        def text(key: str) -> str:
            return str(cells.get(key, "") or "").strip()

        def bad(column: str, why: Any) -> None:
            problems.append(Problem(row, column, text(column)[:100], str(why)))

        agency = None
        if text("agency"):
            agency = self.agencies.get(text("agency").casefold())
            if agency is None:
                bad(
                    "agency",
                    _("not an agency of %(state)s in this stage") % {"state": self.state.name},
                )
        indicator = self.indicators.get(text("indicator").casefold())
        if indicator is None:
            bad(
                "indicator",
                _("unknown indicator for this operation") if text("indicator") else _("required"),
            )
        item = None
        if text("item") and indicator is not None:
            item = self.items.get((indicator.breakdown_id or 0, text("item").casefold()))
            if item is None:
                bad("item", _("unknown breakdown for this indicator"))
        unit = None
        if text("unit"):
            unit = self.units.get(text("unit").casefold())
            if unit is None:
                bad("unit", _("unknown unit"))
        value = Decimal(0)
        warnings: list[str] = []
        try:
            entered = rules.parse_number(cells.get("value", ""))
            if indicator is not None and not (text("unit") and unit is None):
                info = unit.info if unit else None
                value = rules.rounded(
                    rules.to_base(
                        entered, info, indicator.info(), self.rates.get(text("unit").casefold())
                    )
                )
                warnings = rules.warnings_for(value, indicator.info())
        except rules.FigureError as error:
            bad(error.column, error.message)
        figure = Figure(
            agency=agency,
            indicator=indicator,
            item=item,
            value=value,
            entered=f"{text('value')} {text('unit')}".strip()[:60],
        )
        return figure, warnings, problems


def _locked(report: NationalReport, version: int | None) -> NationalReport:
    current = NationalReport.objects.select_for_update().get(pk=report.pk)
    if version is not None and current.version != version:
        raise Conflict(
            "stale",
            _(
                "Someone changed this report since you opened it. Reload it: your input was kept below."
            ),
        )
    return current


def _bump(report: NationalReport, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(report, name, value)
    report.version += 1
    report.save(update_fields=[*fields, "version"])


def current_report(stage: Stage, state: MemberState) -> NationalReport | None:
    return NationalReport.objects.filter(stage=stage, state=state).order_by("-revision").first()


def draft(actor: Any, stage: Stage, state: MemberState) -> NationalReport:
    """The state's editable report for the stage, opened if there is none yet."""
    permissions.require_reporter(actor, stage, state)
    report = current_report(stage, state)
    if report is None:
        report = NationalReport.objects.create(stage=stage, state=state)
        record(actor, verb="operations.report.open", target=report, summary=f"{stage} {state.iso2}")
    if not report.editable:
        raise DomainError(
            "not_editable",
            _("This report is %(status)s and cannot be edited; start a correction instead.")
            % {"status": report.get_status_display()},
        )
    return report


def import_report(
    actor: Any,
    stage: Stage,
    state: MemberState,
    file: IO[bytes],
    *,
    version: int | None = None,
    submit: bool = False,
) -> tuple[NationalReport, int, list[Problem]]:
    """Replace the draft's figures by the spreadsheet's, whole or not at all."""
    return import_rows(actor, stage, state, read_rows(file), version=version, submit=submit)


@transaction.atomic
def import_rows(
    actor: Any,
    stage: Stage,
    state: MemberState,
    rows: Iterable[tuple[int, dict[str, Any]]],
    *,
    version: int | None = None,
    submit: bool = False,
) -> tuple[NationalReport, int, list[Problem]]:
    """Replace the draft's figures by `rows`, whole or not at all. Returns the report, the number of
    figures and the warnings (problems that did not refuse anything)."""
    report = _locked(draft(actor, stage, state), version)
    if not report.editable:  # submitted meanwhile by someone who did not give a version
        raise Conflict("stale", _("This report was submitted meanwhile; it is no longer a draft."))
    catalogue = Catalogue.load(stage, state)
    report.figures.all().delete()
    problems: list[Problem] = []
    warnings: list[Problem] = []
    seen: dict[tuple[int | None, int, int | None], int] = {}
    batch: list[Figure] = []
    count = 0
    for number, cells in rows:
        if str(cells.get("value", "")).strip() == "":
            continue  # a template line left blank: nothing reported
        figure, row_warnings, row_problems = catalogue.figure(cells, number)
        if row_problems:
            problems.extend(row_problems)
            continue
        key = (figure.agency_id, figure.indicator_id, figure.item_id)
        if key in seen:
            problems.append(
                Problem(
                    number,
                    "indicator",
                    str(cells.get("indicator", "")),
                    _("duplicate of row %(row)s") % {"row": seen[key]},
                )
            )
            continue
        seen[key] = number
        warnings.extend(
            Problem(number, "value", str(cells.get("value", "")), w) for w in row_warnings
        )
        if problems:
            continue  # keep reading to report every problem, but stop writing
        figure.report = report
        batch.append(figure)
        count += 1
        if len(batch) >= BATCH:
            Figure.objects.bulk_create(batch)
            batch.clear()
    if problems:
        transaction.set_rollback(True)
        raise ImportRejected(problems)
    Figure.objects.bulk_create(batch)
    _bump(report)
    record(
        actor,
        verb="operations.report.import",
        target=report,
        summary=_("%(count)s figures imported") % {"count": count},
        changes={"figures": count},
    )
    if submit:
        report = submit_report(actor, report)
    return report, count, warnings


@transaction.atomic
def set_figure(
    actor: Any, report: NationalReport, cells: dict[str, Any], *, version: int | None = None
) -> tuple[Figure, list[str]]:
    """Add or change one line of a draft (the form and the API)."""
    report = _locked(report, version)
    draft(actor, report.stage, report.state)
    figure, warnings, problems = Catalogue.load(report.stage, report.state).figure(cells)
    if problems:
        first = problems[0]
        raise DomainError("invalid_figure", first.why, field=first.column)
    existing = report.figures.filter(
        agency=figure.agency, indicator=figure.indicator, item=figure.item
    ).first()
    before = str(existing.value) if existing else None
    if existing:
        existing.value, existing.entered = figure.value, figure.entered
        existing.save(update_fields=["value", "entered"])
        figure = existing
    else:
        figure.report = report
        figure.save()
    _bump(report)
    record(
        actor,
        verb="operations.figure.set",
        target=report,
        summary=f"{figure.indicator.code} {figure.item.code if figure.item else ''} = {figure.value}",
        changes={"value": [before, str(figure.value)]},
    )
    return figure, warnings


@transaction.atomic
def remove_figure(
    actor: Any, report: NationalReport, figure_id: int, *, version: int | None = None
) -> None:
    report = _locked(report, version)
    draft(actor, report.stage, report.state)
    figure = report.figures.filter(pk=figure_id).select_related("indicator").first()
    if figure is None:
        raise DomainError("not_found", _("No such line in this report."), field="figure")
    figure.delete()
    _bump(report)
    record(
        actor,
        verb="operations.figure.remove",
        target=report,
        summary=figure.indicator.code,
        changes={"value": [str(figure.value), None]},
    )


def _move(
    actor: Any,
    report: NationalReport,
    to: str,
    allowed_from: Iterable[str],
    version: int | None,
    **fields: Any,
) -> NationalReport:
    report = _locked(report, version)
    if report.status not in allowed_from:
        raise DomainError(
            "wrong_status",
            _("This report is %(status)s: that step is not possible now.")
            % {"status": report.get_status_display()},
        )
    before = report.status
    _bump(report, status=to, **fields)
    record(actor, verb=f"operations.report.{to}", target=report, changes={"status": [before, to]})
    return report


@transaction.atomic
def submit_report(
    actor: Any, report: NationalReport, *, version: int | None = None
) -> NationalReport:
    permissions.require_reporter(actor, report.stage, report.state)
    if not report.figures.exists():
        raise DomainError("empty_report", _("The report has no figures yet."))
    return _move(
        actor,
        report,
        ReportStatus.SUBMITTED,
        [ReportStatus.DRAFT],
        version,
        submitted_by=_user(actor),
        submitted_at=timezone.now(),
    )


@transaction.atomic
def return_report(
    actor: Any, report: NationalReport, *, version: int | None = None
) -> NationalReport:
    """The national coordinator sends a submitted report back for changes."""
    permissions.require_coordinator(actor, report.state)
    return _move(actor, report, ReportStatus.DRAFT, [ReportStatus.SUBMITTED], version)


@transaction.atomic
def approve_report(
    actor: Any, report: NationalReport, *, version: int | None = None
) -> NationalReport:
    permissions.require_coordinator(actor, report.state)
    return _move(
        actor,
        report,
        ReportStatus.APPROVED,
        [ReportStatus.SUBMITTED],
        version,
        approved_by=_user(actor),
        approved_at=timezone.now(),
    )


@transaction.atomic
def consolidate_report(
    actor: Any, report: NationalReport, *, version: int | None = None
) -> NationalReport:
    """The Secretariat takes an approved report into the results; a consolidated correction replaces
    the revision it corrects."""
    permissions.require_secretariat(actor)
    if NationalReport.objects.filter(
        stage=report.stage, state=report.state, revision__gt=report.revision
    ).exists():
        raise DomainError(
            "superseded", _("A later revision of this report exists; consolidate that one.")
        )
    report = _move(
        actor,
        report,
        ReportStatus.CONSOLIDATED,
        [ReportStatus.APPROVED],
        version,
        consolidated_by=_user(actor),
        consolidated_at=timezone.now(),
    )
    for older in NationalReport.objects.filter(
        stage=report.stage,
        state=report.state,
        revision__lt=report.revision,
        status__in=[ReportStatus.APPROVED, ReportStatus.CONSOLIDATED],
    ):
        _move(
            actor,
            older,
            ReportStatus.SUPERSEDED,
            [ReportStatus.APPROVED, ReportStatus.CONSOLIDATED],
            None,
        )
    return report


@transaction.atomic
def start_correction(actor: Any, report: NationalReport) -> NationalReport:
    """A new draft revision with the same figures: approved figures are never edited in place."""
    permissions.require_reporter(actor, report.stage, report.state)
    latest = current_report(report.stage, report.state)
    assert latest is not None
    if latest.status not in (ReportStatus.APPROVED, ReportStatus.CONSOLIDATED):
        raise DomainError(
            "wrong_status",
            _(
                "Only an approved or consolidated report is corrected; edit the current draft instead."
            ),
        )
    correction = NationalReport.objects.create(
        stage=report.stage, state=report.state, revision=latest.revision + 1
    )
    Figure.objects.bulk_create(
        Figure(
            report=correction,
            agency_id=f.agency_id,
            indicator_id=f.indicator_id,
            item_id=f.item_id,
            value=f.value,
            entered=f.entered,
        )
        for f in latest.figures.all()
    )
    record(
        actor,
        verb="operations.report.correction",
        target=correction,
        summary=_("correction of revision %(revision)s") % {"revision": latest.revision},
    )
    return correction


@transaction.atomic
def set_results_public(actor: Any, stage: Stage, public: bool) -> Stage:
    permissions.require_secretariat(actor)
    before = stage.results_public
    stage.results_public = public
    stage.save(update_fields=["results_public"])  # save, not update: the search index follows
    record(
        actor,
        verb="operations.stage.publicity",
        target=stage,
        changes={"results_public": [before, public]},
    )
    return stage


@transaction.atomic
def save_press_release(
    actor: Any,
    stage: Stage,
    *,
    title_ru: str,
    title_en: str,
    body_ru: str,
    body_en: str,
    version: int | None,
) -> PressRelease:
    permissions.require_secretariat(actor)
    release = PressRelease.objects.select_for_update().filter(stage=stage).first()
    if release is None:
        release = PressRelease(stage=stage)
    elif version is not None and release.version != version:
        raise Conflict(
            "stale",
            _(
                "Someone changed this press release since you opened it. Reload it: your input was kept below."
            ),
        )
    else:
        release.version += 1
    release.title_ru, release.title_en, release.body_ru, release.body_en = (
        title_ru,
        title_en,
        body_ru,
        body_en,
    )
    release.save()
    record(actor, verb="operations.press_release.save", target=stage, summary=title_en[:200])
    return release


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None
