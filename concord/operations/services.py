"""Everything that changes national reports, stages' publicity and press releases. Pages, the API and
the command line all come through here; every change is audited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.audit.services import record
from concord.core.actions import lock, require, require_version, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.core.events import emit
from concord.organization.models import MemberState

from . import permissions
from .catalogue import Catalogue, ImportRejected, Problem
from .codes import Code, Verb
from .events import PressReleaseSaved
from .models import Figure, NationalReport, PressRelease, Stage
from .spreadsheets import read_rows
from .states import REPORT_FLOW, ReportStatus

BATCH = 2000
SECRETARIAT_ONLY = gettext_lazy("Only a Secretariat officer may do this.")

__all__ = ["BATCH", "ImportRejected", "Problem"]  # the import's outcome, for pages and commands


def _require_reporter(actor: Actor, stage: Stage, state: MemberState) -> None:
    require(
        permissions.can_report(actor, stage, state),
        _("Only a delegation of %(state)s taking part in this stage files its report.")
        % {"state": state.name},
    )


def _require_coordinator(actor: Actor, state: MemberState) -> None:
    require(
        permissions.can_approve(actor, state),
        _(
            "Only the national coordinator or permanent representative of %(state)s approves its report."
        )
        % {"state": state.name},
    )


def _edited(report: NationalReport, *, actor: Actor, verb: Verb, **audit: Any) -> None:
    """A draft's figures changed: the edit counter goes up (older forms are refused), and it is audited."""
    report.version += 1
    report.save(update_fields=["version"])
    record(verb, actor=actor, target=report, **audit)


def current_report(stage: Stage, state: MemberState) -> NationalReport | None:
    return NationalReport.objects.filter(stage=stage, state=state).order_by("-revision").first()


def open_draft(stage: Stage, state: MemberState, *, actor: Actor) -> NationalReport:
    """The state's editable report for the stage, opened if there is none yet."""
    _require_reporter(actor, stage, state)
    report = current_report(stage, state)
    if report is None:
        report = NationalReport.objects.create(stage=stage, state=state)
        record(Verb.OPEN_REPORT, actor=actor, target=report, summary=f"{stage} {state.iso2}")
    if not report.editable:
        raise DomainError(
            Code.NOT_EDITABLE,
            _("This report is %(status)s and cannot be edited; start a correction instead.")
            % {"status": report.get_status_display()},
        )
    return report


def _locked_draft(report: NationalReport, *, actor: Actor, version: int | None) -> NationalReport:
    """The report, locked and unchanged since `version`, still a draft the actor may edit."""
    _require_reporter(actor, report.stage, report.state)
    report = lock(report, version=version)
    if not report.editable:  # approved, or submitted meanwhile by someone who gave no version
        raise Conflict(
            Code.NOT_EDITABLE,
            _("This report is %(status)s and cannot be edited; start a correction instead.")
            % {"status": report.get_status_display()},
        )
    return report


def import_report(
    stage: Stage,
    state: MemberState,
    file: IO[bytes],
    *,
    actor: Actor,
    version: int | None = None,
    submit: bool = False,
) -> tuple[NationalReport, int, list[Problem]]:
    """Replace the draft's figures by the spreadsheet's, whole or not at all."""
    return import_rows(
        stage, state, read_rows(file), actor=actor, version=version, submit=submit, source="file"
    )


@transaction.atomic
def import_rows(
    stage: Stage,
    state: MemberState,
    rows: Iterable[tuple[int, dict[str, Any]]],
    *,
    actor: Actor,
    version: int | None = None,
    submit: bool = False,
    source: str = "figures",
) -> tuple[NationalReport, int, list[Problem]]:
    """Replace the draft's figures by `rows`, whole or not at all (`source` names the field an
    error is about). Returns the report, the number of
    figures and the warnings (problems that did not refuse anything)."""
    report = _locked_draft(open_draft(stage, state, actor=actor), actor=actor, version=version)
    report.figures.all().delete()
    count, warnings = _write_figures(report, Catalogue.load(stage, state), rows)
    if count == 0:  # an empty file replaces nothing: the draft's figures stay (rolled back)
        raise DomainError(
            Code.NOTHING_TO_IMPORT,
            _("There are no figures to import; the draft is unchanged."),
            field=source,
        )
    _edited(
        report,
        actor=actor,
        verb=Verb.IMPORT_REPORT,
        summary=_("%(count)s figures imported") % {"count": count},
        changes={"figures": count},
    )
    if submit:
        report = submit_report(report, actor=actor)
    return report, count, warnings


