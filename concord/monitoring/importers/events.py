"""The import of conflict events, whole or not at all: one transaction writes every row and the audit
entry, or nothing is written and the audit entry of the failure says why. A second process reads and
checks the file and sends its good rows in batches to this one, which writes them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from concord.audit import services as audit
from concord.core.actions import require
from concord.core.actors import Actor

from .. import coverage, permissions, rollup
from ..codes import Verb
from .acled import ACLED
from .csvfile import open_csv, read_csv, unreadable
from .ged import GED
from .process import in_another_process, without_cycle_collection
from .report import ImportReport, Problem, RowsRejected, audit_changes, failure
from .rows import Columns, Format, RowError
from .writer import Batch, Writer, tidy_up

BATCH = 20000
FORMATS: dict[str, Format] = {"ucdp-ged": GED, "acled": ACLED}

# as Problem's fields: plain values, for marshal
Problems = list[tuple[int, str, str, str]]


def import_events(
    path: str | Path,
    fmt: str,
    *,
    actor: Actor,
    version: str = "",
    on_problem: Callable[[Problem], None] | None = None,
) -> ImportReport:
    """Import a GED or ACLED-format CSV (or a zip holding one), whole or not at all. Raises
    ImportFailed (NotCsv when the file cannot be read, or breaks off part-way; RowsRejected when rows
    are bad, every one of them reported) after rolling everything back and auditing the failure."""
    require(permissions.imports_data(actor), _("Conflict data is imported on the server only."))
    report = ImportReport(on_problem=on_problem)
    what = f"{fmt} {path}"
    try:
        with transaction.atomic():
            counted = rollup.total()
            run = _read_and_write(path, fmt, version, report)
            if report.rejected:
                raise RowsRejected(report)
            report.coverage = coverage.record_import(FORMATS[fmt].source, run)
            rollup.refresh_after_import(run, counted, report.imported)
            audit.record(
                Verb.IMPORT_EVENTS,
                actor=actor,
                summary=f"{what}: {report.summary()}",
                changes=audit_changes("applied", report),
            )
    except Exception as error:
        failed = failure(error, report)
        audit.record(  # after the rollback, so that it stays
            Verb.IMPORT_EVENTS,
            actor=actor,
            summary=f"{what}: failed, nothing imported: {failed}",
            changes=audit_changes("failed", report, str(failed)),
        )
        if failed is error:
            raise
        raise failed from error
    tidy_up()
    return report


def _read_and_write(path: str | Path, fmt: str, version: str, report: ImportReport) -> str:
    """Every row of the file read, checked and written (bad rows counted and reported: the good ones
    are still written, so that an id repeated across batches is found, and rolled back after). Returns
    the run's id, which every row it wrote carries."""
    run = uuid.uuid4().hex
    writer = Writer(FORMATS[fmt].source, run, report)
    with (
        in_another_process(_checked_batches, path, fmt, version, run) as batches,
        without_cycle_collection(),
    ):
        for batch, problems, read in batches:
            report.read += read
            report.rejected += len(problems)
            for problem in problems:
                report.add(Problem(*problem))
            writer.write(batch)
    writer.finish()
    return run


def _checked_batches(
    path: str | Path, fmt: str, version: str, run: str
) -> Iterator[tuple[Batch, Problems, int]]:
    """The file's good rows in batches, each with the problems of its bad rows and how many rows it read."""
    build = FORMATS[fmt].build
    with open_csv(path) as stream:
        col, rows = read_csv(stream, FORMATS[fmt].required)
        columns = Columns(col, FORMATS[fmt].texts, FORMATS[fmt].parsed)
        version = version[:20]
        version_at = None if version else col.get("version")
        batch: Batch = {}
        problems: Problems = []
        read = 0
        for line, row in rows:
            read += 1
            if len(batch) >= BATCH or len(problems) >= BATCH:  # bounded, even when all are bad
                yield batch, problems, read - 1
                batch, problems, read = {}, [], 1
            if unreadable(row):
                problems.append((line, "", "", f"unreadable line: {row[0][1:]}"))
                continue
            if version_at is not None:  # the file's version column, unless the caller said which
                version = row[version_at][:20] if version_at < len(row) else ""
            try:
                event = build(columns(row), version, run)
            except RowError as error:
                problems.append((line, error.column, str(error.value)[:80], error.why))
                continue
            source_id = event.source_id
            if source_id in batch:
                problems.append(
                    (line, "id", source_id, f"duplicated id (line {batch[source_id][0]})")
                )
                continue
            batch[source_id] = (line, tuple(event))
        yield batch, problems, read