def _write_figures(
    report: NationalReport, catalogue: Catalogue, rows: Iterable[tuple[int, dict[str, Any]]]
) -> tuple[int, list[Problem]]:
    """Read every row, writing in batches while no problem is found; ImportRejected (and a rollback)
    with every problem if any is. Returns the number of figures and the warnings."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    seen: dict[tuple[int | None, int, int | None], int] = {}
    batch: list[Figure] = []
    count = 0
    for number, cells in rows:
        if str(cells.get("value", "")).strip() == "":
            continue  # a template line left blank: nothing reported
        figure, row_warnings, row_problems = catalogue.figure(cells, number)
        key = (figure.agency_id, figure.indicator_id, figure.item_id)
        if not row_problems and key in seen:
            row_problems = [
                Problem(
                    number,
                    "indicator",
                    str(cells.get("indicator", "")),
                    _("duplicate of row %(row)s") % {"row": seen[key]},
                )
            ]
        problems.extend(row_problems)
        if row_problems:
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
    return count, warnings


@transaction.atomic
def set_figure(
    report: NationalReport, cells: dict[str, Any], *, actor: Actor, version: int | None = None
) -> tuple[Figure, list[str]]:
    """Add or change one line of a draft (the form and the API)."""
    report = _locked_draft(report, actor=actor, version=version)
    figure, warnings, problems = Catalogue.load(report.stage, report.state).figure(cells)
    if problems:
        first = problems[0]
        raise DomainError(Code.INVALID_FIGURE, first.why, field=first.column)
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
    _edited(
        report,
        actor=actor,
        verb=Verb.SET_FIGURE,
        summary=f"{figure.indicator.code} {figure.item.code if figure.item else ''} = {figure.value}",
        changes={"value": [before, str(figure.value)]},
    )
    return figure, warnings


@transaction.atomic
def remove_figure(
    report: NationalReport, figure_id: int, *, actor: Actor, version: int | None = None
) -> None:
    report = _locked_draft(report, actor=actor, version=version)
    figure = report.figures.filter(pk=figure_id).select_related("indicator").first()
    if figure is None:
        raise DomainError(Code.NOT_FOUND, _("No such line in this report."), field="figure")
    figure.delete()
    _edited(
        report,
        actor=actor,
        verb=Verb.REMOVE_FIGURE,
        summary=figure.indicator.code,
        changes={"value": [str(figure.value), None]},
    )


def _step(
    report: NationalReport,
    to: ReportStatus,
    *,
    actor: Actor,
    verb: Verb,
    version: int | None,
    **fields: Any,
) -> NationalReport:
    return transition(
        report, to, flow=REPORT_FLOW, actor=actor, verb=verb, version=version, **fields
    )


@transaction.atomic
def submit_report(
    report: NationalReport, *, actor: Actor, version: int | None = None
) -> NationalReport:
    _require_reporter(actor, report.stage, report.state)
    if not report.figures.exists():
        raise DomainError(Code.EMPTY_REPORT, _("The report has no figures yet."))
    return _step(
        report,
        ReportStatus.SUBMITTED,
        actor=actor,
        verb=Verb.SUBMIT_REPORT,
        version=version,
        submitted_by=user_of(actor),
        submitted_at=timezone.now(),
    )


def _locked_for_decision(
    report: NationalReport, to: ReportStatus, *, actor: Actor, version: int | None
) -> NationalReport:
    """The report, locked, for its state's coordinator to approve or return: refused to its submitter
    where the state applies four eyes. The submitter is read under the lock, so a report returned and
    submitted again meanwhile is judged by who submitted it last."""
    _require_coordinator(actor, report.state)
    report = lock(report, version=version)
    if REPORT_FLOW.allows(report.status, to) and permissions.submitted_it(actor, report):
        raise NotAllowed(
            Code.SAME_PERSON,
            _(
                "You submitted this report: another national coordinator or the permanent "
                "representative of %(state)s approves or returns it."
            )
            % {"state": report.state.name},
        )
    return report


@transaction.atomic
def return_report(
    report: NationalReport, *, actor: Actor, version: int | None = None
) -> NationalReport:
    """The national coordinator sends a submitted report back for changes."""
    report = _locked_for_decision(report, ReportStatus.DRAFT, actor=actor, version=version)
    return _step(report, ReportStatus.DRAFT, actor=actor, verb=Verb.RETURN_REPORT, version=version)


@transaction.atomic
def approve_report(
    report: NationalReport, *, actor: Actor, version: int | None = None
) -> NationalReport:
    report = _locked_for_decision(report, ReportStatus.APPROVED, actor=actor, version=version)
    return _step(
        report,
        ReportStatus.APPROVED,
        actor=actor,
        verb=Verb.APPROVE_REPORT,
        version=version,
        approved_by=user_of(actor),
        approved_at=timezone.now(),
    )


@transaction.atomic
def consolidate_report(
    report: NationalReport, *, actor: Actor, version: int | None = None
) -> NationalReport:
    """The Secretariat takes an approved report into the results; a consolidated correction replaces
    the revision it corrects."""
    require(permissions.is_secretariat(actor), SECRETARIAT_ONLY)
    if NationalReport.objects.filter(
        stage=report.stage, state=report.state, revision__gt=report.revision
    ).exists():
        raise DomainError(
            Code.SUPERSEDED, _("A later revision of this report exists; consolidate that one.")
        )
    report = _step(
        report,
        ReportStatus.CONSOLIDATED,
        actor=actor,
        verb=Verb.CONSOLIDATE_REPORT,
        version=version,
        consolidated_by=user_of(actor),
        consolidated_at=timezone.now(),
    )
    for older in NationalReport.objects.filter(
        stage=report.stage,
        state=report.state,
        revision__lt=report.revision,
        status__in=REPORT_FLOW.sources(ReportStatus.SUPERSEDED),
    ):
        _step(older, ReportStatus.SUPERSEDED, actor=actor, verb=Verb.SUPERSEDE_REPORT, version=None)
    return report


@transaction.atomic
def start_correction(report: NationalReport, *, actor: Actor) -> NationalReport:
    """A new draft revision with the same figures: approved figures are never edited in place."""
    _require_reporter(actor, report.stage, report.state)
    latest = current_report(report.stage, report.state)
    assert latest is not None
    if not REPORT_FLOW.allows(latest.status, ReportStatus.SUPERSEDED):
        raise Conflict(
            Code.NOT_EDITABLE,
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
        Verb.START_CORRECTION,
        actor=actor,
        target=correction,
        summary=_("correction of revision %(revision)s") % {"revision": latest.revision},
    )
    return correction


@transaction.atomic
def set_results_public(stage: Stage, *, actor: Actor, public: bool) -> Stage:
    require(permissions.is_secretariat(actor), SECRETARIAT_ONLY)
    stage = lock(stage)
    before = stage.results_public
    stage.results_public = public
    stage.save(update_fields=["results_public"])  # save, not update: the search index follows
    record(
        Verb.SET_RESULTS_PUBLIC,
        actor=actor,
        target=stage,
        changes={"results_public": [before, public]},
    )
    return stage


@transaction.atomic
def save_press_release(
    stage: Stage,
    *,
    actor: Actor,
    title_ru: str,
    title_en: str,
    body_ru: str,
    body_en: str,
    version: int | None,
) -> PressRelease:
    """The Secretariat's press release on the stage's results; it becomes a publication draft."""
    require(permissions.is_secretariat(actor), SECRETARIAT_ONLY)
    lock(
        stage
    )  # two first saves at once: the second finds the first's release and needs its version
    release = PressRelease.objects.filter(stage=stage).first()
    if release is None:
        release = PressRelease(stage=stage)
    else:
        release = lock(release, version=require_version(version))  # replaced: 422 without it
        release.version += 1
    release.title_ru, release.title_en = title_ru, title_en
    release.body_ru, release.body_en = body_ru, body_en
    release.save()
    record(Verb.SAVE_PRESS_RELEASE, actor=actor, target=stage, summary=title_en[:200])
    emit(PressReleaseSaved(stage.pk))
    return release
